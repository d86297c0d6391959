// Package events records what a transaction changed and turns each change
// into the River jobs that follow from it, inserted in the same transaction.
// Adding a subscriber (search, mail, a webhook to companies later) is a new
// job kind, a new worker in server/jobs and one line in jobsFor — never a
// new hook field somewhere else.
package events

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
)

// Event is a fact about a committed change. Events are values: the same
// event twice in one transaction is published once.
type Event interface{ event() }

// OrderChanged: something shown in an order's public face may have changed
// (status, terms, remaining quantity).
type OrderChanged struct{ OrderID uuid.UUID }

// OrgChanged: an organisation's public face changed (name, badges, map
// point, track record). Workshops are in the workshop index; a company's
// name and badge appear on each of its public orders.
type OrgChanged struct {
	OrgID    uuid.UUID
	Workshop bool
}

// NotificationMailed: a notification whose kind has a mail counterpart was
// written; its members are mailed after commit.
type NotificationMailed struct{ NotificationID uuid.UUID }

// PaymentCreated: a card payment was created; its provider charge is made
// by a job after commit.
type PaymentCreated struct{ PaymentID uuid.UUID }

// DisbursementQueued: money is to go out through the provider (a job sends it).
type DisbursementQueued struct{ DisbursementID uuid.UUID }

// ProviderEventReceived: a verified webhook event was stored; a job processes it once.
type ProviderEventReceived struct{ EventID string }

func (OrderChanged) event()          {}
func (OrgChanged) event()            {}
func (NotificationMailed) event()    {}
func (PaymentCreated) event()        {}
func (DisbursementQueued) event()    {}
func (ProviderEventReceived) event() {}

// jobsFor is the subscription table: every event and the jobs it starts.
func jobsFor(ev Event) []river.JobArgs {
	switch e := ev.(type) {
	case OrderChanged:
		return []river.JobArgs{IndexOrder{OrderID: e.OrderID}}
	case OrgChanged:
		if e.Workshop {
			return []river.JobArgs{IndexWorkshop{OrgID: e.OrgID}}
		}
		return []river.JobArgs{ResyncCompanyOrders{CompanyID: e.OrgID}}
	case NotificationMailed:
		return []river.JobArgs{MailNotification{NotificationID: e.NotificationID}}
	case PaymentCreated:
		return []river.JobArgs{CreateCharge{PaymentID: e.PaymentID}}
	case DisbursementQueued:
		return []river.JobArgs{SendDisbursement{DisbursementID: e.DisbursementID}}
	case ProviderEventReceived:
		return []river.JobArgs{ProcessProviderEvent{EventID: e.EventID}}
	}
	panic(fmt.Sprintf("events: no subscribers for %T", ev))
}

// Publisher inserts the jobs of a transaction's events inside it. It uses
// an insert-only River client, so every command (serve, seed, tests) can
// publish; the workers of `serve` pick the jobs up.
type Publisher struct {
	client *river.Client[pgx.Tx]
}

// NewPublisher builds an insert-only River client on pool.
func NewPublisher(pool *pgxpool.Pool) (*Publisher, error) {
	c, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	if err != nil {
		return nil, err
	}
	return &Publisher{client: c}, nil
}

// Publish inserts one job per subscriber of each distinct event, in tx.
func (p *Publisher) Publish(ctx context.Context, tx pgx.Tx, evs []Event) error {
	if len(evs) == 0 {
		return nil
	}
	seen := make(map[Event]bool, len(evs))
	var params []river.InsertManyParams
	for _, ev := range evs {
		if seen[ev] {
			continue
		}
		seen[ev] = true
		for _, args := range jobsFor(ev) {
			params = append(params, river.InsertManyParams{Args: args})
		}
	}
	_, err := p.client.InsertManyTx(ctx, tx, params)
	return err
}
