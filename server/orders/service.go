// Package orders is the order workflow: drafting, editing, submitting and
// cancelling (companies), moderation and reports (staff), expiry (a job),
// and the one function every order status change goes through (Apply).
// Each write owns its transaction; handlers and jobs call these methods.
package orders

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
)

// Service runs the order workflows.
type Service struct {
	Store *store.Store
	Now   func() time.Time
}

var (
	errNotCompany = market.E(market.CodeForbidden, "只有合作企业可以发布订单", "only partner companies can post orders")
	errNotOwner   = market.E(market.CodeForbidden, "只有发布订单的企业可以执行此操作", "only the company that posted the order can do this")
)

// Owns reports whether the actor is a member of the order's company.
func Owns(a *market.Actor, o market.Order) bool { return a != nil && a.OrgID == o.CompanyID }

// Visible reads an order the actor may see: published orders are public;
// anything else only to its company and staff (404 to everyone else), and
// to a workshop that bid, whose bid and contract point back to it.
func (s *Service) Visible(ctx context.Context, a *market.Actor, id uuid.UUID) (market.Order, error) {
	db := s.Store.DB()
	o, err := db.Order(ctx, id)
	if err != nil {
		return o, err
	}
	if market.IsPublic(o.Status) || Owns(a, o) || a.IsStaff() {
		return o, nil
	}
	if a != nil && a.OrgKind == market.KindWorkshop {
		_, err := db.LatestBidForWorkshop(ctx, store.LatestBidForWorkshopParams{OrderID: o.ID, WorkshopID: a.OrgID})
		if err == nil {
			return o, nil
		}
		if !store.IsNoRows(err) {
			return market.Order{}, err
		}
	}
	return market.Order{}, market.ErrNotFound
}

// Own is Visible for the posting company's members only: others who can see
// the order get 403, the rest 404.
func (s *Service) Own(ctx context.Context, a *market.Actor, id uuid.UUID) (market.Order, error) {
	o, err := s.Visible(ctx, a, id)
	if err != nil {
		return o, err
	}
	if !Owns(a, o) {
		if a.IsStaff() || market.IsPublic(o.Status) {
			return market.Order{}, errNotOwner
		}
		return market.Order{}, market.ErrNotFound
	}
	return o, nil
}

// companyActor checks the caller is a company member; posting also needs the verified badge.
func (s *Service) companyActor(ctx context.Context, a *market.Actor, needVerified bool) error {
	if a.OrgKind != market.KindCompany {
		return errNotCompany
	}
	if !needVerified {
		return nil
	}
	org, err := s.Store.DB().Org(ctx, a.OrgID)
	if err != nil {
		return err
	}
	if org.VerifiedAt == nil {
		return market.E(market.CodeForbidden, "企业通过平台认证后才能发布订单", "your company must be verified by platform staff before posting orders")
	}
	return nil
}
