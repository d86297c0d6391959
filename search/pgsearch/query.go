package pgsearch

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	"doorstep/search"
)

// Search runs the counts concurrently with the page, on a second connection.
func (e *Engine) Search(ctx context.Context, q search.Query) (search.Result, error) {
	if err := q.Validate(); err != nil {
		return search.Result{}, err
	}
	p := buildPlan(q.WithDefaults())
	var (
		page, facets results
		facetErr     error
		wg           sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		facetErr = e.collect(ctx, &facets, p.facets, p.facetArgs)
	}()
	err := e.collect(ctx, &page, p.page, p.pageArgs)
	wg.Wait()
	if err == nil {
		err = facetErr
	}
	if err != nil {
		return search.Result{}, fmt.Errorf("pgsearch: %w", err)
	}
	return page.result(facets), nil
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

func (e *Engine) collect(ctx context.Context, r *results, sql string, args []any) error {
	rows, err := e.pool.Query(ctx, sql, args...)
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
