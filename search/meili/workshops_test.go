package meili

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"doorstep/search"
	"doorstep/search/searchtest"
)

// TestWorkshopConformance runs the shared workshop suite against a real
// Meilisearch when MEILI_URL is set, each engine on an index of its own.
func TestWorkshopConformance(t *testing.T) {
	url := os.Getenv("MEILI_URL")
	if url == "" {
		t.Skip("MEILI_URL is not set: the workshop index is checked here against request-building tests " +
			"and an HTTP fake; set MEILI_URL (and MEILI_API_KEY) to run the conformance suite on a real server")
	}
	searchtest.RunWorkshops(t, func(t *testing.T) search.WorkshopEngine {
		b := make([]byte, 6)
		_, _ = rand.Read(b)
		w, err := NewWorkshops(url, os.Getenv("MEILI_API_KEY"), "doorstep_test_workshops_"+hex.EncodeToString(b))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if err := w.e.wait(ctx)(w.e.client.DeleteIndexWithContext(ctx, w.e.uid)); err != nil {
				t.Logf("deleting test index %s: %v", w.e.uid, err)
			}
		})
		return w
	})
}

// TestWorkshopEngineFlow checks against the fake: settings before documents
// on the workshops index, documents in Meilisearch's shape, hits and facets
// back in the API's shape, delete, and a reindex that builds aside and swaps.
func TestWorkshopEngineFlow(t *testing.T) {
	f, srv := newFake(t)
	w, err := NewWorkshops(srv.URL, "key", "workshops")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	fx := searchtest.WorkshopFixtures()
	if err := w.UpsertWorkshops(ctx, fx...); err != nil { // applies the settings first
		t.Fatal(err)
	}
	if err := w.ApplyWorkshopSettings(ctx); err != nil { // the index exists now: still fine
		t.Fatal(err)
	}
	want := []string{"POST /indexes", "PATCH /indexes/workshops/settings", "POST /indexes/workshops/documents",
		"POST /indexes", "PATCH /indexes/workshops/settings"}
	if !slices.Equal(f.log, want) {
		t.Errorf("requests %q\nwant %q", f.log, want)
	}
	s := f.settings["workshops"]
	if fa := s["filterableAttributes"].([]any); len(fa) != len(workshopFilterable) {
		t.Errorf("filterable attributes sent: %v", fa)
	}
	if rr := s["rankingRules"].([]any); rr[0] != "sort" || rr[len(rr)-1] != "created_at:desc" {
		t.Errorf("ranking rules sent: %v", rr)
	}

	var stored map[string]any
	_ = json.Unmarshal(f.indexes["workshops"][searchtest.BeadHouse], &stored)
	if geo := stored["_geo"].(map[string]any); geo["lat"] != fx[4].Lat || geo["lng"] != fx[4].Lng {
		t.Errorf("stored _geo %v", stored["_geo"])
	}
	if !strings.Contains(stored["cjk"].(string), "工串 串珠") || !strings.Contains(stored["cjk"].(string), "beading") ||
		!strings.Contains(stored["cjk"].(string), "滨州") || stored["cjk_name"] != "彩虹 虹湖 湖手 手工 工串 串珠 珠坊" {
		t.Errorf("stored bigrams: cjk %v, cjk_name %v", stored["cjk"], stored["cjk_name"])
	}
	if _, isNum := stored["created_at"].(float64); !isNum {
		t.Errorf("created_at stored as %T, want a number", stored["created_at"])
	}

	bz := searchtest.Binzhou
	res, err := w.SearchWorkshops(ctx, search.WorkshopQuery{Q: "串珠", Near: &bz, Sort: search.SortDistance, Verified: true})
	if err != nil {
		t.Fatal(err)
	}
	if f.search["q"] != "串珠" || f.search["sort"].([]any)[0] != "_geoPoint(37.38, 117.97):asc" ||
		f.search["filter"] != "verified = true" || f.search["matchingStrategy"] != "all" {
		t.Errorf("search request %v", f.search)
	}
	// The fake does not search: every document comes back with its facets.
	if res.Total != len(fx) || res.Facets["craft"]["weaving"] != 2 || res.Facets["craft"]["embroidery"] != 2 ||
		res.Facets["province"]["370000"] != 5 || len(res.Facets) != 2 {
		t.Errorf("total %d, facets %v", res.Total, res.Facets)
	}
	for _, h := range res.Hits {
		if h.DistanceKm == nil || *h.DistanceKm != 1.234 {
			t.Errorf("distance %v, want 1.234 km from _geoDistance", h.DistanceKm)
		}
		if h.Doc.ID == searchtest.BeadHouse {
			got, _ := json.Marshal(h.Doc)
			want, _ := json.Marshal(fx[4])
			if string(got) != string(want) {
				t.Errorf("round trip:\n got %s\nwant %s", got, want)
			}
		}
	}
	if _, err := w.SearchWorkshops(ctx, search.WorkshopQuery{Q: "badrequest"}); !errors.Is(err, search.ErrInvalidQuery) {
		t.Errorf("a 400 from Meilisearch: %v, want ErrInvalidQuery", err)
	}
	var pe *search.ParamError
	if _, err := w.SearchWorkshops(ctx, search.WorkshopQuery{Sort: search.SortDistance}); !errors.As(err, &pe) || pe.Param != "sort" {
		t.Errorf("distance sort without near: %v", err)
	}

	f.log = nil
	for _, id := range []string{searchtest.Knot, "not an id", `x" OR 1=1`, ""} {
		if err := w.DeleteWorkshop(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := f.indexes["workshops"][searchtest.Knot]; ok || len(f.indexes["workshops"]) != len(fx)-1 {
		t.Errorf("after delete: %d documents", len(f.indexes["workshops"]))
	}
	if !slices.Equal(f.log, []string{"POST /indexes/workshops/documents/delete-batch"}) {
		t.Errorf("delete requests %q (malformed ids must not be sent)", f.log)
	}

	f.log = nil
	if err := w.ReindexWorkshops(ctx, fx[:2]); err != nil {
		t.Fatal(err)
	}
	if len(f.indexes) != 1 || len(f.indexes["workshops"]) != 2 {
		t.Errorf("after reindex: indexes %d, live documents %d", len(f.indexes), len(f.indexes["workshops"]))
	}
	var tmp string
	for _, l := range f.log {
		if strings.HasPrefix(l, "DELETE /indexes/workshops_") {
			tmp = strings.TrimPrefix(l, "DELETE /indexes/")
		}
	}
	want = []string{"POST /indexes", "PATCH /indexes/workshops/settings", "POST /indexes", "PATCH /indexes/" + tmp + "/settings",
		"POST /indexes/" + tmp + "/documents", "POST /swap-indexes", "DELETE /indexes/" + tmp}
	if tmp == "" || !slices.Equal(f.log, want) {
		t.Errorf("reindex requests %q\nwant %q", f.log, want)
	}
	if f.settings[tmp]["sortableAttributes"] == nil {
		t.Error("the rebuilt index got no settings")
	}
}

func TestWorkshopFailedTaskIsAnError(t *testing.T) {
	f, srv := newFake(t)
	w, _ := NewWorkshops(srv.URL, "", "workshops")
	f.failing = "documentAdditionOrUpdate"
	var te *taskError
	if err := w.UpsertWorkshops(context.Background(), searchtest.WorkshopFixtures()...); !errors.As(err, &te) || te.Code != "injected_failure" {
		t.Fatalf("UpsertWorkshops with a failing task: %v", err)
	}
	if err := w.ReindexWorkshops(context.Background(), searchtest.WorkshopFixtures()); err == nil {
		t.Fatal("ReindexWorkshops with a failing task succeeded")
	}
	if len(f.indexes) != 1 {
		t.Errorf("indexes left behind: %d", len(f.indexes))
	}
	f.version = "1.17.0"
	w, _ = NewWorkshops(srv.URL, "", "workshops")
	if err := w.ApplyWorkshopSettings(context.Background()); err == nil || !strings.Contains(err.Error(), "too old") {
		t.Errorf("ApplyWorkshopSettings on 1.17: %v", err)
	}
	if _, err := NewWorkshops(srv.URL, "", "workshops/x"); err == nil {
		t.Error("NewWorkshops accepted an invalid index uid")
	}
}

func TestBuildWorkshopFilter(t *testing.T) {
	bz := searchtest.Binzhou
	n := func(v int) *int { return &v }
	tests := []struct {
		q    search.WorkshopQuery
		want string
	}{
		{search.WorkshopQuery{}, ""},
		{search.WorkshopQuery{Crafts: []string{"weaving", "beading"}}, `crafts IN ["weaving", "beading"]`},
		{search.WorkshopQuery{Region: "370000"}, `province_code = "370000"`},
		{search.WorkshopQuery{Region: "371600"}, `city_code = "371600"`},
		{search.WorkshopQuery{Region: "371602"}, `district_code = "371602"`},
		{search.WorkshopQuery{MinCapacity: n(3500)}, `weekly_capacity >= 3500`},
		{search.WorkshopQuery{MinCapacity: n(0)}, `weekly_capacity >= 0`},
		{search.WorkshopQuery{Verified: true}, `verified = true`},
		{search.WorkshopQuery{Guaranteed: true}, `community_guarantee = true`},
		{search.WorkshopQuery{Near: &bz, RadiusKm: 50}, `_geoRadius(37.38, 117.97, 50000)`},
		{search.WorkshopQuery{Near: &bz}, ``}, // near alone only adds distances
		{search.WorkshopQuery{Crafts: []string{"beading"}, Region: "130105", MinCapacity: n(1), Verified: true, Guaranteed: true, Near: &bz, RadiusKm: 1.5},
			`crafts IN ["beading"] AND district_code = "130105" AND weekly_capacity >= 1 AND verified = true AND community_guarantee = true AND _geoRadius(37.38, 117.97, 1500)`},
	}
	for _, tt := range tests {
		if got := buildWorkshopFilter(tt.q); got != tt.want {
			t.Errorf("buildWorkshopFilter(%+v)\n got %s\nwant %s", tt.q, got, tt.want)
		}
	}
}

func TestBuildWorkshopFilterHostile(t *testing.T) {
	hostile := []string{
		`"`, `\`, `\"`, `weaving" OR crafts = "beading`, `weaving\" OR verified = true OR \"`, `x\\" OR 1=1 OR "`,
		`") OR _geoRadius(0, 0, 99999999) OR ("`, `"] OR verified = true OR crafts IN ["`, `NOT`, "\xff\"\xfe",
		strings.Repeat(`\"`, 5000), strings.Repeat("OR ", 4000),
	}
	for _, h := range hostile {
		f := buildWorkshopFilter(search.WorkshopQuery{Crafts: []string{h, "beading"}, Region: h})
		if got, want := skeleton(f), `crafts IN [S, S] AND district_code = S`; got != want {
			t.Errorf("value %.40q escaped its quotes: skeleton %q\nfilter %.200s", h, got, f)
		}
	}
}

func TestWorkshopFilterAttributesWhitelisted(t *testing.T) {
	attr := regexp.MustCompile(`(?:^| AND )([a-z_]+) (?:IN|=|>=|<=)`)
	one := 1
	f := buildWorkshopFilter(search.WorkshopQuery{Crafts: []string{"a"}, Region: "370000", MinCapacity: &one,
		Verified: true, Guaranteed: true, Near: &searchtest.Binzhou, RadiusKm: 1})
	if m := attr.FindAllStringSubmatch(f, -1); len(m) != 5 {
		t.Errorf("filter %s: %d attributes, want 5", f, len(m))
	} else {
		for _, m := range m {
			if !slices.Contains(workshopFilterable, m[1]) {
				t.Errorf("filter uses %q, not in workshopFilterable", m[1])
			}
		}
	}
	if workshopClause("cjk", "=", `"x"`) != "" || workshopClause("crafts OR 1", "=", `"x"`) != "" {
		t.Error("workshopClause accepted an attribute outside the whitelist")
	}
	for _, a := range append(workshopSortable, workshopFacets...) {
		if a != "_geo" && !slices.Contains(workshopRetrieved, a) {
			t.Errorf("sortable/facet %q is not a document field", a)
		}
		if !slices.Contains(workshopFilterable, a) && slices.Contains(workshopFacets, a) {
			t.Errorf("facet %q is not filterable", a)
		}
	}
	for _, a := range workshopChinese {
		if !slices.Contains(workshopSearchable, a) {
			t.Errorf("localized %q is not searchable", a)
		}
	}
}

func TestBuildWorkshopSort(t *testing.T) {
	bz := searchtest.Binzhou
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

func TestBuildWorkshopRequest(t *testing.T) {
	bz := searchtest.Binzhou
	q := search.WorkshopQuery{Q: `手工串珠" OR "`, Crafts: []string{"beading"}, Near: &bz, Sort: search.SortDistance, Page: 3, PerPage: 20}
	b, err := json.Marshal(buildWorkshopRequest(q))
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	_ = json.Unmarshal(b, &got)
	for k, want := range map[string]any{
		"q": "手工 工串 串珠 or", "filter": `crafts IN ["beading"]`, "page": 3.0, "hitsPerPage": 20.0, "matchingStrategy": "all",
	} {
		if got[k] != want {
			t.Errorf("%s = %v, want %v", k, got[k], want)
		}
	}
	if fs := got["facets"].([]any); len(fs) != 2 || fs[0] != "crafts" || fs[1] != "province_code" {
		t.Errorf("facets = %v", fs)
	}
	r := buildWorkshopRequest(search.WorkshopQuery{Page: 1, PerPage: 20})
	if _, ok := r.Filter.(string); ok {
		t.Error("empty filter sent")
	}
	if slices.Contains(r.AttributesToRetrieve, "cjk") || slices.Contains(r.AttributesToRetrieve, "cjk_name") {
		t.Error("bigram fields retrieved")
	}
}
