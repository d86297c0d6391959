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
	// MessageCoalesce is how long a thread's unread notice keeps taking its
	// newer messages (NOTIFY_COALESCE_WINDOW); zero sends one per message.
	MessageCoalesce time.Duration
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

// deliveryFacts are what the delivery policy decides from.
func deliveryFacts(d store.Delivery) market.DeliveryFacts {
	var rejected int64
	if d.Rejected != nil {
		rejected = *d.Rejected
	}
	return market.DeliveryFacts{Status: market.DeliveryStatus(d.Status), Rejected: rejected, ReworkLeft: d.ReworkLeft,
		DisputeDueAt: d.DisputeDueAt}
}
