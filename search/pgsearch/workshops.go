package pgsearch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/search"
)

// Workshops implements search.WorkshopEngine on Postgres (table
// search_workshops, migrations/00006_workshop_search.sql). It shares the
// orders engine's analysis (CJK bigrams, weighted tsvector), query terms,
// distance and bounding box; the index is small (one row per workshop), so
// a search is two plain statements.
type Workshops struct {
	pool *pgxpool.Pool
	syn  search.SynonymHolder
}

// SetSynonyms replaces the synonyms searches expand words with.
func (w *Workshops) SetSynonyms(_ context.Context, s *search.Synonyms) error {
	w.syn.Store(s)
	return nil
}

var _ search.WorkshopEngine = (*Workshops)(nil)

// NewWorkshops returns the workshop index on pool; the table comes from the migrations.
func NewWorkshops(pool *pgxpool.Pool) *Workshops { return &Workshops{pool: pool} }

// ApplyWorkshopSettings only checks that the migration ran.
func (w *Workshops) ApplyWorkshopSettings(ctx context.Context) error {
	var ok bool
	if err := w.pool.QueryRow(ctx, "SELECT to_regclass('search_workshops') IS NOT NULL").Scan(&ok); err != nil {
		return fmt.Errorf("pgsearch: %w", err)
	}
	if !ok {
		return errors.New("pgsearch: table search_workshops is missing; run the migrations")
	}
	return nil
}

// crafts are read back out of the document, so they never travel as an
// array literal built in Go.
const insertWorkshopsSQL = `
INSERT INTO search_workshops (id, doc, tokens, crafts, province_code, city_code, district_code,
    weekly_capacity, verified, community_guarantee, created_at, lat, lng,
    completed_contracts, on_time_pct, acceptance_pct, rating)
SELECT u.id, u.doc, u.tokens, ARRAY(SELECT jsonb_array_elements_text(u.doc->'crafts')),
    u.province, u.city, u.district, u.capacity, u.verified, u.guaranteed, u.created_at, u.lat, u.lng,
    u.completed, u.on_time, u.acceptance, u.rating
FROM unnest($1::text[]::uuid[], $2::text[]::jsonb[], $3::text[]::tsvector[], $4::text[], $5::text[], $6::text[],
    $7::int8[], $8::bool[], $9::bool[], $10::timestamptz[], $11::float8[], $12::float8[],
    $13::int8[], $14::float8[], $15::float8[], $16::float8[])
    AS u(id, doc, tokens, province, city, district, capacity, verified, guaranteed, created_at, lat, lng,
    completed, on_time, acceptance, rating)
ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc, tokens = EXCLUDED.tokens, crafts = EXCLUDED.crafts,
    province_code = EXCLUDED.province_code, city_code = EXCLUDED.city_code, district_code = EXCLUDED.district_code,
    weekly_capacity = EXCLUDED.weekly_capacity, verified = EXCLUDED.verified,
    community_guarantee = EXCLUDED.community_guarantee, created_at = EXCLUDED.created_at,
    lat = EXCLUDED.lat, lng = EXCLUDED.lng, completed_contracts = EXCLUDED.completed_contracts,
    on_time_pct = EXCLUDED.on_time_pct, acceptance_pct = EXCLUDED.acceptance_pct, rating = EXCLUDED.rating`

// UpsertWorkshops inserts or replaces documents by id; within one call the later version wins.
func (w *Workshops) UpsertWorkshops(ctx context.Context, docs ...search.WorkshopDoc) error {
	if len(docs) == 0 {
		return nil
	}
	return pgx.BeginFunc(ctx, w.pool, func(tx pgx.Tx) error { return insertWorkshops(ctx, tx, docs) })
}

// DeleteWorkshop removes a document; an id that is not a UUID cannot be indexed, so it is skipped.
func (w *Workshops) DeleteWorkshop(ctx context.Context, id string) error {
	if !isUUID(id) {
		return nil
	}
	_, err := w.pool.Exec(ctx, "DELETE FROM search_workshops WHERE id = $1::text::uuid", id)
	return err
}

// ReindexWorkshops replaces every row in one transaction: readers see the
// old rows until the commit, never an empty table.
func (w *Workshops) ReindexWorkshops(ctx context.Context, docs []search.WorkshopDoc) error {
	err := pgx.BeginFunc(ctx, w.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "DELETE FROM search_workshops"); err != nil {
			return err
		}
		return insertWorkshops(ctx, tx, docs)
	})
	if err != nil {
		return err
	}
	_, err = w.pool.Exec(ctx, "ANALYZE search_workshops")
	return err
}

func insertWorkshops(ctx context.Context, tx pgx.Tx, docs []search.WorkshopDoc) error {
	return insertBatched(ctx, tx, docs, func(d search.WorkshopDoc) string { return d.ID }, func() *workshopColumns { return &workshopColumns{} })
}

