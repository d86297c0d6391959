// Package bidding is the bidding workflow: workshops bid, revise and
// withdraw; companies compare, reject and award; companies invite
// workshops. Every bid write locks the order row, then the bid (one lock
// order, so concurrent writers cannot deadlock), and an award closes the
// order through orders.Apply when nothing remains.
package bidding

import (
	"time"

	"doorstep/server/contracts"
	"doorstep/server/orders"
	"doorstep/server/store"
)

// Service runs the bidding workflows.
type Service struct {
	Store        *store.Store
	Orders       *orders.Service
	Contracts    *contracts.Service
	Now          func() time.Time
	CommissionBP int // frozen on each contract at award
	FundingDays  int // a contract not funded this many days after award lapses
}
