package api_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"doorstep/search"
	"doorstep/search/pgsearch"
	"doorstep/server/api"
	"doorstep/server/auth"
	"doorstep/server/events"
	"doorstep/server/jobs"
	"doorstep/server/store"
	"doorstep/server/workflows/workflowstest"
)

// flakyEngine wraps a real engine and fails while down is set, standing in
// for an unreachable Meilisearch.
type flakyEngine struct {
	search.Engine
	down atomic.Bool
}

var errDown = errors.New("search engine unreachable")

func (f *flakyEngine) Upsert(ctx context.Context, docs ...search.OrderDoc) error {
	if f.down.Load() {
		return errDown
	}
	return f.Engine.Upsert(ctx, docs...)
}

func (f *flakyEngine) Reindex(ctx context.Context, docs []search.OrderDoc) error {
	if f.down.Load() {
		return errDown
	}
	return f.Engine.Reindex(ctx, docs)
}

func (f *flakyEngine) Delete(ctx context.Context, ids ...string) error {
	if f.down.Load() {
		return errDown
	}
	return f.Engine.Delete(ctx, ids...)
}

// withSync runs the real River workers against the test database, so order
// changes reach the engine exactly as in production. The periodic jobs stay
// off (a full reconcile started by the clock would re-sync orders behind a
// test's back); a test that wants one inserts it with the returned client.
func withSync(t testing.TB, f *orderFixture, engine search.Engine) *river.Client[pgx.Tx] {
	client, err := jobs.NewClient(f.pool, jobs.Deps{Store: f.st, Workflows: workflowstest.New(t, f.st), Engine: engine, Log: testLogger(t), NoPeriodicJobs: true})
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
	f.app = api.New(api.Options{Config: f.cfg, Store: f.st, Pool: f.pool, Mailer: f.mail, Hash: &fast, Logger: testLogger(t), Engine: engine})
	return client
}

