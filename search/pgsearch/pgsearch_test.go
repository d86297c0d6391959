package pgsearch

import (
	"context"
	"testing"

	"doorstep/search"
	"doorstep/search/searchtest"
	"doorstep/server/store/storetest"
)

// TestConformance runs the shared suite on a fresh, migrated database.
func TestConformance(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) search.Engine { return New(storetest.New(t).Pool) })
}

// TestFacetCountersStayExact moves orders between crafts, regions and deposit
// kinds, deletes and reindexes, and compares the trigger-kept counters with a
// count of the rows after each step.
func TestFacetCountersStayExact(t *testing.T) {
	ctx := context.Background()
	pool := storetest.New(t).Pool
	e := New(pool)
	check := func(step string) {
		t.Helper()
		var diff int
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
