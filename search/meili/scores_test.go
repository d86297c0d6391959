package meili

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/meilisearch/meilisearch-go"

	"doorstep/search"
	"doorstep/search/searchtest"
)

// Scorecard filters and sorts (issue 13): the request building, run always;
// the real-server conformance cases (searchtest "scores") need MEILI_URL.

func TestScoreFilters(t *testing.T) {
	p := func(v float64) *float64 { return &v }
	n := func(v int64) *int64 { return &v }
	for _, c := range []struct {
		f    search.CompanyFilter
		want string
	}{
		{search.CompanyFilter{RejectionMax: p(5)}, `company_rejection_pct <= 5`},
		{search.CompanyFilter{RejectionMax: p(2.5)}, `company_rejection_pct <= 2.5`},
		{search.CompanyFilter{RejectionMax: p(0)}, `company_rejection_pct <= 0`},
		{search.CompanyFilter{OnTimeMin: p(90)}, `company_funded_on_time_pct >= 90`},
		{search.CompanyFilter{RatingMin: p(4.5)}, `company_rating >= 4.5`},
		{search.CompanyFilter{SettledMin: n(3)}, `company_contracts_settled >= 3`},
		{search.CompanyFilter{RejectionMax: p(5), OnTimeMin: p(80), RatingMin: p(4), SettledMin: n(10)},
			`company_rejection_pct <= 5 AND company_funded_on_time_pct >= 80 AND company_rating >= 4 AND company_contracts_settled >= 10`},
	} {
		if got := buildFilter(search.Query{Company: c.f}).String(); got != c.want {
			t.Errorf("company filter %+v\n got %s\nwant %s", c.f, got, c.want)
		}
	}
	// after the other filters, before the radius
	bz := searchtest.Binzhou
	got := buildFilter(search.Query{Crafts: []string{"weaving"}, Deposit: "none", Near: &bz, RadiusKm: 10,
		Company: search.CompanyFilter{RejectionMax: p(5)}}).String()
	if want := `craft IN ["weaving"] AND deposit_kind = "none" AND company_rejection_pct <= 5 AND _geoRadius(37.38, 117.97, 10000)`; got != want {
		t.Errorf("combined\n got %s\nwant %s", got, want)
	}

	for _, c := range []struct {
		f    search.WorkshopFilter
		want string
	}{
		{search.WorkshopFilter{CompletedMin: n(3)}, `completed_contracts >= 3`},
		{search.WorkshopFilter{OnTimeMin: p(95)}, `on_time_pct >= 95`},
		{search.WorkshopFilter{AcceptanceMin: p(98.5)}, `acceptance_pct >= 98.5`},
		{search.WorkshopFilter{RatingMin: p(4)}, `rating >= 4`},
		{search.WorkshopFilter{CompletedMin: n(1), OnTimeMin: p(50), AcceptanceMin: p(60), RatingMin: p(3)},
			`completed_contracts >= 1 AND on_time_pct >= 50 AND acceptance_pct >= 60 AND rating >= 3`},
	} {
		if got := buildWorkshopFilter(search.WorkshopQuery{Verified: true, Scores: c.f}).String(); got != "verified = true AND "+c.want {
			t.Errorf("workshop filter %+v\n got %s\nwant verified = true AND %s", c.f, got, c.want)
		}
	}
}

