package bidding

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/notify"
	"doorstep/server/store"
)

var (
	errNotWorkshop  = market.E(market.CodeForbidden, "只有社区工坊可以报价", "only community workshops can bid")
	errDuplicateBid = market.E(market.CodeConflict, "您已对该订单报价，可修改或撤回原报价",
		"you already have an open bid on this order; revise or withdraw it")
)

// BidPreviewResponse gives the bid form live figures while it is being filled in.
type BidPreviewResponse struct {
	Quote  *market.BidQuote  `json:"quote"`
	Fields map[string]string `json:"fields"`
}

// bidContext is what checking and pricing a bid needs.
type bidContext struct {
	order    market.Order
	workshop market.Org
}

// workshopBidContext loads the order (as the actor may see it) and the actor's workshop.
func (s *Service) workshopBidContext(ctx context.Context, a *market.Actor, orderID uuid.UUID) (bidContext, error) {
	if a.OrgKind != market.KindWorkshop {
		return bidContext{}, errNotWorkshop
	}
	o, _, err := s.Orders.Order(ctx, a, orderID)
	if err != nil {
		return bidContext{}, err
	}
	w, err := s.Store.DB().Org(ctx, a.OrgID)
	return bidContext{order: o, workshop: w}, err
}

// Preview prices a bid being written; field problems come back as messages
// in lang, and the valid parts are still priced.
func (s *Service) Preview(ctx context.Context, a *market.Actor, orderID uuid.UUID, in market.BidInput, lang string) (BidPreviewResponse, error) {
	bc, err := s.workshopBidContext(ctx, a, orderID)
	if err != nil {
		return BidPreviewResponse{}, err
	}
	resp := BidPreviewResponse{Fields: map[string]string{}}
	b, err := market.CheckBid(bc.order, in, s.Now())
	var me *market.Error
	if errors.As(err, &me) {
		for k, m := range me.Fields {
			resp.Fields[k] = m.In(lang)
		}
		// Price the parts that are valid so the form shows figures early.
		if resp.Fields["quantity"] != "" || resp.Fields["unit_price"] != "" {
			return resp, nil
		}
		b = market.Bid{Quantity: in.Quantity, UnitPrice: in.UnitPrice}
	} else if err != nil {
		return resp, err
	}
	if q, err := market.QuoteBid(bc.order, b, bc.workshop.RegionCode, bc.workshop.Guaranteed()); err == nil {
		q = q.WithCommission(s.CommissionBP)
		resp.Quote = &q
	}
	return resp, nil
}

// Create bids for all or part of a published order.
func (s *Service) Create(ctx context.Context, a *market.Actor, orderID uuid.UUID, in market.BidInput) (BidView, error) {
	bc, err := s.workshopBidContext(ctx, a, orderID)
	if err != nil {
		return BidView{}, err
	}
	uid := a.User.ID
	var bidID uuid.UUID
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		o, err := db.LockOrder(ctx, bc.order.ID)
		if err != nil {
			return err
		}
		if err := market.CheckBiddable(o, s.Now()); err != nil {
			return err
		}
		b, err := market.CheckBid(o, in, s.Now())
		if err != nil {
			return err
		}
		q, err := market.QuoteBid(o, b, bc.workshop.RegionCode, bc.workshop.Guaranteed())
		if err != nil {
			return err
		}
		confirmed, err := s.fairPayConfirmed(q, in.ConfirmBelowMinimumWage)
		if err != nil {
			return err
		}
		created, err := db.CreateBid(ctx, store.CreateBidParams{OrderID: o.ID, WorkshopID: bc.workshop.ID, Quantity: b.Quantity,
			UnitPrice: b.UnitPrice, DeliveryDate: b.DeliveryDate, Headcount: int32(b.Headcount), Message: b.Message, CreatedBy: &uid,
			BelowMinWageConfirmedAt: confirmed})
		if store.IsUniqueViolation(err, "bids_open_key") {
			return errDuplicateBid
		}
		if err != nil {
			return err
		}
		bidID = created.ID
		return notify.Send(ctx, db, notify.Notice{Org: o.CompanyID, Kind: notify.BidNew,
			Data: notify.Data{Org: bc.workshop.Name, Order: o.Title, Quantity: b.Quantity}, Link: "/orders/" + o.ID.String()})
	})
	if err != nil {
		return BidView{}, err
	}
	return s.Bid(ctx, a, bidID, false)
}

// fairPayConfirmed checks the workshop confirmed a below-minimum-wage price
// and returns when, to record with the bid (nil when not below).
func (s *Service) fairPayConfirmed(q market.BidQuote, confirm bool) (*time.Time, error) {
	if err := market.CheckFairPay(q, confirm, false); err != nil || !q.BelowMinimumWage {
		return nil, err
	}
	now := s.Now()
	return &now, nil
}

