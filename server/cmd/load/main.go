// Command load runs the marketplace's mixed traffic against a running
// server with vegeta at an open-model arrival rate, in steps, and writes a
// JSON result and a self-contained HTML report. scripts/load.sh (make load)
// starts a throwaway Postgres cluster and the server for it; loopback only.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	vegeta "github.com/tsenart/vegeta/v12/lib"
)

type opts struct {
	base, debug, db, password, out string
	rates                          []float64
	step                           time.Duration
	workshops, companies           int
	profile                        time.Duration
	seed                           uint64
	only                           []string
	warmup                         time.Duration
}

func main() {
	var o opts
	var rates string
	flag.StringVar(&o.base, "base", "http://127.0.0.1:18080", "server base URL (loopback only)")
	flag.StringVar(&o.debug, "debug", "http://127.0.0.1:16060", "the server's DEBUG_ADDR listener")
	flag.StringVar(&o.db, "db", os.Getenv("DATABASE_URL"), "the server's database (fixtures, pg_stat_activity)")
	flag.StringVar(&o.password, "password", "doorstep-demo-2026", "password of the generated logins")
	flag.StringVar(&o.out, "out", ".tmp/load", "directory for result.json, report.html and profiles")
	flag.StringVar(&rates, "rates", "200", "arrival rates (requests/s), one step each, e.g. 25,50,100,200")
	flag.DurationVar(&o.step, "step", 30*time.Second, "duration of each step")
	flag.IntVar(&o.workshops, "workshops", 60, "workshop coordinators signed in")
	flag.IntVar(&o.companies, "companies", 30, "companies signed in")
	flag.DurationVar(&o.profile, "profile", 10*time.Second, "CPU profile this long in the middle of each step (0: none)")
	flag.Uint64Var(&o.seed, "seed", 1, "random seed of the request mix")
	flag.DurationVar(&o.warmup, "warmup", 10*time.Second, "unrecorded warm-up at the first rate (caches, connections)")
	only := flag.String("only", "", "only these scenarios, equally weighted (e.g. bid,award: the write path)")
	render := flag.String("render", "", "only write report.html again from this result.json")
	flag.Parse()
	if *render != "" {
		var res Result
		b, err := os.ReadFile(*render)
		if err == nil {
			err = json.Unmarshal(b, &res)
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(filepath.Dir(*render), "report.html"), []byte(report(&res)), 0o644)
		}
		if err != nil {
			log.Fatal(err)
		}
		return
	}
	if *only != "" {
		o.only = strings.Split(*only, ",")
	}
	for _, s := range strings.Split(rates, ",") {
		r, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || r <= 0 || r > 5000 {
			log.Fatalf("bad rate %q", s)
		}
		o.rates = append(o.rates, r)
	}
	for _, u := range []string{o.base, o.debug} {
		if pu, err := url.Parse(u); err != nil || !loopback(pu.Hostname()) {
			log.Fatalf("%s: load runs only against loopback addresses", u)
		}
	}
	if o.step > 10*time.Minute || len(o.rates) > 20 {
		log.Fatal("bounded runs only: at most 20 steps of at most 10 minutes")
	}
	if err := run(o); err != nil {
		log.Fatal(err)
	}
}

func loopback(host string) bool {
	return host == "localhost" || strings.HasPrefix(host, "127.") || host == "::1"
}

// Result is the JSON the run writes.
type Result struct {
	Started  time.Time `json:"started"`
	Machine  Machine   `json:"machine"`
	Seeded   Seeded    `json:"seeded"`
	Steps    []*Step   `json:"steps"`
	Knee     *Knee     `json:"knee,omitempty"`
	Mix      []MixItem `json:"mix"`
	Pgbench  any       `json:"pgbench,omitempty"`
	Warnings []string  `json:"warnings,omitempty"`
}

type MixItem struct {
	Name   string `json:"name"`
	Weight int    `json:"per_1000"`
	Write  bool   `json:"write"`
}

type Machine struct {
	CPUs    int    `json:"cpus"`
	Load1   string `json:"load_avg_at_start"`
	Kernel  string `json:"kernel"`
	Note    string `json:"note"`
	Go      string `json:"go"`
	Postgre string `json:"postgres"`
}

type Seeded struct {
	Orders, Published, Workshops, Companies, Contracts int64
}

// Knee is the first step whose p95 is at least twice the best p95 of the
// steps before it (or whose errors pass 1 %).
type Knee struct {
	Rate        float64 `json:"rate"`
	P95         float64 `json:"p95_ms"`
	BaselineP95 float64 `json:"baseline_p95_ms"`
	Reason      string  `json:"reason"`
}

