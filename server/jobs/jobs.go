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

// NewClient builds the River client that runs inside `serve`.
func NewClient(pool *pgxpool.Pool, s *store.Store, log *slog.Logger) (*river.Client[pgx.Tx], error) {
	workers := river.NewWorkers()
	river.AddWorker(workers, &CleanupWorker{Store: s, Log: log})
	river.AddWorker(workers, &ExpireOrdersWorker{Store: s, Log: log, Now: time.Now})
	return river.NewClient(riverpgxv5.New(pool), &river.Config{
		Logger:  log,
		Queues:  map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: 10}},
		Workers: workers,
		PeriodicJobs: []*river.PeriodicJob{
			river.NewPeriodicJob(river.PeriodicInterval(time.Hour), func() (river.JobArgs, *river.InsertOpts) {
				return CleanupArgs{}, nil
			}, &river.PeriodicJobOpts{RunOnStart: true}),
			river.NewPeriodicJob(river.PeriodicInterval(time.Minute), func() (river.JobArgs, *river.InsertOpts) {
				return ExpireOrdersArgs{}, nil
			}, &river.PeriodicJobOpts{RunOnStart: true}),
		},
	})
}
