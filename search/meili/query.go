package meili

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/meilisearch/meilisearch-go"

	"doorstep/search"
)

// Search runs one query; facets come from Meilisearch's facetDistribution.
func (e *Engine) Search(ctx context.Context, q search.Query) (search.Result, error) {
	if err := q.Validate(); err != nil {
		return search.Result{}, err
	}
	q = q.WithDefaults()
	req := buildSearchRequest(q)
	resp, err := e.client.Index(e.uid).SearchWithContext(ctx, req.Query, req)
	if err != nil {
		var me *meilisearch.Error
		if errors.As(err, &me) && me.StatusCode == http.StatusBadRequest {
			// A request Meilisearch refuses is a query problem, not an outage.
			return search.Result{}, fmt.Errorf("%w: %s", search.ErrInvalidQuery, me.MeilisearchApiError.Message)
		}
		return search.Result{}, fmt.Errorf("meili: %w", err)
	}
	res := search.Result{Hits: make([]search.Hit, 0, len(resp.Hits)), Total: int(resp.TotalHits)}
	for _, h := range resp.Hits {
		hit, err := fromHit(h, q.Near)
		if err != nil {
			return search.Result{}, fmt.Errorf("meili: decode hit: %w", err)
		}
		res.Hits = append(res.Hits, hit)
	}
	if res.Facets, err = facets(resp.FacetDistribution); err != nil {
		return search.Result{}, err
	}
	return res, nil
}

// facets renames Meilisearch's facetDistribution to the API's facet names.
func facets(raw json.RawMessage) (map[string]map[string]int, error) {
	dist := map[string]map[string]int{}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &dist); err != nil {
			return nil, fmt.Errorf("meili: facetDistribution: %w", err)
		}
	}
	out := map[string]map[string]int{"craft": {}, "province": {}, "deposit": {}}
	for attr, name := range map[string]string{"craft": "craft", "province_code": "province", "deposit_kind": "deposit"} {
		for k, n := range dist[attr] {
			out[name][k] = n
		}
	}
	return out, nil
}
