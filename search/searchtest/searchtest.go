// Package searchtest is the conformance suite every search.Engine passes.
// Engines differ inside (Postgres tsvector vs Meilisearch), so the suite only
// checks what the API promises: which orders match, counts, order and paging.
package searchtest

import (
	"context"
	"testing"

	"doorstep/search"
)

// Run checks an engine. newEngine must return an engine on an empty index
// of its own (a fresh database, a unique Meilisearch index uid).
func Run(t *testing.T, newEngine func(t *testing.T) search.Engine) {
	t.Run("read", func(t *testing.T) {
		e := load(t, newEngine, Fixtures())
		t.Run("text", func(t *testing.T) { testText(t, e) })
		t.Run("language", func(t *testing.T) { testLanguage(t, e) })
		t.Run("partial", func(t *testing.T) { testPartial(t, e) })
		t.Run("relevance", func(t *testing.T) { testRelevance(t, e) })
		t.Run("filters", func(t *testing.T) { testFilters(t, e) })
		t.Run("sorts", func(t *testing.T) { testSorts(t, e) })
		t.Run("scores", func(t *testing.T) { testScores(t, e) })
		t.Run("geo", func(t *testing.T) { testGeo(t, e) })
		t.Run("paging", func(t *testing.T) { testPaging(t, e) })
		t.Run("hostile", func(t *testing.T) { testHostile(t, e) })
		t.Run("invalid", func(t *testing.T) { testInvalid(t, e) })
	})
	t.Run("phrase", func(t *testing.T) { testPhrase(t, load(t, newEngine, phraseDocs())) })
	t.Run("delete", func(t *testing.T) { testDelete(t, load(t, newEngine, Fixtures())) })
	t.Run("upsert", func(t *testing.T) { testUpsert(t, load(t, newEngine, Fixtures())) })
	t.Run("reindex", func(t *testing.T) { testReindex(t, load(t, newEngine, Fixtures())) })
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

var fixtureNames = map[string]string{Net: "Net", Beads: "Beads", PaperCut: "PaperCut", Sachet: "Sachet",
	HairClip: "HairClip", Basket: "Basket", TShirt: "TShirt", Bracelet: "Bracelet",
	PhraseTitle: "PhraseTitle", PhraseDesc: "PhraseDesc", WordsApart: "WordsApart"}

// orders is the checker of an orders engine holding Fixtures().
func orders(e search.Engine) checker[search.Query, search.Hit] {
	return checker[search.Query, search.Hit]{search: func(c context.Context, q search.Query) (search.Result, error) { return e.Search(c, q) },
		id: func(h search.Hit) string { return h.Doc.ID }, names: fixtureNames,
		facets: func(want []string) map[string]map[string]int {
			return facetsOf(Fixtures(), want, func(d search.OrderDoc) string { return d.ID }, func(d search.OrderDoc) map[string][]string {
				return map[string][]string{"craft": {d.Craft}, "province": {d.ProvinceCode}, "deposit": {d.DepositKind}}
			})
		}}
}

func run(t *testing.T, e search.Engine, q search.Query) search.Result {
	t.Helper()
	return orders(e).run(t, q)
}

func try(t *testing.T, e search.Engine, q search.Query) (search.Result, error) {
	t.Helper()
	return orders(e).try(t, q)
}

func ids(res search.Result) []string { return orders(nil).ids(res) }

func names(ids []string) string { return orders(nil).name(ids) }

func expectSet(t *testing.T, e search.Engine, q search.Query, want ...string) {
	t.Helper()
	orders(e).expectSet(t, q, want...)
}

func expectOrder(t *testing.T, e search.Engine, q search.Query, want ...string) {
	t.Helper()
	orders(e).expectOrder(t, q, want...)
}

func okOrInvalid(t *testing.T, e search.Engine, q search.Query) {
	t.Helper()
	orders(e).okOrInvalid(t, q)
}
