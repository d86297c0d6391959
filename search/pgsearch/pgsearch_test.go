package pgsearch

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"doorstep/search"
	"doorstep/search/searchtest"
	"doorstep/server/store/storetest"
)

// TestConformance runs the shared suites on fresh, migrated databases.
func TestConformance(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) search.Engine { return New(storetest.NewPool(t)) })
}

func TestWorkshopConformance(t *testing.T) {
	searchtest.RunWorkshops(t, func(t *testing.T) search.WorkshopEngine { return NewWorkshops(storetest.NewPool(t)) })
}

// TestFacetCountersStayExact moves orders between crafts, regions and deposit
// kinds, deletes and reindexes, and compares the trigger-kept counters (and
// the word counters) with a count of the rows after each step, and the rows
// with their documents.
func TestFacetCountersStayExact(t *testing.T) {
	ctx := context.Background()
	pool := storetest.NewPool(t)
	e := New(pool)
	check := func(step string) {
		t.Helper()
		var diff, words int
		err := pool.QueryRow(ctx, `
			SELECT count(*) FROM (
				SELECT craft, province_code, city_code, district_code, deposit_kind, count(*) AS n
				FROM search_orders GROUP BY 1, 2, 3, 4, 5
			) r FULL JOIN (SELECT * FROM search_facet_counts WHERE n <> 0) c
				USING (craft, province_code, city_code, district_code, deposit_kind)
			WHERE r.n IS DISTINCT FROM c.n`).Scan(&diff)
		if err != nil || diff != 0 {
			t.Fatalf("%s: %d counters differ from the rows (err %v)", step, diff, err)
		}
		err = pool.QueryRow(ctx, `
			SELECT count(*) FROM (
				SELECT t.lexeme COLLATE "C" AS lexeme, search_tier(t.weights) AS tier, craft, province_code, deposit_kind, count(*) AS n
				FROM search_orders, unnest(tokens) AS t GROUP BY 1, 2, 3, 4, 5
			) r FULL JOIN (SELECT * FROM search_term_counts WHERE n <> 0) c
				USING (lexeme, tier, craft, province_code, deposit_kind)
			WHERE r.n IS DISTINCT FROM c.n`).Scan(&words)
		if err != nil || words != 0 {
			t.Fatalf("%s: %d word counters differ from the rows (err %v)", step, words, err)
		}
		var orphans int
		err = pool.QueryRow(ctx, `SELECT count(*) FROM search_orders o FULL JOIN search_order_docs d USING (id)
			WHERE o.id IS NULL OR d.id IS NULL`).Scan(&orphans)
		if err != nil || orphans != 0 {
			t.Fatalf("%s: %d rows without a document or documents without a row (err %v)", step, orphans, err)
		}
	}
	docs := searchtest.Synthetic(3000, 7)
	if err := e.Upsert(ctx, docs...); err != nil {
		t.Fatal(err)
	}
	check("insert")
	moved := searchtest.Synthetic(500, 8) // other crafts, regions and deposits…
	for i := range moved {
		moved[i].ID = docs[i].ID // …for the same orders
	}
	if err := e.Upsert(ctx, append(moved, docs[600:700]...)...); err != nil {
		t.Fatal(err)
	}
	check("update")
	ids := make([]string, 0, 300)
	for _, d := range docs[1000:1300] {
		ids = append(ids, d.ID)
	}
	if err := e.Delete(ctx, ids...); err != nil {
		t.Fatal(err)
	}
	check("delete")
	if err := e.Reindex(ctx, docs[:1000]); err != nil {
		t.Fatal(err)
	}
	check("reindex")
	res, err := e.Search(ctx, search.Query{})
	if err != nil || res.Total != 1000 {
		t.Fatalf("total after reindex %d, %v", res.Total, err)
	}
}

