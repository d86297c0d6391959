package meili

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// fake is just enough of the Meilisearch HTTP API to check what the engine
// sends and how it treats task outcomes. It does not search: a search
// returns every stored document with its facet counts.
type fake struct {
	t       *testing.T
	version string
	failing string // a task type ("documentAdditionOrUpdate", …) that fails

	mu       sync.Mutex
	log      []string
	indexes  map[string]map[string]json.RawMessage // uid → id → document
	settings map[string]map[string]any
	tasks    []map[string]any
	search   map[string]any // the last search request body
}

func newFake(t *testing.T) (*fake, *httptest.Server) {
	f := &fake{t: t, version: "1.19.0", indexes: map[string]map[string]json.RawMessage{}, settings: map[string]map[string]any{}}
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
		_ = json.Unmarshal(body, &f.search)
		f.respondSearch(w, path[1])
	default:
		f.t.Errorf("unexpected request %s %s", r.Method, r.URL.Path)
		w.WriteHeader(http.StatusNotFound)
	}
}

func (f *fake) respondSearch(w http.ResponseWriter, uid string) {
	if q, _ := f.search["q"].(string); strings.Contains(q, "badrequest") {
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"message":"invalid filter","code":"invalid_search_filter","type":"invalid_request","link":""}`))
		return
	}
	hits := []json.RawMessage{}
	facets := map[string]map[string]int{}
	requested, _ := f.search["facets"].([]any)
	for _, attr := range requested {
		facets[attr.(string)] = map[string]int{}
	}
	for _, raw := range f.indexes[uid] {
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
		d["_geoDistance"] = 1234 // metres, as Meilisearch reports it
		b, _ := json.Marshal(d)
		hits = append(hits, b)
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"hits": hits, "totalHits": len(hits), "page": 1, "hitsPerPage": 20,
		"facetDistribution": facets, "processingTimeMs": 1, "query": f.search["q"]})
}
