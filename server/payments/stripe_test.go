package payments

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v76/webhook"

	"doorstep/server/payments/stripetest"
)

// recorder notes the idempotency key of each request that reaches stripe-mock.
type recorder struct {
	mu   sync.Mutex
	keys map[string][]string // path → keys
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.keys[req.URL.Path] = append(r.keys[req.URL.Path], req.Header.Get("Idempotency-Key"))
	r.mu.Unlock()
	return http.DefaultTransport.RoundTrip(req)
}

func newStripe(t *testing.T) (*StripeProvider, *recorder) {
	rec := &recorder{keys: map[string][]string{}}
	return NewStripe(StripeConfig{SecretKey: "sk_test_123", WebhookSecret: "whsec_test", APIBase: stripetest.URL(t),
		HTTPClient: &http.Client{Transport: rec, Timeout: 10 * time.Second}}), rec
}

// The provider's calls, against Stripe's own mock: each carries the
// idempotency key it was given and returns the object's id.
func TestStripeCalls(t *testing.T) {
	t.Parallel()
	s, rec := newStripe(t)
	ctx := context.Background()
	ch, err := s.Charge(ctx, ChargeRequest{Amount: 150000, Currency: "CNY", TransferGroup: "k1", Description: "DS-20261201-0001",
		Metadata: map[string]string{"contract_id": "k1", "payment_id": "p1"}, IdempotencyKey: "pi:k1:escrow:1"})
	if err != nil || !strings.HasPrefix(ch.ID, "pi_") || ch.ClientSecret == "" {
		t.Fatalf("charge: %+v %v", ch, err)
	}
	if ref, err := s.Refund(ctx, RefundRequest{ChargeRef: ch.ID, Amount: 100, IdempotencyKey: "refund:p1:x"}); err != nil || !strings.HasPrefix(ref, "re_") {
		t.Fatalf("refund: %q %v", ref, err)
	}
	if ref, err := s.Transfer(ctx, TransferRequest{Destination: "acct_123", Amount: 100, Currency: "CNY", SourceTransaction: "ch_1",
		TransferGroup: "k1", IdempotencyKey: "payout:d1"}); err != nil || !strings.HasPrefix(ref, "tr_") {
		t.Fatalf("transfer: %q %v", ref, err)
	}
	acct, err := s.ConnectAccount(ctx, "org-1", "coord@example.cn", "acct:org-1")
	if err != nil || !strings.HasPrefix(acct, "acct_") {
		t.Fatalf("account: %q %v", acct, err)
	}
	if u, err := s.OnboardingLink(ctx, acct, "https://x/back", "https://x/back"); err != nil || !strings.HasPrefix(u, "https://") {
		t.Fatalf("link: %q %v", u, err)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	for path, want := range map[string]string{"/v1/payment_intents": "pi:k1:escrow:1", "/v1/refunds": "refund:p1:x",
		"/v1/transfers": "payout:d1", "/v1/accounts": "acct:org-1"} {
		if got := rec.keys[path]; len(got) != 1 || got[0] != want {
			t.Errorf("%s idempotency keys %v, want [%s]", path, got, want)
		}
	}
}

func event(t *testing.T, typ string, obj map[string]any) []byte {
	b, err := json.Marshal(map[string]any{"id": "evt_1", "object": "event", "type": typ, "api_version": "2023-10-16",
		"created": time.Now().Unix(), "data": map[string]any{"object": obj}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Webhooks are verified over the raw bytes: a right signature decodes, a
// wrong secret, a changed body or a stale timestamp does not.
func TestStripeWebhookSignature(t *testing.T) {
	t.Parallel()
	s, _ := newStripe(t)
	body := event(t, "payment_intent.succeeded", map[string]any{"id": "pi_1", "object": "payment_intent", "amount": 500,
		"amount_received": 500, "currency": "cny", "status": "succeeded", "latest_charge": "ch_1",
		"metadata": map[string]string{"payment_id": "p1"}})
	sig := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: "whsec_test"}).Header
	ev, err := s.ParseWebhook(body, sig)
	if err != nil || ev.EventID != "evt_1" || ev.Kind != FactPaymentSucceeded || ev.Payment == nil || ev.Payment.Received != 500 ||
		ev.Payment.ChargeRef != "ch_1" || ev.Payment.Metadata["payment_id"] != "p1" {
		t.Fatalf("parse: %+v %v", ev, err)
	}
	for _, succeed := range []bool{true, false} {
		own, sig, err := s.SimulatePayment(TestPayment{Ref: "pi_1", Amount: 500, Currency: "CNY", Succeed: succeed, At: time.Now(),
			Metadata: map[string]string{"payment_id": "p1"}})
		if err != nil {
			t.Fatal(err)
		}
		f, err := s.ParseWebhook(own, sig)
		want := map[bool]FactKind{true: FactPaymentSucceeded, false: FactPaymentFailed}[succeed]
		if err != nil || f.Kind != want || f.Payment.Ref != "pi_1" || f.Payment.Metadata["payment_id"] != "p1" {
			t.Fatalf("own simulated event: %+v %v", f, err)
		}
	}
	wrong := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: "whsec_other"}).Header
	stale := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: "whsec_test",
		Timestamp: time.Now().Add(-time.Hour)}).Header
	changed := append([]byte{}, body...)
	changed[len(changed)-2] = ' '
	for name, c := range map[string]struct {
		body []byte
		sig  string
	}{"wrong secret": {body, wrong}, "stale": {body, stale}, "changed body": {changed, sig}, "no signature": {body, ""}} {
		if _, err := s.ParseWebhook(c.body, c.sig); !errors.Is(err, ErrBadSignature) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestStripeFacts: each Stripe event the money acts on becomes its
// provider-neutral fact; any other event is stored, not acted on.
func TestStripeFacts(t *testing.T) {
	t.Parallel()
	s, _ := newStripe(t)
	for _, c := range []struct {
		typ  string
		obj  map[string]any
		want Fact
	}{
		{"payment_intent.payment_failed", map[string]any{"id": "pi_1", "object": "payment_intent", "amount": 500,
			"last_payment_error": map[string]any{"message": "card declined"}},
			Fact{Kind: FactPaymentFailed, Payment: &PaymentFact{Ref: "pi_1", FailureMessage: "card declined"}}},
		{"charge.refunded", map[string]any{"id": "ch_1", "object": "charge", "payment_intent": "pi_1", "amount_refunded": 100,
			"refunds": map[string]any{"object": "list", "data": []any{map[string]any{"id": "re_1", "object": "refund"}}}},
			Fact{Kind: FactRefundsSent, Refunds: []string{"re_1"}}},
		{"account.updated", map[string]any{"id": "acct_1", "object": "account", "payouts_enabled": true},
			Fact{Kind: FactAccountUpdated, Account: &AccountFact{Ref: "acct_1", PayoutsEnabled: true}}},
		{"transfer.reversed", map[string]any{"id": "tr_1", "object": "transfer", "amount": 300, "amount_reversed": 200},
			Fact{Kind: FactTransferReversed, Transfer: &TransferFact{Ref: "tr_1", Amount: 300, ReversedTotal: 200}}},
		{"transfer.created", map[string]any{"id": "tr_1", "object": "transfer", "amount": 300}, Fact{Kind: FactOther}},
		{"charge.succeeded", map[string]any{"id": "ch_1", "object": "charge"}, Fact{Kind: FactOther}},
	} {
		got, err := s.DecodeEvent(event(t, c.typ, c.obj))
		c.want.EventID, c.want.EventType = "evt_1", c.typ
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %+v %v, want %+v", c.typ, got, err, c.want)
		}
	}
}

// TestStripeWebhookDatedInTheFuture: stripe-go refuses a signature older
// than the tolerance but not one dated ahead; past the same tolerance in the
// future it is refused too (a replay kept for later, or a wrong clock),
// while a few seconds of clock skew are not.
func TestStripeWebhookDatedInTheFuture(t *testing.T) {
	t.Parallel()
	s, _ := newStripe(t)
	body := event(t, "payment_intent.succeeded", map[string]any{"id": "pi_1", "object": "payment_intent", "amount": 500,
		"amount_received": 500, "currency": "cny", "status": "succeeded"})
	sign := func(at time.Time) string {
		return webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: "whsec_test", Timestamp: at}).Header
	}
	for ahead, ok := range map[time.Duration]bool{30 * time.Second: true, 4 * time.Minute: true, 6 * time.Minute: false, 24 * time.Hour: false} {
		_, err := s.ParseWebhook(body, sign(time.Now().Add(ahead)))
		if ok && err != nil || !ok && !errors.Is(err, ErrBadSignature) {
			t.Errorf("signed %s ahead: %v", ahead, err)
		}
	}
}