// TestOneWordSearches compares one-word searches answered from the word
// counters (tiers walked, read through the tier index, or either as the
// engine picks) with the same searches counted and ranked row by row: same
// total, facets, hits, order and distances, after trigger-kept writes and
// after a reindex's recount.
func TestOneWordSearches(t *testing.T) {
	ctx := context.Background()
	pool := storetest.NewPool(t)
	rows := &Engine{pool: pool, mode: modeRows}
	others := []*Engine{New(pool), {pool: pool, mode: modeWalk}, {pool: pool, mode: modeBitmap}}
	bz := searchtest.Binzhou
	var queries []search.Query
	for _, w := range []string{"手工", "串珠", "刺绣", "包装", "网兜", "LED", "公司", "来料", "宝妈", "没有"} {
		for _, f := range []search.Query{
			{}, {Crafts: []string{"beading"}}, {Region: "370000"}, {Deposit: "none"},
			{Crafts: []string{"weaving", "packaging"}, Deposit: "fixed", Region: "130000"},
			{Near: &bz}, {Sort: search.SortPriceAsc}, {Sort: search.SortNewest, Region: "370000"},
		} {
			for _, pg := range []struct{ page, per int }{{1, 20}, {2, 20}, {4, 50}, {60, 3}, {400, 20}} {
				q := f
				q.Q, q.Page, q.PerPage = w, pg.page, pg.per
				queries = append(queries, q)
			}
		}
	}
	compare := func(step string) {
		t.Helper()
		found := 0
		defer func() {
			if found < len(queries)/3 {
				t.Errorf("%s: only %d of %d searches have hits", step, found, len(queries))
			}
		}()
		for _, q := range queries {
			if _, ok := countedWord(q.WithDefaults(), search.Analyze(q.Q, nil)); !ok {
				t.Fatalf("%+v is not a one-word search", q)
			}
			want, err := rows.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Hits) > 0 {
				found++
			}
			for _, e := range others {
				got, err := e.Search(ctx, q)
				if err != nil {
					t.Fatalf("%s mode %d %+v: %v", step, e.mode, q, err)
				}
				if msg := diffResults(got, want); msg != "" {
					t.Errorf("%s mode %d q=%s crafts=%v region=%s deposit=%s sort=%s page=%d/%d: %s",
						step, e.mode, q.Q, q.Crafts, q.Region, q.Deposit, q.Sort, q.Page, q.PerPage, msg)
				}
			}
		}
	}
	docs := searchtest.Synthetic(2500, 11)
	if err := rows.Upsert(ctx, docs...); err != nil {
		t.Fatal(err)
	}
	compare("upsert")
	if err := rows.Reindex(ctx, searchtest.Synthetic(2000, 12)); err != nil {
		t.Fatal(err)
	}
	moved := searchtest.Synthetic(300, 13)
	for i := range moved {
		moved[i].ID = docs[i].ID // brought back with other words, crafts and regions
	}
	if err := rows.Upsert(ctx, moved...); err != nil {
		t.Fatal(err)
	}
	compare("reindex")
}

func diffResults(got, want search.Result) string {
	if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) {
		return fmt.Sprintf("total %d facets %v, want %d %v", got.Total, got.Facets, want.Total, want.Facets)
	}
	if len(got.Hits) != len(want.Hits) {
		return fmt.Sprintf("%d hits, want %d", len(got.Hits), len(want.Hits))
	}
	for i := range got.Hits {
		g, w := got.Hits[i], want.Hits[i]
		if g.Doc.ID != w.Doc.ID {
			return fmt.Sprintf("hit %d is %s, want %s", i, g.Doc.ID, w.Doc.ID)
		}
		if (g.DistanceKm == nil) != (w.DistanceKm == nil) || g.DistanceKm != nil && *g.DistanceKm != *w.DistanceKm {
			return fmt.Sprintf("hit %d distance %v, want %v", i, g.DistanceKm, w.DistanceKm)
		}
	}
	return ""
}
