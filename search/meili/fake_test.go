package meili

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"doorstep/search"
)

// fake is just enough of the Meilisearch HTTP API to check what the engine
// sends and how it treats task outcomes. It does not search: a search
// returns every stored document with its facet counts, except for the
// queries in empty, which find nothing. Like the server, it returns only
// attributesToRetrieve, adds _geoDistance only to hits whose _geo is
// retrieved when the sort has a _geoPoint, and caps totalHits at the
// index's maxTotalHits.
type fake struct {
	t       *testing.T
	version string
	failing string          // a task type ("documentAdditionOrUpdate", …) that fails
	empty   map[string]bool // queries that find nothing
	total   int             // when set, the totalHits every search reports (before the cap)

	mu       sync.Mutex
	log      []string
	indexes  map[string]map[string]json.RawMessage // uid → id → document
	settings map[string]map[string]any
	tasks    []map[string]any
	search   map[string]any   // the last search request body
	searches []map[string]any // every search request, multi-search queries included
}

func newFake(t *testing.T) (*fake, *httptest.Server) {
	f := &fake{t: t, version: "1.19.0", indexes: map[string]map[string]json.RawMessage{}, settings: map[string]map[string]any{},
		empty: map[string]bool{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv
}

// task records a finished task; failing types and errCode make it fail.
func (f *fake) task(w http.ResponseWriter, typ, errCode string) {
	if errCode == "" && typ == f.failing {
		errCode = "injected_failure"
	}
	task := map[string]any{"uid": len(f.tasks), "status": "succeeded", "type": typ}
	if errCode != "" {
		task["status"], task["error"] = "failed", map[string]string{"code": errCode, "message": "fake says no"}
	}
	f.tasks = append(f.tasks, task)
	w.WriteHeader(http.StatusAccepted)
	_ = json.NewEncoder(w).Encode(map[string]any{"taskUid": task["uid"], "status": "enqueued", "type": typ})
}

func (f *fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	body, _ := io.ReadAll(r.Body)
	path := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	route := r.Method + " " + path[0]
	if len(path) > 2 {
		route += " " + path[2]
	}
	if len(path) > 3 {
		route += " " + path[3]
	}
	if r.Method != http.MethodGet {
		f.log = append(f.log, r.Method+" "+r.URL.Path)
	}
	switch route {
	case "GET version":
		_ = json.NewEncoder(w).Encode(map[string]string{"pkgVersion": f.version})
	case "GET health":
		_, _ = w.Write([]byte(`{"status":"available"}`))
	case "GET tasks":
		var i int
		fmt.Sscan(path[1], &i)
		_ = json.NewEncoder(w).Encode(f.tasks[i])
	case "POST indexes":
		var req struct{ UID, PrimaryKey string }
		_ = json.Unmarshal(body, &req)
		if _, ok := f.indexes[req.UID]; ok {
			f.task(w, "indexCreation", "index_already_exists")
			return
		}
		f.indexes[req.UID] = map[string]json.RawMessage{}
		f.task(w, "indexCreation", "")
	case "DELETE indexes":
		delete(f.indexes, path[1])
		f.task(w, "indexDeletion", "")
	case "PATCH indexes settings":
		var s map[string]any
		_ = json.Unmarshal(body, &s)
		f.settings[path[1]] = s
		f.task(w, "settingsUpdate", "")
	case "PUT indexes settings synonyms":
		var syn map[string]any
		_ = json.Unmarshal(body, &syn)
		if f.settings[path[1]] == nil {
			f.settings[path[1]] = map[string]any{}
		}
		f.settings[path[1]]["synonyms"] = syn
		f.task(w, "settingsUpdate", "")
	case "POST indexes documents":
		var docs []map[string]json.RawMessage
		_ = json.Unmarshal(body, &docs)
		if r.URL.Query().Get("primaryKey") != "id" {
			f.t.Errorf("documents sent without primaryKey=id: %s", r.URL)
		}
		for _, d := range docs {
			var id string
			_ = json.Unmarshal(d["id"], &id)
			raw, _ := json.Marshal(d)
			if f.failing != "documentAdditionOrUpdate" {
				f.indexes[path[1]][id] = raw
			}
		}
		f.task(w, "documentAdditionOrUpdate", "")
	case "POST indexes documents delete-batch":
		var ids []string
		_ = json.Unmarshal(body, &ids)
		for _, id := range ids {
			delete(f.indexes[path[1]], id)
		}
		f.task(w, "documentDeletion", "")
	case "POST swap-indexes":
		var req []struct{ Indexes []string }
		_ = json.Unmarshal(body, &req)
		a, b := req[0].Indexes[0], req[0].Indexes[1]
		f.indexes[a], f.indexes[b] = f.indexes[b], f.indexes[a]
		f.task(w, "indexSwap", "")
	case "POST indexes search":
		f.search = nil
		_ = json.Unmarshal(body, &f.search)
		f.searches = append(f.searches, f.search)
		if res := f.respond(f.search, path[1]); res != nil {
			_ = json.NewEncoder(w).Encode(res)
			return
		}
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"message":"invalid filter","code":"invalid_search_filter","type":"invalid_request","link":""}`))
	case "POST multi-search":
		var req struct{ Queries []map[string]any }
		_ = json.Unmarshal(body, &req)
		var results []any
		for _, q := range req.Queries {
			f.searches = append(f.searches, q)
			res := f.respond(q, q["indexUid"].(string))
			res["indexUid"] = q["indexUid"]
			results = append(results, res)
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"results": results})
	default:
		f.t.Errorf("unexpected request %s %s", r.Method, r.URL.Path)
		w.WriteHeader(http.StatusNotFound)
	}
}

// respond answers one search request body on index uid.
func (f *fake) respond(req map[string]any, uid string) map[string]any {
	q, _ := req["q"].(string)
	if strings.Contains(q, "badrequest") {
		return nil
	}
	hits := []any{}
	facets := map[string]map[string]int{}
	requested, _ := req["facets"].([]any)
	for _, attr := range requested {
		facets[attr.(string)] = map[string]int{}
	}
	retrieve := map[string]bool{}
	for _, a := range asStrings(req["attributesToRetrieve"]) {
		retrieve[a] = true
	}
	for _, raw := range f.indexes[uid] {
		if f.empty[q] {
			break
		}
		var d map[string]any
		_ = json.Unmarshal(raw, &d)
		for attr := range facets {
			switch v := d[attr].(type) {
			case string:
				facets[attr][v]++
			case []any: // an array attribute counts the document once per value
				for _, x := range v {
					facets[attr][x.(string)]++
				}
			}
		}
		hit := map[string]any{}
		for k, v := range d {
			if len(retrieve) == 0 || retrieve["*"] || retrieve[k] {
				hit[k] = v
			}
		}
		if m := geoPointSort.FindStringSubmatch(strings.Join(asStrings(req["sort"]), " ")); m != nil && hit["_geo"] != nil {
			lat, _ := strconv.ParseFloat(m[1], 64)
			lng, _ := strconv.ParseFloat(m[2], 64)
			geo := hit["_geo"].(map[string]any)
			hit["_geoDistance"] = math.Round(1000 * search.DistanceKm(search.Point{Lat: lat, Lng: lng},
				search.Point{Lat: geo["lat"].(float64), Lng: geo["lng"].(float64)})) // whole metres
		}
		hits = append(hits, hit)
	}
	total := len(hits)
	if f.total > 0 {
		total = f.total
	}
	if p, ok := f.settings[uid]["pagination"].(map[string]any); ok {
		total = min(total, int(p["maxTotalHits"].(float64)))
	}
	return map[string]any{"hits": hits, "totalHits": total, "page": 1, "hitsPerPage": 20,
		"facetDistribution": facets, "processingTimeMs": 1, "query": q}
}

var geoPointSort = regexp.MustCompile(`_geoPoint\(\s*([0-9.\-]+)\s*,\s*([0-9.\-]+)\s*\)`)

func asStrings(v any) []string {
	var out []string
	if list, ok := v.([]any); ok {
		for _, x := range list {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}