// eventually polls a search until check passes (indexing is asynchronous).
func (f *orderFixture) eventually(t *testing.T, query string, check func(resp) bool) resp {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		r := f.mustStatus(req{method: "GET", path: "/api/v1/search/orders?" + query}, 200)
		if check(r) {
			return r
		}
		if time.Now().After(deadline) {
			rows, _ := f.pool.Query(context.Background(), "SELECT queue, state, attempt, coalesce(errors::text,'') FROM river_job WHERE kind = 'index_order' ORDER BY id")
			for rows.Next() {
				var k, st, e string
				var a int
				_ = rows.Scan(&k, &st, &a, &e)
				t.Logf("job %s %s attempt=%d %s", k, st, a, e)
			}
			rows.Close()
			t.Fatalf("search %q never satisfied the check; last: %s", query, r.raw)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func total(r resp) float64 { n, _ := r.field("total").(float64); return n }

func TestSearchFollowsOrderChanges(t *testing.T) {
	t.Parallel()
	f := newOrderFixture(t)
	withSync(t, f, pgsearch.New(f.pool))
	q := "q=" + url.QueryEscape("网兜")
	f.act("owner", "submit", nil, 200)
	f.act("moderator", "approve", nil, 200)
	r := f.eventually(t, q, func(r resp) bool { return total(r) == 1 })
	if !strings.Contains(r.raw, `"company_name":"滨州鑫源工艺品有限公司"`) || r.field("facets.craft.weaving") != 1.0 {
		t.Fatalf("hit: %s", r.raw)
	}
	// Suspended orders leave search; reinstated ones come back.
	f.act("moderator", "suspend", map[string]string{"reason": "核实条款"}, 200)
	f.eventually(t, q, func(r resp) bool { return total(r) == 0 })
	f.act("moderator", "reinstate", nil, 200)
	f.eventually(t, q, func(r resp) bool { return total(r) == 1 })
	// An edited title is found by its new words (after re-approval), not its old ones.
	f.mustStatus(req{method: "PATCH", path: "/api/v1/orders/" + f.orderID, token: f.as["owner"].token, body: map[string]any{"title": "手工串珠饰品 800 件", "craft": "beading", "tags": []string{"串珠"}, "description": "外贸手链串珠加工"}}, 200)
	f.eventually(t, q, func(r resp) bool { return total(r) == 0 })
	f.act("moderator", "approve", nil, 200)
	f.eventually(t, "q="+url.QueryEscape("串珠"), func(r resp) bool { return total(r) == 1 })
	f.eventually(t, q, func(r resp) bool { return total(r) == 0 })
}

func TestApprovalSurvivesSearchOutage(t *testing.T) {
	t.Parallel()
	f := newOrderFixture(t)
	engine := &flakyEngine{Engine: pgsearch.New(f.pool)}
	withSync(t, f, engine)
	engine.down.Store(true)
	f.act("owner", "submit", nil, 200)
	f.act("moderator", "approve", nil, 200) // the engine is down; approval still succeeds
	// The approval's sync job has run and failed against the down engine, and waits to retry.
	deadline := time.Now().Add(15 * time.Second)
	for {
		var failed bool
		must(t, f.pool.QueryRow(context.Background(), `SELECT EXISTS (SELECT 1 FROM river_job WHERE kind = 'index_order'
			AND args->>'order_id' = $1 AND attempt >= 1 AND state = 'retryable' AND errors::text LIKE '%' || $2 || '%')`,
			f.orderID, errDown.Error()).Scan(&failed))
		if failed {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no failed sync attempt recorded for the approved order")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if r := f.mustStatus(req{method: "GET", path: "/api/v1/search/orders?q=" + url.QueryEscape("网兜")}, 200); total(r) != 0 {
		t.Fatalf("indexed while down? %s", r.raw)
	}
	engine.down.Store(false)
	f.eventually(t, "q="+url.QueryEscape("网兜"), func(r resp) bool { return total(r) == 1 })
}

func TestSearchParameters(t *testing.T) {
	t.Parallel()
	f := newOrderFixture(t)
	withSync(t, f, pgsearch.New(f.pool))
	bad := map[string]string{
		"q=" + strings.Repeat("长", 101): "q",
		"q=%FF%FE":                      "q",
		"craft=knitting":                "craft",
		"region=123":                    "region",
		"price_min=-1":                  "price_min",
		"price_min=abc":                 "price_min",
		"price_min=500&price_max=100":   "price_max",
		"deadline_before=tomorrow":      "deadline_before",
		"deposit=maybe":                 "deposit",
		"near=91,200":                   "near",
		"near=37.3,117.9&radius_km=0":   "radius_km",
		"radius_km=10":                  "near",
		"sort=distance":                 "sort",
		"sort=cheapest":                 "sort",
		"page=0":                        "page",
		"per_page=500":                  "per_page",
		"page=500&per_page=50":          "page",
		"near=" + url.QueryEscape(`_geoRadius(1,2,3)`): "near",
	}
	for query, field := range bad {
		r := f.do(req{method: "GET", path: "/api/v1/search/orders?" + query})
		fields, _ := r.field("error.fields").(map[string]any)
		if r.status != 400 || fields[field] == nil {
			t.Errorf("%s: want 400 naming %s, got %d %s", query, field, r.status, r.raw)
		}
	}
	// Hostile text is plain text: no error, and no match although an order
	// is indexed that an operator or an injected filter would match. Quotes
	// and backslashes alone are separators (searchtest: "Quotes and
	// backslashes are separators"), so they search for nothing, like no q.
	f.act("owner", "submit", nil, 200)
	f.act("moderator", "approve", nil, 200)
	f.eventually(t, "q="+url.QueryEscape("编织"), func(r resp) bool { return total(r) == 1 })
	for q, want := range map[string]float64{`"`: 1, `\`: 1, `" OR 1=1 --`: 0, `_geoRadius(0,0,1)`: 0,
		`'; DROP TABLE orders; --`: 0, "编织 OR 串珠": 0, `编织" OR craft = "beading`: 0} {
		r := f.do(req{method: "GET", path: "/api/v1/search/orders?q=" + url.QueryEscape(q)})
		if hits, _ := r.field("hits").([]any); r.status != 200 || total(r) != want || len(hits) != int(want) {
			t.Errorf("q=%q: want 200 with %v hits, got %d %s", q, want, r.status, r.raw)
		}
	}
	if r := f.mustStatus(req{method: "GET", path: "/api/v1/search/orders"}, 200); total(r) != 1 {
		t.Fatalf("the order is gone after the hostile queries: %s", r.raw)
	}
	ok := f.mustStatus(req{method: "GET", path: "/api/v1/search/orders?near=37.38,117.97&radius_km=50&sort=distance&deposit=none&craft=weaving,beading&region=370000&price_min=0&price_max=1000&deadline_before=2030-01-01"}, 200)
	if ok.field("facets.province") == nil {
		t.Fatalf("facets missing: %s", ok.raw)
	}
}

// countingEngine counts engine writes.
type countingEngine struct {
	search.Engine
	upserts atomic.Int64
}

func (c *countingEngine) Upsert(ctx context.Context, docs ...search.OrderDoc) error {
	c.upserts.Add(1)
	return c.Engine.Upsert(ctx, docs...)
}

// TestSyncBurstCollapses: many sync jobs for one unchanged order cost one
// engine write, even when workers run them concurrently.
func TestSyncBurstCollapses(t *testing.T) {
	t.Parallel()
	f := newOrderFixture(t)
	engine := &countingEngine{Engine: pgsearch.New(f.pool)}
	withSync(t, f, engine)
	f.act("owner", "submit", nil, 200)
	f.act("moderator", "approve", nil, 200)
	f.eventually(t, "q="+url.QueryEscape("网兜"), func(r resp) bool { return total(r) == 1 })
	drain := func() {
		deadline := time.Now().Add(10 * time.Second)
		for {
			var pending int
			must(t, f.pool.QueryRow(context.Background(), "SELECT count(*) FROM river_job WHERE kind = 'index_order' AND state <> 'completed'").Scan(&pending))
			if pending == 0 {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%d sync jobs still pending", pending)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	drain() // the approval's own job has recorded the indexed version
	before := engine.upserts.Load()
	id := uuidOf(t, f.orderID)
	for i := 0; i < 20; i++ {
		must(t, f.st.Tx(context.Background(), func(db *store.DB) error { return db.Emit(events.OrderChanged{OrderID: id}) }))
	}
	drain()
	if n := engine.upserts.Load() - before; n != 0 {
		t.Fatalf("unchanged order written %d more times", n)
	}
}

// searchWorld: a published order {order} and two verified workshops, both
// indexes kept by the real sync jobs and caught up.
func searchWorld(t *testing.T) *world {
	f := newBiddingFixture(t)
	withWorkshopSync(t, f.env)
	f.eventually(t, "q="+url.QueryEscape("网兜"), func(r resp) bool { return total(r) == 1 })
	f.eventuallyWorkshops(t, "verified=1", func(r resp) bool { return total(r) == 2 })
	return newWorld(f.fixture, map[string]string{"order": f.orderID})
}

// searchRoutes: anyone searches published orders.
func searchRoutes() routeTable {
	return routeTable{name: "search", scenarios: []scenario{
		{method: "GET", url: "/api/v1/search/orders?q=%E7%BD%91%E5%85%9C", want: 200, fragments: []string{`"total":1`, `"id":"{order}"`, `"match":"all"`}},
		{as: "workshop", method: "GET", url: "/api/v1/search/orders?craft=weaving&region=371602&near=37.38,117.96&radius_km=50&sort=distance", want: 200,
			fragments: []string{`"id":"{order}"`, `"distance_km"`}},
		{method: "GET", url: "/api/v1/search/orders?craft=beading", want: 200, fragments: []string{`"total":0`}},
		{method: "GET", url: "/api/v1/search/orders?per_page=500", want: 400, fragments: []string{`"per_page"`}},
		{method: "GET", url: "/api/v1/search/orders?near=north", want: 400, fragments: []string{`"near"`}},
	}}
}
