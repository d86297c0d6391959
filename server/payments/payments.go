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
	// ParseWebhook verifies a webhook's signature over the raw body and decodes it.
	ParseWebhook(payload []byte, signature string) (Event, error)
	// DecodeEvent decodes a payload verified earlier (a stored event).
	DecodeEvent(payload []byte) (Event, error)
	// SignTestEvent signs a payload as the provider would (test mode only:
	// staff "simulate a payment" through the real webhook path).
	SignTestEvent(payload []byte) (string, error)
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

// Event is a verified webhook event, reduced to what the money workflow reads.
type Event struct {
	ID, Type string
	Payload  []byte
	// payment_intent.*
	PaymentIntent *PaymentIntent
	// charge.refunded
	Charge *ChargeEvent
	// account.updated
	Account *AccountEvent
	// transfer.reversed
	Transfer *TransferEvent
}

type PaymentIntent struct {
	ID             string
	Amount         int64
	AmountReceived int64
	Currency       string
	Status         string
	LatestCharge   string
	Metadata       map[string]string
	FailureMessage string
}

type ChargeEvent struct {
	ID             string
	PaymentIntent  string
	AmountRefunded int64
	RefundIDs      []string
}

type AccountEvent struct {
	ID             string
	PayoutsEnabled bool
}

type TransferEvent struct {
	ID             string
	Amount         int64
	AmountReversed int64
	Metadata       map[string]string
}

var (
	// ErrManual: the manual provider does not move money by itself; finance
	// staff do, and record it.
	ErrManual = errors.New("payments: the manual provider moves money by hand")
	// ErrBadSignature: a webhook whose signature or timestamp does not verify.
	ErrBadSignature = errors.New("payments: webhook signature does not verify")
)
