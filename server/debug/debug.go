// Package debug is the loopback-only debug listener (DEBUG_ADDR): Go's
// pprof profiles, expvar with the process's RSS and heap, and exact timings
// of the search engines' own calls, so a load run can compare the search
// API with the engine underneath it and profile what saturates.
package debug

import (
	"context"
	"encoding/json"
	"errors"
	"expvar"
	"log/slog"
	"net/http"
	"net/http/pprof"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Serve runs the debug listener until ctx ends. The address is checked to
// be a loopback one by config.Validate.
func Serve(ctx context.Context, addr string, log *slog.Logger, timings ...*Timings) {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.Handle("/debug/vars", expvar.Handler())
	mux.HandleFunc("/debug/process", func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, Process()) })
	for _, t := range timings {
		mux.HandleFunc("/debug/timings/"+t.name, func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, t.Summary(r.URL.Query().Get("reset") == "1"))
		})
	}
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	go func() {
		log.Info("debug listener", "addr", addr)
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("debug listener", "err", err)
		}
	}()
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// ProcessStats is the process's memory and scheduling figures.
type ProcessStats struct {
	RSSBytes       int64   `json:"rss_bytes"`
	HeapAllocBytes int64   `json:"heap_alloc_bytes"` // live and not yet swept heap objects
	HeapInuseBytes int64   `json:"heap_inuse_bytes"`
	GoTotalBytes   int64   `json:"go_total_bytes"` // all memory the Go runtime mapped
	Goroutines     int     `json:"goroutines"`
	GCCycles       int64   `json:"gc_cycles"`
	GCPauseTotalNs int64   `json:"gc_pause_total_ns"`
	CPUSeconds     float64 `json:"cpu_seconds"` // user + system since start
}

// Process reads the figures (RSS from /proc/self/statm on Linux).
func Process() ProcessStats {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	p := ProcessStats{HeapAllocBytes: int64(ms.HeapAlloc), HeapInuseBytes: int64(ms.HeapInuse), GoTotalBytes: int64(ms.Sys),
		Goroutines: runtime.NumGoroutine(), GCCycles: int64(ms.NumGC), GCPauseTotalNs: int64(ms.PauseTotalNs)}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		p.CPUSeconds = float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
	}
	if b, err := os.ReadFile("/proc/self/statm"); err == nil {
		if f := strings.Fields(string(b)); len(f) > 1 {
			pages, _ := strconv.ParseInt(f[1], 10, 64)
			p.RSSBytes = pages * int64(os.Getpagesize())
		}
	}
	return p
}

func init() {
	expvar.Publish("process", expvar.Func(func() any { return Process() }))
	expvar.Publish("sched_latency_p99_seconds", expvar.Func(func() any {
		s := []metrics.Sample{{Name: "/sched/latencies:seconds"}}
		metrics.Read(s)
		if s[0].Value.Kind() != metrics.KindFloat64Histogram {
			return nil
		}
		return histQuantile(s[0].Value.Float64Histogram(), 0.99)
	}))
}

func histQuantile(h *metrics.Float64Histogram, q float64) float64 {
	var total uint64
	for _, c := range h.Counts {
		total += c
	}
	if total == 0 {
		return 0
	}
	want := uint64(float64(total) * q)
	var seen uint64
	for i, c := range h.Counts {
		seen += c
		if seen > want {
			return h.Buckets[i+1]
		}
	}
	return h.Buckets[len(h.Buckets)-1]
}
