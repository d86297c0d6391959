package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// Load is a bounded background mix: companies creating draft orders (each
// 201 is an acknowledged write whose id is kept), anonymous searches and
// order reads, sign-ins. Every answer is recorded with its time.
type Load struct {
	cast    *Cast
	mu      sync.Mutex
	Acked   []string
	Answers []Answer
	stop    chan struct{}
	wg      sync.WaitGroup
}

type Answer struct {
	Start, End time.Time
	What       string
	Status     int
	Code       string
	Err        string
}

// WarmSearch waits until a search answers 200: the server loads the query
// segmenter's dictionary (seconds; far more on a loaded machine) in the
// background at start, and a load that began before would measure that.
func WarmSearch(ctx context.Context, cast *Cast) error {
	return Until(ctx, 120*time.Second, "the first search", func() bool {
		return cast.Anon.Do(ctx, "GET", "/api/v1/search/orders?q=网兜&page=1", nil).Status == 200
	})
}

func StartLoad(ctx context.Context, cast *Cast, writers, readers int, pause time.Duration) *Load {
	l := &Load{cast: cast, stop: make(chan struct{})}
	for i := 0; i < writers; i++ {
		l.wg.Add(1)
		go l.loop(ctx, pause, func(n int) Answer {
			t := time.Now()
			r := cast.Company.Do(ctx, "POST", "/api/v1/orders", orderBody(1000*i+n, 500))
			if r.Status == 201 {
				l.mu.Lock()
				l.Acked = append(l.Acked, r.Str("id"))
				l.mu.Unlock()
			}
			return answer("create order", t, r)
		})
	}
	for i := 0; i < readers; i++ {
		l.wg.Add(1)
		go l.loop(ctx, pause, func(n int) Answer {
			t := time.Now()
			switch n % 3 {
			case 0:
				return answer("search", t, cast.Anon.Do(ctx, "GET", "/api/v1/search/orders?q=网兜&page=1", nil))
			case 1:
				return answer("my orders", t, cast.Company.Do(ctx, "GET", "/api/v1/orders?status=draft", nil))
			default:
				return answer("me", t, cast.Workshop.Do(ctx, "GET", "/api/v1/me", nil))
			}
		})
	}
	return l
}

func answer(what string, t time.Time, r Resp) Answer {
	a := Answer{Start: t, End: time.Now(), What: what, Status: r.Status}
	if e, ok := r.Body["error"].(map[string]any); ok {
		a.Code, _ = e["code"].(string)
	}
	if r.Err != nil {
		a.Err = r.Err.Error()
	}
	return a
}

func (l *Load) loop(ctx context.Context, pause time.Duration, call func(n int) Answer) {
	defer l.wg.Done()
	for n := 0; ; n++ {
		select {
		case <-l.stop:
			return
		case <-ctx.Done():
			return
		default:
		}
		a := call(n)
		l.mu.Lock()
		l.Answers = append(l.Answers, a)
		l.mu.Unlock()
		time.Sleep(pause)
	}
}

// Stop ends the load and waits for the calls in flight.
func (l *Load) Stop() { close(l.stop); l.wg.Wait() }

// Tally counts answers by status (and error code) within [from, to).
func Tally(as []Answer, keep func(Answer) bool) (map[string]int, int) {
	out, n := map[string]int{}, 0
	for _, a := range as {
		if !keep(a) {
			continue
		}
		n++
		k := fmt.Sprint(a.Status)
		if a.Status == 0 {
			k = "transport error"
		} else if a.Code != "" {
			k += " " + a.Code
		}
		out[k]++
	}
	return out, n
}

func fmtTally(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s×%d ", k, m[k])
	}
	return strings.TrimSpace(b.String())
}
