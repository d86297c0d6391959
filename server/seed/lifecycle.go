package seed

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"doorstep/server/accounts"
	"doorstep/server/fulfilment"
	"doorstep/server/market"
	"doorstep/server/money"
	"doorstep/server/settlement"
	"doorstep/server/store"
	"doorstep/server/workflows"
)

// lifecycle drives demo contracts through the real workflows (bank transfer
// matched by finance, materials, delivery, inspection, settlement), so the
// demo's money is in the ledger exactly as it would be for real users.
type lifecycle struct {
	st      *store.Store
	money   *money.Service
	ful     *fulfilment.Service
	set     *settlement.Service
	finance *market.Actor
}

func newLifecycle(ctx context.Context, w *workflows.Set) (*lifecycle, error) {
	fin, err := accounts.CreateStaff(ctx, w.Store, "finance@demo.doorstep.cn", DemoPassword, market.StaffFinance, "平台财务")
	if err != nil {
		return nil, err
	}
	return &lifecycle{st: w.Store, money: w.Money, finance: &market.Actor{User: fin}, ful: w.Fulfilment, set: w.Settlement}, nil
}

// fund pays the escrow (and a deposit, if one is owed) by bank transfer and
// has finance confirm it arrived in full.
func (l *lifecycle) fund(ctx context.Context, company, workshop *market.Actor, id uuid.UUID) error {
	pay := []struct {
		start func(context.Context, *market.Actor, uuid.UUID) (money.PaymentView, error)
		as    *market.Actor
	}{{l.money.Fund, company}, {l.money.PayDeposit, workshop}}
	for _, p := range pay {
		pv, err := p.start(ctx, p.as, id)
		if c := market.ErrorCode(err); c == market.CodeState || c == market.CodeConflict {
			continue // nothing owed (no deposit, or waived)
		}
		if err != nil {
			return err
		}
		if _, err := l.money.Confirm(ctx, l.finance, pv.ID, pv.Amount, "DEMO-"+pv.Reference); err != nil {
			return err
		}
	}
	return nil
}

// materials ships the contract's material and has the workshop count it in.
func (l *lifecycle) materials(ctx context.Context, company, workshop *market.Actor, id uuid.UUID, quantity int64) error {
	d, err := l.ful.Dispatch(ctx, company, id, market.DispatchInput{Quantity: quantity, Method: "pickup", Note: "社区派车自提"})
	if err != nil {
		return err
	}
	_, err = l.ful.Receive(ctx, workshop, d.ID, market.ReceiptInput{Quantity: quantity})
	return err
}

// finish delivers every piece, has the company accept them all and settles.
func (l *lifecycle) finish(ctx context.Context, company, workshop *market.Actor, id uuid.UUID, quantity int64) error {
	d, err := l.ful.Deliver(ctx, workshop, id, market.DeliveryInput{Quantity: quantity, Note: "全部完成，已装箱"})
	if err != nil {
		return err
	}
	if _, err := l.ful.Inspect(ctx, company, d.ID, market.InspectionInput{Accepted: quantity}); err != nil {
		return err
	}
	if err := l.set.SettleNow(ctx, l.finance, id); err != nil {
		return fmt.Errorf("settle: %w", err)
	}
	return nil
}

// payOut has finance send the contract's queued bank payouts (the workshop
// pays its residents once the platform has paid it).
func (l *lifecycle) payOut(ctx context.Context, id uuid.UUID) error {
	ds, err := l.st.DB().ContractDisbursements(ctx, id)
	if err != nil {
		return err
	}
	for _, d := range ds {
		if market.DisbursementKind(d.Kind) != market.DisbursePayout || d.Status != market.DisbursementQueued {
			continue
		}
		if _, err := l.money.MarkSent(ctx, l.finance, d.ID, "DEMO-"+d.ID.String()[:8]); err != nil {
			return err
		}
	}
	return nil
}