// Revise changes an open bid (the workshop); the old version is kept.
func (s *Service) Revise(ctx context.Context, a *market.Actor, id uuid.UUID, in market.BidInput) (BidView, error) {
	row, p, err := s.visibleBid(ctx, a, id)
	if err != nil {
		return BidView{}, err
	}
	if err := p.Actions.Revise.Err(); err != nil {
		return BidView{}, err
	}
	w, err := s.Store.DB().Org(ctx, row.WorkshopID) // before the transaction: no second connection while holding the order lock
	if err != nil {
		return BidView{}, err
	}
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		o, p, err := lockBid(ctx, db, a, row, s.Now())
		if err != nil {
			return err
		}
		if err := p.Actions.Revise.Err(); err != nil {
			return err
		}
		if err := market.CheckBiddable(o, s.Now()); err != nil {
			return err
		}
		b, err := market.CheckBid(o, in, s.Now())
		if err != nil {
			return err
		}
		q, err := market.QuoteBid(o, b, w.RegionCode, w.Guaranteed())
		if err != nil {
			return err
		}
		confirmed, err := s.fairPayConfirmed(q, in.ConfirmBelowMinimumWage)
		if err != nil {
			return err
		}
		if err := db.InsertBidRevision(ctx, row.ID); err != nil {
			return err
		}
		if _, err := db.ReviseBid(ctx, store.ReviseBidParams{ID: row.ID, Quantity: b.Quantity, UnitPrice: b.UnitPrice,
			DeliveryDate: b.DeliveryDate, Headcount: int32(b.Headcount), Message: b.Message, BelowMinWageConfirmedAt: confirmed}); err != nil {
			return err
		}
		return notify.Send(ctx, db, notify.Notice{Org: o.CompanyID, Kind: notify.BidRevised,
			Data: notify.Data{Org: row.WorkshopName, Order: o.Title}, Link: "/orders/" + o.ID.String()})
	})
	if err != nil {
		return BidView{}, err
	}
	return s.Bid(ctx, a, row.ID, true)
}

// Withdraw ends an open bid (the workshop).
func (s *Service) Withdraw(ctx context.Context, a *market.Actor, id uuid.UUID) (BidView, error) {
	row, p, err := s.visibleBid(ctx, a, id)
	if err != nil {
		return BidView{}, err
	}
	if err := p.Actions.Withdraw.Err(); err != nil {
		return BidView{}, err
	}
	return s.closeBid(ctx, a, row, market.BidWithdrawn, "", notify.Notice{Org: row.CompanyID, Kind: notify.BidWithdrawn,
		Data: notify.Data{Org: row.WorkshopName, Order: row.OrderTitle}, Link: "/orders/" + row.OrderID.String()})
}

// Reject turns an open bid down with a reason (the order's company).
func (s *Service) Reject(ctx context.Context, a *market.Actor, id uuid.UUID, reason string) (BidView, error) {
	row, p, err := s.visibleBid(ctx, a, id)
	if err != nil {
		return BidView{}, err
	}
	if err := p.Actions.Reject.Err(); err != nil {
		return BidView{}, err
	}
	reason, err = market.CheckReason(reason, true)
	if err != nil {
		return BidView{}, err
	}
	return s.closeBid(ctx, a, row, market.BidRejected, reason, notify.Notice{Org: row.WorkshopID, Kind: notify.BidRejected,
		Data: notify.Data{Order: row.OrderTitle, Reason: reason}, Link: "/bids/" + row.ID.String()})
}

// lockBid locks the order, then the bid, and answers the actor's policy on
// the bid as it stands under the locks.
func lockBid(ctx context.Context, db *store.DB, a *market.Actor, row store.ListBidViewsRow, now time.Time) (market.Order, market.BidPolicy, error) {
	o, err := db.LockOrder(ctx, row.OrderID)
	if err != nil {
		return o, market.BidPolicy{}, err
	}
	b, err := db.BidByIDForUpdate(ctx, row.ID)
	if err != nil {
		return o, market.BidPolicy{}, err
	}
	f := bidFacts(row)
	f.Status = market.BidStatus(b.Status)
	f.Bid = market.Bid{Quantity: b.Quantity, UnitPrice: b.UnitPrice, DeliveryDate: b.DeliveryDate, Headcount: int(b.Headcount)}
	return o, market.BidPolicyFor(a, f, o, now), nil
}

// closeBid ends an open bid as withdrawn or rejected and tells the other party.
func (s *Service) closeBid(ctx context.Context, a *market.Actor, row store.ListBidViewsRow, status market.BidStatus, reason string, notice notify.Notice) (BidView, error) {
	err := s.Store.Tx(ctx, func(db *store.DB) error {
		_, p, err := lockBid(ctx, db, a, row, s.Now())
		if err != nil {
			return err
		}
		may := p.Actions.Withdraw
		if status == market.BidRejected {
			may = p.Actions.Reject
		}
		if err := may.Err(); err != nil {
			return err
		}
		// The reason is what a person typed: it reads as written in both languages.
		if _, err := db.SetBidStatus(ctx, store.SetBidStatusParams{ID: row.ID, Status: string(status), StatusReason: reason}); err != nil {
			return err
		}
		return notify.Send(ctx, db, notice)
	})
	if err != nil {
		return BidView{}, err
	}
	return s.Bid(ctx, a, row.ID, true)
}
