package money

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"doorstep/server/events"
	"doorstep/server/market"
	"doorstep/server/store"
)

// chinaTime is UTC+8: payment references are numbered per Chinese day.
var chinaTime = time.FixedZone("CST", 8*3600)

var (
	errNotAwaiting = market.E(market.CodeState, "合同不在待托管状态，无需付款", "the contract is not awaiting funding")
	errNothingOwed = market.E(market.CodeConflict, "该款项已付清", "this has already been paid in full")
	errNoDeposit   = market.E(market.CodeState, "本合同无需缴纳保证金（无保证金或已凭社区担保免交）",
		"no deposit is owed on this contract (none asked, or waived by community guarantee)")
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
		k, err := contractFor(ctx, db, a, contractID)
		if err != nil {
			return err
		}
		if a.OrgID != payer(k, purpose) {
			if a.OrgID == k.CompanyID || a.OrgID == k.WorkshopID {
				return errNotPayer
			}
			return errNotParty
		}
		if k, err = db.LockContract(ctx, contractID); err != nil {
			return err
		}
		if market.ContractStatus(k.Status) != market.ContractAwaitingFunding {
			return errNotAwaiting
		}
		need := required(k, purpose)
		if need == 0 {
			return errNoDeposit
		}
		if open, err := db.OpenPayment(ctx, store.OpenPaymentParams{ContractID: k.ID, Purpose: string(purpose)}); err == nil {
			return market.E(market.CodeState, "已有一笔待付款项，请按其说明付款", "a payment is already open; pay that one").
				WithData(paymentView(open, a.OrgID))
		} else if !store.IsNoRows(err) {
			return err
		}
		bal, err := db.Balances(ctx, k.ID)
		if err != nil {
			return err
		}
		owed := need - bal[purpose.HoldAccount()]
		if owed <= 0 {
			return errNothingOwed
		}
		seq, err := db.NextPaymentSeq(ctx, store.NextPaymentSeqParams{ContractID: k.ID, Purpose: string(purpose)})
		if err != nil {
			return err
		}
		day := s.Now().In(chinaTime)
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
		if store.IsNoRows(err) || (err == nil && p.PayerOrgID != a.OrgID) {
			return market.ErrNotFound
		}
		if err != nil {
			return err
		}
		if p.Status != market.PaymentPending {
			return market.E(market.CodeState, "该款项已处理", "this payment has been handled already")
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
	if _, err := contractFor(ctx, db, a, p.ContractID); err != nil {
		return PaymentView{}, err
	}
	return paymentView(p, a.OrgID), nil
}
