package market

import "testing"

// TestPaymentOutcome: what arrived against what was asked, at the edges.
func TestPaymentOutcome(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		asked, received int64
		want            PaymentStatus
	}{{100, 100, PaymentSucceeded}, {100, 99, PaymentShort}, {100, 0, PaymentShort}, {100, 101, PaymentOver}} {
		if got := PaymentOutcome(c.asked, c.received); got != c.want || !got.Received() {
			t.Errorf("PaymentOutcome(%d, %d) = %s, want %s", c.asked, c.received, got, c.want)
		}
	}
	for _, s := range []PaymentStatus{PaymentPending, PaymentFailed, PaymentCancelled} {
		if s.Received() {
			t.Errorf("%s counts as received", s)
		}
	}
}
