package contracts

import (
	"context"

	"github.com/google/uuid"

	"doorstep/server/access"
	"doorstep/server/market"
	"doorstep/server/money"
	"doorstep/server/notify"
	"doorstep/server/orders"
	"doorstep/server/store"
)

// Cancel ends a contract before production: both parties agree (the first
// asks, the other confirms) or staff decide. Everything held is refunded in
// full and the quantity goes back to the order.
func (s *Service) Cancel(ctx context.Context, a *market.Actor, id uuid.UUID, reason string) (ContractView, error) {
	reason, err := market.CheckReason(reason, true)
	if err != nil {
		return ContractView{}, err
	}
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		k, p, err := access.LockContract(ctx, db, a, id, s.Now())
		if err != nil {
			return err
		}
		switch {
		case p.Role.Staff():
			if err := p.Actions.DecideCancel.Err(); err != nil {
				return err
			}
			return s.end(ctx, db, k, market.ContractCancel, market.ReasonCancelledByStaff(reason), reason, a)
		case p.Actions.AgreeCancel.Allowed:
			return s.end(ctx, db, k, market.ContractCancel, market.ReasonCancelAgreed(k.CancelReason, reason), k.CancelReason+"；"+reason, a)
		}
		if err := p.Actions.RequestCancel.Err(); err != nil {
			return err
		}
		org := a.OrgID
		if _, err := db.SetCancelRequest(ctx, store.SetCancelRequestParams{ID: k.ID, OrgID: &org, CancelReason: reason}); err != nil {
			return err
		}
		other, name := k.WorkshopID, "企业 / the company"
		if p.Role == market.RoleWorkshop {
			other, name = k.CompanyID, "工坊 / the workshop"
		}
		if o, err := db.Org(ctx, a.OrgID); err == nil {
			name = o.Name
		}
		return notify.Send(ctx, db, notify.Notice{Org: other, Kind: notify.ContractCancelRequested,
			Data: notify.Data{Org: name, Order: k.Title, Reason: reason}, Link: "/contracts/" + k.ID.String()})
	})
	if err != nil {
		return ContractView{}, err
	}
	return s.Get(ctx, a, id)
}

// LapseDue lapses every contract not funded by its due date (a periodic
// job), each in its own transaction.
func (s *Service) LapseDue(ctx context.Context) (int, error) {
	ids, err := s.Store.DB().DueForLapse(ctx, store.DueForLapseParams{FundingDueAt: s.Now(), Limit: 200})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		err := s.Store.Tx(ctx, func(db *store.DB) error {
			k, err := db.LockContract(ctx, id)
			if err != nil {
				return err
			}
			if market.ContractStatus(k.Status) != market.ContractAwaitingFunding || k.FundingDueAt.After(s.Now()) {
				return nil // funded or ended meanwhile
			}
			n++
			return s.end(ctx, db, k, market.ContractLapse, market.ReasonNotFunded(k.FundingDueAt), "", nil)
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// end lapses or cancels a contract (the caller holds its lock): the status
// follows the state machine, open payments are cancelled, everything held
// goes back to whoever paid it, the quantity returns to the order (which
// reopens if it closed as fully awarded and its deadline has not passed),
// and both parties are told. why is the end reason in both languages; typed
// is what people wrote (the notices and the audit log show it as written).
func (s *Service) end(ctx context.Context, db *store.DB, k store.Contract, act market.ContractAction, why market.Msg, typed string, a *market.Actor) error {
	to, err := market.NextContractStatus(market.ContractStatus(k.Status), act)
	if err != nil {
		return err
	}
	zh, en := why.Columns()
	if k, err = db.SetContractStatus(ctx, store.SetContractStatusParams{ID: k.ID, Status: string(to), Reason: zh, ReasonEn: en}); err != nil {
		return err
	}
	if _, err := db.CancelOpenPayments(ctx, store.CancelOpenPaymentsParams{ContractID: k.ID, FailureReason: string(to)}); err != nil {
		return err
	}
	if err := s.Money.ReturnHeld(ctx, db, k, string(to)); err != nil {
		return err
	}
	if err := s.giveBack(ctx, db, k, a); err != nil {
		return err
	}
	if a != nil && a.IsStaff() {
		if err := db.InsertAudit(ctx, store.Audit{Actor: a.User, Action: "contract." + string(act), TargetType: "contract",
			TargetID: k.ID.String(), After: map[string]any{"status": to}, Note: typed}); err != nil {
			return err
		}
	}
	kind := notify.ContractCancelled
	if act == market.ContractLapse {
		kind = notify.ContractLapsed
	}
	return money.NotifyParties(ctx, db, k, kind, notify.Data{Order: k.Title, Reason: typed})
}

// giveBack returns a contract's quantity to its order (order row locked
// after the contract's: contract workflows always lock in that order).
func (s *Service) giveBack(ctx context.Context, db *store.DB, k store.Contract, a *market.Actor) error {
	o, err := db.LockOrder(ctx, k.OrderID)
	if err != nil {
		return err
	}
	if o, err = db.IncrementRemaining(ctx, o.ID, k.Quantity); err != nil {
		return err
	}
	if !market.CanReopen(o, s.Now()) {
		return nil
	}
	t := orders.Transition{Action: market.ActReopen, ActorKind: "system",
		Reason: market.ReasonQuantityBack}
	if a != nil {
		uid := a.User.ID
		t.ActorID = &uid
	}
	_, _, err = orders.Apply(ctx, db, o.ID, t, s.Now())
	return err
}
