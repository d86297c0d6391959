package api_test

// Search benchmarks (not run by `make test`; see README "Performance"):
//
//	SEARCH_BENCH_N=100000 go test -run '^$' -bench 'SearchAPI' -benchtime 2000x ./server/api/
//	go test -run '^$' -bench 'APISearchOverhead' -benchtime 20000x ./server/api/
//	go test -run '^$' -bench 'ChangeToSearchable' -benchtime 40x ./server/api/

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"doorstep/search"
	"doorstep/search/pgsearch"
	"doorstep/search/searchtest"
	"doorstep/server/api"
)

// benchQueries is the realistic mix: single craft words, two-character
// words, filters only, near-me with a radius, and deep pages. Each entry is
// the API query string and the equivalent engine query.
func benchQueries() []struct {
	http string
	q    search.Query
} {
	near := &search.Point{Lat: 37.38, Lng: 117.97}
	i64 := func(n int64) *int64 { return &n }
	return []struct {
		http string
		q    search.Query
	}{
		{"q=" + url.QueryEscape("编织网兜"), search.Query{Q: "编织网兜"}},
		{"q=" + url.QueryEscape("串珠"), search.Query{Q: "串珠"}},
		{"q=" + url.QueryEscape("网兜"), search.Query{Q: "网兜"}},
		{"q=" + url.QueryEscape("刺绣"), search.Query{Q: "刺绣"}},
		{"craft=weaving&region=370000&price_min=50&price_max=500", search.Query{Crafts: []string{"weaving"}, Region: "370000", PriceMin: i64(50), PriceMax: i64(500)}},
		{"deposit=none&sort=price_desc", search.Query{Deposit: "none", Sort: search.SortPriceDesc}},
		{"near=37.38,117.97&radius_km=50&sort=distance", search.Query{Near: near, RadiusKm: 50, Sort: search.SortDistance}},
		{"q=" + url.QueryEscape("包装") + "&near=37.38,117.97&radius_km=200", search.Query{Q: "包装", Near: near, RadiusKm: 200}},
		{"sort=newest&page=40&per_page=20", search.Query{Sort: search.SortNewest, Page: 40, PerPage: 20}},
		{"q=" + url.QueryEscape("手工") + "&page=10", search.Query{Q: "手工", Page: 10}},
	}
}

func percentiles(d []time.Duration) (p50, p95, p99 float64) {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	at := func(p float64) float64 { return float64(d[int(p*float64(len(d)-1))].Microseconds()) / 1000 }
	return at(.50), at(.95), at(.99)
}

// BenchmarkSearchAPI measures the Postgres engine and the full HTTP API on
// the same data in the same run, so the API's overhead can be read off.
func BenchmarkSearchAPI(b *testing.B) {
	n := 20000
	if v, err := strconv.Atoi(os.Getenv("SEARCH_BENCH_N")); err == nil {
		n = v
	}
	e := newEnv(b)
	engine := pgsearch.New(e.pool)
	if err := engine.Reindex(context.Background(), searchtest.Synthetic(n, 42)); err != nil {
		b.Fatal(err)
	}
	app := api.New(api.Options{Config: e.cfg, Store: e.st, Engine: engine, Logger: testLogger(b)})
	qs := benchQueries()
	var engineTimes, apiTimes []time.Duration
	byQuery := make([]struct{ engine, api []time.Duration }, len(qs))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := qs[i%len(qs)]
		runEngine := func() {
			t0 := time.Now()
			if _, err := engine.Search(context.Background(), c.q.WithDefaults()); err != nil {
				b.Fatal(err)
			}
			engineTimes = append(engineTimes, time.Since(t0))
			byQuery[i%len(qs)].engine = append(byQuery[i%len(qs)].engine, time.Since(t0))
		}
		runAPI := func() {
			t1 := time.Now()
			res, err := app.Test(httptest.NewRequest("GET", "/api/v1/search/orders?"+c.http, nil), -1)
			if err != nil || res.StatusCode != 200 {
				b.Fatalf("%s: %v %v", c.http, err, res.StatusCode)
			}
			if _, err := io.Copy(io.Discard, res.Body); err != nil {
				b.Fatal(err)
			}
			res.Body.Close()
			apiTimes = append(apiTimes, time.Since(t1))
			byQuery[i%len(qs)].api = append(byQuery[i%len(qs)].api, time.Since(t1))
		}
		// Alternate which goes first so neither always gets the warmer cache.
		if i%2 == 0 {
			runEngine()
			runAPI()
		} else {
			runAPI()
			runEngine()
		}
	}
	b.StopTimer()
	e50, e95, e99 := percentiles(engineTimes)
	a50, a95, a99 := percentiles(apiTimes)
	b.ReportMetric(e50, "engine-p50-ms")
	b.ReportMetric(e95, "engine-p95-ms")
	b.ReportMetric(e99, "engine-p99-ms")
	b.ReportMetric(a50, "api-p50-ms")
	b.ReportMetric(a95, "api-p95-ms")
	b.ReportMetric(a99, "api-p99-ms")
	var apiTotal time.Duration
	for _, d := range apiTimes {
		apiTotal += d
	}
	b.ReportMetric(float64(b.N)/apiTotal.Seconds(), "api-req/s")
	fmt.Fprintf(os.Stderr, "orders=%d queries=%d engine p50/p95/p99=%.2f/%.2f/%.2f ms api p50/p95/p99=%.2f/%.2f/%.2f ms api overhead at p95=%.0f%%\n",
		n, b.N, e50, e95, e99, a50, a95, a99, 100*(a95-e95)/e95)
	if b.N >= 10*len(qs) {
		for i, c := range qs {
			e50, e95, _ := percentiles(byQuery[i].engine)
			a50, a95, _ := percentiles(byQuery[i].api)
			fmt.Fprintf(os.Stderr, "  engine p50/p95 %6.2f/%6.2f ms  api p50/p95 %6.2f/%6.2f ms  %s\n", e50, e95, a50, a95, c.http)
		}
	}
}

