package jobs

import (
	"context"
	"errors"
	"log/slog"
	"math"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"doorstep/server/events"
	"doorstep/server/store"
)

// index keeps one search index in step with one table. The order and
// workshop indexes differ only in these fields; syncing, rebuilding and
// reconciling are shared, so a third index is one more of these.
type index struct {
	name  string
	store *store.Store
	// sync brings one row's document up to date inside db's transaction,
	// which holds a per-row advisory lock while the engine is written, so an
	// older read never overwrites a newer document. force re-writes even a
	// document the index already has at this version.
	sync func(ctx context.Context, db *store.DB, id uuid.UUID, force bool) error
	// rebuild replaces the whole index with documents built from the database.
	rebuild func(ctx context.Context) (documents int, err error)
	// changedSince lists the rows changed after t.
	changedSince func(ctx context.Context, db *store.DB, t time.Time) ([]uuid.UUID, error)
	job          func(uuid.UUID) river.JobArgs
}

func (x *index) syncOne(ctx context.Context, id uuid.UUID, force bool) error {
	if x == nil {
		return nil // no engine configured for this index
	}
	return x.store.Tx(ctx, func(db *store.DB) error { return x.sync(ctx, db, id, force) })
}

// reindex rebuilds the whole index. Writes that land in the old index while
// the new one is built would be lost at the swap, so rows changed since the
// start are synced again afterwards.
func (x *index) reindex(ctx context.Context, log *slog.Logger) error {
	if x == nil {
		return nil
	}
	started := time.Now().Add(-time.Second) // margin for clock skew with the database
	n, err := x.rebuild(ctx)
	if err != nil {
		return err
	}
	ids, err := x.changedSince(ctx, x.store.DB(), started)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := x.syncOne(ctx, id, true); err != nil {
			return err
		}
	}
	log.InfoContext(ctx, "search reindexed", "index", x.name, "documents", n, "resynced", len(ids))
	return nil
}

// enqueueChanged inserts one sync job per row changed since t (reconcile),
// with the client of the running job.
func (x *index) enqueueChanged(ctx context.Context, since time.Time) error {
	if x == nil {
		return nil
	}
	ids, err := x.changedSince(ctx, x.store.DB(), since)
	if err != nil || len(ids) == 0 {
		return err
	}
	params := make([]river.InsertManyParams, len(ids))
	for i, id := range ids {
		params[i] = river.InsertManyParams{Args: x.job(id)}
	}
	_, err = river.ClientFromContext[pgx.Tx](ctx).InsertMany(ctx, params)
	return err
}

// indexJob is a sync job's args: one row's id.
type indexJob interface {
	river.JobArgs
	RowID() uuid.UUID
	Forced() bool // write even a version the index has (see events.IndexOrder)
}

// syncWorker runs the sync jobs of one index.
type syncWorker[T indexJob] struct {
	river.WorkerDefaults[T]
	index *index
}

// NextRetry backs off exponentially but never waits more than a minute, so
// the index catches up soon after an engine outage ends.
func (w *syncWorker[T]) NextRetry(job *river.Job[T]) time.Time { return backoff(job.Attempt) }

// backoff is 2^attempt seconds, at most a minute.
func backoff(attempt int) time.Time {
	return time.Now().Add(time.Duration(math.Min(math.Pow(2, float64(attempt)), 60)) * time.Second)
}

func (w *syncWorker[T]) Work(ctx context.Context, job *river.Job[T]) error {
	return w.index.syncOne(ctx, job.Args.RowID(), job.Args.Forced())
}

type (
	IndexOrderWorker    = syncWorker[events.IndexOrder]
	IndexWorkshopWorker = syncWorker[events.IndexWorkshop]
)

// indexes are the search indexes the workers keep.
type indexes struct{ orders, workshops *index }

func newIndexes(d Deps) indexes {
	return indexes{orders: orderIndex(d), workshops: workshopIndex(d)}
}

// Reindex rebuilds every index from the database (the `reindex` command and
// the periodic full reconcile); one failing does not stop the others.
func Reindex(ctx context.Context, d Deps) error {
	x := newIndexes(d)
	return errors.Join(x.orders.reindex(ctx, d.Log), x.workshops.reindex(ctx, d.Log))
}

// ReconcileArgs repairs drift: it re-enqueues rows changed recently (which
// covers a change racing a running sync job) and, every few hours,
// rebuilds every index.
type ReconcileArgs struct {
	Full bool `json:"full"`
}

func (ReconcileArgs) Kind() string { return "search_reconcile" }

type ReconcileWorker struct {
	river.WorkerDefaults[ReconcileArgs]
	indexes indexes
	Log     *slog.Logger
}

// Timeout: a full reconcile rebuilds every index, longer than other jobs.
func (w *ReconcileWorker) Timeout(*river.Job[ReconcileArgs]) time.Duration { return ReconcileTimeout }

// Work repairs every index; one failing does not stop the others.
func (w *ReconcileWorker) Work(ctx context.Context, job *river.Job[ReconcileArgs]) error {
	x := w.indexes
	if job.Args.Full {
		return errors.Join(x.orders.reindex(ctx, w.Log), x.workshops.reindex(ctx, w.Log))
	}
	since := time.Now().Add(-15 * time.Minute)
	return errors.Join(x.orders.enqueueChanged(ctx, since), x.workshops.enqueueChanged(ctx, since))
}
