package money

import (
	"context"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/notify"
	"doorstep/server/store"
)

// purposeName is how notifications name a payment's purpose.
var purposeName = map[market.PaymentPurpose]market.Msg{
	market.PurposeEscrow:  {ZH: "托管货款", EN: "escrow"},
	market.PurposeDeposit: {ZH: "保证金", EN: "deposit"},
}

// receive books money that arrived for a payment and allocates it: up to
// what is owed into escrow or deposit, the rest (an over-payment, or money
// for a contract that no longer awaits funding) back to the payer. Then the
// contract becomes active if it now has everything. The payment row is
// locked by the caller; every posting key is the payment's, so a second
// call books nothing.
func (s *Service) receive(ctx context.Context, db *store.DB, p store.Payment, amount int64) error {
	k, err := db.LockContract(ctx, p.ContractID)
	if err != nil {
		return err
	}
	purpose := market.PaymentPurpose(p.Purpose)
	pid := p.ID
	posted, err := db.Post(ctx, store.Posting{ContractID: k.ID, Key: "pay:" + p.ID.String() + ":received", Provider: p.Provider,
		Currency: p.Currency, PaymentID: &pid, Memo: p.Reference, Movement: market.Received(amount)})
	if err != nil || !posted {
		return err
	}
	bal, err := db.Balances(ctx, k.ID)
	if err != nil {
		return err
	}
	owed := required(k, purpose) - bal[purpose.HoldAccount()]
	if market.ContractStatus(k.Status) != market.ContractAwaitingFunding {
		owed = 0 // lapsed or cancelled meanwhile: everything goes back
	}
	alloc, excess := market.Allocate(purpose, amount, owed)
	if _, err := db.Post(ctx, store.Posting{ContractID: k.ID, Key: "pay:" + p.ID.String() + ":allocated", Provider: p.Provider,
		Currency: p.Currency, PaymentID: &pid, Memo: p.Reference, Movement: alloc}); err != nil {
		return err
	}
	if excess > 0 {
		if err := s.queue(ctx, db, k, market.DisburseRefund, p.PayerOrgID, excess, &pid, "refund:"+p.ID.String()+":excess"); err != nil {
			return err
		}
	}
	data := notify.Data{Order: k.Title, Amount: amount, Why: purposeName[purpose]}
	if err := notify.Send(ctx, db, notify.Notice{Org: p.PayerOrgID, Kind: notify.PaymentReceived, Data: data,
		Link: "/contracts/" + k.ID.String()}); err != nil {
		return err
	}
	if rest := owed - (amount - excess); rest > 0 {
		data.Amount = rest
		if err := notify.Send(ctx, db, notify.Notice{Org: p.PayerOrgID, Kind: notify.PaymentShort, Data: data,
			Link: "/contracts/" + k.ID.String()}); err != nil {
			return err
		}
	}
	return s.activateIfFunded(ctx, db, k)
}

// activateIfFunded makes an awaiting contract active once escrow is funded
// and the deposit paid or waived, and tells both parties.
func (s *Service) activateIfFunded(ctx context.Context, db *store.DB, k store.Contract) error {
	bal, err := db.Balances(ctx, k.ID)
	if err != nil {
		return err
	}
	escrowIn := bal[market.AccEscrow] >= k.EscrowAmount
	depositIn := bal[market.AccDeposit] >= required(k, market.PurposeDeposit)
	if _, err := db.SetContractFunded(ctx, store.SetContractFundedParams{ID: k.ID, Escrow: escrowIn,
		Deposit: depositIn && required(k, market.PurposeDeposit) > 0}); err != nil {
		return err
	}
	if !escrowIn || !depositIn || market.ContractStatus(k.Status) != market.ContractAwaitingFunding {
		return nil
	}
	to, err := market.NextContractStatus(market.ContractStatus(k.Status), market.ContractActivate)
	if err != nil {
		return err
	}
	if _, err := db.SetContractStatus(ctx, store.SetContractStatusParams{ID: k.ID, Status: string(to)}); err != nil {
		return err
	}
	return NotifyParties(ctx, db, k, notify.ContractActive, notify.Data{Order: k.Title})
}

// NotifyParties tells both parties of a contract.
func NotifyParties(ctx context.Context, db *store.DB, k store.Contract, kind notify.Kind, data notify.Data) error {
	for _, org := range []uuid.UUID{k.CompanyID, k.WorkshopID} {
		if err := notify.Send(ctx, db, notify.Notice{Org: org, Kind: kind, Data: data, Link: "/contracts/" + k.ID.String()}); err != nil {
			return err
		}
	}
	return nil
}
