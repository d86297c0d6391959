package api_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestRegionsSplit: a page fetches the provinces (small), a province's
// subtree when it is opened, or the branches to the names typed; every
// answer carries the data's ETag and a repeat with If-None-Match is a 304
// without a body.
func TestRegionsSplit(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	type node struct {
		Code, Name string
		Lat, Lng   float64
		Children   []node
	}
	get := func(path string) ([]node, resp) {
		t.Helper()
		r := e.mustStatus(req{method: "GET", path: path}, 200)
		var out struct{ Items []node }
		must(t, json.Unmarshal([]byte(r.raw), &out))
		return out.Items, r
	}

	provinces, r := get("/api/v1/meta/regions")
	if len(provinces) != 31 || len(r.raw) > 4096 {
		t.Errorf("provinces: %d of them in %d bytes", len(provinces), len(r.raw))
	}
	for _, p := range provinces {
		if len(p.Children) != 0 || p.Lat == 0 {
			t.Errorf("province %s: %d children, centre %v,%v", p.Name, len(p.Children), p.Lat, p.Lng)
		}
	}
	etag := r.header.Get("ETag")
	if !strings.HasPrefix(etag, `"`) || !strings.Contains(r.header.Get("Cache-Control"), "max-age") {
		t.Errorf("ETag %q, Cache-Control %q", etag, r.header.Get("Cache-Control"))
	}

	shandong, r := get("/api/v1/meta/regions?parent=370000")
	if len(shandong) != 16 || !strings.Contains(r.raw, `"code":"371602","name":"滨城区","lat":37.4307`) || len(r.raw) > 20000 {
		t.Errorf("Shandong: %d cities, %d bytes: %.200s", len(shandong), len(r.raw), r.raw)
	}
	if binzhou, _ := get("/api/v1/meta/regions?parent=371600"); len(binzhou) != 7 || binzhou[0].Code != "371602" {
		t.Errorf("Binzhou's districts: %+v", binzhou)
	}

	// A search returns each match with its full path (and what lies under it).
	found, _ := get("/api/v1/meta/regions?q=" + "滨城")
	if len(found) != 1 || found[0].Code != "370000" || len(found[0].Children) != 1 || found[0].Children[0].Code != "371600" ||
		len(found[0].Children[0].Children) != 1 || found[0].Children[0].Children[0].Name != "滨城区" {
		t.Errorf("q=滨城: %+v", found)
	}
	if city, _ := get("/api/v1/meta/regions?q=" + "滨州"); len(city) != 1 || len(city[0].Children) != 1 || len(city[0].Children[0].Children) != 7 {
		t.Errorf("q=滨州 must bring the city with all its districts: %+v", city)
	}
	if none, r := get("/api/v1/meta/regions?q=" + "不存在的地方"); len(none) != 0 || !strings.Contains(r.raw, `"items":[]`) {
		t.Errorf("no match: %s", r.raw)
	}
	leaves := func(ns []node) (n int) {
		var walk func([]node)
		walk = func(ns []node) {
			for _, x := range ns {
				if len(x.Children) == 0 {
					n++
				}
				walk(x.Children)
			}
		}
		walk(ns)
		return n
	}
	if many, r := get("/api/v1/meta/regions?q=" + "区"); leaves(many) > 500 || len(r.raw) > 60000 {
		t.Errorf("q=区 is bounded: %d leaves, %d bytes", leaves(many), len(r.raw))
	}

	for _, path := range []string{"/api/v1/meta/regions", "/api/v1/meta/regions?parent=370000", "/api/v1/meta/regions?q=" + "滨城"} {
		for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag} {
			r := e.do(req{method: "GET", path: path, header: map[string]string{"If-None-Match": inm}})
			if r.status != 304 || r.raw != "" || r.header.Get("ETag") != etag {
				t.Errorf("%s If-None-Match %s: %d %q ETag %q", path, inm, r.status, r.raw, r.header.Get("ETag"))
			}
		}
		if r := e.do(req{method: "GET", path: path, header: map[string]string{"If-None-Match": `"stale"`}}); r.status != 200 {
			t.Errorf("%s with a stale ETag: %d", path, r.status)
		}
	}
	for _, bad := range []string{"371602", "999900", "x"} {
		if r := e.do(req{method: "GET", path: "/api/v1/meta/regions?parent=" + bad}); r.status != 400 || r.str("error.fields.parent") == "" {
			t.Errorf("parent=%s: %d %s", bad, r.status, r.raw)
		}
	}
}
