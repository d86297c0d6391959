package money

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/access"
	"doorstep/server/market"
	"doorstep/server/payments"
	"doorstep/server/store"
)

// PaymentView is a payment in, as its payer, the other party and staff see it.
type PaymentView struct {
	ID             uuid.UUID             `json:"id"`
	ContractID     uuid.UUID             `json:"contract_id"`
	Purpose        market.PaymentPurpose `json:"purpose"`
	Amount         int64                 `json:"amount"`
	AmountReceived *int64                `json:"amount_received"`
	Currency       string                `json:"currency"`
	Provider       string                `json:"provider"`
	Status         market.PaymentStatus  `json:"status"`
	Reference      string                `json:"reference"`
	ClientSecret   *string               `json:"client_secret,omitempty"`  // the payer's, for the Payment Element
	FailureReason  *market.Msg           `json:"failure_reason,omitempty"` // in words (market.FailureWords)
	BankReference  string                `json:"bank_reference,omitempty"`
	ReceiptNote    string                `json:"receipt_note,omitempty"`
	CreatedAt      time.Time             `json:"created_at"`
	SettledAt      *time.Time            `json:"settled_at"`
	// What the caller may do with it now (market.PaymentPolicyFor).
	Actions market.PaymentCan `json:"actions"`
}

// paymentFacts are what the payment policy decides from.
func (s *Service) paymentFacts(p store.Payment) market.PaymentFacts {
	return market.PaymentFacts{PayerOrgID: p.PayerOrgID, Manual: p.Provider == payments.Manual, Status: p.Status,
		HasRef: p.ProviderRef != nil, TestMode: s.TestMode}
}

// paymentFor is a payment as the actor, whose role in its contract is role, sees it.
func (s *Service) paymentFor(p store.Payment, a *market.Actor, role market.Role) PaymentView {
	v := paymentView(p, a.OrgID)
	v.Actions = market.PaymentPolicyFor(a, role, s.paymentFacts(p))
	return v
}

// paymentCan is what the actor may do with a payment: its contract's policy
// gives the actor's role (not visible → 404), the payment policy the rest.
func (s *Service) paymentCan(ctx context.Context, db *store.DB, a *market.Actor, p store.Payment) (market.PaymentCan, error) {
	_, pol, err := access.Contract(ctx, db, a, p.ContractID, s.Now())
	if err != nil {
		return market.PaymentCan{}, err
	}
	return market.PaymentPolicyFor(a, pol.Role, s.paymentFacts(p)), nil
}

func paymentView(p store.Payment, viewer uuid.UUID) PaymentView {
	v := PaymentView{ID: p.ID, ContractID: p.ContractID, Purpose: market.PaymentPurpose(p.Purpose), Amount: p.Amount,
		AmountReceived: p.AmountReceived, Currency: p.Currency, Provider: p.Provider, Status: p.Status, Reference: p.Reference,
		FailureReason: market.FailureWords(p.FailureReason).OrNil(), BankReference: p.BankReference, ReceiptNote: p.ReceiptNote, CreatedAt: p.CreatedAt,
		SettledAt: p.SettledAt}
	if viewer == p.PayerOrgID && p.Status == market.PaymentPending {
		v.ClientSecret = p.ClientSecret
	}
	return v
}

// DisbursementView is money going out: a payout, refund or compensation.
type DisbursementView struct {
	ID            uuid.UUID                 `json:"id"`
	ContractID    uuid.UUID                 `json:"contract_id"`
	Kind          market.DisbursementKind   `json:"kind"`
	RecipientID   uuid.UUID                 `json:"recipient_id"`
	Amount        int64                     `json:"amount"`
	Currency      string                    `json:"currency"`
	Provider      string                    `json:"provider"`
	Status        market.DisbursementStatus `json:"status"`
	ProviderRef   *string                   `json:"provider_ref"`
	BankReference string                    `json:"bank_reference,omitempty"`
	CreatedAt     time.Time                 `json:"created_at"`
	SentAt        *time.Time                `json:"sent_at"`
	// What the provider took back of it so far (status reversed: all or part).
	AmountReversed int64 `json:"amount_reversed"`
	// The disbursement the provider reversed that this one pays again.
	ReissueOf *uuid.UUID `json:"reissue_of"`
	// What the caller may do with it now (market.DisbursementPolicyFor).
	Actions market.DisbursementCan `json:"actions"`
}