func run(o opts) error {
	ctx := context.Background()
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	cfg, err := pgxpool.ParseConfig(o.db)
	if err != nil {
		return err
	}
	cfg.MaxConns = 2
	cfg.ConnConfig.RuntimeParams["application_name"] = "doorstep-load"
	db, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	res := &Result{Started: time.Now().UTC(), Machine: machine(ctx, db)}
	for _, s := range scenarios {
		if len(o.only) == 0 || slices.Contains(o.only, s.name) {
			res.Mix = append(res.Mix, MixItem{s.name, s.weight, s.write})
		}
	}
	_ = db.QueryRow(ctx, `SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM orders WHERE status = 'published'),
		(SELECT count(*) FROM orgs WHERE kind = 'workshop'), (SELECT count(*) FROM orgs WHERE kind = 'company'), (SELECT count(*) FROM contracts)`).
		Scan(&res.Seeded.Orders, &res.Seeded.Published, &res.Seeded.Workshops, &res.Seeded.Companies, &res.Seeded.Contracts)
	log.Printf("seeded: %+v; signing in %d workshops, %d companies, staff", res.Seeded, o.workshops, o.companies)
	f, err := loadFixtures(ctx, db, o.base, o.password, o.workshops, o.companies)
	if err != nil {
		return err
	}
	for k, p := range f.pools {
		log.Printf("work ready: %-8s %d", k, p.len())
	}
	m := newMix(o.base, f, o.seed, o.only)
	if o.warmup > 0 {
		atk := vegeta.NewAttacker(vegeta.Timeout(15*time.Second), vegeta.KeepAlive(true), vegeta.MaxBody(1<<16))
		for r := range atk.Attack(m.targeter(), vegeta.ConstantPacer{Freq: int(o.rates[0]), Per: time.Second}, o.warmup, "warmup") {
			m.follow(r)
		}
		log.Printf("warmed up for %s at %g/s", o.warmup, o.rates[0])
	}
	for _, rate := range o.rates {
		st, err := runStep(ctx, o, db, m, rate)
		if err != nil {
			return err
		}
		res.Steps = append(res.Steps, st)
		log.Printf("step %4.0f/s: %d requests, %.1f ok/s, p50 %.1f p95 %.1f p99 %.1f ms (reads p95 %.1f, writes p95 %.1f), errors %d, RSS max %.0f MB, pg conns max %d; CPU cores: server %.2f, postgres %.2f, machine %.2f of %d",
			rate, st.All.Count, st.All.Throughput, st.All.P50, st.All.P95, st.All.P99, st.Reads.P95, st.Writes.P95, st.All.Errors,
			float64(st.Resources.RSSMax)/1e6, st.Resources.PGMax, st.Resources.ServerCores, st.Resources.PGCores, st.Resources.MachineCores, numCPU())
	}
	res.Knee = knee(res.Steps)
	if b, err := os.ReadFile(filepath.Join(o.out, "pgbench.json")); err == nil {
		var v any
		if json.Unmarshal(b, &v) == nil {
			res.Pgbench = v
		}
	}
	b, _ := json.MarshalIndent(res, "", "  ")
	if err := os.WriteFile(filepath.Join(o.out, "result.json"), b, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(o.out, "report.html"), []byte(report(res)), 0o644); err != nil {
		return err
	}
	log.Printf("wrote %s and %s", filepath.Join(o.out, "result.json"), filepath.Join(o.out, "report.html"))
	return nil
}

func knee(steps []*Step) *Knee {
	if len(steps) < 2 {
		return nil
	}
	base := steps[0].All.P95
	for _, s := range steps[1:] {
		errRate := float64(s.All.Errors) / float64(max(1, s.All.Count))
		if s.All.P95 >= 2*base || errRate > 0.01 {
			why := fmt.Sprintf("p95 %.1f ms ≥ 2 × %.1f ms", s.All.P95, base)
			if s.All.P95 < 2*base {
				why = fmt.Sprintf("%.1f%% errors", errRate*100)
			}
			return &Knee{Rate: s.Rate, P95: s.All.P95, BaselineP95: base, Reason: why}
		}
		base = min(base, s.All.P95) // the best p95 so far: a slow first step (a cold cache) is not the baseline
	}
	return nil
}

func machine(ctx context.Context, db *pgxpool.Pool) Machine {
	// The server, its Postgres and this generator share the machine; a load
	// average well above 0 at the start means other work shared it too.
	m := Machine{Note: "the server, Postgres and the load generator share this machine; compare load_avg_at_start with the core count"}
	m.CPUs = numCPU()
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		m.Load1 = strings.Join(strings.Fields(string(b))[:3], " ")
	}
	if b, err := exec.Command("uname", "-r").Output(); err == nil {
		m.Kernel = strings.TrimSpace(string(b))
	}
	if b, err := exec.Command("go", "env", "GOVERSION").Output(); err == nil {
		m.Go = strings.TrimSpace(string(b))
	}
	_ = db.QueryRow(ctx, "SHOW server_version").Scan(&m.Postgre)
	return m
}

