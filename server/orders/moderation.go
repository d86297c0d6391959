package orders

import (
	"context"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/notify"
	"doorstep/server/store"
)

// Queue lists orders by status for staff: below-minimum-wage first, then oldest.
func (s *Service) Queue(ctx context.Context, a *market.Actor, status string, pq market.PageQuery) (market.Page[OrderView], error) {
	limit, offset, err := pq.Limits()
	if err != nil {
		return market.Page[OrderView]{}, err
	}
	if status == "" {
		status = string(market.OrderPendingReview)
	}
	if !validStatus(status) {
		return market.Page[OrderView]{}, market.FieldError("status", "状态无效", "unknown status")
	}
	db := s.Store.DB()
	rows, err := db.ModerationQueue(ctx, store.ModerationQueueParams{Status: status, Lim: limit, Off: offset})
	if err != nil {
		return market.Page[OrderView]{}, err
	}
	total, err := db.CountOrdersByStatus(ctx, status)
	page := market.NewPage(pq, total, make([]OrderView, 0, len(rows)))
	for _, r := range rows {
		o := store.OrderFromRow(r.Order)
		page.Items = append(page.Items, NewOrderView(o, CompanyBadge{ID: o.CompanyID, Name: r.CompanyName, Verified: r.CompanyVerifiedAt != nil}).
			For(market.OrderPolicyFor(a, o, market.OrderFacts{}, s.Now())))
	}
	return page, err
}

// moderationNotice is what the company is told after a staff decision.
var moderationNotice = map[market.Action]notify.Kind{
	market.ActApprove:   notify.OrderApproved,
	market.ActReject:    notify.OrderRejected,
	market.ActSuspend:   notify.OrderSuspended,
	market.ActReinstate: notify.OrderReinstated,
}

func moderationPermission(p market.OrderPolicy, act market.Action) market.Permission {
	switch act {
	case market.ActApprove:
		return p.Actions.Approve
	case market.ActReject:
		return p.Actions.Reject
	case market.ActSuspend:
		return p.Actions.Suspend
	case market.ActReinstate:
		return p.Actions.Reinstate
	}
	return market.Deny(market.CodeForbidden, "未知的审核操作", "unknown moderation action")
}

// Moderate applies a staff decision (approve, reject, suspend, reinstate),
// audit-logs it and notifies the company, all in one transaction.
func (s *Service) Moderate(ctx context.Context, a *market.Actor, id uuid.UUID, act market.Action, reason string) (OrderView, error) {
	reason, err := market.CheckReason(reason, market.ActionNeedsReason(act))
	if err != nil {
		return OrderView{}, err
	}
	uid := a.User.ID
	var out market.Order
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		cur, err := db.LockOrder(ctx, id)
		if err != nil {
			return err
		}
		if err := moderationPermission(market.OrderPolicyFor(a, cur, market.OrderFacts{}, s.Now()), act).Err(); err != nil {
			return err
		}
		before, after, err := Apply(ctx, db, id, Transition{Action: act, ActorID: &uid, ActorKind: "staff", Reason: market.Typed(reason)}, s.Now())
		if err != nil {
			return err
		}
		out = after
		if err := db.InsertAudit(ctx, store.Audit{Actor: a.User, Action: "order." + string(act), TargetType: "order",
			TargetID: id.String(), Before: map[string]any{"status": before.Status}, After: map[string]any{"status": after.Status}, Note: reason}); err != nil {
			return err
		}
		return notify.Send(ctx, db, notify.Notice{Org: after.CompanyID, Kind: moderationNotice[act],
			Data: notify.Data{Order: after.Title, Reason: reason}, Link: "/orders/" + id.String()})
	})
	if err != nil {
		return OrderView{}, err
	}
	return s.View(ctx, a, out)
}