// disbursementFor is a disbursement as the actor sees it; recipientReady:
// its recipient has a payout account to send it to.
func disbursementFor(d store.Disbursement, a *market.Actor, recipientReady bool) DisbursementView {
	v := disbursementView(d)
	v.Actions = market.DisbursementPolicyFor(a, market.DisbursementKind(d.Kind), d.Provider == payments.Manual, d.Status, recipientReady)
	return v
}

func disbursementView(d store.Disbursement) DisbursementView {
	return DisbursementView{ID: d.ID, ContractID: d.ContractID, Kind: market.DisbursementKind(d.Kind), RecipientID: d.RecipientOrgID,
		Amount: d.Amount, Currency: d.Currency, Provider: d.Provider, Status: d.Status, ProviderRef: d.ProviderRef,
		BankReference: d.BankReference, CreatedAt: d.CreatedAt, SentAt: d.SentAt, AmountReversed: d.AmountReversed, ReissueOf: d.ReissueOf}
}

// Held is what the platform holds for a contract, by account.
type Held struct {
	Escrow          int64 `json:"escrow"`
	Deposit         int64 `json:"deposit"`
	WorkshopPayable int64 `json:"workshop_payable"`
	RefundsPayable  int64 `json:"refunds_payable"`
	Released        int64 `json:"released"` // escrow paid out to the workshop so far (gross)
}

// ContractPayments is a contract's money tab: what was paid in, what is held,
// what went out, and how to pay what is still owed.
type ContractPayments struct {
	Currency        string             `json:"currency"`
	EscrowRequired  int64              `json:"escrow_required"`
	DepositRequired int64              `json:"deposit_required"`
	DepositWaived   bool               `json:"deposit_waived"`
	FundingDueAt    time.Time          `json:"funding_due_at"`
	Held            Held               `json:"held"`
	Payments        []PaymentView      `json:"payments"`
	Disbursements   []DisbursementView `json:"disbursements"`
	Provider        string             `json:"provider"`
	Bank            *Bank              `json:"bank,omitempty"` // where to transfer (manual provider)
	Publishable     string             `json:"publishable_key,omitempty"`
	// What is still owed for each purpose and the payment on its way, if
	// any (the contract's facts; the page never recomputes them).
	Owed Owed `json:"owed"`
}

// Owed is what is still to pay in, by purpose, with the open payment of each.
type Owed struct {
	Escrow      int64      `json:"escrow"`
	Deposit     int64      `json:"deposit"`
	OpenEscrow  *uuid.UUID `json:"open_escrow"`
	OpenDeposit *uuid.UUID `json:"open_deposit"`
}

// LedgerLine is one entry of a ledger transaction.
type LedgerLine struct {
	Account  market.AccountKind `json:"account"`
	Provider string             `json:"provider,omitempty"`
	Amount   int64              `json:"amount"`
}

// LedgerTransaction is one balanced movement; Balanced is computed from its lines.
type LedgerTransaction struct {
	ID             int64        `json:"id"`
	Kind           string       `json:"kind"`
	Memo           string       `json:"memo"`
	At             time.Time    `json:"at"`
	PaymentID      *uuid.UUID   `json:"payment_id"`
	DisbursementID *uuid.UUID   `json:"disbursement_id"`
	Lines          []LedgerLine `json:"lines"`
	Balanced       bool         `json:"balanced"`
}
