package meili

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

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
	deadline := time.Date(2026, 3, 11, 8, 0, 0, 500000000, time.UTC)
	bz := searchtest.Binzhou
	tests := []struct {
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
	for _, tt := range tests {
		if got := buildFilter(tt.q); got != tt.want {
			t.Errorf("buildFilter(%+v)\n got %s\nwant %s", tt.q, got, tt.want)
		}
	}
}

func TestBuildFilterHostile(t *testing.T) {
	hostile := []string{
		`"`, `\`, `\"`, `weaving" OR craft = "beading`, `weaving\" OR craft = \"beading`, `x\\" OR 1=1 OR "`,
		`") OR _geoRadius(0, 0, 99999999) OR ("`, `NOT`, `'; DROP TABLE x; --`, "\xff\"\xfe",
		strings.Repeat(`\"`, 5000), strings.Repeat("OR ", 4000),
	}
	for _, h := range hostile {
		f := buildFilter(search.Query{Crafts: []string{h, "beading"}, Deposit: h, Region: h})
		if got, want := skeleton(f), `craft IN [S, S] AND district_code = S AND deposit_kind = S`; got != want {
			t.Errorf("value %.40q escaped its quotes: skeleton %q\nfilter %.200s", h, got, f)
		}
	}
}

func TestFilterAttributesWhitelisted(t *testing.T) {
	attr := regexp.MustCompile(`(?:^| AND )([a-z_]+) (?:IN|=|>=|<=)`)
	p := int64(1)
	f := buildFilter(search.Query{Crafts: []string{"a"}, Region: "370000", PriceMin: &p, PriceMax: &p,
		DeadlineBefore: &searchtest.Base, Deposit: "none", Near: &searchtest.Binzhou, RadiusKm: 1})
	for _, m := range attr.FindAllStringSubmatch(f, -1) {
		if !slices.Contains(filterableAttributes, m[1]) {
			t.Errorf("filter uses %q, not in filterableAttributes", m[1])
		}
	}
	if clause("cjk", "=", `"x"`) != "" || clause("craft OR 1", "=", `"x"`) != "" {
		t.Error("clause accepted an attribute outside the whitelist")
	}
	s := settings()
	for _, a := range s.SortableAttributes {
		if a != "_geo" && !slices.Contains(retrieved, a) {
			t.Errorf("sortable %q is not a document field", a)
		}
	}
}

func TestBuildSort(t *testing.T) {
	bz := searchtest.Binzhou
	tests := map[string][]string{
		search.SortRelevance: nil,
		search.SortPriceAsc:  {"unit_price:asc", "published_at:desc"},
		search.SortPriceDesc: {"unit_price:desc", "published_at:desc"},
		search.SortDeadline:  {"bidding_deadline:asc", "published_at:desc"},
		search.SortNewest:    {"published_at:desc"},
		search.SortDistance:  {"_geoPoint(37.38, 117.97):asc", "published_at:desc"},
	}
	for sort, want := range tests {
		if got := buildSort(search.Query{Sort: sort, Near: &bz}); !slices.Equal(got, want) {
			t.Errorf("buildSort(%s) = %q, want %q", sort, got, want)
		}
	}
}

func TestQueryString(t *testing.T) {
	for q, want := range map[string]string{
		"网兜":                          "网兜",
		"编织网兜":                        "编织 织网 网兜",
		"纸 A4":                        "a4 纸", // a lone character goes last, to be matched as a prefix
		`"网兜" OR -剪纸`:                 "网兜 or 剪纸",
		`_geoRadius(1, 2, 3)`:         "georadius 1 2 3",
		"'; DROP TABLE x; --":         "drop table x",
		"\xff\xfe":                    "",
		strings.Repeat("a b ", 10000): "a b",
	} {
		if got := queryString(q); got != want {
			t.Errorf("queryString(%.30q) = %q, want %q", q, got, want)
		}
	}
	if got := queryString(strings.Repeat("编", 10000)); got != "编编" {
		t.Errorf("long run: %q", got)
	}
}

func TestBuildSearchRequest(t *testing.T) {
	bz := searchtest.Binzhou
	q := search.Query{Q: `网兜" OR "`, Crafts: []string{"weaving"}, Near: &bz, Sort: search.SortDistance, Page: 3, PerPage: 20}
	b, err := json.Marshal(buildSearchRequest(q))
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	_ = json.Unmarshal(b, &got)
	for k, want := range map[string]any{
		"q": "网兜 or", "filter": `craft IN ["weaving"]`, "page": 3.0, "hitsPerPage": 20.0, "matchingStrategy": "all",
	} {
		if got[k] != want {
			t.Errorf("%s = %v, want %v", k, got[k], want)
		}
	}
	if s := got["sort"].([]any); s[0] != "_geoPoint(37.38, 117.97):asc" {
		t.Errorf("sort = %v", s)
	}
	if _, ok := buildSearchRequest(search.Query{Page: 1, PerPage: 20}).Filter.(string); ok {
		t.Error("empty filter sent")
	}
	if slices.Contains(buildSearchRequest(q).AttributesToRetrieve, "cjk") {
		t.Error("cjk retrieved")
	}
}

func TestSettings(t *testing.T) {
	s := settings()
	if !slices.Equal(s.FilterableAttributes, filterableAttributes) || s.Pagination.MaxTotalHits != search.MaxResultWindow {
		t.Errorf("settings: %+v", s)
	}
	if s.RankingRules[0] != "sort" || s.RankingRules[len(s.RankingRules)-1] != "published_at:desc" {
		t.Errorf("ranking rules %v", s.RankingRules)
	}
	if !slices.Contains(s.TypoTolerance.DisableOnAttributes, "cjk") || !s.TypoTolerance.DisableOnNumbers {
		t.Errorf("typo tolerance %+v", s.TypoTolerance)
	}
	for _, a := range s.LocalizedAttributes[0].AttributePatterns {
		if !slices.Contains(s.SearchableAttributes, a) {
			t.Errorf("localized %q is not searchable", a)
		}
	}
}