// workshopColumns holds one batch as parallel arrays for unnest.
type workshopColumns struct {
	place
	id, doc, tokens            []string
	capacity, completed        []int64
	onTime, acceptance, rating []*float64 // NULL: too few completed contracts
	verified, guaranteed       []bool
	created                    []time.Time
}

func (c *workshopColumns) size() int { return len(c.id) }

func (c *workshopColumns) add(d search.WorkshopDoc) error {
	if d.Crafts == nil {
		d.Crafts = []string{} // the crafts column is read from the document's array
	}
	b, err := json.Marshal(d)
	if err != nil {
		return err
	}
	c.id = append(c.id, d.ID)
	c.doc = append(c.doc, string(b))
	c.tokens = append(c.tokens, workshopVector(d))
	c.addPlace(d.ProvinceCode, d.CityCode, d.DistrictCode, d.Lat, d.Lng)
	c.capacity = append(c.capacity, int64(d.WeeklyCapacity))
	c.verified = append(c.verified, d.Verified)
	c.guaranteed = append(c.guaranteed, d.CommunityGuarantee)
	c.created = append(c.created, d.CreatedAt)
	c.completed = append(c.completed, int64(d.CompletedContracts))
	c.onTime = append(c.onTime, d.OnTimePct)
	c.acceptance = append(c.acceptance, d.AcceptancePct)
	c.rating = append(c.rating, d.Rating)
	return nil
}

func (c *workshopColumns) exec(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, insertWorkshopsSQL, c.id, c.doc, c.tokens, c.province, c.city, c.district,
		c.capacity, c.verified, c.guaranteed, c.created, c.lat, c.lng, c.completed, c.onTime, c.acceptance, c.rating)
	return err
}

// workshopVector is a workshop's tsvector: A name, B crafts and host,
// C region (search.WorkshopText).
func workshopVector(d search.WorkshopDoc) string {
	name, crafts, place := search.WorkshopText(d)
	return vector(field{'A', name}, field{'B', crafts}, field{'C', place})
}

// SearchWorkshops analyses the query and answers it through search.Answer
// (every word, else the partial fallback).
func (w *Workshops) SearchWorkshops(ctx context.Context, q search.WorkshopQuery) (search.WorkshopResult, error) {
	if err := q.Validate(); err != nil {
		return search.WorkshopResult{}, err
	}
	q = q.WithDefaults()
	res, err := search.Answer(ctx, search.Analyze(q.Q, w.syn.Synonyms()),
		func(ctx context.Context, a search.Analysis) (search.WorkshopResult, error) {
			return w.searchWords(ctx, q, a)
		},
		func(ctx context.Context, sets []search.Analysis) ([]bool, error) {
			var b builder
			cond, _ := workshopFilters(&b, q)
			return probe(ctx, w.pool, &b, "search_workshops", strings.Join(cond, " AND "), sets)
		})
	if err != nil {
		return search.WorkshopResult{}, fmt.Errorf("pgsearch: %w", err)
	}
	return res, nil
}

// searchWords runs the facet counts and the page in one read-only
// snapshot, so the total, the facets and the hits always agree even while
// the sync job writes.
func (w *Workshops) searchWords(ctx context.Context, q search.WorkshopQuery, a search.Analysis) (search.WorkshopResult, error) {
	page, pageArgs, facets, facetArgs := buildWorkshopSQL(q, a)
	var res search.WorkshopResult
	err := pgx.BeginTxFunc(ctx, w.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		res = search.WorkshopResult{Hits: []search.WorkshopHit{}, Facets: map[string]map[string]int{"craft": {}, "province": {}}}
		rows, err := tx.Query(ctx, facets, facetArgs...)
		if err != nil {
			return err
		}
		var dim, key string
		var n int
		_, err = pgx.ForEachRow(rows, []any{&dim, &key, &n}, func() error {
			res.Facets[dim][key] = n
			if dim == "province" {
				res.Total += n // every workshop has exactly one province
			}
			return nil
		})
		if err != nil || res.Total == 0 || (q.Page-1)*q.PerPage >= res.Total {
			return err // nothing on this page: no second statement
		}
		if rows, err = tx.Query(ctx, page, pageArgs...); err != nil {
			return err
		}
		var doc []byte
		var dist *float64
		_, err = pgx.ForEachRow(rows, []any{&doc, &dist}, func() error {
			h := search.WorkshopHit{DistanceKm: dist}
			dist = nil
			if err := json.Unmarshal(doc, &h.Doc); err != nil {
				return err
			}
			res.Hits = append(res.Hits, h)
			return nil
		})
		return err
	})
	return res, err
}

