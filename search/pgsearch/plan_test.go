package pgsearch

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"doorstep/search"
	"doorstep/search/searchtest"
	"doorstep/server/store/storetest"
)

func TestQueryTerms(t *testing.T) {
	tests := []struct{ q, match, title string }{
		{"", "", ""},
		{"网兜", "'网兜'", "'网兜':A"},
		{"A4纸", "'a4' & '纸':*", "'a4':A & '纸':*A"},
		{"编织 滨州", "'编织' & '滨州'", "'编织':A & '滨州':A"},
		{`'; DROP TABLE x; --`, "'drop' & 'table' & 'x'", "'drop':A & 'table':A & 'x':A"},
	}
	for _, tt := range tests {
		match, title := queryTerms(search.Tokens(tt.q))
		if match != tt.match || title != tt.title {
			t.Errorf("queryTerms(%q) = %q, %q; want %q, %q", tt.q, match, title, tt.match, tt.title)
		}
	}
	// Quotes and backslashes never come out of the tokenizer, but are escaped anyway.
	if m, _ := queryTerms([]string{`it's`, `a\b`}); m != `'it''s' & 'a\\b'` {
		t.Errorf("escaping: %s", m)
	}
}

func TestDocVector(t *testing.T) {
	d := search.OrderDoc{Title: "编织网兜", Tags: []string{"来料"}, CraftNameZH: "编织", CraftNameEN: "Weaving",
		CompanyName: "巧手", Description: "网兜", RegionName: "滨城区"}
	want := "'编织':1A '织网':2A '网兜':3A '来料':4B '编织':5B 'weaving':6B '巧手':7B '网兜':8C '滨城':9C '城区':10C"
	if got := docVector(d); got != want {
		t.Errorf("docVector:\n got %s\nwant %s", got, want)
	}
}

var placeholder = regexp.MustCompile(`\$(\d+)`)

// TestPlanParameters checks that user input only ever reaches SQL as a bind
// parameter and that every parameter is used, for every shape of query.
func TestPlanParameters(t *testing.T) {
	p := func(v int64) *int64 { return &v }
	evil := `x'); DROP TABLE search_orders; --`
	bz := searchtest.Binzhou
	for _, q := range []search.Query{
		{},
		{Q: evil, Crafts: []string{evil}, Region: "371600", Deposit: "none"},
		{Q: "网兜", Sort: search.SortRelevance, Near: &bz},
		{Q: "网兜", Near: &bz, RadiusKm: 50, Sort: search.SortDistance, PriceMin: p(1), PriceMax: p(9)},
		{Crafts: []string{evil}, Region: "370000", Sort: search.SortPriceDesc, Page: 3},
		{DeadlineBefore: &searchtest.Base, Sort: search.SortDeadline, Near: &bz},
	} {
		pl := buildPlan(q.WithDefaults())
		for _, s := range []struct {
			sql  string
			args []any
		}{{pl.page, pl.pageArgs}, {pl.facets, pl.facetArgs}} {
			if s.sql == "" {
				continue
			}
			if strings.Contains(s.sql, "DROP") || strings.Contains(s.sql, "网兜") || strings.Contains(s.sql, "371600") {
				t.Errorf("user input in SQL text: %s", s.sql)
			}
			used := map[int]bool{}
			for _, m := range placeholder.FindAllStringSubmatch(s.sql, -1) {
				n, _ := strconv.Atoi(m[1])
				used[n] = true
			}
			if len(used) != len(s.args) {
				t.Errorf("%d parameters used, %d given: %s", len(used), len(s.args), s.sql)
			}
		}
	}
}

func TestPlanUsesCounters(t *testing.T) {
	p := int64(5)
	for _, c := range []struct {
		q        search.Query
		counters bool
	}{
		{search.Query{}, true},
		{search.Query{Crafts: []string{"beading"}, Region: "370000", Deposit: "none", Sort: search.SortNewest}, true},
		{search.Query{Near: &searchtest.Binzhou, Sort: search.SortDistance}, true}, // distance sort, no radius
		{search.Query{Q: "网兜"}, false},
		{search.Query{PriceMin: &p}, false},
		{search.Query{DeadlineBefore: &searchtest.Base}, false},
		{search.Query{Near: &searchtest.Binzhou, RadiusKm: 5}, false},
	} {
		pl := buildPlan(c.q.WithDefaults())
		if got := strings.Contains(pl.facets, "search_facet_counts"); got != c.counters {
			t.Errorf("%+v: counters %v, want %v", c.q, got, c.counters)
		}
	}
}

func TestIsUUID(t *testing.T) {
	for s, want := range map[string]bool{
		searchtest.Net: true, "6F9619FF-8B86-D011-B42D-00C04FC964FF": true, "": false, "not-an-id": false,
		"6f9619ff8b86d011b42d00c04fc964ff": false, "6f9619ff-8b86-d011-b42d-00c04fc964fg": false,
	} {
		if isUUID(s) != want {
			t.Errorf("isUUID(%q) = %v", s, !want)
		}
	}
}

// TestLiteralsParse has Postgres read the literals back: the lexemes survive
// exactly, escapes included, and weights land on the right lexemes.
func TestLiteralsParse(t *testing.T) {
	pool := storetest.New(t).Pool
	var b strings.Builder
	writeLexeme(&b, `it's a\b 编织`)
	var got string
	if err := pool.QueryRow(context.Background(), "SELECT ($1::text || ':1A')::tsvector::text", b.String()).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if want := `'it''s a\\b 编织':1A`; got != want {
		t.Errorf("round trip: %s, want %s", got, want)
	}
	vec := docVector(searchtest.Fixtures()[0])
	match, title := queryTerms(search.Tokens("网兜 5000"))
	var all, inTitle, inDesc bool
	err := pool.QueryRow(context.Background(), "SELECT $1::tsvector @@ $2::tsquery, $1::tsvector @@ $3::tsquery, $1::tsvector @@ '来料:C'::tsquery",
		vec, match, title).Scan(&all, &inTitle, &inDesc)
	if err != nil || !all || !inTitle || !inDesc {
		t.Errorf("match %v, title %v, description %v, err %v", all, inTitle, inDesc, err)
	}
}
