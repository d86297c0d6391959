package meili

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"net/http/httptest"
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

// hitSummary is what the flow checks read of a hit of any index.
type hitSummary struct {
	id   string
	km   *float64
	json []byte
}

// searchFlow is one index's part of TestSearchFlow.
type searchFlow struct {
	uid     string
	id      string // a fixture to read back
	fixture any
	upsert  func(context.Context) error
	stored  func(t *testing.T, doc map[string]any) // checks the stored form
	search  func(context.Context, string, bool) (int, map[string]map[string]int, []hitSummary, error)
	request map[string]any // fields of the search request
	facets  func(map[string]map[string]int) bool
	del     func(context.Context, ...string) error
}

func orderSearchFlow(e *Engine) searchFlow {
	fx := searchtest.Fixtures()
	return searchFlow{uid: "orders", id: searchtest.Net, fixture: fx[0],
		upsert: func(ctx context.Context) error { return e.Upsert(ctx, fx...) },
		stored: func(t *testing.T, d map[string]any) {
			if d["cjk_title"] != "编织 织网 网兜 5000 个" || !strings.Contains(d["cjk"].(string), "来料 料加") || strings.Contains(d["cjk"].(string), "织网") {
				t.Errorf("stored bigrams: cjk_title %v, cjk %v", d["cjk_title"], d["cjk"])
			}
			if _, isNum := d["published_at"].(float64); !isNum {
				t.Errorf("published_at stored as %T, want a number", d["published_at"])
			}
		},
		search: func(ctx context.Context, q string, byDistance bool) (int, map[string]map[string]int, []hitSummary, error) {
			sq := search.Query{Q: q, Near: &searchtest.Binzhou}
			if byDistance {
				sq.Sort = search.SortDistance
			}
			res, err := e.Search(ctx, sq)
			var hs []hitSummary
			for _, h := range res.Hits {
				b, _ := json.Marshal(h.Doc)
				hs = append(hs, hitSummary{h.Doc.ID, h.DistanceKm, b})
			}
			return res.Total, res.Facets, hs, err
		},
		request: map[string]any{"q": "网兜"},
		facets: func(f map[string]map[string]int) bool {
			return f["craft"]["weaving"] == 2 && f["province"]["370000"] == 4 && f["deposit"]["none"] == 4 && len(f) == 3
		},
		del: e.Delete}
}

func workshopSearchFlow(w *Workshops) searchFlow {
	fx := searchtest.WorkshopFixtures()
	return searchFlow{uid: "workshops", id: searchtest.BeadHouse, fixture: fx[4],
		upsert: func(ctx context.Context) error { return w.UpsertWorkshops(ctx, fx...) },
		stored: func(t *testing.T, d map[string]any) {
			if d["cjk_name"] != "彩虹 虹湖 湖手 手工 工串 串珠 珠坊" || !strings.Contains(d["cjk"].(string), "beading") ||
				!strings.Contains(d["cjk"].(string), "滨州") || strings.Contains(d["cjk"].(string), "珠坊") {
				t.Errorf("stored bigrams: cjk %v, cjk_name %v", d["cjk"], d["cjk_name"])
			}
			if _, isNum := d["created_at"].(float64); !isNum {
				t.Errorf("created_at stored as %T, want a number", d["created_at"])
			}
		},
		search: func(ctx context.Context, q string, byDistance bool) (int, map[string]map[string]int, []hitSummary, error) {
			sq := search.WorkshopQuery{Q: q, Near: &searchtest.Binzhou, Verified: true}
			if byDistance {
				sq.Sort = search.SortDistance
			}
			res, err := w.SearchWorkshops(ctx, sq)
			var hs []hitSummary
			for _, h := range res.Hits {
				b, _ := json.Marshal(h.Doc)
				hs = append(hs, hitSummary{h.Doc.ID, h.DistanceKm, b})
			}
			return res.Total, res.Facets, hs, err
		},
		request: map[string]any{"q": "网兜", "filter": "verified = true"},
		facets: func(f map[string]map[string]int) bool {
			return f["craft"]["weaving"] == 2 && f["craft"]["embroidery"] == 2 && f["province"]["370000"] == 5 && len(f) == 2
		},
		del: func(ctx context.Context, ids ...string) error {
			for _, id := range ids {
				if err := w.DeleteWorkshop(ctx, id); err != nil {
					return err
				}
			}
			return nil
		}}
}