func TestScoreSorts(t *testing.T) {
	for sort, want := range map[string][]string{
		search.SortCompanyRating:    {"company_rating:desc", "published_at:desc"},
		search.SortCompanyRejection: {"company_rejection_pct:asc", "published_at:desc"},
	} {
		if got := buildSort(search.Query{Sort: sort}); !slices.Equal(got, want) {
			t.Errorf("buildSort(%s) = %q, want %q", sort, got, want)
		}
	}
	for sort, want := range map[string][]string{
		search.SortCompleted:  {"completed_contracts:desc", "created_at:desc"},
		search.SortOnTime:     {"on_time_pct:desc", "created_at:desc"},
		search.SortAcceptance: {"acceptance_pct:desc", "created_at:desc"},
		search.SortRating:     {"rating:desc", "created_at:desc"},
	} {
		if got := buildWorkshopSort(search.WorkshopQuery{Sort: sort}); !slices.Equal(got, want) {
			t.Errorf("buildWorkshopSort(%s) = %q, want %q", sort, got, want)
		}
	}
	// Every sort and filter attribute is in the settings sent.
	for s, attrs := range map[*spec]struct{ filter, sort []string }{
		orders: {[]string{"company_contracts_settled", "company_rejection_pct", "company_funded_on_time_pct", "company_rating"},
			[]string{"company_rejection_pct", "company_rating"}},
		workshops: {[]string{"completed_contracts", "on_time_pct", "acceptance_pct", "rating"},
			[]string{"completed_contracts", "on_time_pct", "acceptance_pct", "rating"}},
	} {
		st := s.settings(nil)
		for _, a := range attrs.filter {
			if !slices.Contains(st.FilterableAttributes, a) {
				t.Errorf("%s: %s not filterable", s.noun, a)
			}
		}
		for _, a := range attrs.sort {
			if !slices.Contains(st.SortableAttributes, a) {
				t.Errorf("%s: %s not sortable", s.noun, a)
			}
		}
	}
	// The whole request: the sort and the filter travel together.
	p := 5.0
	req := buildSearchRequest(search.Query{Sort: search.SortCompanyRating, Company: search.CompanyFilter{RejectionMax: &p}, Page: 1, PerPage: 20},
		search.Analyze("网兜", nil))
	if req.Filter != "company_rejection_pct <= 5" || !slices.Equal(req.Sort, []string{"company_rating:desc", "published_at:desc"}) {
		t.Errorf("request filter %v sort %v", req.Filter, req.Sort)
	}
}

// TestScoreDocuments: a missing figure is left out of the stored document
// (not null), so Meilisearch sorts it last and no comparison matches it; a
// hit reads back the figures it has and null for the others.
func TestScoreDocuments(t *testing.T) {
	for _, d := range searchtest.Fixtures() {
		b, _ := json.Marshal(toDocument(d))
		var stored map[string]any
		_ = json.Unmarshal(b, &stored)
		for attr, v := range map[string]*float64{"company_rejection_pct": d.CompanyRejectionPct,
			"company_funded_on_time_pct": d.CompanyOnTimePct, "company_rating": d.CompanyRating} {
			got, ok := stored[attr]
			if (v == nil) == ok || (v != nil && got != *v) {
				t.Errorf("%s: stored %s = %v (present %v), want %v", d.ID, attr, got, ok, v)
			}
		}
		if stored["company_contracts_settled"] != float64(d.CompanySettled) {
			t.Errorf("%s: settled %v", d.ID, stored["company_contracts_settled"])
		}
		var hit meilisearch.Hit
		_ = json.Unmarshal(b, &hit)
		h, err := fromHit(hit, nil)
		want, _ := json.Marshal(d)
		if got, _ := json.Marshal(h.Doc); err != nil || string(got) != string(want) {
			t.Errorf("round trip %v:\n got %s\nwant %s", err, got, want)
		}
	}
	for _, d := range searchtest.WorkshopFixtures() {
		b, _ := json.Marshal(toWorkshopDocument(d))
		var stored map[string]any
		_ = json.Unmarshal(b, &stored)
		for attr, v := range map[string]*float64{"on_time_pct": d.OnTimePct, "acceptance_pct": d.AcceptancePct, "rating": d.Rating} {
			got, ok := stored[attr]
			if (v == nil) == ok || (v != nil && got != *v) {
				t.Errorf("%s: stored %s = %v (present %v), want %v", d.ID, attr, got, ok, v)
			}
		}
		var hit meilisearch.Hit
		_ = json.Unmarshal(b, &hit)
		h, err := fromWorkshopHit(hit, nil)
		want, _ := json.Marshal(d)
		if got, _ := json.Marshal(h.Doc); err != nil || string(got) != string(want) {
			t.Errorf("workshop round trip %v:\n got %s\nwant %s", err, got, want)
		}
	}
}
