package money

import (
	"context"
	"strings"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/notify"
	"doorstep/server/payments"
	"doorstep/server/store"
)

// FinancePayment is a payment in the finance queue.
type FinancePayment struct {
	PaymentView
	ContractTitle string    `json:"contract_title"`
	PayerID       uuid.UUID `json:"payer_id"`
	PayerName     string    `json:"payer_name"`
}

// FinancePayments lists payments by status (pending bank transfers first of all).
func (s *Service) FinancePayments(ctx context.Context, a *market.Actor, status, provider string, pq market.PageQuery) (market.Page[FinancePayment], error) {
	lim, off, err := pq.Limits()
	st, _, ferr := market.ListFilters(status, market.PaymentStatuses, "")
	if err := market.MergeInvalid(err, ferr); err != nil {
		return market.Page[FinancePayment]{}, err
	}
	var prov *string
	if provider != "" {
		prov = &provider
	}
	db := s.Store.DB()
	rows, err := db.FinancePayments(ctx, store.FinancePaymentsParams{Status: st, Provider: prov, Lim: lim, Off: off})
	if err != nil {
		return market.Page[FinancePayment]{}, err
	}
	total, err := db.CountFinancePayments(ctx, store.CountFinancePaymentsParams{Status: st, Provider: prov})
	out := market.NewPage(pq, total, make([]FinancePayment, 0, len(rows)))
	for _, r := range rows {
		p := store.Payment{ID: r.ID, ContractID: r.ContractID, Purpose: r.Purpose, PayerOrgID: r.PayerOrgID, Provider: r.Provider,
			Amount: r.Amount, AmountReceived: r.AmountReceived, Currency: r.Currency, Status: r.Status, Reference: r.Reference,
			FailureReason: r.FailureReason, BankReference: r.BankReference, ReceiptNote: r.ReceiptNote, CreatedAt: r.CreatedAt, SettledAt: r.SettledAt}
		out.Items = append(out.Items, FinancePayment{PaymentView: s.paymentFor(p, a, market.StaffRole(a)), ContractTitle: r.ContractTitle,
			PayerID: r.PayerOrgID, PayerName: r.PayerName})
	}
	return out, err
}

// FinanceDisbursement is a payout or refund in the finance queue, with the
// recipient's bank account (finance staff see it in full).
type FinanceDisbursement struct {
	DisbursementView
	ContractTitle string `json:"contract_title"`
	RecipientName string `json:"recipient_name"`
	AccountName   string `json:"account_name"`
	BankName      string `json:"bank_name"`
	AccountNumber string `json:"account_number"`
}

// FinanceDisbursements lists money going out by status (queued: to send by hand).
func (s *Service) FinanceDisbursements(ctx context.Context, a *market.Actor, status, provider string, pq market.PageQuery) (market.Page[FinanceDisbursement], error) {
	lim, off, err := pq.Limits()
	st, _, ferr := market.ListFilters(status, market.DisbursementStatuses, "")
	if err := market.MergeInvalid(err, ferr); err != nil {
		return market.Page[FinanceDisbursement]{}, err
	}
	var prov *string
	if provider != "" {
		prov = &provider
	}
	db := s.Store.DB()
	rows, err := db.FinanceDisbursements(ctx, store.FinanceDisbursementsParams{Status: st, Provider: prov, Lim: lim, Off: off})
	if err != nil {
		return market.Page[FinanceDisbursement]{}, err
	}
	total, err := db.CountFinanceDisbursements(ctx, store.CountFinanceDisbursementsParams{Status: st, Provider: prov})
	out := market.NewPage(pq, total, make([]FinanceDisbursement, 0, len(rows)))
	for _, r := range rows {
		d := store.Disbursement{ID: r.ID, ContractID: r.ContractID, Kind: r.Kind, RecipientOrgID: r.RecipientOrgID, Provider: r.Provider,
			Amount: r.Amount, Currency: r.Currency, Status: r.Status, ProviderRef: r.ProviderRef, BankReference: r.BankReference,
			CreatedAt: r.CreatedAt, SentAt: r.SentAt, AmountReversed: r.AmountReversed, ReissueOf: r.ReissueOf}
		out.Items = append(out.Items, FinanceDisbursement{DisbursementView: disbursementFor(d, a, r.AccountNumber != ""), ContractTitle: r.ContractTitle,
			RecipientName: r.RecipientName, AccountName: r.AccountName, BankName: r.BankName, AccountNumber: r.AccountNumber})
	}
	return out, err
}

