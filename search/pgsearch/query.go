package pgsearch

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/search"
)

// Search analyses the query (words, synonyms, folding; search.Analyze) and
// answers it through search.Answer: every word must match, else the
// partial fallback. Synonyms no order holds are dropped first, so that a
// one-word search stays a counter lookup.
func (e *Engine) Search(ctx context.Context, q search.Query) (search.Result, error) {
	if err := q.Validate(); err != nil {
		return search.Result{}, err
	}
	q = q.WithDefaults()
	a, err := pruneVariants(ctx, e.pool, &e.held, search.Analyze(q.Q, e.syn.Synonyms()))
	if err != nil {
		return search.Result{}, fmt.Errorf("pgsearch: %w", err)
	}
	res, err := search.Answer(ctx, a,
		func(ctx context.Context, a search.Analysis) (search.Result, error) { return e.searchWords(ctx, q, a) },
		func(ctx context.Context, sets []search.Analysis) ([]bool, error) { return e.probeOrders(ctx, q, sets) })
	if err != nil {
		return search.Result{}, fmt.Errorf("pgsearch: %w", err)
	}
	return res, nil
}

// searchWords answers a one-word search from the word's counters
// (searchWord); any other search runs its counts concurrently with its
// page, on a second connection.
func (e *Engine) searchWords(ctx context.Context, q search.Query, a search.Analysis) (search.Result, error) {
	if word, ok := countedWord(q, a); ok && e.mode != modeRows {
		return e.searchWord(ctx, q, a, word)
	}
	p := buildPlan(q, a)
	var (
		page, facets results
		facetErr     error
		wg           sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		facetErr = readTx(ctx, e.pool, pgx.ReadCommitted, func(tx pgx.Tx) error { return collect(ctx, tx, &facets, p.facets, p.facetArgs) })
	}()
	err := readTx(ctx, e.pool, pgx.ReadCommitted, func(tx pgx.Tx) error { return collect(ctx, tx, &page, p.page, p.pageArgs) })
	wg.Wait()
	if err == nil {
		err = facetErr
	}
	if err != nil {
		return search.Result{}, err
	}
	return page.result(facets), nil
}

// searchWord reads the word's counters, then the page they locate, in one
// read-only snapshot, so the page always agrees with the counts.
func (e *Engine) searchWord(ctx context.Context, q search.Query, a search.Analysis, word string) (search.Result, error) {
	res := search.Result{Hits: []search.Hit{}, Facets: map[string]map[string]int{"craft": {}, "province": {}, "deposit": {}}}
	err := readTx(ctx, e.pool, pgx.RepeatableRead, func(tx pgx.Tx) error {
		sql, args := wordCountsSQL(q, word)
		rows, err := tx.Query(ctx, sql, append([]any{pgx.QueryExecModeExec}, args...)...)
		if err != nil {
			return err
		}
		var (
			tiers                 []tierCount
			tier                  *int16
			craft, province, kind *string
			n, all, orders        int64
		)
		_, err = pgx.ForEachRow(rows, []any{&tier, &craft, &province, &kind, &n, &all, &orders}, func() error {
			switch {
			case tier != nil:
				tiers = append(tiers, tierCount{tier: int(*tier), n: n, all: all})
				res.Total += int(n)
			case n == 0:
			case craft != nil:
				res.Facets["craft"][*craft] = int(n)
			case province != nil:
				res.Facets["province"][*province] = int(n)
			case kind != nil:
				res.Facets["deposit"][*kind] = int(n)
			}
			tier, craft, province, kind = nil, nil, nil, nil
			return nil
		})
		if err != nil {
			return err
		}
		offset := (q.Page - 1) * q.PerPage
		if offset >= res.Total {
			return nil
		}
		var page string
		var pageArgs []any
		slices.SortFunc(tiers, func(a, b tierCount) int { return cmp.Compare(b.tier, a.tier) })
		switch {
		case q.Sort == search.SortRelevance && tiers[len(tiers)-1].tier > 0:
			ws := windows(tiers, offset, q.PerPage, orders)
			for i := range ws {
				if e.mode != modeAuto { // a test's choice
					ws[i].walk = e.mode == modeWalk
				}
			}
			page, pageArgs = tierPageSQL(q, word, ws)
		default: // another order (or a tier this engine never writes): the rows' own page
			p := buildPlan(q, a)
			page, pageArgs = p.page, p.pageArgs
		}
		var r results
		if err := collect(ctx, tx, &r, page, pageArgs); err != nil {
			return err
		}
		res.Hits = r.result(results{}).Hits
		return nil
	})
	return res, err
}

// noJIT turns JIT compilation off for the rest of a search's transaction.
// Postgres compiles a statement whose estimated cost passes jit_above_cost,
// which searches at a million orders often do; compiling cost ~100 ms, the
// searches themselves a few. The setting stays inside the transaction, so
// the pool's other users keep theirs.
const noJIT = "SELECT set_config('jit', 'off', true)"

// readTx runs fn in a read-only transaction without JIT.
func readTx(ctx context.Context, pool *pgxpool.Pool, iso pgx.TxIsoLevel, fn func(pgx.Tx) error) error {
	return pgx.BeginTxFunc(ctx, pool, pgx.TxOptions{IsoLevel: iso, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, noJIT, pgx.QueryExecModeExec); err != nil {
			return err
		}
		return fn(tx)
	})
}

// results gathers both kinds of row a plan returns.
type results struct {
	hits   []rankedHit
	counts []count
}

type rankedHit struct {
	hit  search.Hit
	rank int64
}

type count struct {
	craft, province, deposit string
	n                        int
}

type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// collect runs one statement of a plan. The statement is not prepared, so
// Postgres plans it for its values every time: after five runs of a prepared
// statement it may switch to a generic plan, which cannot know how many
// orders hold a word or how wide a radius is (包装 within 200 km took 43 ms
// instead of 9, 50 km by distance 21 ms instead of 6). Planning costs about
// half a millisecond.
func collect(ctx context.Context, db querier, r *results, sql string, args []any) error {
	rows, err := db.Query(ctx, sql, append([]any{pgx.QueryExecModeExec}, args...)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			c   count
			doc []byte
			h   rankedHit
		)
		if err := rows.Scan(&c.craft, &c.province, &c.deposit, &c.n, &doc, &h.hit.DistanceKm, &h.rank); err != nil {
			return err
		}
		if doc == nil {
			r.counts = append(r.counts, c)
			continue
		}
		if err := json.Unmarshal(doc, &h.hit.Doc); err != nil {
			return err
		}
		r.hits = append(r.hits, h)
	}
	return rows.Err()
}

// result adds the counts up into the facets and the total. Every filter
// applies to every facet, including its own dimension (choosing a craft
// leaves one craft in the craft facet), so each facet adds up to the total.
func (r results) result(more results) search.Result {
	res := search.Result{
		Hits:   make([]search.Hit, 0, len(r.hits)),
		Facets: map[string]map[string]int{"craft": {}, "province": {}, "deposit": {}},
	}
	for _, c := range append(r.counts, more.counts...) {
		res.Facets["craft"][c.craft] += c.n
		res.Facets["province"][c.province] += c.n
		res.Facets["deposit"][c.deposit] += c.n
		res.Total += c.n
	}
	slices.SortFunc(r.hits, func(a, b rankedHit) int { return cmp.Compare(a.rank, b.rank) })
	for _, h := range r.hits {
		res.Hits = append(res.Hits, h.hit)
	}
	return res
}
