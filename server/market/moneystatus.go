package market

// PaymentStatus is where a payment in stands (the payments table's CHECK).
type PaymentStatus string

const (
	PaymentPending   PaymentStatus = "pending"   // asked for, nothing arrived yet
	PaymentSucceeded PaymentStatus = "succeeded" // exactly what was asked arrived
	PaymentShort     PaymentStatus = "short"     // less arrived: the rest is still owed
	PaymentOver      PaymentStatus = "over"      // more arrived: the excess is refunded
	PaymentFailed    PaymentStatus = "failed"    // the card payment was declined
	PaymentCancelled PaymentStatus = "cancelled" // the contract ended before it arrived
)

// PaymentStatuses are every payment status.
var PaymentStatuses = []PaymentStatus{PaymentPending, PaymentSucceeded, PaymentShort, PaymentOver, PaymentFailed, PaymentCancelled}

// Received reports whether money arrived for the payment (its amount received is recorded).
func (s PaymentStatus) Received() bool {
	return s == PaymentSucceeded || s == PaymentShort || s == PaymentOver
}

// PaymentOutcome classifies what arrived against what was asked: a short
// or over payment is recorded as it is, never rounded into the asked figure.
func PaymentOutcome(asked, received int64) PaymentStatus {
	switch {
	case received < asked:
		return PaymentShort
	case received > asked:
		return PaymentOver
	}
	return PaymentSucceeded
}

// DisbursementStatus is where money going out stands (the disbursements table's CHECK).
type DisbursementStatus string

const (
	DisbursementQueued   DisbursementStatus = "queued"   // to be sent (by a job, or by finance staff by hand)
	DisbursementSending  DisbursementStatus = "sending"  // handed to the provider
	DisbursementSent     DisbursementStatus = "sent"     // left the platform
	DisbursementFailed   DisbursementStatus = "failed"   // the provider refused it
	DisbursementReversed DisbursementStatus = "reversed" // the provider took it back, in part or in full
)

// DisbursementStatuses are every disbursement status.
var DisbursementStatuses = []DisbursementStatus{DisbursementQueued, DisbursementSending, DisbursementSent, DisbursementFailed,
	DisbursementReversed}
