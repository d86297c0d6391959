package api_test

import (
	"context"
	"testing"

	"doorstep/search/pgsearch"
	"doorstep/search/searchtest"
	"doorstep/server/api"
	"doorstep/server/auth"
)

// newScoreSearchEnv is an app on both Postgres indexes holding the
// conformance fixtures, whose scorecard figures are known (searchtest/scores.go).
func newScoreSearchEnv(t *testing.T) *env {
	t.Helper()
	e := newEnv(t)
	orders, workshops := pgsearch.New(e.pool), pgsearch.NewWorkshops(e.pool)
	ctx := context.Background()
	must(t, orders.Upsert(ctx, searchtest.Fixtures()...))
	must(t, workshops.UpsertWorkshops(ctx, searchtest.WorkshopFixtures()...))
	fast := auth.Params{MemoryKiB: 1024, Time: 1, Threads: 1}
	e.app = api.New(api.Options{Config: e.cfg, Store: e.st, Pool: e.pool, Mailer: e.mail, Hash: &fast, Logger: testLogger(t),
		Engine: orders, Workshops: workshops})
	return e
}

func hitIDs(r resp) []string {
	var out []string
	hits, _ := r.field("hits").([]any)
	for _, h := range hits {
		out = append(out, h.(map[string]any)["id"].(string))
	}
	return out
}

// TestScoreSearchParameters: every scorecard parameter of both searches is
// checked, and a bad value is a 400 that names it.
func TestScoreSearchParameters(t *testing.T) {
	t.Parallel()
	e := newScoreSearchEnv(t)
	bad := map[string]string{
		"/search/orders?company_rejection_max=-1":     "company_rejection_max",
		"/search/orders?company_rejection_max=101":    "company_rejection_max",
		"/search/orders?company_rejection_max=five":   "company_rejection_max",
		"/search/orders?company_rejection_max=NaN":    "company_rejection_max",
		"/search/orders?company_on_time_min=100.5":    "company_on_time_min",
		"/search/orders?company_rating_min=0":         "company_rating_min",
		"/search/orders?company_rating_min=5.1":       "company_rating_min",
		"/search/orders?company_settled_min=-3":       "company_settled_min",
		"/search/orders?company_settled_min=2.5":      "company_settled_min",
		"/search/orders?sort=company_rating_asc":      "sort",
		"/search/workshops?completed_min=x":           "completed_min",
		"/search/workshops?on_time_min=-0.1":          "on_time_min",
		"/search/workshops?acceptance_min=Inf":        "acceptance_min",
		"/search/workshops?rating_min=6":              "rating_min",
		"/search/workshops?sort=company_rating":       "sort",
		"/search/workshops?rating_min=4&sort=ratings": "sort",
	}
	for path, field := range bad {
		r := e.do(req{method: "GET", path: "/api/v1" + path})
		fields, _ := r.field("error.fields").(map[string]any)
		if r.status != 400 || fields[field] == nil {
			t.Errorf("%s: want 400 naming %s, got %d %s", path, field, r.status, r.raw)
		}
	}
	for _, path := range []string{
		"/search/orders?company_rejection_max=0&company_on_time_min=100&company_rating_min=1&company_settled_min=0&sort=company_rejection",
		"/search/orders?company_rejection_max=2.5&company_rating_min=4.5&sort=company_rating&q=%E4%B8%B2%E7%8F%A0",
		"/search/workshops?completed_min=0&on_time_min=0&acceptance_min=99.5&rating_min=5&sort=acceptance",
		"/search/workshops?sort=completed", "/search/workshops?sort=on_time", "/search/workshops?sort=rating",
	} {
		e.mustStatus(req{method: "GET", path: "/api/v1" + path}, 200)
	}
}

// TestScoreSearch: the API filters and sorts by the scorecards, shows each
// hit's figures, and null for a figure resting on fewer than 3 contracts.
func TestScoreSearch(t *testing.T) {
	t.Parallel()
	e := newScoreSearchEnv(t)
	get := func(path string) resp { return e.mustStatus(req{method: "GET", path: "/api/v1" + path}, 200) }
	names := func(ids []string) string {
		n := map[string]string{searchtest.Net: "Net", searchtest.Beads: "Beads", searchtest.PaperCut: "PaperCut", searchtest.Sachet: "Sachet",
			searchtest.HairClip: "HairClip", searchtest.Basket: "Basket", searchtest.TShirt: "TShirt", searchtest.Bracelet: "Bracelet",
			searchtest.Bilin: "Bilin", searchtest.Mingzhu: "Mingzhu", searchtest.Yunnanlu: "Yunnanlu", searchtest.Chuhe: "Chuhe",
			searchtest.BeadHouse: "BeadHouse", searchtest.Knot: "Knot", searchtest.Quancheng: "Quancheng"}
		s := ""
		for _, id := range ids {
			s += n[id] + " "
		}
		return s
	}
	for path, want := range map[string]string{
		"/search/orders?company_rejection_max=5&sort=company_rejection":  "Basket Net Beads ",
		"/search/orders?sort=company_rating":                             "Net TShirt Beads Sachet Bracelet Basket PaperCut HairClip ",
		"/search/orders?company_settled_min=5&sort=company_rating":       "Net TShirt Beads Sachet ",
		"/search/workshops?on_time_min=90&sort=on_time":                  "Chuhe Bilin ",
		"/search/workshops?sort=rating":                                  "Quancheng Bilin Mingzhu Knot Chuhe BeadHouse Yunnanlu ",
		"/search/workshops?acceptance_min=98.5&rating_min=4&sort=rating": "Bilin Mingzhu ",
	} {
		if got := names(hitIDs(get(path))); got != want {
			t.Errorf("%s: %s, want %s", path, got, want)
		}
	}
	r := get("/search/orders?sort=company_rejection&per_page=8")
	hits, _ := r.field("hits").([]any)
	first, last := hits[0].(map[string]any), hits[7].(map[string]any)
	if first["company_rejection_pct"] != 0.0 || first["company_contracts_settled"] != 3.0 || first["company_rating"] != nil {
		t.Errorf("Basket's figures: %v", first)
	}
	if v, ok := last["company_rejection_pct"]; !ok || v != nil || last["company_funded_on_time_pct"] != 75.0 {
		t.Errorf("Bracelet's figures (no rejection rate, shown as null): %v", last)
	}
	w := get("/search/workshops?sort=completed&per_page=1")
	if h := w.field("hits").([]any)[0].(map[string]any); h["completed_contracts"] != 15.0 || h["on_time_pct"] != 86.7 ||
		h["acceptance_pct"] != 97.0 || h["rating"] != 4.9 {
		t.Errorf("Quancheng's figures: %v", h)
	}
}
