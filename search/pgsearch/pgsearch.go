// Package pgsearch is the embedded search engine: CJK-bigram terms in a
// tsvector with a GIN index, filters, facets, sorts and distance in SQL
// (tables search_orders and search_order_docs, migrations/00003_search.sql
// and 00007_search_perf.sql).
package pgsearch

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/search"
)

// Engine implements search.Engine on Postgres.
type Engine struct {
	pool *pgxpool.Pool
	syn  search.SynonymHolder
	held heldCache // which synonym words orders hold
	mode mode      // tests compare the ways to answer a search; always modeAuto otherwise
}

// mode says how one-word searches are answered.
type mode int

const (
	modeAuto   mode = iota // counters, each tier read the cheaper way
	modeRows               // count and rank the matching rows, like any other search
	modeWalk               // counters, every tier walked newest first
	modeBitmap             // counters, every tier read through the tier index
)

var _ search.Engine = (*Engine)(nil)

// New returns an engine on pool; the table comes from the migrations.
func New(pool *pgxpool.Pool) *Engine { return &Engine{pool: pool} }

func (e *Engine) Name() string { return "postgres" }

// SetSynonyms replaces the synonyms searches expand words with.
func (e *Engine) SetSynonyms(_ context.Context, s *search.Synonyms) error {
	e.syn.Store(s)
	return nil
}

// ApplySettings only checks that the migration ran: everything else is schema.
func (e *Engine) ApplySettings(ctx context.Context) error {
	var ok bool
	if err := e.pool.QueryRow(ctx, "SELECT to_regclass('search_orders') IS NOT NULL").Scan(&ok); err != nil {
		return fmt.Errorf("pgsearch: %w", err)
	}
	if !ok {
		return errors.New("pgsearch: table search_orders is missing; run the migrations")
	}
	return nil
}

func (e *Engine) Health(ctx context.Context) error {
	var one int
	return e.pool.QueryRow(ctx, "SELECT 1").Scan(&one)
}

// batchRows bounds one INSERT's arrays (16 arrays × 1000 rows).
const batchRows = 1000

const insertSQL = `
INSERT INTO search_orders (id, tokens, craft, province_code, city_code, district_code,
    unit_price, bidding_deadline, published_at, deposit_kind, lat, lng,
    company_settled, company_rejection_pct, company_on_time_pct, company_rating)
SELECT * FROM unnest($1::text[]::uuid[], $2::text[]::tsvector[], $3::text[], $4::text[],
    $5::text[], $6::text[], $7::int8[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::float8[], $12::float8[],
    $13::int8[], $14::float8[], $15::float8[], $16::float8[])
ON CONFLICT (id) DO UPDATE SET tokens = EXCLUDED.tokens, craft = EXCLUDED.craft,
    province_code = EXCLUDED.province_code, city_code = EXCLUDED.city_code, district_code = EXCLUDED.district_code,
    unit_price = EXCLUDED.unit_price, bidding_deadline = EXCLUDED.bidding_deadline,
    published_at = EXCLUDED.published_at, deposit_kind = EXCLUDED.deposit_kind, lat = EXCLUDED.lat, lng = EXCLUDED.lng,
    company_settled = EXCLUDED.company_settled, company_rejection_pct = EXCLUDED.company_rejection_pct,
    company_on_time_pct = EXCLUDED.company_on_time_pct, company_rating = EXCLUDED.company_rating`

// The documents live apart from the rows that are searched
// (migrations/00007_search_perf.sql); every write changes both in one
// transaction.
const insertDocsSQL = `
INSERT INTO search_order_docs (id, doc)
SELECT * FROM unnest($1::text[]::uuid[], $2::text[]::jsonb[])
ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc`

// Upsert inserts or replaces documents by id.
func (e *Engine) Upsert(ctx context.Context, docs ...search.OrderDoc) error {
	if len(docs) == 0 {
		return nil
	}
	return pgx.BeginFunc(ctx, e.pool, func(tx pgx.Tx) error { return insert(ctx, tx, docs) })
}

// Delete removes documents; ids that are not UUIDs cannot be indexed, so they are skipped.
func (e *Engine) Delete(ctx context.Context, ids ...string) error {
	valid := make([]string, 0, len(ids))
	for _, id := range ids {
		if isUUID(id) {
			valid = append(valid, id)
		}
	}
	if len(valid) == 0 {
		return nil
	}
	return pgx.BeginFunc(ctx, e.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "DELETE FROM search_orders WHERE id = ANY($1::text[]::uuid[])", valid); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, "DELETE FROM search_order_docs WHERE id = ANY($1::text[]::uuid[])", valid)
		return err
	})
}

