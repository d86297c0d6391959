package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Resources are the server's and the database's figures sampled every
// second of a step.
type Resources struct {
	RSSMax      int64   `json:"rss_max_bytes"`
	HeapMax     int64   `json:"heap_alloc_max_bytes"`
	PGMax       int     `json:"pg_connections_max"`     // server's connections (API and River pools)
	PGActiveMax int     `json:"pg_active_max"`          // of them running a statement
	PGLockMax   int     `json:"pg_lock_waits_max"`      // waiting for a lock
	QueueMax    float64 `json:"search_queue_depth_max"` // search sync jobs not done
	// CPU in cores (1 = one core busy) averaged over the step: the Go
	// server, the Postgres backends of its database, the whole machine
	// (everything else is other sessions' work on the shared machine).
	ServerCores  float64        `json:"server_cpu_cores"`
	PGCores      float64        `json:"postgres_cpu_cores"`
	MachineCores float64        `json:"machine_busy_cores"`
	IndexLag     LagStats       `json:"search_index_lag"` // change → indexed, from /metrics
	Samples      []ResourceTick `json:"samples"`
}

type ResourceTick struct {
	T        int     `json:"t"`
	RSS      int64   `json:"rss_bytes"`
	Heap     int64   `json:"heap_alloc_bytes"`
	PG       int     `json:"pg_connections"`
	PGActive int     `json:"pg_active"`
	PGLock   int     `json:"pg_lock_waits"`
	Queue    float64 `json:"search_queue_depth"`
}

type sampler struct {
	stopc chan struct{}
	done  chan Resources
}

func startSampler(ctx context.Context, o opts, db *pgxpool.Pool) *sampler {
	s := &sampler{stopc: make(chan struct{}), done: make(chan Resources, 1)}
	go func() {
		var r Resources
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		t0 := time.Now()
		type cpu struct {
			server, machine float64
			pg              map[int]float64
		}
		var first, last cpu
		read := func() (c cpu) {
			var p struct {
				CPU float64 `json:"cpu_seconds"`
			}
			getJSON(o.debug+"/debug/process", &p)
			c.server, c.machine, c.pg = p.CPU, machineBusy(), map[int]float64{}
			rows, err := db.Query(ctx, `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'doorstep-load'`)
			if err == nil {
				for rows.Next() {
					var pid int
					if rows.Scan(&pid) == nil {
						c.pg[pid] = procCPU(pid)
					}
				}
				rows.Close()
			}
			return c
		}
		first = read()
		for {
			select {
			case <-s.stopc:
				last = read()
				secs := time.Since(t0).Seconds()
				r.ServerCores = (last.server - first.server) / secs
				r.MachineCores = (last.machine - first.machine) / secs
				for pid, v := range last.pg {
					r.PGCores += (v - first.pg[pid]) / secs // a backend started meanwhile counts from zero
				}
				s.done <- r
				return
			case <-tick.C:
			}
			var p struct {
				RSS  int64 `json:"rss_bytes"`
				Heap int64 `json:"heap_alloc_bytes"`
			}
			getJSON(o.debug+"/debug/process", &p)
			tk := ResourceTick{T: int(time.Since(t0).Seconds()), RSS: p.RSS, Heap: p.Heap}
			_ = db.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE state = 'active'), count(*) FILTER (WHERE wait_event_type = 'Lock')
				FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'doorstep-load' AND backend_type = 'client backend'`).
				Scan(&tk.PG, &tk.PGActive, &tk.PGLock)
			_ = db.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind IN ('index_order', 'index_workshop')
				AND state IN ('available', 'scheduled', 'retryable', 'running')`).Scan(&tk.Queue)
			r.Samples = append(r.Samples, tk)
			r.RSSMax, r.HeapMax = max(r.RSSMax, tk.RSS), max(r.HeapMax, tk.Heap)
			r.PGMax, r.PGActiveMax, r.PGLockMax = max(r.PGMax, tk.PG), max(r.PGActiveMax, tk.PGActive), max(r.PGLockMax, tk.PGLock)
			r.QueueMax = math.Max(r.QueueMax, tk.Queue)
		}
	}()
	return s
}

func (s *sampler) stop() Resources { close(s.stopc); return <-s.done }

var client = &http.Client{Timeout: 20 * time.Second}

// clockTicks is USER_HZ, 100 on Linux.
const clockTicks = 100

// procCPU is a process's user + system CPU seconds (/proc/PID/stat).
func procCPU(pid int) float64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseFloat(f[11], 64)
	k, _ := strconv.ParseFloat(f[12], 64)
	return (u + k) / clockTicks
}

// machineBusy is the CPU seconds all cores spent not idle (/proc/stat).
func machineBusy() float64 {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line := strings.SplitN(string(b), "\n", 2)[0]
	var busy float64
	for i, v := range strings.Fields(line)[1:] {
		x, _ := strconv.ParseFloat(v, 64)
		if i != 3 && i != 4 { // idle, iowait
			busy += x
		}
	}
	return busy / clockTicks
}

func getBytes(u string, timeout time.Duration) ([]byte, error) {
	c := &http.Client{Timeout: timeout}
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func getJSON(u string, v any) {
	resp, err := client.Get(u)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	if v != nil {
		_ = json.NewDecoder(resp.Body).Decode(v)
	}
}

// scrape reads the index-lag histogram from the server's /metrics.
func scrape(u string) map[string]float64 {
	out := map[string]float64{}
	resp, err := client.Get(u)
	if err != nil {
		return out
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "doorstep_search_index_lag_seconds") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err == nil {
			out[line[:i]] = v
		}
	}
	return out
}

// LagStats is the index lag of the changes indexed during a step.
type LagStats struct {
	Count   float64 `json:"count"`
	MeanSec float64 `json:"mean_s"`
	P95Le   string  `json:"p95_at_most_s"` // the histogram bucket holding the 95th percentile
}

func lagDelta(a, b map[string]float64) LagStats {
	var l LagStats
	if len(a) == 0 || len(b) == 0 {
		return LagStats{Count: -1} // a scrape failed
	}
	l.Count = b["doorstep_search_index_lag_seconds_count"] - a["doorstep_search_index_lag_seconds_count"]
	if l.Count <= 0 {
		return l
	}
	l.MeanSec = (b["doorstep_search_index_lag_seconds_sum"] - a["doorstep_search_index_lag_seconds_sum"]) / l.Count
	type bucket struct {
		le float64
		n  float64
		s  string
	}
	var bs []bucket
	for k, v := range b {
		if i := strings.Index(k, `le="`); i >= 0 {
			le := strings.TrimSuffix(k[i+4:], `"}`)
			f, err := strconv.ParseFloat(le, 64)
			if le == "+Inf" {
				f = math.Inf(1)
			} else if err != nil {
				continue
			}
			bs = append(bs, bucket{f, v - a[k], le})
		}
	}
	for i := range bs {
		for j := i + 1; j < len(bs); j++ {
			if bs[j].le < bs[i].le {
				bs[i], bs[j] = bs[j], bs[i]
			}
		}
	}
	for _, x := range bs {
		if x.n >= 0.95*l.Count {
			l.P95Le = x.s
			break
		}
	}
	return l
}

func numCPU() int { return runtime.NumCPU() }
