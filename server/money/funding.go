package money

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"doorstep/server/access"
	"doorstep/server/events"
	"doorstep/server/market"
	"doorstep/server/store"
)

// Fund starts the company's escrow payment for a contract.
func (s *Service) Fund(ctx context.Context, a *market.Actor, contractID uuid.UUID) (PaymentView, error) {
	return s.start(ctx, a, contractID, market.PurposeEscrow)
}

// PayDeposit starts the workshop's deposit payment for a contract.
func (s *Service) PayDeposit(ctx context.Context, a *market.Actor, contractID uuid.UUID) (PaymentView, error) {
	return s.start(ctx, a, contractID, market.PurposeDeposit)
}

// start creates the payment for what is still owed. The amount comes from
// the contract's frozen terms and the ledger, never from the client. A
// second request while one is open gets 409 with the open payment.
func (s *Service) start(ctx context.Context, a *market.Actor, contractID uuid.UUID, purpose market.PaymentPurpose) (PaymentView, error) {
	var out store.Payment
	err := s.Store.Tx(ctx, func(db *store.DB) error {
		k, p, err := access.LockContract(ctx, db, a, contractID, s.Now())
		if err != nil {
			return err
		}
		may, funding := p.Actions.Fund, p.Facts.Escrow
		if purpose == market.PurposeDeposit {
			may, funding = p.Actions.PayDeposit, p.Facts.Deposit
		}
		if !may.Allowed && funding.Open != nil && p.Role.Party() && a.OrgID == payer(k, purpose) {
			// A second request while one is open answers with the open payment.
			open, err := db.PaymentByID(ctx, funding.Open.ID)
			if err != nil {
				return err
			}
			return market.E(market.CodeState, "已有一笔待付款项，请按其说明付款", "a payment is already open; pay that one").
				WithData(paymentView(open, a.OrgID))
		}
		if err := may.Err(); err != nil {
			return err
		}
		owed := funding.Owed()
		seq, err := db.NextPaymentSeq(ctx, store.NextPaymentSeqParams{ContractID: k.ID, Purpose: string(purpose)})
		if err != nil {
			return err
		}
		day := s.Now().In(market.ChinaTime) // references are numbered per Chinese day
		n, err := db.NextPaymentReference(ctx, day)
		if err != nil {
			return err
		}
		uid := a.User.ID
		out, err = db.CreatePayment(ctx, store.CreatePaymentParams{ContractID: k.ID, Purpose: string(purpose), PayerOrgID: a.OrgID,
			Provider: s.Provider.Name(), Seq: seq, Amount: owed, Currency: k.Currency,
			Reference: fmt.Sprintf("DS-%s-%04d", day.Format("20060102"), n), CreatedBy: &uid})
		if store.IsUniqueViolation(err, "payments_open_key") {
			return market.E(market.CodeState, "已有一笔待付款项，请按其说明付款", "a payment is already open; pay that one")
		}
		if err != nil {
			return err
		}
		if out.Provider != "manual" {
			return db.Emit(events.PaymentCreated{PaymentID: out.ID}) // the charge is created by a job
		}
		return nil
	})
	if err != nil {
		return PaymentView{}, err
	}
	return paymentView(out, a.OrgID), nil
}

// AttachReceipt records the payer's note about a bank transfer (the bank,
// the time, the amount it sent) so finance staff can match it.
func (s *Service) AttachReceipt(ctx context.Context, a *market.Actor, paymentID uuid.UUID, note string) (PaymentView, error) {
	note, err := market.CheckNote("note", note)
	if err != nil {
		return PaymentView{}, err
	}
	var out store.Payment
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		p, err := db.LockPayment(ctx, paymentID)
		if store.IsNoRows(err) {
			return market.ErrNotFound
		}
		if err != nil {
			return err
		}
		can, err := s.paymentCan(ctx, db, a, p)
		if err != nil {
			return err
		}
		if err := can.AttachReceipt.Err(); err != nil {
			return err
		}
		out, err = db.SetPaymentReceipt(ctx, store.SetPaymentReceiptParams{ID: p.ID, ReceiptNote: note})
		return err
	})
	return paymentView(out, a.OrgID), err
}

// Payment reads one payment for a party to its contract (the payer polls it
// until a card payment's client secret is ready).
func (s *Service) Payment(ctx context.Context, a *market.Actor, id uuid.UUID) (PaymentView, error) {
	db := s.Store.DB()
	p, err := db.PaymentByID(ctx, id)
	if store.IsNoRows(err) {
		return PaymentView{}, market.ErrNotFound
	}
	if err != nil {
		return PaymentView{}, err
	}
	can, err := s.paymentCan(ctx, db, a, p)
	if err != nil {
		return PaymentView{}, err
	}
	v := paymentView(p, a.OrgID)
	v.Actions = can
	return v, nil
}
