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

	"doorstep/search"
	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/dbq"
)

// IndexOrderArgs asks for one order to be brought up to date in the search
// index. It carries only the id: the worker reads the current row, so
// retries and reordering are harmless.
type IndexOrderArgs struct {
	OrderID  uuid.UUID `json:"order_id"`
	FollowUp bool      `json:"follow_up,omitempty"`
}

func (IndexOrderArgs) Kind() string { return "index_order" }

// Jobs are deliberately not River-unique: River's uniqueness also matches a
// job that is running (and stays "running" until its completion is flushed a
// moment later), so a change committed in that window would be dropped. The
// worker instead serialises per order with an advisory lock and skips a job
// whose order version is already indexed: a burst of changes still costs
// one engine write, and no change is ever lost.
func (IndexOrderArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 50}
}

type IndexOrderWorker struct {
	river.WorkerDefaults[IndexOrderArgs]
	Store   *store.Store
	Engine  search.Engine
	Metrics *Metrics
}

// NextRetry backs off exponentially but never waits more than a minute, so
// the index catches up soon after an engine outage ends.
func (w *IndexOrderWorker) NextRetry(job *river.Job[IndexOrderArgs]) time.Time {
	return time.Now().Add(time.Duration(math.Min(math.Pow(2, float64(job.Attempt)), 60)) * time.Second)
}

func (w *IndexOrderWorker) Work(ctx context.Context, job *river.Job[IndexOrderArgs]) error {
	return w.sync(ctx, job.Args.OrderID, false)
}

// sync brings one order's document up to date with its current row. The
// transaction holds a per-order advisory lock, so two jobs for one order
// never write to the engine concurrently (an older read cannot overwrite a
// newer document). While it holds that connection the Postgres engine needs
// a second one, so the pool must stay larger than the worker count (store.Open
// sets 20 connections; River runs at most 5 workers).
func (w *IndexOrderWorker) sync(ctx context.Context, id uuid.UUID, force bool) error {
	return w.Store.WithTx(ctx, func(tx pgx.Tx, q *dbq.Queries) error {
		if err := q.LockOrderSync(ctx, id.String()); err != nil {
			return err
		}
		row, err := q.OrderByID(ctx, id)
		if store.IsNoRows(err) {
			return w.Engine.Delete(ctx, id.String())
		}
		if err != nil {
			return err
		}
		if synced, err := q.SyncedVersion(ctx, id); err == nil && synced.Equal(row.UpdatedAt) && !force {
			return nil // already indexed: this job was part of a burst
		} else if err != nil && !store.IsNoRows(err) {
			return err
		}
		o := store.OrderFromRow(row)
		if !market.IsPublic(o.Status) {
			err = w.Engine.Delete(ctx, o.ID.String())
		} else {
			var doc search.OrderDoc
			if doc, err = docFrom(ctx, q, o); err == nil {
				err = w.Engine.Upsert(ctx, doc)
			}
		}
		if err != nil {
			return err
		}
		w.Metrics.observeLag(time.Since(o.UpdatedAt))
		return q.SetSyncedVersion(ctx, dbq.SetSyncedVersionParams{OrderID: id, SyncedVersion: row.UpdatedAt})
	})
}

func docFrom(ctx context.Context, q *dbq.Queries, o market.Order) (search.OrderDoc, error) {
	c, err := q.CompanyNameAndBadge(ctx, o.CompanyID)
	if err != nil {
		return search.OrderDoc{}, err
	}
	return OrderDoc(o, c.Name, c.VerifiedAt != nil), nil
}

// OrderDoc is the searchable form of an order.
func OrderDoc(o market.Order, companyName string, verified bool) search.OrderDoc {
	craft, _ := market.CraftByCode(o.Craft)
	quote, _ := market.Quote(o)
	published := o.UpdatedAt
	if o.PublishedAt != nil {
		published = *o.PublishedAt
	}
	return search.OrderDoc{
		ID: o.ID.String(), Title: o.Title, Description: o.Description, Craft: o.Craft, CraftNameZH: craft.NameZH,
		CraftNameEN: craft.NameEN, Tags: o.Tags, CompanyID: o.CompanyID.String(), CompanyName: companyName,
		CompanyVerified: verified, ProvinceCode: market.ProvinceCode(o.RegionCode), CityCode: market.CityCode(o.RegionCode),
		DistrictCode: o.RegionCode, RegionName: market.RegionFullName(o.RegionCode), Lat: o.Lat, Lng: o.Lng,
		UnitPrice: o.UnitPrice, Quantity: o.Quantity, RemainingQuantity: o.RemainingQuantity, MinBidQuantity: o.MinBidQuantity,
		BiddingDeadline: o.BiddingDeadline, DeliveryDeadline: o.DeliveryDeadline, DepositKind: o.Deposit.Kind,
		DepositMinBid: quote.DepositMinBid, DepositWaivable: o.Deposit.Waivable, HourlyEquivalent: quote.HourlyEquivalent,
		BelowMinimumWage: quote.BelowMinimumWage, PublishedAt: published,
	}
}

