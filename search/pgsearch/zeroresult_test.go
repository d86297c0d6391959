package pgsearch

import (
	"context"
	"testing"

	"doorstep/search"
	"doorstep/search/searchtest"
	"doorstep/server/store/storetest"
)

// TestZeroResultRate measures how many of 50 realistic searches find
// nothing in a realistic marketplace (searchtest.Realistic), and how many
// were answered by the partial fallback. Before segmentation, folding,
// synonyms and the fallback, 16 of the 50 found nothing (32 %).
func TestZeroResultRate(t *testing.T) {
	ctx := context.Background()
	e := New(storetest.NewPool(t))
	if err := e.Upsert(ctx, searchtest.Realistic()...); err != nil {
		t.Fatal(err)
	}
	var zero, partial []string
	for _, q := range searchtest.RealisticQueries {
		res, err := e.Search(ctx, search.Query{Q: q})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case res.Total == 0:
			zero = append(zero, q)
		case res.Match == search.MatchPartial:
			partial = append(partial, q)
		}
	}
	n := len(searchtest.RealisticQueries)
	t.Logf("zero results: %d of %d (%.0f %%) %q; partial matches: %d %q", len(zero), n, 100*float64(len(zero))/float64(n), zero, len(partial), partial)
	if len(zero) > n/10 {
		t.Errorf("%d of %d realistic searches find nothing", len(zero), n)
	}
}
