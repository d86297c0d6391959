// Package orders is the order workflow: drafting, editing, submitting and
// cancelling (companies), moderation and reports (staff), expiry (a job),
// and the one function every order status change goes through (Apply).
// Each write owns its transaction; handlers and jobs call these methods.
package orders

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/access"
	"doorstep/server/market"
	"doorstep/server/store"
)

// Service runs the order workflows.
type Service struct {
	Store *store.Store
	Now   func() time.Time
}

// companyActor checks the caller may post orders (posting needs the verified badge).
func (s *Service) companyActor(ctx context.Context, a *market.Actor, posting bool) error {
	verified := false
	if posting && a != nil && a.OrgKind == market.KindCompany {
		org, err := s.Store.DB().Org(ctx, a.OrgID)
		if err != nil {
			return err
		}
		verified = org.VerifiedAt != nil
	}
	return market.PostOrders(a, verified, posting).Err()
}

// Order reads an order the actor may see, with the actor's policy on it
// (404 for anyone who may not see it).
func (s *Service) Order(ctx context.Context, a *market.Actor, id uuid.UUID) (market.Order, market.OrderPolicy, error) {
	return access.Order(ctx, s.Store.DB(), a, id, s.Now())
}
