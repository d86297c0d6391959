package jobs

import (
	"context"
	"log/slog"
	"math"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"doorstep/search"
	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/dbq"
)

// IndexWorkshopArgs asks for one organisation to be brought up to date in
// the workshop index. Like IndexOrderArgs it carries only the id: the worker
// reads the current row, so retries and reordering are harmless.
type IndexWorkshopArgs struct {
	OrgID uuid.UUID `json:"org_id"`
}

func (IndexWorkshopArgs) Kind() string { return "index_workshop" }

// InsertOpts: not River-unique, for the reason given at IndexOrderArgs.
func (IndexWorkshopArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 50}
}

type IndexWorkshopWorker struct {
	river.WorkerDefaults[IndexWorkshopArgs]
	Store  *store.Store
	Engine search.WorkshopEngine // nil: no workshop index configured, jobs do nothing
}

// NextRetry backs off exponentially up to a minute, as for orders.
func (w *IndexWorkshopWorker) NextRetry(job *river.Job[IndexWorkshopArgs]) time.Time {
	return time.Now().Add(time.Duration(math.Min(math.Pow(2, float64(job.Attempt)), 60)) * time.Second)
}

func (w *IndexWorkshopWorker) Work(ctx context.Context, job *river.Job[IndexWorkshopArgs]) error {
	return syncWorkshop(ctx, w.Store, w.Engine, job.Args.OrgID)
}

// syncWorkshop brings one organisation's document up to date: a workshop is
// upserted, anything else (a company, a deleted organisation) deleted. A
// per-organisation advisory lock, held while the engine is written, keeps an
// older read from overwriting a newer document.
func syncWorkshop(ctx context.Context, st *store.Store, engine search.WorkshopEngine, id uuid.UUID) error {
	if engine == nil {
		return nil
	}
	return st.WithTx(ctx, func(_ pgx.Tx, q *dbq.Queries) error {
		if err := q.LockWorkshopSync(ctx, id.String()); err != nil {
			return err
		}
		row, err := q.OrgByID(ctx, id)
		if store.IsNoRows(err) {
			return engine.DeleteWorkshop(ctx, id.String())
		}
		if err != nil {
			return err
		}
		o := store.OrgFromRow(row)
		if o.Kind != market.KindWorkshop {
			return engine.DeleteWorkshop(ctx, id.String())
		}
		d := WorkshopDoc(o)
		if d.CompletedContracts, err = completedContracts(ctx, q, o.ID); err != nil {
			return err
		}
		return engine.UpsertWorkshops(ctx, d)
	})
}

// completedContracts counts a workshop's settled contracts (its track record).
func completedContracts(ctx context.Context, q *dbq.Queries, id uuid.UUID) (int, error) {
	recs, err := q.WorkshopTrackRecords(ctx, []uuid.UUID{id})
	if err != nil || len(recs) == 0 {
		return 0, err
	}
	return int(recs[0].Completed), nil
}

// WorkshopDoc is the searchable form of a workshop organisation; the
// caller fills CompletedContracts from the contracts table.
func WorkshopDoc(o market.Org) search.WorkshopDoc {
	d := search.WorkshopDoc{
		ID: o.ID.String(), Name: o.Name, Host: o.Host,
		ProvinceCode: market.ProvinceCode(o.RegionCode), CityCode: market.CityCode(o.RegionCode), DistrictCode: o.RegionCode,
		RegionName: market.RegionFullName(o.RegionCode), Lat: o.Lat, Lng: o.Lng,
		Crafts: []string{}, CraftNamesZH: []string{}, CraftNamesEN: []string{},
		Headcount: o.Headcount, WeeklyCapacity: o.WeeklyCapacity, Verified: o.VerifiedAt != nil,
		CommunityGuarantee: o.CommunityGuarantee, CreatedAt: o.CreatedAt,
	}
	path := market.RegionPath(o.RegionCode)
	// RegionFullName leaves out placeholder cities (a municipality's 市辖区):
	// those get no city name of their own.
	shown := len(strings.Fields(d.RegionName))
	for _, r := range path {
		switch r.Level {
		case market.LevelProvince:
			d.ProvinceName = r.Name
		case market.LevelCity:
			if shown == len(path) {
				d.CityName = r.Name
			}
		case market.LevelDistrict:
			d.DistrictName = r.Name
		}
	}
	for _, code := range o.Crafts {
		c, ok := market.CraftByCode(code)
		if !ok {
			c = market.Craft{Code: code}
		}
		d.Crafts = append(d.Crafts, c.Code)
		d.CraftNamesZH = append(d.CraftNamesZH, c.NameZH)
		d.CraftNamesEN = append(d.CraftNamesEN, c.NameEN)
	}
	return d
}

// AllWorkshopDocs builds the documents of every workshop (reindex).
func AllWorkshopDocs(ctx context.Context, st *store.Store) ([]search.WorkshopDoc, error) {
	rows, err := st.Q.AllWorkshops(ctx)
	if err != nil {
		return nil, err
	}
	ids := make([]uuid.UUID, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	recs, err := st.Q.WorkshopTrackRecords(ctx, ids)
	if err != nil {
		return nil, err
	}
	completed := make(map[uuid.UUID]int, len(recs))
	for _, r := range recs {
		completed[r.WorkshopID] = int(r.Completed)
	}
	docs := make([]search.WorkshopDoc, 0, len(rows))
	for _, r := range rows {
		d := WorkshopDoc(store.OrgFromRow(r))
		d.CompletedContracts = completed[r.ID]
		docs = append(docs, d)
	}
	return docs, nil
}

// ReindexWorkshops rebuilds the workshop index from the database, then
// re-syncs workshops changed meanwhile (their writes to the old index are
// lost at the swap), as Reindex does for orders.
func ReindexWorkshops(ctx context.Context, st *store.Store, engine search.WorkshopEngine, log *slog.Logger) error {
	if engine == nil {
		return nil
	}
	started := time.Now().Add(-time.Second) // margin for clock skew with the database
	docs, err := AllWorkshopDocs(ctx, st)
	if err != nil {
		return err
	}
	if err := engine.ReindexWorkshops(ctx, docs); err != nil {
		return err
	}
	ids, err := st.Q.RecentlyChangedWorkshopIDs(ctx, started)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := syncWorkshop(ctx, st, engine, id); err != nil {
			return err
		}
	}
	log.InfoContext(ctx, "workshop search reindexed", "documents", len(docs), "resynced", len(ids))
	return nil
}

// enqueueRecentWorkshops re-enqueues workshops changed recently (reconcile).
func enqueueRecentWorkshops(ctx context.Context, st *store.Store, since time.Time) error {
	ids, err := st.Q.RecentlyChangedWorkshopIDs(ctx, since)
	return enqueueAll(ctx, ids, err, func(id uuid.UUID) river.JobArgs { return IndexWorkshopArgs{OrgID: id} })
}

// WorkshopEnqueuer returns the store hook that inserts the workshop sync job
// in the change's own transaction.
func WorkshopEnqueuer(client *river.Client[pgx.Tx]) store.OrgHook {
	return func(ctx context.Context, tx pgx.Tx, id uuid.UUID) error {
		_, err := client.InsertTx(ctx, tx, IndexWorkshopArgs{OrgID: id}, nil)
		return err
	}
}
