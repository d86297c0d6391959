// Package jobs holds the River workers: everything asynchronous runs as a
// job in Postgres, inserted in the same transaction as the change it
// follows (server/events). Workers are thin: they call workflows, or keep
// a search index in step with the database.
package jobs

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"doorstep/search"
	"doorstep/server/mail"
	"doorstep/server/orders"
	"doorstep/server/store"
	"doorstep/server/uploads"
	"doorstep/server/workflows"
)

// Deps are what the workers need.
type Deps struct {
	Store     *store.Store
	Engine    search.Engine
	Workshops search.WorkshopEngine // nil: workshop sync jobs do nothing
	// Workflows are the workflows the workers call (workflows.New, the one
	// constructor that builds them from the configuration); required.
	Workflows *workflows.Set
	Mailer    mail.Mailer // nil: mails are written to the log
	BaseURL   string      // for links in mails
	Metrics   *Metrics
	Log       *slog.Logger
	// NoPeriodicJobs leaves out the periodic cleanup, expiry and reconcile
	// (tests that must not see them run in the middle).
	NoPeriodicJobs bool
}

// NewClient builds the River client that runs inside `serve`.
func NewClient(pool *pgxpool.Pool, d Deps) (*river.Client[pgx.Tx], error) {
	if d.Workflows == nil {
		return nil, errors.New("jobs: Deps.Workflows is required (workflows.New)")
	}
	if d.Mailer == nil {
		d.Mailer = mail.NewLogMailer(d.Log)
	}
	w := d.Workflows
	idx := newIndexes(d)
	workers := river.NewWorkers()
	river.AddWorker(workers, &CleanupWorker{Store: d.Store, Uploads: w.Uploads, Log: d.Log})
	river.AddWorker(workers, &ExpireOrdersWorker{Orders: w.Orders, Log: d.Log})
	river.AddWorker(workers, &IndexOrderWorker{index: idx.orders})
	river.AddWorker(workers, &IndexWorkshopWorker{index: idx.workshops})
	river.AddWorker(workers, &ResyncCompanyOrdersWorker{Store: d.Store})
	river.AddWorker(workers, &ReconcileWorker{indexes: idx, Log: d.Log})
	river.AddWorker(workers, &MailNotificationWorker{Store: d.Store, Mailer: d.Mailer, BaseURL: d.BaseURL})
	river.AddWorker(workers, &CreateChargeWorker{Money: w.Money})
	river.AddWorker(workers, &SendDisbursementWorker{Money: w.Money})
	river.AddWorker(workers, &ProcessProviderEventWorker{Money: w.Money})
	river.AddWorker(workers, &LapseContractsWorker{Contracts: w.Contracts, Log: d.Log})
	river.AddWorker(workers, &AutoAcceptWorker{Fulfilment: w.Fulfilment})
	river.AddWorker(workers, &InspectionReminderWorker{Fulfilment: w.Fulfilment})
	river.AddWorker(workers, &SweepWorker{Fulfilment: w.Fulfilment, Log: d.Log})
	river.AddWorker(workers, &SettleContractWorker{Settlement: w.Settlement})
	cfg := &river.Config{
		Logger: d.Log,
		// The workers share River's own small pool (RIVER_POOL_SIZE, 10 by
		// default) with River itself, so fewer workers than connections.
		Queues: map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: MaxWorkers}},
		// A job runs at most JobTimeout (a full reindex, ReconcileTimeout);
		// one still "running" well past the longest of them was left by a
		// crashed process and runs again, instead of waiting River's hour.
		JobTimeout:           JobTimeout,
		RescueStuckJobsAfter: RescueStuckJobsAfter,
		// Sync jobs are inserted by API transactions; a short poll keeps
		// change → searchable well under a second even without LISTEN/NOTIFY.
		FetchPollInterval: 100 * time.Millisecond,
		Workers:           workers,
	}
	if !d.NoPeriodicJobs {
		cfg.PeriodicJobs = periodicJobs()
	}
	return river.NewClient(riverpgxv5.New(pool), cfg)
}

// How long jobs may run, and when a job left running is taken for lost.
const (
	MaxWorkers           = 5
	JobTimeout           = time.Minute     // sync, mail, expiry, cleanup: seconds in practice
	ReconcileTimeout     = 5 * time.Minute // a full rebuild of both search indexes
	RescueStuckJobsAfter = 10 * time.Minute
)

func periodicJobs() []*river.PeriodicJob {
	every := func(d time.Duration, args river.JobArgs, onStart bool) *river.PeriodicJob {
		return river.NewPeriodicJob(river.PeriodicInterval(d), func() (river.JobArgs, *river.InsertOpts) { return args, nil },
			&river.PeriodicJobOpts{RunOnStart: onStart})
	}
	return []*river.PeriodicJob{
		every(time.Hour, CleanupArgs{}, true),
		every(time.Minute, ExpireOrdersArgs{}, true),
		every(time.Minute, LapseContractsArgs{}, true),
		every(10*time.Minute, SweepArgs{}, true),
		every(5*time.Minute, ReconcileArgs{}, false),
		every(6*time.Hour, ReconcileArgs{Full: true}, true),
	}
}

// CleanupArgs prunes expired sessions and old rate-limit windows.
type CleanupArgs struct{}

func (CleanupArgs) Kind() string { return "cleanup" }

type CleanupWorker struct {
	river.WorkerDefaults[CleanupArgs]
	Store   *store.Store
	Uploads *uploads.Service
	Log     *slog.Logger
}

func (w *CleanupWorker) Work(ctx context.Context, _ *river.Job[CleanupArgs]) error {
	db := w.Store.DB()
	sessions, err := db.DeleteStaleSessions(ctx)
	if err != nil {
		return err
	}
	limits, err := db.DeleteOldRateLimits(ctx)
	if err != nil {
		return err
	}
	files, err := w.Uploads.DeleteExpired(ctx)
	if err != nil {
		return err
	}
	w.Log.InfoContext(ctx, "cleanup", "sessions_deleted", sessions, "rate_limit_rows_deleted", limits, "uploads_deleted", files)
	return nil
}

// ExpireOrdersArgs closes orders whose bidding deadline has passed (every minute).
type ExpireOrdersArgs struct{}

func (ExpireOrdersArgs) Kind() string { return "expire_orders" }

type ExpireOrdersWorker struct {
	river.WorkerDefaults[ExpireOrdersArgs]
	Orders *orders.Service
	Log    *slog.Logger
}

func (w *ExpireOrdersWorker) Work(ctx context.Context, _ *river.Job[ExpireOrdersArgs]) error {
	n, err := w.Orders.ExpireDue(ctx)
	if n > 0 {
		w.Log.InfoContext(ctx, "orders expired", "count", n)
	}
	return err
}