func checkBankReference(ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	if n := len([]rune(ref)); n < 4 || n > 100 {
		return ref, market.FieldError("bank_reference", "请填写银行流水号（4–100个字符）", "enter the bank's transaction reference (4–100 characters)")
	}
	return ref, nil
}

// Confirm records a bank transfer that arrived (finance staff). What was
// actually received is recorded as it is — a short or over payment is
// never rounded into the expected figure: what is owed stays owed, an
// excess is refunded.
func (s *Service) Confirm(ctx context.Context, a *market.Actor, paymentID uuid.UUID, received int64, bankRef string) (PaymentView, error) {
	var v market.Validator
	v.Check(received > 0 && received <= 1_000_000_000_00, "amount_received", "请填写实际到账金额（分，大于0）", "enter the amount actually received (fen, above 0)")
	ref, refErr := checkBankReference(bankRef)
	if err := market.MergeInvalid(v.Err(), refErr); err != nil {
		return PaymentView{}, err
	}
	var out store.Payment
	err := s.Store.Tx(ctx, func(db *store.DB) error {
		p, err := db.LockPayment(ctx, paymentID)
		if store.IsNoRows(err) {
			return market.ErrNotFound
		}
		if err != nil {
			return err
		}
		if err := market.PaymentPolicyFor(a, market.StaffRole(a), s.paymentFacts(p)).Confirm.Err(); err != nil {
			return err
		}
		status := market.PaymentOutcome(p.Amount, received)
		uid := a.User.ID
		if out, err = db.SetPaymentOutcome(ctx, store.SetPaymentOutcomeParams{ID: p.ID, Status: status, AmountReceived: &received,
			BankReference: ref, ConfirmedBy: &uid}); err != nil {
			return err
		}
		if err := db.InsertAudit(ctx, store.Audit{Actor: a.User, Action: "payment.confirm", TargetType: "payment", TargetID: p.ID.String(),
			Before: map[string]any{"status": p.Status, "amount": p.Amount},
			After:  map[string]any{"status": status, "amount_received": received, "bank_reference": ref}, Note: p.Reference}); err != nil {
			return err
		}
		return s.receive(ctx, db, out, received)
	})
	return s.paymentFor(out, a, market.StaffRole(a)), err
}

// MarkSent records a payout or refund finance staff sent from the bank.
func (s *Service) MarkSent(ctx context.Context, a *market.Actor, id uuid.UUID, bankRef string) (DisbursementView, error) {
	ref, err := checkBankReference(bankRef)
	if err != nil {
		return DisbursementView{}, err
	}
	var out store.Disbursement
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		d, err := db.LockDisbursement(ctx, id)
		if store.IsNoRows(err) {
			return market.ErrNotFound
		}
		if err != nil {
			return err
		}
		acc, err := db.PayoutAccount(ctx, d.RecipientOrgID)
		if err != nil && !store.IsNoRows(err) {
			return err
		}
		ready := err == nil && acc.AccountNumber != ""
		if err := market.DisbursementPolicyFor(a, market.DisbursementKind(d.Kind), d.Provider == payments.Manual, d.Status, ready).MarkSent.Err(); err != nil {
			return err
		}
		uid := a.User.ID
		if err := s.sent(ctx, db, d, nil, ref, &uid); err != nil {
			return err
		}
		if err := db.InsertAudit(ctx, store.Audit{Actor: a.User, Action: "disbursement.sent", TargetType: "disbursement",
			TargetID: d.ID.String(), Before: map[string]any{"status": d.Status},
			After: map[string]any{"status": market.DisbursementSent, "kind": d.Kind, "amount": d.Amount, "bank_reference": ref}}); err != nil {
			return err
		}
		out, err = db.DisbursementByID(ctx, id)
		return err
	})
	return disbursementFor(out, a, true), err
}

// paymentFailed marks a card payment failed and tells the payer.
func paymentFailed(ctx context.Context, db *store.DB, p store.Payment, reason string) error {
	if _, err := db.SetPaymentOutcome(ctx, store.SetPaymentOutcomeParams{ID: p.ID, Status: market.PaymentFailed, FailureReason: reason}); err != nil {
		return err
	}
	k, err := db.ContractByID(ctx, p.ContractID)
	if err != nil {
		return err
	}
	return notify.Send(ctx, db, notify.Notice{Org: p.PayerOrgID, Kind: notify.PaymentFailed, Data: notify.Data{Order: k.Title, Reason: reason},
		Link: "/contracts/" + k.ID.String()})
}
