package meili

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"doorstep/search"
	"doorstep/search/searchtest"
)

// flow is what the engine-flow checks need of one index.
type flow struct {
	uid        string
	x          *index
	upsertAll  func(context.Context) error
	reindexTwo func(context.Context) error
	apply      func(context.Context) error
	n          int // documents in the fixtures
}

func orderFlow(t *testing.T, url string) flow {
	e, err := New(url, "key", "orders")
	if err != nil {
		t.Fatal(err)
	}
	fx := searchtest.Fixtures()
	return flow{uid: "orders", x: e.index, n: len(fx), apply: e.ApplySettings,
		upsertAll:  func(ctx context.Context) error { return e.Upsert(ctx, fx...) },
		reindexTwo: func(ctx context.Context) error { return e.Reindex(ctx, fx[:2]) }}
}

func workshopFlow(t *testing.T, url string) flow {
	w, err := NewWorkshops(url, "key", "workshops")
	if err != nil {
		t.Fatal(err)
	}
	fx := searchtest.WorkshopFixtures()
	return flow{uid: "workshops", x: w.index, n: len(fx), apply: w.ApplyWorkshopSettings,
		upsertAll:  func(ctx context.Context) error { return w.UpsertWorkshops(ctx, fx...) },
		reindexTwo: func(ctx context.Context) error { return w.ReindexWorkshops(ctx, fx[:2]) }}
}

// TestIndexFlow checks, against the fake, the requests every index makes:
// settings before documents, settings again (harmless) on an existing index,
// and a reindex that builds aside with the settings, swaps and deletes.
func TestIndexFlow(t *testing.T) {
	for _, open := range []func(*testing.T, string) flow{orderFlow, workshopFlow} {
		f, srv := newFake(t)
		fl := open(t, srv.URL)
		ctx := context.Background()
		if err := fl.upsertAll(ctx); err != nil { // applies the settings first
			t.Fatal(err)
		}
		if err := fl.apply(ctx); err != nil { // the index exists now: still fine
			t.Fatal(err)
		}
		u := fl.uid
		want := []string{"POST /indexes", "PATCH /indexes/" + u + "/settings", "POST /indexes/" + u + "/documents",
			"POST /indexes", "PATCH /indexes/" + u + "/settings"}
		if !slices.Equal(f.log, want) {
			t.Errorf("%s requests %q\nwant %q", u, f.log, want)
		}
		s := f.settings[u]
		if fa := s["filterableAttributes"].([]any); len(fa) != len(fl.x.spec.filterable) {
			t.Errorf("%s filterable attributes sent: %v", u, fa)
		}
		if rr := s["rankingRules"].([]any); rr[0] != "sort" || rr[len(rr)-1] != fl.x.spec.newest {
			t.Errorf("%s ranking rules sent: %v", u, rr)
		}
		if len(f.indexes[u]) != fl.n {
			t.Errorf("%s: %d documents stored", u, len(f.indexes[u]))
		}

		f.log = nil
		if err := fl.reindexTwo(ctx); err != nil {
			t.Fatal(err)
		}
		if len(f.indexes) != 1 || len(f.indexes[u]) != 2 {
			t.Errorf("%s after reindex: indexes %d, live documents %d", u, len(f.indexes), len(f.indexes[u]))
		}
		var tmp string
		for _, l := range f.log {
			if strings.HasPrefix(l, "DELETE /indexes/"+u+"_") {
				tmp = strings.TrimPrefix(l, "DELETE /indexes/")
			}
		}
		want = []string{"POST /indexes", "PATCH /indexes/" + u + "/settings", "POST /indexes", "PATCH /indexes/" + tmp + "/settings",
			"POST /indexes/" + tmp + "/documents", "POST /swap-indexes", "DELETE /indexes/" + tmp}
		if tmp == "" || !slices.Equal(f.log, want) {
			t.Errorf("%s reindex requests %q\nwant %q", u, f.log, want)
		}
		if f.settings[tmp]["sortableAttributes"] == nil {
			t.Errorf("%s: the rebuilt index got no settings", u)
		}
	}
}