// TestSearchFlow, for each index against the fake: documents in
// Meilisearch's shape, the request, hits and facets back in the API's shape,
// distances from Meilisearch's _geoDistance only when it sends one (a
// distance sort with _geo retrieved), a 400 as an invalid query, deletes.
func TestSearchFlow(t *testing.T) {
	for _, open := range []func(url string) searchFlow{
		func(url string) searchFlow { e, _ := New(url, "key", "orders"); return orderSearchFlow(e) },
		func(url string) searchFlow {
			w, _ := NewWorkshops(url, "key", "workshops")
			return workshopSearchFlow(w)
		},
	} {
		f, srv := newFake(t)
		fl := open(srv.URL)
		ctx := context.Background()
		if err := fl.upsert(ctx); err != nil {
			t.Fatal(err)
		}
		var stored map[string]any
		_ = json.Unmarshal(f.indexes[fl.uid][fl.id], &stored)
		fl.stored(t, stored)

		for _, byDistance := range []bool{true, false} {
			total, facets, hits, err := fl.search(ctx, "网兜", byDistance)
			if err != nil {
				t.Fatal(err)
			}
			for k, want := range fl.request {
				if f.search[k] != want {
					t.Errorf("%s request %s = %v, want %v", fl.uid, k, f.search[k], want)
				}
			}
			if f.search["matchingStrategy"] != "all" || !slices.Contains(asStrings(f.search["attributesToRetrieve"]), "_geo") {
				t.Errorf("%s request %v", fl.uid, f.search)
			}
			// The fake does not search: every document comes back with its facets.
			if total != len(f.indexes[fl.uid]) || !fl.facets(facets) {
				t.Errorf("%s total %d, facets %v", fl.uid, total, facets)
			}
			for _, h := range hits {
				// Meilisearch reports whole metres; the engine's own haversine has fractions.
				if h.km == nil || *h.km != 0 && (math.Round(*h.km*1000) == *h.km*1000) != byDistance {
					t.Errorf("%s distance %v (sorted by distance: %v)", fl.uid, h.km, byDistance)
				}
				if h.id == fl.id {
					if want, _ := json.Marshal(fl.fixture); string(h.json) != string(want) {
						t.Errorf("%s round trip:\n got %s\nwant %s", fl.uid, h.json, want)
					}
				}
			}
		}
		if _, _, _, err := fl.search(ctx, "badrequest", false); !errors.Is(err, search.ErrInvalidQuery) {
			t.Errorf("%s: a 400 from Meilisearch: %v, want ErrInvalidQuery", fl.uid, err)
		}

		f.log = nil
		n := len(f.indexes[fl.uid])
		if err := fl.del(ctx, fl.id, "not an id", `x" OR 1=1`, ""); err != nil {
			t.Fatal(err)
		}
		if _, ok := f.indexes[fl.uid][fl.id]; ok || len(f.indexes[fl.uid]) != n-1 {
			t.Errorf("%s after delete: %d documents", fl.uid, len(f.indexes[fl.uid]))
		}
		if !slices.Equal(f.log, []string{"POST /indexes/" + fl.uid + "/documents/delete-batch"}) {
			t.Errorf("%s delete requests %q (malformed ids must not be sent)", fl.uid, f.log)
		}
	}
	var pe *search.ParamError
	if _, err := (&Workshops{}).SearchWorkshops(context.Background(), search.WorkshopQuery{Sort: search.SortDistance}); !errors.As(err, &pe) || pe.Param != "sort" {
		t.Errorf("distance sort without near: %v", err)
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

// TestUnreachableIsUnavailable: a Meilisearch that does not answer is an
// outage (search.ErrUnavailable → 503 in the API), not a bad query or a 500.
func TestUnreachableIsUnavailable(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	e, err := New(url, "", "orders")
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Search(context.Background(), search.Query{Q: "网兜", Page: 1, PerPage: 20})
	if !errors.Is(err, search.ErrUnavailable) {
		t.Fatalf("err = %v, want search.ErrUnavailable", err)
	}
}