// Step is one arrival rate held for the step's duration.
type Step struct {
	Rate      float64            `json:"rate"`
	Seconds   float64            `json:"seconds"`
	All       Latency            `json:"all"`
	Reads     Latency            `json:"reads"`
	Writes    Latency            `json:"writes"`
	Endpoints map[string]Latency `json:"endpoints"`
	Timeline  []Second           `json:"timeline"`
	Resources Resources          `json:"resources"`
	Search    SearchCompare      `json:"search"`
	Profile   string             `json:"cpu_profile,omitempty"`
	ProfTop   string             `json:"cpu_profile_top,omitempty"`
}

func runStep(ctx context.Context, o opts, db *pgxpool.Pool, m *mix, rate float64) (*Step, error) {
	st := &Step{Rate: rate, Endpoints: map[string]Latency{}}
	getJSON(o.debug+"/debug/timings/search_orders?reset=1", nil)
	lag0 := scrape(o.base + "/metrics")
	samp := startSampler(ctx, o, db)
	var prof chan string
	if o.profile > 0 {
		prof = make(chan string, 1)
		go func() {
			time.Sleep(max(0, (o.step-o.profile)/2))
			prof <- cpuProfile(o, rate)
		}()
	}
	atk := vegeta.NewAttacker(vegeta.Timeout(15*time.Second), vegeta.KeepAlive(true), vegeta.Workers(20), vegeta.MaxBody(1<<16),
		vegeta.Connections(10000))
	pacer := vegeta.ConstantPacer{Freq: int(rate), Per: time.Second}
	start := time.Now()
	var hits []hit
	for r := range atk.Attack(m.targeter(), pacer, o.step, fmt.Sprintf("rate-%v", rate)) {
		m.follow(r)
		hits = append(hits, hit{at: r.Timestamp.Sub(start), latency: r.Latency, code: r.Code, ep: endpoint(r.Method, r.URL), write: r.Method != "GET"})
	}
	st.Seconds = time.Since(start).Seconds()
	st.Resources = samp.stop()
	if prof != nil {
		st.Profile = <-prof
		st.ProfTop = pprofTop(st.Profile)
	}
	secs := st.Seconds // until the last answer: an overloaded step drains after its arrivals stop
	var reads, writes []hit
	by := map[string][]hit{}
	for _, h := range hits {
		by[h.ep] = append(by[h.ep], h)
		if h.write {
			writes = append(writes, h)
		} else {
			reads = append(reads, h)
		}
	}
	st.All, st.Reads, st.Writes = summarize(hits, secs), summarize(reads, secs), summarize(writes, secs)
	names := make([]string, 0, len(by))
	for k := range by {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		st.Endpoints[k] = summarize(by[k], secs)
	}
	st.Timeline = timeline(hits)
	st.Resources.IndexLag = lagDelta(lag0, scrape(o.base+"/metrics"))
	var eng struct {
		Count int64   `json:"count"`
		P50   float64 `json:"p50_ms"`
		P95   float64 `json:"p95_ms"`
	}
	getJSON(o.debug+"/debug/timings/search_orders", &eng)
	api := st.Endpoints["GET /api/v1/search/orders"]
	st.Search = SearchCompare{APIP95: api.P95, EngineP95: eng.P95, EngineCalls: eng.Count, APIRequests: api.Count}
	if eng.P95 > 0 {
		st.Search.Ratio = api.P95 / eng.P95
	}
	return st, nil
}

// SearchCompare sets the search API's p95 (client side) beside the
// engine's own (timed in the server around each engine call).
type SearchCompare struct {
	APIP95      float64 `json:"api_p95_ms"`
	EngineP95   float64 `json:"engine_p95_ms"`
	Ratio       float64 `json:"ratio"`
	APIRequests int     `json:"api_requests"`
	EngineCalls int64   `json:"engine_calls"`
}

func cpuProfile(o opts, rate float64) string {
	path := filepath.Join(o.out, fmt.Sprintf("cpu-%g.pprof", rate))
	b, err := getBytes(fmt.Sprintf("%s/debug/pprof/profile?seconds=%d", o.debug, int(o.profile.Seconds())), o.profile+10*time.Second)
	if err != nil || os.WriteFile(path, b, 0o644) != nil {
		return ""
	}
	return path
}

func pprofTop(path string) string {
	if path == "" {
		return ""
	}
	out, err := exec.Command("go", "tool", "pprof", "-top", "-nodecount=30", path).Output()
	if err != nil {
		return ""
	}
	return string(out)
}
