// Package events records what a transaction changed and turns each change
// into the River jobs that follow from it, inserted in the same transaction.
// Adding a subscriber (search, mail, a webhook to companies later) is a new
// job kind, a new worker in server/jobs and one line in jobsFor — never a
// new hook field somewhere else.
package events

import (
	"context"
	"fmt"
	"time"

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

// OrderRescored: the posting company's scorecard changed (a contract
// settled, a rating), and it is part of the order's search document; the
// order row itself did not change, so its sync must re-write the document
// even at the version already indexed.
type OrderRescored struct{ OrderID uuid.UUID }

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

// DeliverySubmitted: a delivery waits for inspection until InspectDue; both
// sides are reminded a day before, and it is accepted in full if the
// company is silent.
type DeliverySubmitted struct {
	DeliveryID uuid.UUID
	InspectDue time.Time
}

// ContractSettling: everything on a contract is decided; it can be settled.
type ContractSettling struct{ ContractID uuid.UUID }

func (OrderChanged) event()          {}
func (OrgChanged) event()            {}
func (OrderRescored) event()         {}
func (NotificationMailed) event()    {}
func (PaymentCreated) event()        {}
func (DisbursementQueued) event()    {}
func (ProviderEventReceived) event() {}
func (DeliverySubmitted) event()     {}
func (ContractSettling) event()      {}

// jobsFor is the subscription table: every event and the jobs it starts.
func jobsFor(ev Event) []river.InsertManyParams {
	now := func(args ...river.JobArgs) []river.InsertManyParams {
		out := make([]river.InsertManyParams, len(args))
		for i, a := range args {
			out[i] = river.InsertManyParams{Args: a}
		}
		return out
	}
	switch e := ev.(type) {
	case OrderChanged:
		return now(IndexOrder{OrderID: e.OrderID})
	case OrderRescored:
		return now(IndexOrder{OrderID: e.OrderID, Force: true})
	case OrgChanged:
		if e.Workshop {
			return now(IndexWorkshop{OrgID: e.OrgID})
		}
		return now(ResyncCompanyOrders{CompanyID: e.OrgID})
	case NotificationMailed:
		return now(MailNotification{NotificationID: e.NotificationID})
	case PaymentCreated:
		return now(CreateCharge{PaymentID: e.PaymentID})
	case DisbursementQueued:
		return now(SendDisbursement{DisbursementID: e.DisbursementID})
	case ProviderEventReceived:
		return now(ProcessProviderEvent{EventID: e.EventID})
	case DeliverySubmitted:
		return []river.InsertManyParams{
			{Args: InspectionReminder{DeliveryID: e.DeliveryID}, InsertOpts: &river.InsertOpts{ScheduledAt: e.InspectDue.Add(-24 * time.Hour)}},
			{Args: AutoAccept{DeliveryID: e.DeliveryID}, InsertOpts: &river.InsertOpts{ScheduledAt: e.InspectDue}},
		}
	case ContractSettling:
		return now(SettleContract{ContractID: e.ContractID})
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
		params = append(params, jobsFor(ev)...)
	}
	_, err := p.client.InsertManyTx(ctx, tx, params)
	return err
}
