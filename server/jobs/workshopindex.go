package jobs

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/riverqueue/river"

	"doorstep/search"
	"doorstep/server/events"
	"doorstep/server/market"
	"doorstep/server/settlement"
	"doorstep/server/store"
)

// workshopIndex keeps workshops in the workshop index.
func workshopIndex(d Deps) *index {
	if d.Workshops == nil {
		return nil
	}
	engine, st := d.Workshops, d.Store
	return &index{name: "workshops", store: st,
		sync: func(ctx context.Context, db *store.DB, id uuid.UUID, _ bool) error {
			return syncWorkshop(ctx, db, engine, id)
		},
		rebuild: func(ctx context.Context) (int, error) {
			docs, err := AllWorkshopDocs(ctx, st.DB())
			if err != nil {
				return 0, err
			}
			return len(docs), engine.ReindexWorkshops(ctx, docs)
		},
		changedSince: func(ctx context.Context, db *store.DB, t time.Time) ([]uuid.UUID, error) {
			return db.RecentlyChangedWorkshopIDs(ctx, t)
		},
		job: func(id uuid.UUID) river.JobArgs { return events.IndexWorkshop{OrgID: id} },
	}
}

// syncWorkshop brings one organisation's document up to date: a workshop is
// upserted, anything else (a company, a deleted organisation) deleted.
func syncWorkshop(ctx context.Context, db *store.DB, engine search.WorkshopEngine, id uuid.UUID) error {
	if err := db.LockWorkshopSync(ctx, id.String()); err != nil {
		return err
	}
	o, err := db.Org(ctx, id)
	if market.ErrorCode(err) == market.CodeNotFound || (err == nil && o.Kind != market.KindWorkshop) {
		return engine.DeleteWorkshop(ctx, id.String())
	}
	if err != nil {
		return err
	}
	d := WorkshopDoc(o)
	sc, err := settlement.WorkshopScorecard(ctx, db, o.ID)
	if err != nil {
		return err
	}
	WithWorkshopScorecard(&d, sc)
	return engine.UpsertWorkshops(ctx, d)
}

// WithWorkshopScorecard copies a workshop's scorecard into its document:
// contracts completed, rates as percentages, and every figure null below
// market.MinSettledForRates completed contracts (search/scores.go).
func WithWorkshopScorecard(d *search.WorkshopDoc, sc market.WorkshopScorecard) {
	d.CompletedContracts = int(sc.ContractsCompleted)
	d.OnTimePct = search.Percent(sc.OnTimeRate.Value)
	d.AcceptancePct = search.Percent(sc.AcceptanceRate.Value)
	d.Rating = enoughRating(sc.AverageRating, sc.ContractsCompleted)
}

// WorkshopDoc is the searchable form of a workshop organisation; the
// caller adds its scorecard (WithWorkshopScorecard).
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
func AllWorkshopDocs(ctx context.Context, db *store.DB) ([]search.WorkshopDoc, error) {
	rows, err := db.AllWorkshops(ctx)
	if err != nil {
		return nil, err
	}
	docs := make([]search.WorkshopDoc, 0, len(rows))
	for _, r := range rows {
		d := WorkshopDoc(r)
		sc, err := settlement.WorkshopScorecard(ctx, db, r.ID)
		if err != nil {
			return nil, err
		}
		WithWorkshopScorecard(&d, sc)
		docs = append(docs, d)
	}
	return docs, nil
}