// workshopFilters are the conditions besides the text; dist is the
// distance expression when a radius filters.
func workshopFilters(b *builder, q search.WorkshopQuery) (conds []string, dist string) {
	if len(q.Crafts) > 0 {
		conds = append(conds, "crafts && "+b.arg(q.Crafts)+"::text[]")
	}
	if q.Region != "" {
		col := map[string]string{"province": "province_code", "city": "city_code", "district": "district_code"}[search.RegionLevel(q.Region)]
		conds = append(conds, col+" = "+b.arg(q.Region))
	}
	if q.MinCapacity != nil {
		conds = append(conds, "weekly_capacity >= "+b.arg(int64(*q.MinCapacity))+"::int8")
	}
	if q.Verified {
		conds = append(conds, "verified")
	}
	if q.Guaranteed {
		conds = append(conds, "community_guarantee")
	}
	// Scorecard figures: a NULL (too few completed contracts) fails every
	// comparison, so a rate or rating filter excludes it (search/scores.go).
	if f := q.Scores; f.Any() {
		if f.CompletedMin != nil {
			conds = append(conds, "completed_contracts >= "+b.arg(*f.CompletedMin)+"::int8")
		}
		if f.OnTimeMin != nil {
			conds = append(conds, "on_time_pct >= "+b.arg(*f.OnTimeMin)+"::float8")
		}
		if f.AcceptanceMin != nil {
			conds = append(conds, "acceptance_pct >= "+b.arg(*f.AcceptanceMin)+"::float8")
		}
		if f.RatingMin != nil {
			conds = append(conds, "rating >= "+b.arg(*f.RatingMin)+"::float8")
		}
	}
	if q.Near != nil && q.RadiusKm > 0 {
		dist = distanceSQL(b.arg(q.Near.Lat)+"::float8", b.arg(q.Near.Lng)+"::float8")
		conds = append(conds, boundingBox(b, *q.Near, q.RadiusKm), dist+" <= "+b.arg(q.RadiusKm)+"::float8")
	}
	return conds, dist
}

// buildWorkshopSQL turns a validated query (defaults applied) into the page
// statement, rows of (doc, distance), and the facet statement, rows of
// (dimension, key, count). Values only ever travel as bind parameters.
func buildWorkshopSQL(q search.WorkshopQuery, a search.Analysis) (page string, pageArgs []any, facets string, facetArgs []any) {
	var b builder
	match, title, phrase := queryTerms(a)
	if match != "" {
		match = b.arg(match) + "::tsquery"
		b.conds = append(b.conds, "tokens @@ "+match)
	}
	conds, dist := workshopFilters(&b, q)
	b.conds = append(b.conds, conds...)
	if dist == "" {
		dist = "NULL::float8"
	}
	where := b.where()
	// The facet statement reads the matches once and counts both dimensions.
	// It gets only the filters' parameters: Postgres refuses a statement with
	// a parameter it does not use, so page-only ones are added after.
	facets = "WITH m AS MATERIALIZED (SELECT province_code, crafts FROM search_workshops WHERE " + where + ") " +
		"SELECT 'province', province_code, count(*)::int8 FROM m GROUP BY 2 " +
		"UNION ALL SELECT 'craft', c, count(*)::int8 FROM m, unnest(m.crafts) AS c GROUP BY 2"
	facetArgs = append([]any(nil), b.args...)
	if q.Near != nil && q.RadiusKm == 0 { // distance shown or sorted on, not filtered
		dist = distanceSQL(b.arg(q.Near.Lat)+"::float8", b.arg(q.Near.Lng)+"::float8")
	}

	order := []string{"created_at DESC", "id DESC"} // every order ends newest first, then by id: pages never overlap
	switch q.Sort {
	case search.SortRelevance:
		if match != "" {
			// Workshops holding the query as one phrase first, then those
			// with every word in the name, then ts_rank with weights D C B A
			// = 0.1 0.2 0.4 1.0, then the newest (as the orders).
			order = append([]string{"(tokens @@ " + b.arg(title) + "::tsquery) DESC",
				"ts_rank('{0.1, 0.2, 0.4, 1.0}', tokens, " + match + ") DESC"}, order...)
			if len(a.Words) > 1 {
				order = append([]string{"(tokens @@ " + b.arg(phrase) + "::tsquery) DESC"}, order...)
			}
		}
	case search.SortDistance:
		order = append([]string{"dist"}, order...)
	case search.SortCapacity:
		order = append([]string{"weekly_capacity DESC"}, order...)
	case search.SortCompleted:
		order = append([]string{"completed_contracts DESC"}, order...)
	case search.SortOnTime: // figures too few contracts cannot give go last
		order = append([]string{"on_time_pct DESC NULLS LAST"}, order...)
	case search.SortAcceptance:
		order = append([]string{"acceptance_pct DESC NULLS LAST"}, order...)
	case search.SortRating:
		order = append([]string{"rating DESC NULLS LAST"}, order...)
	}
	page = "SELECT doc, " + dist + " AS dist FROM search_workshops WHERE " + where +
		" ORDER BY " + strings.Join(order, ", ") + " LIMIT " + b.arg(q.PerPage) + " OFFSET " + b.arg((q.Page-1)*q.PerPage)
	return page, b.args, facets, facetArgs
}
