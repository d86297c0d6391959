package meili

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"doorstep/search"
)

// docs is a batch source: the i-th document's id and its Meilisearch form.
// Documents are converted a batch at a time, never all at once.
type docs struct {
	n  int
	at func(i int) (id string, doc any)
}

// upsert adds or replaces documents by id; within one call the later of two
// versions of a document wins.
func (x *index) upsert(ctx context.Context, d docs) error {
	if d.n == 0 {
		return nil
	}
	if err := x.ensure(ctx); err != nil {
		return err
	}
	return x.add(ctx, x.uid, d)
}

func (x *index) add(ctx context.Context, uid string, d docs) error {
	pk := primaryKey
	for start := 0; start < d.n; start += batchSize {
		batch := make([]any, 0, min(batchSize, d.n-start))
		for i := start; i < min(start+batchSize, d.n); i++ {
			id, doc := d.at(i)
			if !uidPattern.MatchString(id) {
				return fmt.Errorf("meili: invalid %s id %q", x.spec.noun, id)
			}
			batch = append(batch, doc)
		}
		opts := &meilisearch.DocumentOptions{PrimaryKey: &pk}
		if err := x.wait(ctx)(x.client.Index(uid).AddDocumentsWithContext(ctx, batch, opts)); err != nil {
			return err
		}
	}
	return nil
}

// delete removes documents. Ids Meilisearch could never have stored are
// skipped rather than sent.
func (x *index) delete(ctx context.Context, ids []string) error {
	valid := make([]string, 0, len(ids))
	for _, id := range ids {
		if uidPattern.MatchString(id) {
			valid = append(valid, id)
		}
	}
	if len(valid) == 0 {
		return nil
	}
	if err := x.ensure(ctx); err != nil {
		return err
	}
	return x.wait(ctx)(x.client.Index(x.uid).DeleteDocumentsWithContext(ctx, valid, nil))
}

// reindex builds a new index <uid>_<unix nanoseconds> with the settings and
// all documents, swaps it with the live one in one atomic step and deletes
// the old one: searches see the old index until the swap, never an empty one.
// Writes that reach the live index during the build are lost with it; the
// sync jobs of documents changed meanwhile must run again after the swap.
func (x *index) reindex(ctx context.Context, d docs) (err error) {
	if err := x.apply(ctx); err != nil { // the live index must exist to be swapped
		return err
	}
	tmp := x.uid + "_" + strconv.FormatInt(time.Now().UnixNano(), 10)
	defer func() {
		// The temporary index holds the new documents until the swap and the
		// old ones after it: either way it goes.
		cleanup, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		defer cancel()
		if derr := x.wait(cleanup)(x.client.DeleteIndexWithContext(cleanup, tmp)); derr != nil && err == nil {
			err = derr
		}
	}()
	if err := x.configure(ctx, tmp); err != nil {
		return err
	}
	if err := x.add(ctx, tmp, d); err != nil {
		return err
	}
	return x.wait(ctx)(x.client.SwapIndexesWithContext(ctx, []*meilisearch.SwapIndexesParams{{Indexes: []string{x.uid, tmp}}}))
}

// search runs one request. A request Meilisearch refuses (400) is a query
// problem, not an outage.
func (x *index) search(ctx context.Context, req *meilisearch.SearchRequest) (*meilisearch.SearchResponse, error) {
	resp, err := x.client.Index(x.uid).SearchWithContext(ctx, req.Query, req)
	if err != nil {
		return nil, searchError(err)
	}
	return resp, nil
}

// searchError classifies a failed search: refused as a bad query (400), or
// the engine away or failing (no answer, a timeout, a 5xx), which callers
// see as search.ErrUnavailable.
func searchError(err error) error {
	var me *meilisearch.Error
	if errors.As(err, &me) && me.StatusCode == http.StatusBadRequest {
		return fmt.Errorf("%w: %s", search.ErrInvalidQuery, me.MeilisearchApiError.Message)
	}
	if errors.As(err, &me) && me.StatusCode >= 400 && me.StatusCode < 500 {
		return fmt.Errorf("meili: %w", err) // our own mistake (auth, missing index): a real error
	}
	return fmt.Errorf("%w: meili: %w", search.ErrUnavailable, err)
}

// answer runs a search through search.Answer: req builds the request for
// an analysis (every word required), probes ask a multi-search whether
// each word set matches anything under the filter.
func answer[H any](ctx context.Context, x *index, a search.Analysis, f *filter,
	req func(search.Analysis) *meilisearch.SearchRequest, hit func(meilisearch.Hit) (H, error)) (search.Page[H], error) {
	return search.Answer(ctx, a,
		func(ctx context.Context, a search.Analysis) (search.Page[H], error) {
			resp, err := x.search(ctx, req(a))
			if err != nil {
				return search.Page[H]{}, err
			}
			return page(x, resp, hit)
		},
		func(ctx context.Context, sets []search.Analysis) ([]bool, error) {
			resp, err := x.client.MultiSearchWithContext(ctx, &meilisearch.MultiSearchRequest{Queries: x.spec.probes(x.uid, sets, f)})
			if err != nil {
				return nil, fmt.Errorf("multi-search: %w", searchError(err))
			}
			if len(resp.Results) != len(sets) {
				return nil, fmt.Errorf("meili: multi-search: %d results for %d queries", len(resp.Results), len(sets))
			}
			out := make([]bool, len(sets))
			for i, r := range resp.Results {
				out[i] = r.TotalHits > 0
			}
			return out, nil
		})
}

// page turns a response into an API page: each hit decoded by hit, the
// facets renamed.
func page[H any](x *index, resp *meilisearch.SearchResponse, hit func(meilisearch.Hit) (H, error)) (search.Page[H], error) {
	res := search.Page[H]{Hits: make([]H, 0, len(resp.Hits)), Total: int(resp.TotalHits)}
	for _, h := range resp.Hits {
		v, err := hit(h)
		if err != nil {
			return search.Page[H]{}, fmt.Errorf("meili: decode hit: %w", err)
		}
		res.Hits = append(res.Hits, v)
	}
	var err error
	res.Facets, err = x.spec.facetCounts(resp.FacetDistribution)
	return res, err
}
