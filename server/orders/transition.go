package orders

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/notify"
	"doorstep/server/store"
)

// Transition is one order state change and who made it.
type Transition struct {
	Action    market.Action
	ActorID   *uuid.UUID // nil for the system
	ActorKind string     // company, staff or system
	Reason    market.Msg // market.Typed for what a person wrote, a market.Reason* for the server's own
}

// Apply locks the order, asks the state machine where act leads, saves the
// status, records the event and ends the open bids the change ends — all
// in the caller's transaction. Every order status change goes through here
// (or SetStatus, when the caller already holds the lock).
func Apply(ctx context.Context, db *store.DB, id uuid.UUID, t Transition, now time.Time) (before, after market.Order, err error) {
	before, err = db.LockOrder(ctx, id)
	if err != nil {
		return before, after, err
	}
	after, err = ApplyLocked(ctx, db, before, t, now)
	return before, after, err
}

// ApplyLocked is Apply for a caller that already holds the order's row
// lock and the row as it stands (an award that used up the order).
func ApplyLocked(ctx context.Context, db *store.DB, before market.Order, t Transition, now time.Time) (market.Order, error) {
	to, closeReason, err := market.NextOrderStatus(before.Status, t.Action, before.HasAcceptedBid())
	if err != nil {
		return market.Order{}, err
	}
	return SetStatus(ctx, db, before, to, closeReason, t, now)
}

// SetStatus saves a status decided by the state machine; the caller holds
// the row lock.
func SetStatus(ctx context.Context, db *store.DB, before market.Order, to market.OrderStatus, closeReason string, t Transition, now time.Time) (market.Order, error) {
	submitted, published := before.SubmittedAt, before.PublishedAt
	switch {
	case to == market.OrderPendingReview:
		submitted = &now
	case to == market.OrderPublished && before.Status == market.OrderPendingReview:
		published = &now
	}
	after, err := db.SetOrderStatus(ctx, store.OrderStatusChange{ID: before.ID, Status: to, CloseReason: closeReason,
		Reason: t.Reason, SubmittedAt: submitted, PublishedAt: published, AutoSuspended: t.Action == market.ActAutoSuspend})
	if err != nil {
		return after, err
	}
	from := string(before.Status)
	zh, en := t.Reason.Columns()
	err = db.InsertOrderEvent(ctx, store.InsertOrderEventParams{OrderID: before.ID, ActorID: t.ActorID, ActorKind: t.ActorKind,
		Action: string(t.Action), FromStatus: &from, ToStatus: string(to), Reason: zh, ReasonEn: en})
	if err != nil {
		return after, err
	}
	if status, why, ended := market.BidsEnded(t.Action, before.Status, to); ended {
		err = endOpenBids(ctx, db, after, status, why)
	}
	return after, err
}

// endOpenBids ends every open bid on an order and tells each workshop why.
func endOpenBids(ctx context.Context, db *store.DB, o market.Order, status market.BidStatus, why market.Msg) error {
	zh, en := why.Columns()
	ended, err := db.CloseOpenBids(ctx, store.CloseOpenBidsParams{OrderID: o.ID, Status: string(status), StatusReason: zh, StatusReasonEn: en})
	for _, b := range ended {
		if err != nil {
			break
		}
		err = notify.Send(ctx, db, notify.Notice{Org: b.WorkshopID, Kind: notify.BidOrderClosed,
			Data: notify.Data{Order: o.Title, Why: why}, Link: "/bids/" + b.ID.String()})
	}
	return err
}
