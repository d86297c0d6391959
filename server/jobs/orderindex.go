package jobs

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"doorstep/search"
	"doorstep/server/events"
	"doorstep/server/market"
	"doorstep/server/settlement"
	"doorstep/server/store"
)

// orderIndex keeps published orders in the search engine.
func orderIndex(d Deps) *index {
	if d.Engine == nil {
		return nil
	}
	engine, st := d.Engine, d.Store
	return &index{name: "orders", store: st,
		sync: func(ctx context.Context, db *store.DB, id uuid.UUID, force bool) error {
			return syncOrder(ctx, db, engine, d.Metrics, id, force)
		},
		rebuild: func(ctx context.Context) (int, error) {
			docs, versions, err := allOrderDocs(ctx, st.DB())
			if err != nil {
				return 0, err
			}
			if err := engine.Reindex(ctx, docs); err != nil {
				return 0, err
			}
			// Record what the new index holds: later jobs for unchanged orders
			// then skip, and the index lag measures only real changes. A failure
			// here costs only extra index writes later, so it must not stop the
			// re-sync of rows changed during the rebuild that follows.
			ids := make([]uuid.UUID, len(docs))
			for i, doc := range docs {
				ids[i] = uuid.MustParse(doc.ID)
			}
			if err := st.DB().SetSyncedVersions(ctx, store.SetSyncedVersionsParams{OrderIds: ids, Versions: versions}); err != nil && d.Log != nil {
				d.Log.WarnContext(ctx, "search reindex: recording indexed versions", "err", err)
			}
			return len(docs), nil
		},
		changedSince: func(ctx context.Context, db *store.DB, t time.Time) ([]uuid.UUID, error) {
			return db.RecentlyChangedOrderIDs(ctx, t)
		},
		job: func(id uuid.UUID) river.JobArgs { return events.IndexOrder{OrderID: id} },
	}
}

// syncOrder brings one order's document up to date with its current row,
// or deletes it when the order is not public. A burst of changes costs one
// engine write: a job whose order version is already indexed does nothing.
// While db's transaction holds the advisory lock the Postgres engine needs
// a second connection, so the pool must stay larger than the worker count.
func syncOrder(ctx context.Context, db *store.DB, engine search.Engine, m *Metrics, id uuid.UUID, force bool) error {
	if err := db.LockOrderSync(ctx, id.String()); err != nil {
		return err
	}
	o, err := db.Order(ctx, id)
	if market.ErrorCode(err) == market.CodeNotFound {
		return engine.Delete(ctx, id.String())
	}
	if err != nil {
		return err
	}
	synced, err := db.SyncedVersion(ctx, id)
	if err != nil && !store.IsNoRows(err) {
		return err
	}
	changed := err != nil || !synced.Equal(o.UpdatedAt)
	if !changed && !force {
		return nil // already indexed: this job was part of a burst
	}
	if !market.IsPublic(o.Status) {
		err = engine.Delete(ctx, o.ID.String())
	} else {
		var doc search.OrderDoc
		if doc, err = orderDoc(ctx, db, o, nil); err == nil {
			err = engine.Upsert(ctx, doc)
		}
	}
	if err != nil {
		return err
	}
	if changed { // a forced resync (a scorecard moved) is not the order's change: its age is no lag
		m.observeLag(time.Since(o.UpdatedAt))
	}
	return db.SetSyncedVersion(ctx, store.SetSyncedVersionParams{OrderID: id, SyncedVersion: o.UpdatedAt})
}

func orderDoc(ctx context.Context, db *store.DB, o market.Order, scores map[uuid.UUID]market.CompanyScorecard) (search.OrderDoc, error) {
	c, err := db.CompanyNameAndBadge(ctx, o.CompanyID)
	if err != nil {
		return search.OrderDoc{}, err
	}
	sc, ok := scores[o.CompanyID]
	if !ok {
		if sc, err = settlement.CompanyScorecard(ctx, db, o.CompanyID); err != nil {
			return search.OrderDoc{}, err
		}
		if scores != nil {
			scores[o.CompanyID] = sc
		}
	}
	d := OrderDoc(o, c.Name, c.VerifiedAt != nil)
	WithCompanyScorecard(&d, sc)
	return d, nil
}

