package api

import (
	"github.com/google/uuid"

	"doorstep/server/money"
)

func (s *Server) fundContract(c *Call, req *IDParam) (money.PaymentView, error) {
	return withID(*req, func(id uuid.UUID) (money.PaymentView, error) { return s.money.Fund(c.Ctx, c.Actor, id) })
}

func (s *Server) payDeposit(c *Call, req *IDParam) (money.PaymentView, error) {
	return withID(*req, func(id uuid.UUID) (money.PaymentView, error) { return s.money.PayDeposit(c.Ctx, c.Actor, id) })
}

func (s *Server) contractPayments(c *Call, req *IDParam) (money.ContractPayments, error) {
	return withID(*req, func(id uuid.UUID) (money.ContractPayments, error) { return s.money.Payments(c.Ctx, c.Actor, id) })
}

// LedgerResponse is a contract's ledger, transaction by transaction.
type LedgerResponse struct {
	Transactions []money.LedgerTransaction `json:"transactions"`
}

func (s *Server) contractLedger(c *Call, req *IDParam) (LedgerResponse, error) {
	return withID(*req, func(id uuid.UUID) (LedgerResponse, error) {
		t, err := s.money.Ledger(c.Ctx, c.Actor, id)
		return LedgerResponse{t}, err
	})
}

func (s *Server) getPayment(c *Call, req *IDParam) (money.PaymentView, error) {
	return withID(*req, func(id uuid.UUID) (money.PaymentView, error) { return s.money.Payment(c.Ctx, c.Actor, id) })
}

// ReceiptRequest is the payer's note about a bank transfer.
type ReceiptRequest struct {
	IDParam
	Note string `json:"note"`
}

func (s *Server) attachReceipt(c *Call, req *ReceiptRequest) (money.PaymentView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (money.PaymentView, error) {
		return s.money.AttachReceipt(c.Ctx, c.Actor, id, req.Note)
	})
}

// SimulateRequest asks for a signed test event (Stripe test mode, staff).
type SimulateRequest struct {
	IDParam
	Outcome string `json:"outcome"` // succeeded (default) or failed
}

func (s *Server) simulatePayment(c *Call, req *SimulateRequest) (Accepted, error) {
	return withID(req.IDParam, func(id uuid.UUID) (Accepted, error) {
		return Accepted{"accepted"}, s.money.Simulate(c.Ctx, c.Actor, id, req.Outcome != "failed")
	})
}

// FinanceListRequest filters a finance queue.
type FinanceListRequest struct {
	PageQuery
	Status   string `query:"status"`
	Provider string `query:"provider"`
}

func (s *Server) financePayments(c *Call, req *FinanceListRequest) (Page[money.FinancePayment], error) {
	return s.money.FinancePayments(c.Ctx, c.Actor, req.Status, req.Provider, req.PageQuery)
}

func (s *Server) financeDisbursements(c *Call, req *FinanceListRequest) (Page[money.FinanceDisbursement], error) {
	return s.money.FinanceDisbursements(c.Ctx, c.Actor, req.Status, req.Provider, req.PageQuery)
}

// ConfirmPaymentRequest is what finance staff saw arrive at the bank.
type ConfirmPaymentRequest struct {
	IDParam
	AmountReceived int64  `json:"amount_received"`
	BankReference  string `json:"bank_reference"`
}

func (s *Server) confirmPayment(c *Call, req *ConfirmPaymentRequest) (money.PaymentView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (money.PaymentView, error) {
		return s.money.Confirm(c.Ctx, c.Actor, id, req.AmountReceived, req.BankReference)
	})
}

// MarkSentRequest records a payout or refund sent from the bank.
type MarkSentRequest struct {
	IDParam
	BankReference string `json:"bank_reference"`
}

func (s *Server) markDisbursementSent(c *Call, req *MarkSentRequest) (money.DisbursementView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (money.DisbursementView, error) {
		return s.money.MarkSent(c.Ctx, c.Actor, id, req.BankReference)
	})
}

func (s *Server) getPayoutAccount(c *Call, req *IDParam) (money.PayoutAccountView, error) {
	return withID(*req, func(id uuid.UUID) (money.PayoutAccountView, error) { return s.money.PayoutAccount(c.Ctx, c.Actor, id) })
}

type PayoutAccountRequest struct {
	IDParam
	money.PayoutAccountInput
}

func (s *Server) putPayoutAccount(c *Call, req *PayoutAccountRequest) (money.PayoutAccountView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (money.PayoutAccountView, error) {
		return s.money.SetBankAccount(c.Ctx, c.Actor, id, req.PayoutAccountInput)
	})
}

// LinkResponse is where to send the browser next.
type LinkResponse struct {
	URL string `json:"url"`
}

func (s *Server) stripeOnboarding(c *Call, req *IDParam) (LinkResponse, error) {
	return withID(*req, func(id uuid.UUID) (LinkResponse, error) {
		u, err := s.money.OnboardingLink(c.Ctx, c.Actor, id)
		return LinkResponse{u}, err
	})
}

// WebhookRequest is a provider's webhook: the raw body, verified byte for byte.
type WebhookRequest struct {
	Payload   []byte `body:"raw"`
	Signature string `header:"Stripe-Signature"`
}

func (s *Server) stripeWebhook(c *Call, req *WebhookRequest) (Received, error) {
	return Received{true}, s.money.ReceiveWebhook(c.Ctx, req.Payload, req.Signature)
}

// Received acknowledges a webhook.
type Received struct {
	Received bool `json:"received"`
}

// CancelContractRequest asks (or agrees) to cancel a contract, with a reason.
type CancelContractRequest = ReasonRequest

func (s *Server) cancelContract(c *Call, req *CancelContractRequest) (ContractView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (ContractView, error) { return s.contracts.Cancel(c.Ctx, c.Actor, id, req.Reason) })
}
