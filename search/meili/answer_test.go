package meili

import (
	"context"
	"slices"
	"testing"

	"doorstep/search"
	"doorstep/search/searchtest"
)

// TestPartialFallback: when every word finds nothing, the engine asks one
// multi-search which words match alone (under the same filter, every word
// required, one hit enough), then searches the words kept.
func TestPartialFallback(t *testing.T) {
	f, srv := newFake(t)
	e, _ := New(srv.URL, "", "orders")
	ctx := context.Background()
	if err := e.Upsert(ctx, searchtest.Fixtures()...); err != nil {
		t.Fatal(err)
	}
	f.empty["编织 上海"], f.empty["上海"] = true, true
	res, err := e.Search(ctx, search.Query{Q: "编织上海", Crafts: []string{"weaving"}})
	if err != nil {
		t.Fatal(err)
	}
	var qs []string
	for _, s := range f.searches {
		qs = append(qs, s["q"].(string))
		if s["filter"] != `craft IN ["weaving"]` || s["matchingStrategy"] != "all" || !slices.Equal(asStrings(s["locales"]), []string{"cmn"}) {
			t.Errorf("request %v", s)
		}
	}
	if want := []string{"编织 上海", "编织", "上海", "编织"}; !slices.Equal(qs, want) {
		t.Errorf("queries %q, want %q", qs, want)
	}
	if probe := f.searches[1]; probe["hitsPerPage"] != 1.0 || probe["indexUid"] != "orders" || probe["facets"] != nil {
		t.Errorf("probe %v", probe)
	}
	if res.Match != search.MatchPartial || !slices.Equal(res.MatchedWords, []string{"编织"}) ||
		!slices.Equal(res.Words, []string{"编织", "上海"}) || res.Total != len(searchtest.Fixtures()) {
		t.Errorf("result: match %s on %q of %q, total %d", res.Match, res.MatchedWords, res.Words, res.Total)
	}

	// Above maxTotalHits the total is the cap, and says so.
	f.total = search.MaxResultWindow
	if res, err = e.Search(ctx, search.Query{}); err != nil || res.Total != search.MaxResultWindow || res.TotalExact {
		t.Errorf("capped total: %d exact %v (%v)", res.Total, res.TotalExact, err)
	}
	f.total = 42
	if res, _ = e.Search(ctx, search.Query{}); res.Total != 42 || !res.TotalExact || res.Match != search.MatchAll {
		t.Errorf("total 42: %d exact %v match %s", res.Total, res.TotalExact, res.Match)
	}
}

// TestSynonymSettings: the settings carry the synonyms, and a change staff
// make reaches the live index once (not again when nothing changed), and
// the searches of this process at once.
func TestSynonymSettings(t *testing.T) {
	f, srv := newFake(t)
	w, _ := NewWorkshops(srv.URL, "", "workshops")
	ctx := context.Background()
	if err := w.ApplyWorkshopSettings(ctx); err != nil {
		t.Fatal(err)
	}
	syn := f.settings["workshops"]["synonyms"].(map[string]any)
	if got := asStrings(syn["镶钻"]); !slices.Contains(got, "粘钻") || len(syn) < 60 {
		t.Errorf("synonyms sent: 镶钻 → %v, %d terms", got, len(syn))
	}
	f.log = nil
	staff := search.WithStaff([][]string{{"滴胶", "水晶胶"}})
	for range 2 {
		if err := w.SetSynonyms(ctx, staff); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(f.log, []string{"PUT /indexes/workshops/settings/synonyms"}) {
		t.Errorf("requests %q: want one synonyms update", f.log)
	}
	if got := asStrings(f.settings["workshops"]["synonyms"].(map[string]any)["水晶胶"]); !slices.Equal(got, []string{"滴胶"}) {
		t.Errorf("staff synonym sent: %v", got)
	}
	if err := search.ApplySynonyms(ctx, nil, w, "not an index"); err != nil || len(f.log) != 2 {
		t.Errorf("back to the built-in set: %v, requests %q", err, f.log)
	}
}
