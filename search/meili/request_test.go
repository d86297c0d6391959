package meili

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"doorstep/search"
	"doorstep/search/searchtest"
)

// skeleton replaces every quoted string literal in a filter with S, reading
// escapes the way Meilisearch does. A value that escaped its quotes would
// leave filter syntax behind and change the skeleton.
func skeleton(filter string) string {
	var b strings.Builder
	in, esc := false, false
	for _, r := range filter {
		switch {
		case esc:
			esc = false
		case in && r == '\\':
			esc = true
		case r == '"':
			if in = !in; in {
				b.WriteByte('S')
			}
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestBuildFilter(t *testing.T) {
	p := func(v int64) *int64 { return &v }
	n := func(v int) *int { return &v }
	deadline := time.Date(2026, 3, 11, 8, 0, 0, 500000000, time.UTC)
	bz := searchtest.Binzhou
	orderCases := []struct {
		q    search.Query
		want string
	}{
		{search.Query{}, ""},
		{search.Query{Crafts: []string{"weaving", "beading"}}, `craft IN ["weaving", "beading"]`},
		{search.Query{Region: "370000"}, `province_code = "370000"`},
		{search.Query{Region: "371600"}, `city_code = "371600"`},
		{search.Query{Region: "371602"}, `district_code = "371602"`},
		{search.Query{PriceMin: p(30), PriceMax: p(100)}, `unit_price >= 30 AND unit_price <= 100`},
		{search.Query{DeadlineBefore: &deadline}, `bidding_deadline <= 1773216000.5`},
		{search.Query{Deposit: "none"}, `deposit_kind = "none"`},
		{search.Query{Near: &bz, RadiusKm: 50}, `_geoRadius(37.38, 117.97, 50000)`},
		{search.Query{Near: &bz}, ``}, // near alone only adds distances
		{search.Query{Crafts: []string{"beading"}, Region: "130105", Deposit: "fixed", PriceMax: p(5), Near: &bz, RadiusKm: 1.5},
			`craft IN ["beading"] AND district_code = "130105" AND unit_price <= 5 AND deposit_kind = "fixed" AND _geoRadius(37.38, 117.97, 1500)`},
	}
	for _, tt := range orderCases {
		if got := buildFilter(tt.q).String(); got != tt.want {
			t.Errorf("buildFilter(%+v)\n got %s\nwant %s", tt.q, got, tt.want)
		}
	}
	workshopCases := []struct {
		q    search.WorkshopQuery
		want string
	}{
		{search.WorkshopQuery{}, ""},
		{search.WorkshopQuery{Crafts: []string{"weaving", "beading"}}, `crafts IN ["weaving", "beading"]`},
		{search.WorkshopQuery{Region: "371600"}, `city_code = "371600"`},
		{search.WorkshopQuery{MinCapacity: n(3500)}, `weekly_capacity >= 3500`},
		{search.WorkshopQuery{MinCapacity: n(0)}, `weekly_capacity >= 0`},
		{search.WorkshopQuery{Verified: true}, `verified = true`},
		{search.WorkshopQuery{Guaranteed: true}, `community_guarantee = true`},
		{search.WorkshopQuery{Near: &bz}, ``},
		{search.WorkshopQuery{Crafts: []string{"beading"}, Region: "130105", MinCapacity: n(1), Verified: true, Guaranteed: true, Near: &bz, RadiusKm: 1.5},
			`crafts IN ["beading"] AND district_code = "130105" AND weekly_capacity >= 1 AND verified = true AND community_guarantee = true AND _geoRadius(37.38, 117.97, 1500)`},
	}
	for _, tt := range workshopCases {
		if got := buildWorkshopFilter(tt.q).String(); got != tt.want {
			t.Errorf("buildWorkshopFilter(%+v)\n got %s\nwant %s", tt.q, got, tt.want)
		}
	}
}

func TestBuildFilterHostile(t *testing.T) {
	hostile := []string{
		`"`, `\`, `\"`, `weaving" OR craft = "beading`, `weaving\" OR craft = \"beading`, `x\\" OR 1=1 OR "`,
		`") OR _geoRadius(0, 0, 99999999) OR ("`, `"] OR verified = true OR crafts IN ["`, `NOT`, `'; DROP TABLE x; --`,
		"\xff\"\xfe", strings.Repeat(`\"`, 5000), strings.Repeat("OR ", 4000),
	}
	for _, h := range hostile {
		f := buildFilter(search.Query{Crafts: []string{h, "beading"}, Deposit: h, Region: h}).String()
		if got, want := skeleton(f), `craft IN [S, S] AND district_code = S AND deposit_kind = S`; got != want {
			t.Errorf("value %.40q escaped its quotes: skeleton %q\nfilter %.200s", h, got, f)
		}
		f = buildWorkshopFilter(search.WorkshopQuery{Crafts: []string{h, "beading"}, Region: h}).String()
		if got, want := skeleton(f), `crafts IN [S, S] AND district_code = S`; got != want {
			t.Errorf("workshop value %.40q escaped its quotes: skeleton %q\nfilter %.200s", h, got, f)
		}
	}
}

// TestSpecsConsistent: filters use only filterable attributes, sorts and
// facets are document fields, localized attributes are searchable, facets
// are filterable and named.
func TestSpecsConsistent(t *testing.T) {
	attr := regexp.MustCompile(`(?:^| AND )([a-z_]+) (?:IN|=|>=|<=)`)
	p, one := int64(1), 1
	filters := map[*spec]string{
		orders: buildFilter(search.Query{Crafts: []string{"a"}, Region: "370000", PriceMin: &p, PriceMax: &p,
			DeadlineBefore: &searchtest.Base, Deposit: "none", Near: &searchtest.Binzhou, RadiusKm: 1}).String(),
		workshops: buildWorkshopFilter(search.WorkshopQuery{Crafts: []string{"a"}, Region: "370000", MinCapacity: &one,
			Verified: true, Guaranteed: true, Near: &searchtest.Binzhou, RadiusKm: 1}).String(),
	}
	for s, f := range filters {
		if m := attr.FindAllStringSubmatch(f, -1); len(m) < 5 {
			t.Errorf("%s filter %s: %d attributes", s.noun, f, len(m))
		} else {
			for _, m := range m {
				if !slices.Contains(s.filterable, m[1]) {
					t.Errorf("%s filter uses %q, not filterable", s.noun, m[1])
				}
			}
		}
		fl := s.filter()
		if fl.add("cjk", "=", `"x"`); fl.String() != "" {
			t.Errorf("%s filter accepted an attribute outside the whitelist", s.noun)
		}
		for _, a := range append(slices.Clone(s.sortable), s.facets...) {
			if a != "_geo" && !slices.Contains(s.retrieved, a) {
				t.Errorf("%s sortable/facet %q is not a document field", s.noun, a)
			}
		}
		for _, a := range s.facets {
			if !slices.Contains(s.filterable, a) || s.facetNames[a] == "" {
				t.Errorf("%s facet %q is not filterable or has no API name", s.noun, a)
			}
		}
		for _, a := range s.chinese {
			if !slices.Contains(s.searchable, a) {
				t.Errorf("%s localized %q is not searchable", s.noun, a)
			}
		}
		st := s.settings(search.DefaultSynonyms())
		if !slices.Equal(st.FilterableAttributes, s.filterable) || st.Pagination.MaxTotalHits != search.MaxResultWindow ||
			st.RankingRules[0] != "sort" || st.RankingRules[len(st.RankingRules)-1] != s.newest {
			t.Errorf("%s settings: %+v", s.noun, st)
		}
		if !slices.Contains(st.TypoTolerance.DisableOnAttributes, "cjk") || !st.TypoTolerance.DisableOnNumbers {
			t.Errorf("%s typo tolerance %+v", s.noun, st.TypoTolerance)
		}
		// The rest-of-text bigrams rank last: a word found only through them
		// ranks by the field it came from, not above tags and descriptions.
		if st.SearchableAttributes[len(st.SearchableAttributes)-1] != "cjk" || st.SearchableAttributes[1] != s.searchable[1] ||
			!strings.HasPrefix(s.searchable[1], "cjk_") {
			t.Errorf("%s searchable attributes %v", s.noun, st.SearchableAttributes)
		}
		// Every synonym group, every term listed with all the others.
		if got := st.Synonyms["网袋"]; !slices.Contains(got, "网兜") || !slices.Contains(st.Synonyms["网兜"], "网袋") {
			t.Errorf("%s synonyms of 网袋: %v", s.noun, got)
		}
	}
}

func TestBuildSort(t *testing.T) {
	bz := searchtest.Binzhou
	for sort, want := range map[string][]string{
		search.SortRelevance: nil,
		search.SortPriceAsc:  {"unit_price:asc", "published_at:desc"},
		search.SortPriceDesc: {"unit_price:desc", "published_at:desc"},
		search.SortDeadline:  {"bidding_deadline:asc", "published_at:desc"},
		search.SortNewest:    {"published_at:desc"},
		search.SortDistance:  {"_geoPoint(37.38, 117.97):asc", "published_at:desc"},
	} {
		if got := buildSort(search.Query{Sort: sort, Near: &bz}); !slices.Equal(got, want) {
			t.Errorf("buildSort(%s) = %q, want %q", sort, got, want)
		}
	}
	for sort, want := range map[string][]string{
		search.SortRelevance: nil,
		search.SortCapacity:  {"weekly_capacity:desc", "created_at:desc"},
		search.SortNewest:    {"created_at:desc"},
		search.SortDistance:  {"_geoPoint(37.38, 117.97):asc", "created_at:desc"},
	} {
		if got := buildWorkshopSort(search.WorkshopQuery{Sort: sort, Near: &bz}); !slices.Equal(got, want) {
			t.Errorf("buildWorkshopSort(%s) = %q, want %q", sort, got, want)
		}
	}
}

// TestBuildRequests: the whole request of each index for one query.
func TestBuildRequests(t *testing.T) {
	bz := searchtest.Binzhou
	for _, c := range []struct {
		req    *meilisearch.SearchRequest
		want   map[string]any
		facets []string
		hidden []string // bigram fields never retrieved
	}{
		{buildSearchRequest(search.Query{Near: &bz, Sort: search.SortDistance, Page: 3, PerPage: 20, Crafts: []string{"weaving"}},
			search.Analyze(`网兜" OR "`, nil)),
			map[string]any{"q": "网兜 or", "filter": `craft IN ["weaving"]`}, orders.facets, []string{"cjk", "cjk_title"}},
		{buildWorkshopRequest(search.WorkshopQuery{Crafts: []string{"beading"}, Near: &bz, Sort: search.SortDistance, Page: 3, PerPage: 20},
			search.Analyze(`手工串珠" OR "`, nil)),
			map[string]any{"q": "手工 串珠 or", "filter": `crafts IN ["beading"]`}, []string{"crafts", "province_code"}, []string{"cjk", "cjk_name"}},
	} {
		b, err := json.Marshal(c.req)
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		_ = json.Unmarshal(b, &got)
		c.want["page"], c.want["hitsPerPage"], c.want["matchingStrategy"] = 3.0, 20.0, "all"
		if !slices.Equal(c.req.Locales, []string{"cmn"}) {
			t.Errorf("locales %v: without cmn Meilisearch guesses the query's language", c.req.Locales)
		}
		// near: _geo is retrieved, so that Meilisearch sends _geoDistance
		if !slices.Contains(c.req.AttributesToRetrieve, "_geo") {
			t.Errorf("_geo not retrieved with near: %v", c.req.AttributesToRetrieve)
		}
		for k, want := range c.want {
			if got[k] != want {
				t.Errorf("%s = %v, want %v", k, got[k], want)
			}
		}
		if s := got["sort"].([]any); s[0] != "_geoPoint(37.38, 117.97):asc" {
			t.Errorf("sort = %v", s)
		}
		if !slices.Equal(c.req.Facets, c.facets) {
			t.Errorf("facets = %v", c.req.Facets)
		}
		for _, h := range c.hidden {
			if slices.Contains(c.req.AttributesToRetrieve, h) {
				t.Errorf("%s retrieved", h)
			}
		}
	}
	r := buildSearchRequest(search.Query{Page: 1, PerPage: 20}, search.Analysis{})
	if _, ok := r.Filter.(string); ok || slices.Contains(r.AttributesToRetrieve, "_geo") {
		t.Errorf("no filter, no near: filter %v, retrieved %v", r.Filter, r.AttributesToRetrieve)
	}
	if _, ok := buildWorkshopRequest(search.WorkshopQuery{Page: 1, PerPage: 20}, search.Analysis{}).Filter.(string); ok {
		t.Error("empty workshop filter sent")
	}
}
