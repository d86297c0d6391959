// Package fulfilment is the fulfilment workflow (DESIGN.md "Lifecycle"):
// materials go out and are counted in, finished pieces are delivered in
// batches and inspected — every rejected piece with a reason and a photo —
// rework comes back as new deliveries, the workshop may dispute and staff
// decide, a silent company accepts by default, and each acceptance releases
// money at once (server/money). Every write locks the contract row first
// (then the delivery or dispatch), so concurrent deliveries and inspections
// never break the quantities.
package fulfilment

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/money"
	"doorstep/server/store"
)

// Service runs the fulfilment workflows.
type Service struct {
	Store       *store.Store
	Money       *money.Service
	Now         func() time.Time
	DisputeDays int // how long a workshop may dispute an inspection
}

var (
	errCompanyOnly  = market.E(market.CodeForbidden, "只有合同的企业方可以执行此操作", "only the contract's company can do this")
	errWorkshopOnly = market.E(market.CodeForbidden, "只有合同的工坊方可以执行此操作", "only the contract's workshop can do this")
)

// party is how the actor relates to a contract.
type party int

const (
	asStaff party = iota
	asCompany
	asWorkshop
)

// visible reads a contract the actor is party to (or staff); 404 otherwise.
func visible(ctx context.Context, db *store.DB, a *market.Actor, id uuid.UUID) (store.Contract, party, error) {
	k, err := db.ContractByID(ctx, id)
	if store.IsNoRows(err) {
		return k, 0, market.ErrNotFound
	}
	if err != nil {
		return k, 0, err
	}
	switch {
	case a.OrgID == k.CompanyID && a.OrgID != uuid.Nil:
		return k, asCompany, nil
	case a.OrgID == k.WorkshopID && a.OrgID != uuid.Nil:
		return k, asWorkshop, nil
	case a.IsStaff():
		return k, asStaff, nil
	}
	return k, 0, market.ErrNotFound
}

// lockAs locks a contract the actor may see and checks the actor is the
// party that acts (403 for the other party and staff).
func lockAs(ctx context.Context, db *store.DB, a *market.Actor, id uuid.UUID, want party) (store.Contract, error) {
	_, p, err := visible(ctx, db, a, id)
	if err != nil {
		return store.Contract{}, err
	}
	if p != want {
		if want == asCompany {
			return store.Contract{}, errCompanyOnly
		}
		return store.Contract{}, errWorkshopOnly
	}
	return db.LockContract(ctx, id)
}

// move applies a contract action through the state machine (the caller
// holds the lock) and returns the contract as it now is.
func move(ctx context.Context, db *store.DB, k store.Contract, act market.ContractAction) (store.Contract, error) {
	to, err := market.NextContractStatus(market.ContractStatus(k.Status), act)
	if err != nil || string(to) == k.Status {
		return k, err
	}
	return db.SetContractStatus(ctx, store.SetContractStatusParams{ID: k.ID, Status: string(to)})
}

// units moves the contract's running totals.
type units = store.AddContractUnitsParams

func add(ctx context.Context, db *store.DB, id uuid.UUID, u units) (store.Contract, error) {
	u.ID = id
	return db.AddContractUnits(ctx, u)
}

func ownMaterials(k store.Contract) bool { return k.MaterialSupply == market.SupplyWorkshopSources }
