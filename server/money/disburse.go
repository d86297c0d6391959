package money

import (
	"context"
	"errors"

	"github.com/google/uuid"

	"doorstep/server/events"
	"doorstep/server/market"
	"doorstep/server/notify"
	"doorstep/server/payments"
	"doorstep/server/store"
)

// ErrPayoutAccountNotReady: a Stripe payout waits until the recipient's
// Connect account can receive it (account.updated re-queues it).
var ErrPayoutAccountNotReady = errors.New("money: the recipient's payout account is not ready")

// disbursementProvider is who sends money out: a refund goes back the way
// the payment came; a payout or compensation goes through Stripe when the
// platform runs Stripe and the recipient has a Connect account, else by hand.
func (s *Service) disbursementProvider(ctx context.Context, db *store.DB, kind market.DisbursementKind, recipient uuid.UUID, paymentID *uuid.UUID) (string, error) {
	if kind == market.DisburseRefund {
		if paymentID == nil {
			return payments.Manual, nil
		}
		p, err := db.PaymentByID(ctx, *paymentID)
		return p.Provider, err
	}
	if s.Provider.Name() != payments.Stripe {
		return payments.Manual, nil
	}
	acc, err := db.PayoutAccount(ctx, recipient)
	if store.IsNoRows(err) {
		return payments.Manual, nil
	}
	if err != nil {
		return "", err
	}
	return acc.Provider, nil
}

// queue records money to go out. The key makes it idempotent: queueing the
// same disbursement twice queues it once. Provider disbursements are sent by
// a job after commit; manual ones wait in the finance queue.
func (s *Service) queue(ctx context.Context, db *store.DB, k store.Contract, kind market.DisbursementKind, recipient uuid.UUID,
	amount int64, paymentID *uuid.UUID, key string) error {
	return s.enqueue(ctx, db, k, store.CreateDisbursementParams{Kind: string(kind), RecipientOrgID: recipient, Amount: amount,
		PaymentID: paymentID, IdempotencyKey: key})
}

// enqueue is queue with the disbursement's every field (a reissue names the
// one it replaces); the contract, currency and provider are filled in.
func (s *Service) enqueue(ctx context.Context, db *store.DB, k store.Contract, d store.CreateDisbursementParams) error {
	if d.Amount <= 0 {
		return nil
	}
	provider, err := s.disbursementProvider(ctx, db, market.DisbursementKind(d.Kind), d.RecipientOrgID, d.PaymentID)
	if err != nil {
		return err
	}
	d.ContractID, d.Currency, d.Provider = k.ID, k.Currency, provider
	out, err := db.CreateDisbursement(ctx, d)
	if store.IsNoRows(err) {
		return nil // queued before
	}
	if err != nil || provider == payments.Manual {
		return err
	}
	return db.Emit(events.DisbursementQueued{DisbursementID: out.ID})
}

// ReturnHeld moves everything still held for a contract (escrow and
// deposit) to be refunded to whoever paid it, each refund against the
// payment it came from. why makes the keys: it is booked once per reason.
func (s *Service) ReturnHeld(ctx context.Context, db *store.DB, k store.Contract, why string) error {
	bal, err := db.Balances(ctx, k.ID)
	if err != nil {
		return err
	}
	escrow, deposit := bal[market.AccEscrow], bal[market.AccDeposit]
	if escrow+deposit == 0 {
		return nil
	}
	if _, err := db.Post(ctx, store.Posting{ContractID: k.ID, Key: "return:" + k.ID.String() + ":" + why, Currency: k.Currency,
		Memo: why, Movement: market.ReturnHeld(escrow, deposit)}); err != nil {
		return err
	}
	if err := s.RefundTo(ctx, db, k, market.PurposeEscrow, escrow, why); err != nil {
		return err
	}
	return s.RefundTo(ctx, db, k, market.PurposeDeposit, deposit, why)
}

// RefundTo queues refunds of amount to a purpose's payer, spread over the
// payments that brought the money in (a card refund must name its charge).
// The caller has moved the amount to refunds_payable.
func (s *Service) RefundTo(ctx context.Context, db *store.DB, k store.Contract, purpose market.PaymentPurpose, amount int64, why string) error {
	if amount <= 0 {
		return nil
	}
	list, err := db.ContractPayments(ctx, k.ID)
	if err != nil {
		return err
	}
	for _, p := range list {
		if amount == 0 {
			break
		}
		if p.Purpose != string(purpose) || p.AmountReceived == nil {
			continue
		}
		refunded, err := db.RefundedFromPayment(ctx, &p.ID)
		if err != nil {
			return err
		}
		part := min(amount, *p.AmountReceived-refunded)
		if part <= 0 {
			continue
		}
		pid := p.ID
		if err := s.queue(ctx, db, k, market.DisburseRefund, p.PayerOrgID, part, &pid, "refund:"+p.ID.String()+":"+why); err != nil {
			return err
		}
		amount -= part
	}
	if amount > 0 { // held money no payment accounts for: finance returns it by hand
		return s.queue(ctx, db, k, market.DisburseRefund, payer(k, purpose), amount, nil, "refund:"+k.ID.String()+":"+string(purpose)+":"+why)
	}
	return nil
}

var disbursementName = map[market.DisbursementKind]market.Msg{
	market.DisbursePayout:       {ZH: "加工费", EN: "Payout"},
	market.DisburseRefund:       {ZH: "退款", EN: "Refund"},
	market.DisburseCompensation: {ZH: "物料赔偿", EN: "Material compensation"},
}