// AllOrderDocs builds the documents of every published order (reindex).
func AllOrderDocs(ctx context.Context, st *store.Store) ([]search.OrderDoc, error) {
	ids, err := st.Q.PublishedOrderIDs(ctx)
	if err != nil {
		return nil, err
	}
	docs := make([]search.OrderDoc, 0, len(ids))
	for _, id := range ids {
		row, err := st.Q.OrderByID(ctx, id)
		if err != nil {
			return nil, err
		}
		doc, err := docFrom(ctx, st.Q, store.OrderFromRow(row))
		if err != nil {
			return nil, err
		}
		docs = append(docs, doc)
	}
	return docs, nil
}

// Reindex rebuilds the whole index from the database. Writes that land in
// the old index while the new one is built would be lost at the swap, so
// orders changed since the start are synced again afterwards.
func Reindex(ctx context.Context, st *store.Store, engine search.Engine, log *slog.Logger) error {
	started := time.Now().Add(-time.Second) // margin for clock skew with the database
	docs, err := AllOrderDocs(ctx, st)
	if err != nil {
		return err
	}
	if err := engine.Reindex(ctx, docs); err != nil {
		return err
	}
	ids, err := st.Q.RecentlyChangedOrderIDs(ctx, started)
	if err != nil {
		return err
	}
	w := &IndexOrderWorker{Store: st, Engine: engine}
	for _, id := range ids {
		if err := w.sync(ctx, id, true); err != nil {
			return err
		}
	}
	log.InfoContext(ctx, "search reindexed", "engine", engine.Name(), "documents", len(docs), "resynced", len(ids))
	return nil
}

// ReconcileArgs repairs drift: it re-enqueues orders and workshops changed
// recently (which covers a change racing a running sync job) and, every few
// hours, rebuilds both indexes.
type ReconcileArgs struct {
	Full bool `json:"full"`
}

func (ReconcileArgs) Kind() string { return "search_reconcile" }

type ReconcileWorker struct {
	river.WorkerDefaults[ReconcileArgs]
	Store     *store.Store
	Engine    search.Engine
	Workshops search.WorkshopEngine // nil: no workshop index
	Log       *slog.Logger
}

// Work repairs both indexes; one failing does not stop the other.
func (w *ReconcileWorker) Work(ctx context.Context, job *river.Job[ReconcileArgs]) error {
	if job.Args.Full {
		return errors.Join(Reindex(ctx, w.Store, w.Engine, w.Log), ReindexWorkshops(ctx, w.Store, w.Workshops, w.Log))
	}
	since := time.Now().Add(-15 * time.Minute)
	var werr error
	if w.Workshops != nil {
		werr = enqueueRecentWorkshops(ctx, w.Store, since)
	}
	return errors.Join(w.enqueueRecentOrders(ctx, since), werr)
}

func (w *ReconcileWorker) enqueueRecentOrders(ctx context.Context, since time.Time) error {
	ids, err := w.Store.Q.RecentlyChangedOrderIDs(ctx, since)
	return enqueueAll(ctx, ids, err, func(id uuid.UUID) river.JobArgs { return IndexOrderArgs{OrderID: id} })
}

// enqueueAll inserts one sync job per id (reconcile), with the client from
// the running job's context.
func enqueueAll(ctx context.Context, ids []uuid.UUID, err error, args func(uuid.UUID) river.JobArgs) error {
	if err != nil || len(ids) == 0 {
		return err
	}
	params := make([]river.InsertManyParams, len(ids))
	for i, id := range ids {
		params[i] = river.InsertManyParams{Args: args(id)}
	}
	_, err = river.ClientFromContext[pgx.Tx](ctx).InsertMany(ctx, params)
	return err
}

// Enqueuer returns the store hook that inserts the sync job in the change's own transaction.
func Enqueuer(client *river.Client[pgx.Tx]) store.OrderHook {
	return func(ctx context.Context, tx pgx.Tx, id uuid.UUID) error {
		_, err := client.InsertTx(ctx, tx, IndexOrderArgs{OrderID: id}, nil)
		return err
	}
}
