// Package searchtest is the conformance suite every search.Engine passes.
// Engines differ inside (Postgres tsvector vs Meilisearch), so the suite only
// checks what the API promises: which orders match, counts, order and paging.
package searchtest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"doorstep/search"
)

// Run checks an engine. newEngine must return an engine on an empty index
// of its own (a fresh database, a unique Meilisearch index uid).
func Run(t *testing.T, newEngine func(t *testing.T) search.Engine) {
	t.Run("read", func(t *testing.T) {
		e := load(t, newEngine, Fixtures())
		t.Run("text", func(t *testing.T) { testText(t, e) })
		t.Run("relevance", func(t *testing.T) { testRelevance(t, e) })
		t.Run("filters", func(t *testing.T) { testFilters(t, e) })
		t.Run("sorts", func(t *testing.T) { testSorts(t, e) })
		t.Run("geo", func(t *testing.T) { testGeo(t, e) })
		t.Run("paging", func(t *testing.T) { testPaging(t, e) })
		t.Run("hostile", func(t *testing.T) { testHostile(t, e) })
		t.Run("invalid", func(t *testing.T) { testInvalid(t, e) })
	})
	t.Run("delete", func(t *testing.T) { testDelete(t, load(t, newEngine, Fixtures())) })
	t.Run("upsert", func(t *testing.T) { testUpsert(t, load(t, newEngine, Fixtures())) })
	t.Run("reindex", func(t *testing.T) { testReindex(t, load(t, newEngine, Fixtures())) })
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return c
}

// load makes an engine, applies its settings twice (they must be idempotent) and adds docs.
func load(t *testing.T, newEngine func(t *testing.T) search.Engine, docs []search.OrderDoc) search.Engine {
	t.Helper()
	e := newEngine(t)
	for range 2 {
		if err := e.ApplySettings(ctx(t)); err != nil {
			t.Fatalf("ApplySettings: %v", err)
		}
	}
	if err := e.Health(ctx(t)); err != nil {
		t.Fatalf("Health: %v", err)
	}
	if err := e.Upsert(ctx(t), docs...); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	return e
}

// run searches and fails the test on an error, turning a panic into a failure
// that names the query.
func run(t *testing.T, e search.Engine, q search.Query) (res search.Result) {
	t.Helper()
	res, err := try(t, e, q)
	if err != nil {
		t.Fatalf("Search(%s): %v", describe(q), err)
	}
	if len(res.Hits) > max(q.PerPage, search.DefaultPerPage) {
		t.Fatalf("Search(%s): %d hits on one page", describe(q), len(res.Hits))
	}
	return res
}

func try(t *testing.T, e search.Engine, q search.Query) (res search.Result, err error) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("Search(%s) panicked: %v", describe(q), p)
		}
	}()
	return e.Search(ctx(t), q)
}

// describe prints the fields of q that are set, shortening a long Q.
func describe(q search.Query) string {
	if len(q.Q) > 40 {
		q.Q = fmt.Sprintf("%s…(%d bytes)", strings.ToValidUTF8(q.Q[:40], ""), len(q.Q))
	}
	var parts []string
	v := reflect.ValueOf(q)
	for i := range v.NumField() {
		f := v.Field(i)
		if f.IsZero() {
			continue
		}
		if f.Kind() == reflect.Pointer {
			f = f.Elem()
		}
		parts = append(parts, fmt.Sprintf("%s=%q", v.Type().Field(i).Name, fmt.Sprint(f.Interface())))
	}
	return strings.Join(parts, " ")
}

func ids(res search.Result) []string {
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.Doc.ID
	}
	return out
}

// expectSet checks the matching ids in any order, the total and the facet
// counts, which must equal the real counts over the expected orders.
func expectSet(t *testing.T, e search.Engine, q search.Query, want ...string) {
	t.Helper()
	q.PerPage = 100
	res := run(t, e, q)
	got := slices.Sorted(slices.Values(ids(res)))
	if w := slices.Sorted(slices.Values(want)); !slices.Equal(got, w) {
		t.Errorf("Search(%s) = %s, want %s", describe(q), names(got), names(w))
	}
	if res.Total != len(want) {
		t.Errorf("Search(%s): total %d, want %d", describe(q), res.Total, len(want))
	}
	checkFacets(t, q, res, want)
}

// expectOrder checks the exact order of the first page.
func expectOrder(t *testing.T, e search.Engine, q search.Query, want ...string) {
	t.Helper()
	if got := ids(run(t, e, q)); !slices.Equal(got, want) {
		t.Errorf("Search(%s) = %s, want %s", describe(q), names(got), names(want))
	}
}

func checkFacets(t *testing.T, q search.Query, res search.Result, want []string) {
	t.Helper()
	exp := map[string]map[string]int{"craft": {}, "province": {}, "deposit": {}}
	for _, d := range Fixtures() {
		if slices.Contains(want, d.ID) {
			exp["craft"][d.Craft]++
			exp["province"][d.ProvinceCode]++
			exp["deposit"][d.DepositKind]++
		}
	}
	for dim, counts := range exp {
		got := map[string]int{}
		for k, n := range res.Facets[dim] {
			if n != 0 {
				got[k] = n
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(counts) { // fmt sorts map keys
			t.Errorf("Search(%s): facet %s = %v, want %v", describe(q), dim, got, counts)
		}
	}
}

var fixtureNames = map[string]string{Net: "Net", Beads: "Beads", PaperCut: "PaperCut", Sachet: "Sachet",
	HairClip: "HairClip", Basket: "Basket", TShirt: "TShirt", Bracelet: "Bracelet"}

func names(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		if out[i] = fixtureNames[id]; out[i] == "" {
			out[i] = id
		}
	}
	return fmt.Sprint(out)
}

// okOrInvalid is what hostile input may produce: results or ErrInvalidQuery.
func okOrInvalid(t *testing.T, e search.Engine, q search.Query) {
	t.Helper()
	if _, err := try(t, e, q); err != nil && !errors.Is(err, search.ErrInvalidQuery) {
		t.Errorf("Search(%s): engine error %v", describe(q), err)
	}
}