// BenchmarkChangeToSearchable times an approval until the order is found,
// through the real River sync job.
func BenchmarkChangeToSearchable(b *testing.B) {
	f := newOrderFixture(b)
	withSync(b, f, pgsearch.New(f.pool))
	f.act("owner", "submit", nil, 200)
	var times []time.Duration
	for i := 0; i < b.N; i++ {
		word := fmt.Sprintf("批次%d号", i)
		if i > 0 {
			f.mustStatus(req{method: "PATCH", path: "/api/v1/orders/" + f.orderID, token: f.as["owner"].token,
				body: map[string]any{"title": "编织网兜 " + word}}, 200)
		}
		f.act("moderator", "approve", nil, 200)
		t0 := time.Now()
		q := "/api/v1/search/orders?q=" + url.QueryEscape("网兜")
		for {
			r := f.mustStatus(req{method: "GET", path: q}, 200)
			if total(r) == 1 && (i == 0 || strings.Contains(r.raw, word)) {
				break
			}
			if time.Since(t0) > 10*time.Second {
				rows, _ := f.pool.Query(context.Background(), "SELECT state, args::text, attempt FROM river_job WHERE kind = 'index_order' ORDER BY id DESC LIMIT 6")
				for rows.Next() {
					var st, args string
					var a int
					_ = rows.Scan(&st, &args, &a)
					b.Logf("job %s %s attempt=%d", st, args, a)
				}
				rows.Close()
				b.Fatalf("iteration %d: not searchable after 10s: %s", i, r.raw[:min(300, len(r.raw))])
			}
			time.Sleep(5 * time.Millisecond)
		}
		times = append(times, time.Since(t0))
	}
	p50, p95, p99 := percentiles(times)
	b.ReportMetric(p50, "p50-ms")
	b.ReportMetric(p95, "p95-ms")
	b.ReportMetric(p99, "p99-ms")
}

// fixedEngine answers every search with the same page, so that
// BenchmarkAPISearchOverhead times only what the API adds.
type fixedEngine struct {
	search.Engine
	res search.Result
}

func (f fixedEngine) Search(context.Context, search.Query) (search.Result, error) { return f.res, nil }

// BenchmarkAPISearchOverhead times the search API around an engine that
// costs nothing: parameter parsing, middleware, the response's JSON and the
// in-memory HTTP round trip of app.Test, for a page of 20 realistic hits.
//
//	go test -run '^$' -bench APISearchOverhead -benchtime 20000x ./server/api/
func BenchmarkAPISearchOverhead(b *testing.B) {
	e := newEnv(b)
	res := search.Result{Total: 1234, Facets: map[string]map[string]int{
		"craft": {"weaving": 1000, "beading": 234}, "province": {"370000": 1234}, "deposit": {"none": 1234}}}
	for i, d := range searchtest.Synthetic(20, 42) {
		km := float64(i) * 1.5
		res.Hits = append(res.Hits, search.Hit{Doc: d, DistanceKm: &km})
	}
	app := api.New(api.Options{Config: e.cfg, Store: e.st, Engine: fixedEngine{res: res}, Logger: testLogger(b)})
	path := "/api/v1/search/orders?q=" + url.QueryEscape("编织网兜") + "&craft=weaving&region=370000&near=37.38,117.97&radius_km=50"
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		r, err := app.Test(httptest.NewRequest("GET", path, nil), -1)
		if err != nil || r.StatusCode != 200 {
			b.Fatalf("%v %v", err, r.StatusCode)
		}
		if _, err := io.Copy(io.Discard, r.Body); err != nil {
			b.Fatal(err)
		}
		r.Body.Close()
		times = append(times, time.Since(t0))
	}
	b.StopTimer()
	p50, p95, p99 := percentiles(times)
	b.ReportMetric(p50*1000, "p50-µs")
	b.ReportMetric(p95*1000, "p95-µs")
	b.ReportMetric(p99*1000, "p99-µs")
}
