package pgsearch

import (
	"context"
	"math"
	"math/rand/v2"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"doorstep/search"
	"doorstep/search/searchtest"
	"doorstep/server/store/storetest"
)

func TestQueryTerms(t *testing.T) {
	syn := search.NewSynonyms([]string{"网兜", "网袋"})
	tests := []struct{ q, match, title, phrase string }{
		{"", "", "", ""},
		{"网兜", "('网兜' | '网袋')", "('网兜':A | '网袋':A)", "'网兜'"},
		{"A4纸", "'a4' & '纸':*", "'a4':A & '纸':*A", "('a4' & '纸':*)"},
		{"编织 滨州", "'编织' & '滨州'", "'编织':A & '滨州':A", "('编织' & '织滨' & '滨州')"},
		// run together: every word anywhere; the phrase keeps the bigram across them
		{"木质手绘", "'木质' & '手绘'", "'木质':A & '手绘':A", "('木质' & '质手' & '手绘')"},
		{"十字绣", "('十字' & '字绣')", "('十字':A & '字绣':A)", "('十字' & '字绣')"},
		// a lone character begins a word or makes a bigram with its neighbour
		{"365便民工坊", "'365' & ('便':* | '便民') & '民工' & ('坊':* | '工坊')",
			"'365':A & ('便':*A | '便民':A) & '民工':A & ('坊':*A | '工坊':A)", "('365' & '便民' & '民工' & '工坊')"},
		{"剪紙", "'剪纸'", "'剪纸':A", "'剪纸'"},
		{`'; DROP TABLE x; --`, "'drop' & 'table' & 'x'", "'drop':A & 'table':A & 'x':A", "('drop' & 'table' & 'x')"},
	}
	for _, tt := range tests {
		match, title, phrase := queryTerms(search.Analyze(tt.q, syn))
		if match != tt.match || title != tt.title || phrase != tt.phrase {
			t.Errorf("queryTerms(%q) = %q, %q, %q;\n want %q, %q, %q", tt.q, match, title, phrase, tt.match, tt.title, tt.phrase)
		}
	}
	// Quotes and backslashes never come out of the tokenizer, but are escaped anyway.
	if m := conj([]string{`it's`, `a\b`}, ""); m != `('it''s' & 'a\\b')` {
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
		q = q.WithDefaults()
		pl := buildPlan(q, search.Analyze(q.Q, nil))
		stmts := []struct {
			sql  string
			args []any
		}{{pl.page, pl.pageArgs}, {pl.facets, pl.facetArgs}}
		for _, word := range []string{evil, "网兜"} {
			counts, countArgs := wordCountsSQL(q, word)
			tiers, tierArgs := tierPageSQL(q, word, []window{{tier: 7, limit: 3, walk: true}, {tier: 5, offset: 2, limit: 17}})
			stmts = append(stmts, struct {
				sql  string
				args []any
			}{counts, countArgs}, struct {
				sql  string
				args []any
			}{tiers, tierArgs})
		}
		for _, s := range stmts {
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
		pl := buildPlan(c.q.WithDefaults(), search.Analyze(c.q.Q, nil))
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
	pool := storetest.NewPool(t)
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
	match, title, _ := queryTerms(search.Analyze("网兜 5000", nil))
	var all, inTitle, inDesc bool
	err := pool.QueryRow(context.Background(), "SELECT $1::tsvector @@ $2::tsquery, $1::tsvector @@ $3::tsquery, $1::tsvector @@ '来料:C'::tsquery",
		vec, match, title).Scan(&all, &inTitle, &inDesc)
	if err != nil || !all || !inTitle || !inDesc {
		t.Errorf("match %v, title %v, description %v, err %v", all, inTitle, inDesc, err)
	}
}

func TestWindows(t *testing.T) {
	tiers := []tierCount{{7, 30, 30}, {5, 0, 400}, {4, 1000, 1000}, {2, 50000, 50000}}
	for _, c := range []struct {
		offset, limit int
		want          []window
	}{
		// page 1: 30 tier-7 orders in 100,000 → walking newest first would
		// read about 67,000 rows to find 20; sorting the 30 is cheaper
		{0, 20, []window{{tier: 7, offset: 0, limit: 20}}},
		// across tiers 7 and 4 (5 has nothing under the filters); the weights
		// index would read the 1,430 orders of tiers 7, 5 and 4 (all with the
		// word in the title) for tier 4, walking about 1,000 rows is cheaper
		{20, 20, []window{{tier: 7, offset: 20, limit: 10}, {tier: 4, offset: 0, limit: 10, walk: true}}},
		// deep in tier 2, half of all orders: walking about 2,040 rows beats sorting 50,000
		{2030, 20, []window{{tier: 2, offset: 1000, limit: 20, walk: true}}},
		// beyond the last match
		{51030, 20, nil},
	} {
		if got := windows(tiers, c.offset, c.limit, 100000); !reflect.DeepEqual(got, c.want) {
			t.Errorf("windows(%d, %d) = %+v, want %+v", c.offset, c.limit, got, c.want)
		}
	}
	// Without a table size (never analysed) every tier is read through its index.
	if got := windows(tiers, 2030, 20, -1); len(got) != 1 || got[0].walk {
		t.Errorf("unknown table size: %+v", got)
	}
}

func TestTierQuery(t *testing.T) {
	for tier, want := range map[int]string{
		7: "'手工':A & '手工':B & '手工':C",
		5: "'手工':A & !'手工':B & '手工':C",
		2: "!'手工':A & '手工':B & !'手工':C",
		1: "!'手工':A & !'手工':B & '手工':C",
	} {
		if got := tierQuery("手工", tier); got != want {
			t.Errorf("tierQuery(%d) = %s, want %s", tier, got, want)
		}
	}
}

func TestCountedWord(t *testing.T) {
	p := int64(5)
	for _, c := range []struct {
		q    search.Query
		word string
	}{
		{search.Query{Q: "网兜"}, "网兜"},
		{search.Query{Q: " LED ", Crafts: []string{"assembly"}, Region: "370000", Deposit: "none", Sort: search.SortPriceAsc, Near: &searchtest.Binzhou}, "led"},
		{search.Query{Q: "纸"}, ""},                                          // one character: a prefix
		{search.Query{Q: "编织网兜"}, ""},                                       // two words
		{search.Query{Q: "网兜", Region: "371600"}, ""},                       // a city
		{search.Query{Q: "网兜", PriceMin: &p}, ""},                           // a price
		{search.Query{Q: "网兜", DeadlineBefore: &searchtest.Base}, ""},       // a deadline
		{search.Query{Q: "网兜", Near: &searchtest.Binzhou, RadiusKm: 5}, ""}, // a radius
		{search.Query{}, ""},
	} {
		if got, ok := countedWord(c.q.WithDefaults(), search.Analyze(c.q.Q, nil)); got != c.word || ok != (c.word != "") {
			t.Errorf("countedWord(%+v) = %q, %v; want %q", c.q, got, ok, c.word)
		}
	}
}

// TestChordOrdersLikeHaversine checks the distance filter and sort the SQL
// makes of unit vectors against search.DistanceKm: within 1 m of the radius
// the two may disagree, nowhere else.
func TestChordOrdersLikeHaversine(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	unit := func(p search.Point) [3]float64 {
		lat, lng := p.Lat*math.Pi/180, p.Lng*math.Pi/180
		return [3]float64{math.Cos(lat) * math.Cos(lng), math.Cos(lat) * math.Sin(lng), math.Sin(lat)}
	}
	chord := func(a, b search.Point) float64 {
		u, v := unit(a), unit(b)
		return (u[0]-v[0])*(u[0]-v[0]) + (u[1]-v[1])*(u[1]-v[1]) + (u[2]-v[2])*(u[2]-v[2])
	}
	for range 20000 {
		a := search.Point{Lat: r.Float64()*180 - 90, Lng: r.Float64()*360 - 180}
		b := search.Point{Lat: a.Lat + r.NormFloat64(), Lng: a.Lng + r.NormFloat64()}
		b.Lat = max(-90, min(90, b.Lat))
		km := search.DistanceKm(a, b)
		for _, radius := range []float64{1, 20, 50, 200, 1000, 20000} {
			if math.Abs(km-radius) > 0.001 && (chord(a, b) <= chordLimit(radius)) != (km <= radius) {
				t.Fatalf("%v → %v: %.4f km, radius %v: chord says %v", a, b, km, radius, chord(a, b) <= chordLimit(radius))
			}
		}
	}
}

func TestWorkshopVector(t *testing.T) {
	d := search.WorkshopDoc{Name: "串珠坊", Host: "社区", CraftNamesZH: []string{"串珠"}, CraftNamesEN: []string{"Beading"},
		RegionName: "滨城区"}
	want := "'串珠':1A '珠坊':2A '串珠':3B 'beading':4B '社区':5B '滨城':6C '城区':7C"
	if got := workshopVector(d); got != want {
		t.Errorf("workshopVector:\n got %s\nwant %s", got, want)
	}
}

// TestWorkshopSQLParameters checks that user input only ever reaches SQL as a
// bind parameter and that each statement uses every parameter it is given
// (Postgres refuses a statement with an unused one).
func TestWorkshopSQLParameters(t *testing.T) {
	evil := `x'); DROP TABLE search_workshops; --`
	bz := searchtest.Binzhou
	n := 5
	for _, q := range []search.WorkshopQuery{
		{},
		{Q: evil, Crafts: []string{evil}, Region: "370000", MinCapacity: &n, Verified: true, Guaranteed: true},
		{Q: "串珠", Near: &bz},
		{Q: "串珠", Near: &bz, RadiusKm: 10, Sort: search.SortDistance},
		{Near: &bz, Sort: search.SortDistance},
		{Near: &bz, RadiusKm: 10, Sort: search.SortCapacity},
		{Q: "编织 滨州", Sort: search.SortNewest, Page: 3, PerPage: 7},
	} {
		page, pageArgs, facets, facetArgs := buildWorkshopSQL(q.WithDefaults(), search.Analyze(q.Q, nil))
		for _, s := range []struct {
			sql  string
			args []any
		}{{page, pageArgs}, {facets, facetArgs}} {
			if strings.Contains(s.sql, "DROP") || strings.Contains(s.sql, "串珠") {
				t.Errorf("input inside SQL: %s", s.sql)
			}
			used := map[int]bool{}
			for _, m := range placeholder.FindAllStringSubmatch(s.sql, -1) {
				i, _ := strconv.Atoi(m[1])
				used[i] = true
			}
			for i := 1; i <= len(s.args); i++ {
				if !used[i] {
					t.Errorf("%+v: parameter $%d unused in %s", q, i, s.sql)
				}
			}
			if len(used) != len(s.args) {
				t.Errorf("%+v: %d placeholders, %d args: %s", q, len(used), len(s.args), s.sql)
			}
		}
	}
}
