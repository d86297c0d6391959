// Package payments talks to payment providers: Stripe (separate charges and
// transfers) and the manual provider (bank transfers that finance staff
// confirm and send by hand; Stripe Connect cannot pay mainland-China
// accounts, so real deployments need both). Nothing else imports stripe-go.
// The money workflow (server/money) decides what to charge, refund and pay
// out; this package only carries it out.
package payments

import (
	"context"
	"errors"
	"time"
)

// Provider names.
const (
	Stripe = "stripe"
	Manual = "manual"
)

// Provider moves money. Every call that may be retried takes a
// deterministic idempotency key: a retry after a timeout returns the first
// result instead of moving money twice.
type Provider interface {
	Name() string
	// Charge starts collecting a payment (a Stripe PaymentIntent). The manual
	// provider collects nothing itself: finance staff confirm the transfer.
	Charge(ctx context.Context, c ChargeRequest) (Charge, error)
	// Refund returns money from a charge to its payer.
	Refund(ctx context.Context, r RefundRequest) (string, error)
	// Transfer pays a connected account (a workshop's payout).
	Transfer(ctx context.Context, t TransferRequest) (string, error)
	// ConnectAccount creates (idempotently) a payout account for an organisation.
	ConnectAccount(ctx context.Context, orgID, email, idempotencyKey string) (string, error)
	// OnboardingLink is where the organisation finishes setting up that account.
	OnboardingLink(ctx context.Context, account, refreshURL, returnURL string) (string, error)
	// ParseWebhook verifies a webhook's signature over the raw body and reads its fact.
	ParseWebhook(payload []byte, signature string) (Fact, error)
	// DecodeEvent reads the fact of a payload verified earlier (a stored event).
	DecodeEvent(payload []byte) (Fact, error)
	// SimulatePayment is the signed event the provider would send for a
	// payment's outcome (test mode only: staff "simulate a payment").
	SimulatePayment(p TestPayment) (payload []byte, signature string, err error)
}

// ChargeRequest asks for a payment in.
type ChargeRequest struct {
	Amount         int64
	Currency       string
	TransferGroup  string            // the contract: payouts from it name the same group
	Metadata       map[string]string // contract_id, payment_id, purpose
	Description    string
	IdempotencyKey string
}

// Charge is a started payment: the provider's id and what the browser needs to pay.
type Charge struct {
	ID           string
	ClientSecret string
}

// RefundRequest returns part or all of a charge.
type RefundRequest struct {
	ChargeRef      string // the PaymentIntent
	Amount         int64
	Metadata       map[string]string
	IdempotencyKey string
}

// TransferRequest pays a connected account.
type TransferRequest struct {
	Destination       string
	Amount            int64
	Currency          string
	SourceTransaction string // the charge the money came from
	TransferGroup     string
	Metadata          map[string]string
	IdempotencyKey    string
}

// FactKind is what a provider event means for the money, in no provider's
// words: the Stripe event names stay in this package.
type FactKind string

const (
	FactOther            FactKind = ""                  // stored, not acted on
	FactPaymentSucceeded FactKind = "payment_succeeded" // money arrived for a payment (perhaps more or less than asked)
	FactPaymentFailed    FactKind = "payment_failed"    // the payer's card was declined
	FactRefundsSent      FactKind = "refunds_sent"      // refunds of a charge left the platform
	FactAccountUpdated   FactKind = "account_updated"   // a payout account can (or can no longer) be paid
	FactTransferReversed FactKind = "transfer_reversed" // a transfer out was taken back, in part or in full
)

// Fact is a verified provider event reduced to what the money workflow
// acts on. Exactly the part its Kind names is set.
type Fact struct {
	EventID string
	// EventType is the provider's own name for the event, kept with the stored event for the record.
	EventType string
	Kind      FactKind
	Payment   *PaymentFact  // payment_succeeded, payment_failed
	Refunds   []string      // refunds_sent: the provider's refund ids
	Account   *AccountFact  // account_updated
	Transfer  *TransferFact // transfer_reversed
}

// PaymentFact is a payment in as the provider reports it.
type PaymentFact struct {
	Ref            string // the provider's payment (a PaymentIntent)
	Received       int64  // what actually arrived
	ChargeRef      string // the charge payouts name as their source
	Metadata       map[string]string
	FailureMessage string
	FailureCode    string // the provider's error code (decline reason), when it gave one
}

// AccountFact is a payout account's readiness.
type AccountFact struct {
	Ref            string
	PayoutsEnabled bool
}

// TransferFact is a transfer out and how much of it was taken back.
type TransferFact struct {
	Ref    string
	Amount int64
	// ReversedTotal is everything reversed so far: the provider reports the
	// running total, not the part this event adds.
	ReversedTotal int64
	Metadata      map[string]string
}

// TestPayment is a card payment's outcome to simulate (staff, test mode):
// the provider signs the event it would send, and it goes through the
// real webhook path.
type TestPayment struct {
	Ref       string // the provider's payment
	Amount    int64
	Currency  string
	Succeed   bool
	ChargeRef string
	Metadata  map[string]string
	At        time.Time
}

var (
	// ErrManual: the manual provider does not move money by itself; finance
	// staff do, and record it.
	ErrManual = errors.New("payments: the manual provider moves money by hand")
	// ErrBadSignature: a webhook whose signature or timestamp does not verify.
	ErrBadSignature = errors.New("payments: webhook signature does not verify")
)