// Reindex replaces every row in one transaction: readers keep seeing the old
// rows until the commit, never an empty table (DELETE, not TRUNCATE, which
// would block them instead). Rows are written in craft and region order, so
// the matches of a common word (串珠 is mostly beading orders) or of a place
// sit on few, adjacent pages: a search reads several times fewer pages.
// The word counters are recounted once at the end rather than kept by their
// trigger row by row (migrations/00007_search_perf.sql).
func (e *Engine) Reindex(ctx context.Context, docs []search.OrderDoc) error {
	docs = slices.Clone(docs)
	slices.SortStableFunc(docs, func(a, b search.OrderDoc) int {
		return cmp.Or(cmp.Compare(a.Craft, b.Craft), cmp.Compare(a.DistrictCode, b.DistrictCode))
	})
	if len(docs) >= bulkMin {
		var empty bool
		if err := e.pool.QueryRow(ctx, "SELECT NOT EXISTS (SELECT 1 FROM search_orders)").Scan(&empty); err != nil {
			return err
		}
		if empty {
			return e.bulkLoad(ctx, docs)
		}
	}
	err := pgx.BeginFunc(ctx, e.pool, func(tx pgx.Tx) error {
		// The recount groups every word of every order: memory, not temporary files.
		if _, err := tx.Exec(ctx, "SELECT set_config('doorstep.search_recount', 'on', true), set_config('work_mem', '64MB', true)"); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM search_orders"); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM search_order_docs"); err != nil {
			return err
		}
		if err := insert(ctx, tx, docs); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM search_term_counts"); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, recountSQL)
		return err
	})
	if err != nil {
		return err
	}
	// Fresh statistics for the planner after replacing the whole table, and a
	// fresh visibility map, so radius searches read the covering index alone.
	_, err = e.pool.Exec(ctx, "VACUUM (ANALYZE) search_orders, search_order_docs, search_term_counts")
	return err
}

// recountSQL rebuilds search_term_counts from the rows. A writer that
// committed meanwhile may have counted its order already; the recount, which
// sees it too, replaces that count instead of adding to it.
const recountSQL = `
INSERT INTO search_term_counts AS c (lexeme, tier, craft, province_code, deposit_kind, n)
SELECT t.lexeme, search_tier(t.weights), o.craft, o.province_code, o.deposit_kind, count(*)
FROM search_orders o, unnest(o.tokens) AS t
GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
ON CONFLICT (lexeme, tier, craft, province_code, deposit_kind) DO UPDATE SET n = EXCLUDED.n`

// insert writes order documents in batches.
func insert(ctx context.Context, tx pgx.Tx, docs []search.OrderDoc) error {
	return insertBatched(ctx, tx, docs, func(d search.OrderDoc) string { return d.ID }, func() *columns { return &columns{} })
}

// batch is one INSERT's rows as parallel arrays for unnest.
type batch[D any] interface {
	add(D) error
	size() int
	exec(context.Context, pgx.Tx) error
}

// insertBatched writes docs batchRows at a time; a later duplicate id
// replaces an earlier one (one INSERT … ON CONFLICT cannot touch the same
// row twice). Orders and workshops share it.
func insertBatched[D any, B batch[D]](ctx context.Context, tx pgx.Tx, docs []D, idOf func(D) string, newBatch func() B) error {
	last := make(map[string]int, len(docs))
	for i, d := range docs {
		if !isUUID(idOf(d)) {
			return fmt.Errorf("pgsearch: document id %q is not a UUID", truncateForError(idOf(d)))
		}
		last[strings.ToLower(idOf(d))] = i
	}
	b := newBatch()
	for i, d := range docs {
		if last[strings.ToLower(idOf(d))] != i {
			continue
		}
		if err := b.add(d); err != nil {
			return err
		}
		if b.size() == batchRows {
			if err := b.exec(ctx, tx); err != nil {
				return err
			}
			b = newBatch()
		}
	}
	if b.size() == 0 {
		return nil
	}
	return b.exec(ctx, tx)
}

// place is the region and map point columns every index has.
type place struct {
	province, city, district []string
	lat, lng                 []float64
}

func (p *place) addPlace(province, city, district string, lat, lng float64) {
	p.province = append(p.province, province)
	p.city = append(p.city, city)
	p.district = append(p.district, district)
	p.lat = append(p.lat, lat)
	p.lng = append(p.lng, lng)
}

// columns holds one batch as parallel arrays for unnest.
type columns struct {
	place
	id, doc, tokens, craft, deposit []string
	price, settled                  []int64
	rejection, onTime, rating       []*float64 // NULL: too few settled contracts
	deadline, published             []time.Time
}

func (c *columns) size() int { return len(c.id) }

func (c *columns) add(d search.OrderDoc) error {
	b, err := json.Marshal(d)
	if err != nil {
		return err
	}
	c.id = append(c.id, d.ID)
	c.doc = append(c.doc, string(b))
	c.tokens = append(c.tokens, docVector(d))
	c.craft = append(c.craft, d.Craft)
	c.addPlace(d.ProvinceCode, d.CityCode, d.DistrictCode, d.Lat, d.Lng)
	c.price = append(c.price, d.UnitPrice)
	c.deadline = append(c.deadline, d.BiddingDeadline)
	c.published = append(c.published, d.PublishedAt)
	c.deposit = append(c.deposit, d.DepositKind)
	c.settled = append(c.settled, d.CompanySettled)
	c.rejection = append(c.rejection, d.CompanyRejectionPct)
	c.onTime = append(c.onTime, d.CompanyOnTimePct)
	c.rating = append(c.rating, d.CompanyRating)
	return nil
}

func (c *columns) exec(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, insertSQL, c.id, c.tokens, c.craft, c.province, c.city, c.district,
		c.price, c.deadline, c.published, c.deposit, c.lat, c.lng, c.settled, c.rejection, c.onTime, c.rating)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, insertDocsSQL, c.id, c.doc)
	return err
}

func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case i == 8 || i == 13 || i == 18 || i == 23:
			if c != '-' {
				return false
			}
		case !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'):
			return false
		}
	}
	return true
}

func truncateForError(s string) string {
	if len(s) > 40 {
		return strings.ToValidUTF8(s[:40], "") + "…"
	}
	return s
}
