// Package jobs holds the River workers: everything asynchronous runs as a
// job in Postgres, inserted in the same transaction as the change it follows.
package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"doorstep/search"
	"doorstep/server/store"
)

// CleanupArgs prunes expired sessions and old rate-limit windows.
type CleanupArgs struct{}

func (CleanupArgs) Kind() string { return "cleanup" }

type CleanupWorker struct {
	river.WorkerDefaults[CleanupArgs]
	Store *store.Store
	Log   *slog.Logger
}

func (w *CleanupWorker) Work(ctx context.Context, _ *river.Job[CleanupArgs]) error {
	sessions, err := w.Store.Q.DeleteStaleSessions(ctx)
	if err != nil {
		return err
	}
	limits, err := w.Store.Q.DeleteOldRateLimits(ctx)
	if err != nil {
		return err
	}
	w.Log.InfoContext(ctx, "cleanup", "sessions_deleted", sessions, "rate_limit_rows_deleted", limits)
	return nil
}

// Deps are what the workers need.
type Deps struct {
	Store     *store.Store
	Engine    search.Engine
	Workshops search.WorkshopEngine // nil: workshop sync jobs do nothing
	Metrics   *Metrics
	Log       *slog.Logger
}

// NewClient builds the River client that runs inside `serve`.
func NewClient(pool *pgxpool.Pool, d Deps) (*river.Client[pgx.Tx], error) {
	return newClient(pool, d, periodicJobs())
}

// NewClientWithoutPeriodicJobs builds the same client without its schedule:
// only jobs that are inserted run, so tests decide when a reconcile or an
// expiry sweep happens instead of racing one started by the clock.
func NewClientWithoutPeriodicJobs(pool *pgxpool.Pool, d Deps) (*river.Client[pgx.Tx], error) {
	return newClient(pool, d, nil)
}

func newClient(pool *pgxpool.Pool, d Deps, periodic []*river.PeriodicJob) (*river.Client[pgx.Tx], error) {
	s, log := d.Store, d.Log
	workers := river.NewWorkers()
	river.AddWorker(workers, &CleanupWorker{Store: s, Log: log})
	river.AddWorker(workers, &ExpireOrdersWorker{Store: s, Log: log, Now: time.Now})
	river.AddWorker(workers, &IndexOrderWorker{Store: s, Engine: d.Engine, Metrics: d.Metrics})
	river.AddWorker(workers, &IndexWorkshopWorker{Store: s, Engine: d.Workshops})
	river.AddWorker(workers, &ReconcileWorker{Store: s, Engine: d.Engine, Workshops: d.Workshops, Log: log})
	return river.NewClient(riverpgxv5.New(pool), &river.Config{
		Logger: log,
		Queues: map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: 10}},
		// Sync jobs are inserted by API transactions; a short poll keeps
		// change → searchable well under a second even without LISTEN/NOTIFY.
		FetchPollInterval: 100 * time.Millisecond,
		Workers:           workers,
		PeriodicJobs:      periodic,
	})
}

// periodicJobs is the schedule `serve` runs: cleanup hourly, expiry every
// minute, a recent-changes reconcile every 5 minutes and a full rebuild every
// 6 hours (and at start).
func periodicJobs() []*river.PeriodicJob {
	return []*river.PeriodicJob{
		river.NewPeriodicJob(river.PeriodicInterval(time.Hour), func() (river.JobArgs, *river.InsertOpts) {
			return CleanupArgs{}, nil
		}, &river.PeriodicJobOpts{RunOnStart: true}),
		river.NewPeriodicJob(river.PeriodicInterval(time.Minute), func() (river.JobArgs, *river.InsertOpts) {
			return ExpireOrdersArgs{}, nil
		}, &river.PeriodicJobOpts{RunOnStart: true}),
		river.NewPeriodicJob(river.PeriodicInterval(5*time.Minute), func() (river.JobArgs, *river.InsertOpts) {
			return ReconcileArgs{}, nil
		}, nil),
		river.NewPeriodicJob(river.PeriodicInterval(6*time.Hour), func() (river.JobArgs, *river.InsertOpts) {
			return ReconcileArgs{Full: true}, nil
		}, &river.PeriodicJobOpts{RunOnStart: true}),
	}
}
