package api_test

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"doorstep/search/pgsearch"
	"doorstep/server/api"
	"doorstep/server/auth"
	"doorstep/server/jobs"
	"doorstep/server/seed"
	"doorstep/server/workflows/workflowstest"
)

// withWorkshopSync runs the real River workers (both indexes) against the
// test database and rebuilds the app with the workshop index, so org changes
// reach the index exactly as in production.
func withWorkshopSync(t *testing.T, e *env) {
	t.Helper()
	workshops := pgsearch.NewWorkshops(e.pool)
	client, err := jobs.NewClient(e.pool, jobs.Deps{Store: e.st, Workflows: workflowstest.New(t, e.st), Engine: pgsearch.New(e.pool), Workshops: workshops, Log: testLogger(t), NoPeriodicJobs: true})
	must(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	must(t, client.Start(ctx))
	t.Cleanup(func() {
		cancel()
		stopCtx, c2 := context.WithTimeout(context.Background(), 5*time.Second)
		defer c2()
		_ = client.Stop(stopCtx)
	})
	fast := auth.Params{MemoryKiB: 1024, Time: 1, Threads: 1}
	e.app = api.New(api.Options{Config: e.cfg, Store: e.st, Pool: e.pool, Mailer: e.mail, Hash: &fast, Logger: testLogger(t),
		Engine: pgsearch.New(e.pool), Workshops: workshops})
}

// eventuallyWorkshops polls the workshop search until check passes (indexing is asynchronous).
func (e *env) eventuallyWorkshops(t *testing.T, query string, check func(resp) bool) resp {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		r := e.mustStatus(req{method: "GET", path: "/api/v1/search/workshops?" + query}, 200)
		if check(r) {
			return r
		}
		if time.Now().After(deadline) {
			t.Fatalf("workshop search %q never satisfied the check; last: %s", query, r.raw)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// hitNames lists the names of a workshop search's hits, in order.
func hitNames(r resp) []string {
	hits, _ := r.field("hits").([]any)
	var out []string
	for _, h := range hits {
		out = append(out, h.(map[string]any)["name"].(string))
	}
	return out
}

func hasNames(want ...string) func(resp) bool {
	return func(r resp) bool {
		got := hitNames(r)
		return total(r) == float64(len(want)) && slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want)))
	}
}