// sent books a disbursement that left the platform and tells its recipient.
// The caller holds the row lock.
func (s *Service) sent(ctx context.Context, db *store.DB, d store.Disbursement, providerRef *string, bankRef string, by *uuid.UUID) error {
	if d.Status == market.DisbursementSent || d.Status == market.DisbursementReversed {
		return nil // booked before (a reversal never turns back into sent)
	}
	if _, err := db.SetDisbursementStatus(ctx, store.SetDisbursementStatusParams{ID: d.ID, Status: market.DisbursementSent, ProviderRef: providerRef,
		BankReference: bankRef, SentBy: by}); err != nil {
		return err
	}
	did := d.ID
	kind := market.DisbursementKind(d.Kind)
	if _, err := db.Post(ctx, store.Posting{ContractID: d.ContractID, Key: "disb:" + d.ID.String() + ":sent", Provider: d.Provider,
		Currency: d.Currency, DisbursementID: &did, Memo: bankRef, Movement: market.Sent(kind, d.Amount)}); err != nil {
		return err
	}
	k, err := db.ContractByID(ctx, d.ContractID)
	if err != nil {
		return err
	}
	return notify.Send(ctx, db, notify.Notice{Org: d.RecipientOrgID, Kind: notify.DisbursementSent,
		Data: notify.Data{Order: k.Title, Amount: d.Amount, Why: disbursementName[kind], Reason: bankRef}, Link: "/contracts/" + k.ID.String()})
}

// SendDisbursement sends one queued disbursement through the provider (a
// job). The provider call carries the disbursement's idempotency key, so a
// retry after a timeout returns the first result.
func (s *Service) SendDisbursement(ctx context.Context, id uuid.UUID) error {
	db := s.Store.DB()
	d, err := db.DisbursementByID(ctx, id)
	if err != nil || d.Status == market.DisbursementSent || d.Status == market.DisbursementReversed || d.Provider != payments.Stripe {
		return err
	}
	md := map[string]string{"contract_id": d.ContractID.String(), "disbursement_id": d.ID.String(), "kind": d.Kind}
	var ref string
	switch market.DisbursementKind(d.Kind) {
	case market.DisburseRefund:
		if d.PaymentID == nil {
			return errors.New("money: a Stripe refund needs its payment")
		}
		p, err := db.PaymentByID(ctx, *d.PaymentID)
		if err != nil {
			return err
		}
		if p.ProviderRef == nil {
			return errors.New("money: the payment to refund has no PaymentIntent")
		}
		ref, err = s.Provider.Refund(ctx, payments.RefundRequest{ChargeRef: *p.ProviderRef, Amount: d.Amount, Metadata: md,
			IdempotencyKey: d.IdempotencyKey})
		if err != nil {
			return err
		}
	default:
		acc, err := db.PayoutAccount(ctx, d.RecipientOrgID)
		if store.IsNoRows(err) || (err == nil && (acc.StripeAccount == nil || !acc.PayoutsEnabled)) {
			return ErrPayoutAccountNotReady
		}
		if err != nil {
			return err
		}
		source, err := s.sourceCharge(ctx, db, d)
		if err != nil {
			return err
		}
		ref, err = s.Provider.Transfer(ctx, payments.TransferRequest{Destination: *acc.StripeAccount, Amount: d.Amount,
			Currency: d.Currency, SourceTransaction: source, TransferGroup: d.ContractID.String(), Metadata: md,
			IdempotencyKey: d.IdempotencyKey})
		if err != nil {
			return err
		}
	}
	return s.Store.Tx(ctx, func(db *store.DB) error {
		d, err := db.LockDisbursement(ctx, id)
		if err != nil {
			return err
		}
		return s.sent(ctx, db, d, &ref, "", nil)
	})
}

// sourceCharge is the card charge a transfer is funded from: the contract's
// escrow payment (its deposit's for material compensation).
func (s *Service) sourceCharge(ctx context.Context, db *store.DB, d store.Disbursement) (string, error) {
	purpose := market.PurposeEscrow
	if market.DisbursementKind(d.Kind) == market.DisburseCompensation {
		purpose = market.PurposeDeposit
	}
	list, err := db.ContractPayments(ctx, d.ContractID)
	if err != nil {
		return "", err
	}
	best, bestAmount := "", int64(0)
	for _, p := range list {
		if p.Purpose == string(purpose) && p.Provider == payments.Stripe && p.ProviderCharge != nil && p.AmountReceived != nil &&
			*p.AmountReceived > bestAmount {
			best, bestAmount = *p.ProviderCharge, *p.AmountReceived
		}
	}
	return best, nil // "" funds the transfer from the platform's balance
}

// Compensate queues the material deduction from the deposit to the company
// (the caller has moved it to material_compensation).
func (s *Service) Compensate(ctx context.Context, db *store.DB, k store.Contract, amount int64) error {
	var from *uuid.UUID
	list, err := db.ContractPayments(ctx, k.ID)
	if err != nil {
		return err
	}
	for _, p := range list {
		if p.Purpose == string(market.PurposeDeposit) && p.AmountReceived != nil {
			id := p.ID
			from = &id
		}
	}
	return s.queue(ctx, db, k, market.DisburseCompensation, k.CompanyID, amount, from, "compensation:"+k.ID.String())
}
