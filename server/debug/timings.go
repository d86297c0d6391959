package debug

import (
	"context"
	"slices"
	"sync"
	"time"

	"doorstep/search"
)

// Timings keeps the durations of one kind of call (up to a bound) so that
// exact percentiles can be read and reset over the debug listener.
type Timings struct {
	name string
	mu   sync.Mutex
	d    []time.Duration
	n    int64
}

const maxTimings = 1 << 20

// NewTimings makes a named set of timings (served at /debug/timings/NAME).
func NewTimings(name string) *Timings { return &Timings{name: name} }

// Add records one call.
func (t *Timings) Add(d time.Duration) {
	t.mu.Lock()
	t.n++
	if len(t.d) < maxTimings {
		t.d = append(t.d, d)
	}
	t.mu.Unlock()
}

// Summary is the count and percentiles in milliseconds.
type Summary struct {
	Count int64   `json:"count"`
	P50   float64 `json:"p50_ms"`
	P95   float64 `json:"p95_ms"`
	P99   float64 `json:"p99_ms"`
	Max   float64 `json:"max_ms"`
}

// Summary reads the percentiles since the last reset (and resets if asked).
func (t *Timings) Summary(reset bool) Summary {
	t.mu.Lock()
	d := slices.Clone(t.d)
	n := t.n
	if reset {
		t.d, t.n = t.d[:0], 0
	}
	t.mu.Unlock()
	slices.Sort(d)
	s := Summary{Count: n}
	if len(d) == 0 {
		return s
	}
	at := func(q float64) float64 { return float64(d[min(len(d)-1, int(q*float64(len(d))))]) / 1e6 }
	s.P50, s.P95, s.P99, s.Max = at(0.50), at(0.95), at(0.99), float64(d[len(d)-1])/1e6
	return s
}

// TimedEngine times an order search engine's searches.
type TimedEngine struct {
	search.Engine
	T *Timings
}

func (e TimedEngine) Search(ctx context.Context, q search.Query) (search.Result, error) {
	t0 := time.Now()
	r, err := e.Engine.Search(ctx, q)
	e.T.Add(time.Since(t0))
	return r, err
}

// TimedWorkshops times a workshop search engine's searches.
type TimedWorkshops struct {
	search.WorkshopEngine
	T *Timings
}

func (e TimedWorkshops) SearchWorkshops(ctx context.Context, q search.WorkshopQuery) (search.WorkshopResult, error) {
	t0 := time.Now()
	r, err := e.WorkshopEngine.SearchWorkshops(ctx, q)
	e.T.Add(time.Since(t0))
	return r, err
}
