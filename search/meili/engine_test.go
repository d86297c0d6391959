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

// TestEngineFlow checks, against the fake, the requests the engine makes
// and that it decodes what comes back: settings before documents, documents
// in Meilisearch's shape, hits and facets back to the API's shape, and a
// reindex that builds aside, swaps and deletes.
func TestEngineFlow(t *testing.T) {
	f, srv := newFake(t)
	e, err := New(srv.URL, "key", "orders")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	fx := searchtest.Fixtures()
	if err := e.Upsert(ctx, fx...); err != nil { // applies the settings first
		t.Fatal(err)
	}
	if err := e.ApplySettings(ctx); err != nil { // the index exists now: still fine
		t.Fatal(err)
	}
	want := []string{"POST /indexes", "PATCH /indexes/orders/settings", "POST /indexes/orders/documents",
		"POST /indexes", "PATCH /indexes/orders/settings"}
	if !slices.Equal(f.log, want) {
		t.Errorf("requests %q\nwant %q", f.log, want)
	}
	if fa := f.settings["orders"]["filterableAttributes"].([]any); len(fa) != len(filterableAttributes) {
		t.Errorf("filterable attributes sent: %v", fa)
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

	if err := e.Delete(ctx, searchtest.Net, "not an id", `x" OR 1=1`); err != nil {
		t.Fatal(err)
	}
	if _, ok := f.indexes["orders"][searchtest.Net]; ok || len(f.indexes["orders"]) != len(fx)-1 {
		t.Errorf("after delete: %d documents", len(f.indexes["orders"]))
	}

	f.log = nil
	if err := e.Reindex(ctx, fx[:2]); err != nil {
		t.Fatal(err)
	}
	if len(f.indexes) != 1 || len(f.indexes["orders"]) != 2 {
		t.Errorf("after reindex: indexes %d, live documents %d", len(f.indexes), len(f.indexes["orders"]))
	}
	var tmp string
	for _, l := range f.log {
		if strings.HasPrefix(l, "DELETE /indexes/orders_") {
			tmp = strings.TrimPrefix(l, "DELETE /indexes/")
		}
	}
	want = []string{"POST /indexes", "PATCH /indexes/orders/settings", "POST /indexes", "PATCH /indexes/" + tmp + "/settings",
		"POST /indexes/" + tmp + "/documents", "POST /swap-indexes", "DELETE /indexes/" + tmp}
	if tmp == "" || !slices.Equal(f.log, want) {
		t.Errorf("reindex requests %q\nwant %q", f.log, want)
	}
}

func TestFailedTaskIsAnError(t *testing.T) {
	f, srv := newFake(t)
	e, _ := New(srv.URL, "", "orders")
	f.failing = "documentAdditionOrUpdate"
	err := e.Upsert(context.Background(), searchtest.Fixtures()...)
	var te *taskError
	if !errors.As(err, &te) || te.Code != "injected_failure" || te.Status != "failed" {
		t.Fatalf("Upsert with a failing task: %v", err)
	}
	// A failed reindex leaves the live index alone and removes its temporary one.
	if err := e.Reindex(context.Background(), searchtest.Fixtures()); err == nil {
		t.Fatal("Reindex with a failing task succeeded")
	}
	if len(f.indexes) != 1 {
		t.Errorf("indexes left behind: %d", len(f.indexes))
	}
}

func TestOldServerRefused(t *testing.T) {
	f, srv := newFake(t)
	f.version = "1.11.3"
	e, _ := New(srv.URL, "", "orders")
	if err := e.ApplySettings(context.Background()); err == nil || !strings.Contains(err.Error(), "too old") {
		t.Errorf("ApplySettings on 1.11.3: %v", err)
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
	}
	if _, err := New("", "", "orders"); err == nil {
		t.Error("New accepted an empty URL")
	}
}