// WithCompanyScorecard copies the company's scorecard into its order's
// document: rates as percentages, and every figure null below
// market.MinSettledForRates settled contracts — the rating too, so that one
// five-star contract does not sort above a long record (search/scores.go).
func WithCompanyScorecard(d *search.OrderDoc, sc market.CompanyScorecard) {
	d.CompanySettled = sc.ContractsSettled
	d.CompanyRejectionPct = search.Percent(sc.RejectionRate.Value)
	d.CompanyOnTimePct = search.Percent(sc.FundedOnTime.Value)
	d.CompanyRating = enoughRating(sc.AverageRating, sc.ContractsSettled)
}

func enoughRating(avg *float64, settled int64) *float64 {
	if settled < market.MinSettledForRates {
		return nil
	}
	return avg
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
func AllOrderDocs(ctx context.Context, db *store.DB) ([]search.OrderDoc, error) {
	docs, _, err := allOrderDocs(ctx, db)
	return docs, err
}

// reindexPage is how many orders a full reindex reads per statement.
const reindexPage = 5000

// allOrderDocs also returns the version (updated_at) each document was
// built from. It reads the orders a page at a time and each company's name,
// badge and scorecard once: a statement per order cost 2 round trips per
// order, most of a million-order reindex.
func allOrderDocs(ctx context.Context, db *store.DB) ([]search.OrderDoc, []time.Time, error) {
	var (
		docs     []search.OrderDoc
		versions []time.Time
		after    uuid.UUID
	)
	scores := map[uuid.UUID]market.CompanyScorecard{} // one scorecard per company
	names := map[uuid.UUID]store.CompanyNamesAndBadgesRow{}
	for {
		rows, err := db.PublishedOrdersAfter(ctx, store.PublishedOrdersAfterParams{ID: after, Limit: reindexPage})
		if err != nil {
			return nil, nil, err
		}
		if len(rows) == 0 {
			return docs, versions, nil
		}
		var missing []uuid.UUID
		asked := map[uuid.UUID]bool{}
		for _, r := range rows {
			if _, ok := names[r.CompanyID]; !ok && !asked[r.CompanyID] {
				asked[r.CompanyID] = true
				missing = append(missing, r.CompanyID)
			}
		}
		if len(missing) > 0 {
			found, err := db.CompanyNamesAndBadges(ctx, missing)
			if err != nil {
				return nil, nil, err
			}
			for _, c := range found {
				names[c.ID] = c
			}
		}
		for _, r := range rows {
			o := store.OrderFromRow(r)
			c, ok := names[o.CompanyID]
			if !ok {
				return nil, nil, fmt.Errorf("reindex: order %s: company %s not found", o.ID, o.CompanyID)
			}
			sc, ok := scores[o.CompanyID]
			if !ok {
				if sc, err = settlement.CompanyScorecard(ctx, db, o.CompanyID); err != nil {
					return nil, nil, err
				}
				scores[o.CompanyID] = sc
			}
			d := OrderDoc(o, c.Name, c.VerifiedAt != nil)
			WithCompanyScorecard(&d, sc)
			docs = append(docs, d)
			versions = append(versions, o.UpdatedAt)
		}
		after = rows[len(rows)-1].ID
	}
}

// ResyncCompanyOrdersWorker re-indexes a company's public orders after its
// name or badge changed. The orders' rows did not change, so the sync jobs
// are forced (a plain one would find the version indexed and do nothing).
type ResyncCompanyOrdersWorker struct {
	river.WorkerDefaults[events.ResyncCompanyOrders]
	Store *store.Store
}

func (w *ResyncCompanyOrdersWorker) Work(ctx context.Context, job *river.Job[events.ResyncCompanyOrders]) error {
	ids, err := w.Store.DB().PublicOrderIDsByCompany(ctx, job.Args.CompanyID)
	if err != nil || len(ids) == 0 {
		return err
	}
	params := make([]river.InsertManyParams, len(ids))
	for i, id := range ids {
		params[i] = river.InsertManyParams{Args: events.IndexOrder{OrderID: id, Force: true}}
	}
	_, err = river.ClientFromContext[pgx.Tx](ctx).InsertMany(ctx, params)
	return err
}