// TestWorkshopSearchFollowsOrgChanges: registering, editing, verifying and
// guaranteeing a workshop each reach the index through an index_workshop job.
func TestWorkshopSearchFollowsOrgChanges(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	withWorkshopSync(t, e)
	const name = "碧林花园社区微工厂"
	w := e.registerWorkshop("bilin@example.cn")
	e.registerCompany("xinyuan@example.cn") // companies are not workshops
	mod := e.staff("mod@doorstep.cn", "moderator")

	r := e.eventuallyWorkshops(t, "q="+url.QueryEscape("微工厂"), hasNames(name))
	hit := r.field("hits").([]any)[0].(map[string]any)
	for k, want := range map[string]any{"id": w.orgID, "host": "碧林花园社区党总支", "region_code": "371602",
		"region_name": "山东省 滨州市 滨城区", "headcount": 36.0, "weekly_capacity": 3500.0, "verified": false,
		"community_guarantee": false, "completed_contracts": 0.0} {
		if hit[k] != want {
			t.Errorf("hit %s = %v, want %v", k, hit[k], want)
		}
	}
	if crafts, _ := hit["crafts"].([]any); len(crafts) != 1 || crafts[0] != "weaving" {
		t.Errorf("hit crafts %v", hit["crafts"])
	}
	if _, ok := hit["distance_km"]; ok {
		t.Errorf("distance_km without near: %v", hit)
	}
	if r.field("facets.craft.weaving") != 1.0 || r.field("facets.province.370000") != 1.0 || r.field("page") != 1.0 || r.field("per_page") != 20.0 {
		t.Errorf("facets/page: %s", r.raw)
	}
	e.eventuallyWorkshops(t, "", hasNames(name)) // the company is not there
	e.mustStatus(req{method: "GET", path: "/api/v1/search/workshops?verified=1"}, 200)

	// Staff verify, then guarantee.
	e.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + w.orgID + "/verify", token: mod.token, body: map[string]any{"verified": true}}, 200)
	e.eventuallyWorkshops(t, "verified=1", hasNames(name))
	e.eventuallyWorkshops(t, "guaranteed=1", hasNames())
	e.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + w.orgID + "/guarantee", token: mod.token, body: map[string]any{"community_guarantee": true}}, 200)
	e.eventuallyWorkshops(t, "guaranteed=1&verified=1", hasNames(name))

	// The owner edits name, crafts and capacity: found by the new, not the old.
	e.mustStatus(req{method: "PATCH", path: "/api/v1/orgs/" + w.orgID, token: w.token, body: map[string]any{
		"name": "彩虹湖手工串珠坊", "crafts": []string{"beading", "packaging"}, "weekly_capacity": 8000}}, 200)
	e.eventuallyWorkshops(t, "q="+url.QueryEscape("串珠"), hasNames("彩虹湖手工串珠坊"))
	e.eventuallyWorkshops(t, "q="+url.QueryEscape("微工厂"), hasNames())
	e.eventuallyWorkshops(t, "craft=weaving", hasNames())
	e.eventuallyWorkshops(t, "craft=packaging,weaving&min_capacity=8000", hasNames("彩虹湖手工串珠坊"))
	e.eventuallyWorkshops(t, "min_capacity=8001", hasNames())

	// Distance: near adds distance_km; a radius filters; sort by distance.
	r = e.mustStatus(req{method: "GET", path: "/api/v1/search/workshops?near=37.38,117.97&radius_km=5&sort=distance&region=370000"}, 200)
	if hitNames(r) == nil || r.field("hits").([]any)[0].(map[string]any)["distance_km"] == nil {
		t.Errorf("near search: %s", r.raw)
	}
	if r := e.mustStatus(req{method: "GET", path: "/api/v1/search/workshops?near=31.99,117.26&radius_km=50"}, 200); total(r) != 0 {
		t.Errorf("50 km around Changfeng: %s", r.raw)
	}
	// Un-verifying takes it out of the verified filter again.
	e.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + w.orgID + "/verify", token: mod.token, body: map[string]any{"verified": false}}, 200)
	e.eventuallyWorkshops(t, "verified=1", hasNames())
}

// TestDemoWorkshopsIndexedAtStart: `seed --demo` writes no jobs; the full
// reconcile River runs at start-up indexes the demo workshops.
func TestDemoWorkshopsIndexedAtStart(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	must(t, seed.Demo(context.Background(), workflowstest.New(t, e.st), testLogger(t)))
	withWorkshopSync(t, e) // starts River: the full reconcile runs on start
	e.eventuallyWorkshops(t, "", hasNames("碧林花园社区微工厂", "明珠花苑社区巧手坊", "云南路社区手工作坊", "滁河社区幸福微坊"))
	e.eventuallyWorkshops(t, "q="+url.QueryEscape("串珠"), hasNames("明珠花苑社区巧手坊"))
	e.eventuallyWorkshops(t, "guaranteed=1&verified=1", hasNames("碧林花园社区微工厂", "云南路社区手工作坊"))
	e.eventuallyWorkshops(t, "region=370000&sort=capacity", hasNames("碧林花园社区微工厂", "云南路社区手工作坊"))
	r := e.eventuallyWorkshops(t, "sort=capacity&per_page=2&page=1", func(r resp) bool { return total(r) == 4 })
	if got := hitNames(r); !slices.Equal(got, []string{"滁河社区幸福微坊", "明珠花苑社区巧手坊"}) {
		t.Errorf("by capacity: %v", got)
	}
	if r.field("facets.province.370000") != 2.0 || r.field("facets.craft.packaging") != 2.0 {
		t.Errorf("facets: %s", r.raw)
	}
}