// TestOrderSearchFlow: documents in Meilisearch's shape, hits and facets back
// in the API's shape, a 400 as an invalid query, deletes.
func TestOrderSearchFlow(t *testing.T) {
	f, srv := newFake(t)
	e, _ := New(srv.URL, "key", "orders")
	ctx := context.Background()
	fx := searchtest.Fixtures()
	if err := e.Upsert(ctx, fx...); err != nil {
		t.Fatal(err)
	}
	var stored map[string]any
	_ = json.Unmarshal(f.indexes["orders"][searchtest.Net], &stored)
	if geo := stored["_geo"].(map[string]any); geo["lat"] != 37.38 || !strings.Contains(stored["cjk"].(string), "织网 网兜") {
		t.Errorf("stored document: _geo %v, cjk %v", stored["_geo"], stored["cjk"])
	}
	if _, isNum := stored["published_at"].(float64); !isNum {
		t.Errorf("published_at stored as %T, want a number", stored["published_at"])
	}

	res, err := e.Search(ctx, search.Query{Q: "网兜", Near: &searchtest.Binzhou, Sort: search.SortDistance})
	if err != nil {
		t.Fatal(err)
	}
	if f.search["q"] != "网兜" || f.search["sort"].([]any)[0] != "_geoPoint(37.38, 117.97):asc" || f.search["matchingStrategy"] != "all" {
		t.Errorf("search request %v", f.search)
	}
	if res.Total != len(fx) || res.Facets["craft"]["weaving"] != 2 || res.Facets["province"]["370000"] != 4 || res.Facets["deposit"]["none"] != 4 {
		t.Errorf("total %d, facets %v", res.Total, res.Facets)
	}
	for _, h := range res.Hits {
		if h.DistanceKm == nil || *h.DistanceKm != 1.234 {
			t.Errorf("distance %v, want 1.234 km from _geoDistance", h.DistanceKm)
		}
		if h.Doc.ID == searchtest.Net {
			got, _ := json.Marshal(h.Doc)
			want, _ := json.Marshal(fx[0])
			if string(got) != string(want) {
				t.Errorf("round trip:\n got %s\nwant %s", got, want)
			}
		}
	}
	if _, err := e.Search(ctx, search.Query{Q: "badrequest"}); !errors.Is(err, search.ErrInvalidQuery) {
		t.Errorf("a 400 from Meilisearch: %v, want ErrInvalidQuery", err)
	}

	f.log = nil
	if err := e.Delete(ctx, searchtest.Net, "not an id", `x" OR 1=1`); err != nil {
		t.Fatal(err)
	}
	if _, ok := f.indexes["orders"][searchtest.Net]; ok || len(f.indexes["orders"]) != len(fx)-1 {
		t.Errorf("after delete: %d documents", len(f.indexes["orders"]))
	}
	if !slices.Equal(f.log, []string{"POST /indexes/orders/documents/delete-batch"}) {
		t.Errorf("delete requests %q (malformed ids must not be sent)", f.log)
	}
}

// TestWorkshopSearchFlow is TestOrderSearchFlow for the workshop index.
func TestWorkshopSearchFlow(t *testing.T) {
	f, srv := newFake(t)
	w, _ := NewWorkshops(srv.URL, "key", "workshops")
	ctx := context.Background()
	fx := searchtest.WorkshopFixtures()
	if err := w.UpsertWorkshops(ctx, fx...); err != nil {
		t.Fatal(err)
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
}

func TestFailedTaskIsAnError(t *testing.T) {
	for _, open := range []func(*testing.T, string) flow{orderFlow, workshopFlow} {
		f, srv := newFake(t)
		fl := open(t, srv.URL)
		f.failing = "documentAdditionOrUpdate"
		var te *taskError
		if err := fl.upsertAll(context.Background()); !errors.As(err, &te) || te.Code != "injected_failure" || te.Status != "failed" {
			t.Fatalf("%s: upsert with a failing task: %v", fl.uid, err)
		}
		// A failed reindex leaves the live index alone and removes its temporary one.
		if err := fl.reindexTwo(context.Background()); err == nil {
			t.Fatalf("%s: reindex with a failing task succeeded", fl.uid)
		}
		if len(f.indexes) != 1 {
			t.Errorf("%s: indexes left behind: %d", fl.uid, len(f.indexes))
		}
		f.version = "1.17.9"
		if err := open(t, srv.URL).apply(context.Background()); err == nil || !strings.Contains(err.Error(), "too old") {
			t.Errorf("%s: settings on 1.17.9: %v", fl.uid, err)
		}
	}
	for v, ok := range map[string]bool{"1.18.0": true, "v1.19.2": true, "2.0.0": true, "1.17.9": false, "": false, "x.y": false} {
		if atLeast(v, 1, 18) != ok {
			t.Errorf("atLeast(%q) = %v", v, !ok)
		}
	}
}

func TestNew(t *testing.T) {
	for _, uid := range []string{"", "orders/x", "a b", strings.Repeat("x", 301)} {
		if _, err := New("http://localhost:7700", "", uid); err == nil {
			t.Errorf("New accepted index uid %q", uid)
		}
		if _, err := NewWorkshops("http://localhost:7700", "", uid); err == nil {
			t.Errorf("NewWorkshops accepted index uid %q", uid)
		}
	}
	if _, err := New("", "", "orders"); err == nil {
		t.Error("New accepted an empty URL")
	}
}
