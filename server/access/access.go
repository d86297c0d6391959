// Package access reads a row for an actor together with market's policy on
// it: the one way workflows learn whether the actor may see the row (404
// when not) and what the actor may do with it now. The rules themselves
// live in server/market (policy.go and the *policy.go beside it); this
// package only fetches the facts they decide from.
package access

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
)

// Contract reads a contract and the actor's policy on it; not found when
// the actor may not see it.
func Contract(ctx context.Context, db *store.DB, a *market.Actor, id uuid.UUID, now time.Time) (store.Contract, market.ContractPolicy, error) {
	k, f, err := db.ContractFacts(ctx, id)
	if store.IsNoRows(err) {
		return k, market.ContractPolicy{}, market.ErrNotFound
	}
	if err != nil {
		return k, market.ContractPolicy{}, err
	}
	p := market.ContractPolicyFor(a, f, now)
	return k, p, p.VisibleErr()
}

// LockContract locks a contract the actor may see for the caller's
// transaction and answers the policy on it as it is under the lock.
// Visibility is checked before the lock, so nobody can hold a lock on a
// contract they may not see.
func LockContract(ctx context.Context, db *store.DB, a *market.Actor, id uuid.UUID, now time.Time) (store.Contract, market.ContractPolicy, error) {
	k, err := db.ContractByID(ctx, id)
	if store.IsNoRows(err) || (err == nil && !market.PartyRole(a, k.CompanyID, k.WorkshopID).Visible()) {
		return k, market.ContractPolicy{}, market.ErrNotFound
	}
	if err != nil {
		return k, market.ContractPolicy{}, err
	}
	if _, err = db.LockContract(ctx, id); err != nil {
		return k, market.ContractPolicy{}, err
	}
	k, f, err := db.ContractFacts(ctx, id) // as it is under the lock
	if err != nil {
		return k, market.ContractPolicy{}, err
	}
	return k, market.ContractPolicyFor(a, f, now), nil
}

// Contracts answers the policy on each contract in ids for the actor (the
// list pages), keyed by id.
func Contracts(ctx context.Context, db *store.DB, a *market.Actor, ids []uuid.UUID, now time.Time) (map[uuid.UUID]market.ContractPolicy, error) {
	fs, err := db.ContractPolicyFacts(ctx, ids...)
	if err != nil {
		return nil, err
	}
	out := make(map[uuid.UUID]market.ContractPolicy, len(fs))
	for id, f := range fs {
		out[id] = market.ContractPolicyFor(a, f, now)
	}
	return out, nil
}

// Order reads an order and the actor's policy on it; not found when the
// actor may not see it. A workshop's own latest bid is a fact: it lets a
// bidder see the order after it leaves public view.
func Order(ctx context.Context, db *store.DB, a *market.Actor, id uuid.UUID, now time.Time) (market.Order, market.OrderPolicy, error) {
	o, err := db.Order(ctx, id)
	if err != nil {
		return o, market.OrderPolicy{}, err
	}
	var f market.OrderFacts
	if a != nil && a.OrgKind == market.KindWorkshop {
		st, err := db.LatestBidStatus(ctx, store.LatestBidStatusParams{OrderID: id, WorkshopID: a.OrgID})
		switch {
		case err == nil:
			bs := market.BidStatus(st)
			f.MyBid = &bs
		case !store.IsNoRows(err):
			return o, market.OrderPolicy{}, err
		}
	}
	p := market.OrderPolicyFor(a, o, f, now)
	return o, p, p.VisibleErr()
}