func TestWorkshopSearchParameters(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	withWorkshopSync(t, e)
	bad := map[string]string{
		"q=" + strings.Repeat("长", 101): "q",
		"q=%FF%FE":                      "q",
		"craft=knitting":                "craft",
		"craft=weaving," + strings.Repeat("weaving,", 20) + "beading": "craft",
		"region=123":    "region",
		"region=999999": "region",
		"near=91,200":   "near",
		"near=" + url.QueryEscape(`_geoRadius(1,2,3)`): "near",
		"near=37.3,117.9&radius_km=0":                  "radius_km",
		"near=37.3,117.9&radius_km=abc":                "radius_km",
		"radius_km=10":                                 "near",
		"min_capacity=-1":                              "min_capacity",
		"min_capacity=lots":                            "min_capacity",
		"min_capacity=99999999999":                     "min_capacity",
		"verified=yes":                                 "verified",
		"guaranteed=2":                                 "guaranteed",
		"sort=distance":                                "sort",
		"sort=price_asc":                               "sort",
		"page=0":                                       "page",
		"per_page=500":                                 "per_page",
		"page=500&per_page=50":                         "page",
	}
	for query, field := range bad {
		r := e.do(req{method: "GET", path: "/api/v1/search/workshops?" + query})
		fields, _ := r.field("error.fields").(map[string]any)
		if r.status != 400 || fields[field] == nil {
			t.Errorf("%s: want 400 naming %s, got %d %s", query, field, r.status, r.raw)
		}
	}
	// Hostile text is plain text: no error.
	for _, q := range []string{`"`, `\`, `" OR 1=1 --`, `_geoRadius(0,0,1)`, `'; DROP TABLE search_workshops; --`,
		"编织 OR 串珠", strings.Repeat("编", 100)} {
		if r := e.do(req{method: "GET", path: "/api/v1/search/workshops?q=" + url.QueryEscape(q)}); r.status != 200 {
			t.Errorf("q=%q: %d %s", q, r.status, r.raw)
		}
	}
	ok := e.mustStatus(req{method: "GET", path: "/api/v1/search/workshops?q=" + url.QueryEscape("社区") +
		"&craft=weaving,beading&region=370000&near=37.38,117.97&radius_km=50&min_capacity=0&verified=0&guaranteed=true&sort=distance&page=2&per_page=5"}, 200)
	if ok.field("facets.craft") == nil || ok.field("facets.province") == nil || ok.field("page") != 2.0 || ok.field("per_page") != 5.0 {
		t.Fatalf("response: %s", ok.raw)
	}
	if hits, isList := ok.field("hits").([]any); !isList || hits == nil {
		t.Fatalf("hits must be a list: %s", ok.raw)
	}
	for _, s := range []string{"relevance", "capacity", "newest"} {
		e.mustStatus(req{method: "GET", path: "/api/v1/search/workshops?sort=" + s}, 200)
	}
}

// workshopSearchRoutes: anyone searches workshops (searchWorld's two,
// both named 碧林花园社区微工厂).
func workshopSearchRoutes() routeTable {
	return routeTable{name: "workshopsearch", scenarios: []scenario{
		{method: "GET", url: "/api/v1/search/workshops?q=%E5%BE%AE%E5%B7%A5%E5%8E%82", want: 200, fragments: []string{`"total":2`, `"id":"{W}"`, `"id":"{W2}"`}},
		{as: "owner", method: "GET", url: "/api/v1/search/workshops?craft=weaving&near=37.38,117.97&radius_km=20&min_capacity=1000&verified=1", want: 200,
			fragments: []string{`"id":"{W}"`, `"weekly_capacity":3500`, `"verified":true`}},
		{method: "GET", url: "/api/v1/search/workshops?guaranteed=1", want: 200, fragments: []string{`"total":0`}},
		{method: "GET", url: "/api/v1/search/workshops?sort=cheapest", want: 400, fragments: []string{`"sort"`}},
	}}
}
