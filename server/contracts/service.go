// Package contracts is the contract workflow: reading contracts for their
// two parties and staff, and (with server/payments) funding, lapse and
// cancellation. Contracts are created by awards (server/bidding).
package contracts

import (
	"time"

	"doorstep/server/money"
	"doorstep/server/store"
)

// Service runs the contract workflows.
type Service struct {
	Store *store.Store
	Money *money.Service
	Now   func() time.Time
}
