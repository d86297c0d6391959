package main

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

var idRe = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// endpoint names a request by method and route, ids replaced by :id.
func endpoint(method, rawURL string) string {
	p := rawURL
	if i := strings.Index(p, "/api/"); i >= 0 {
		p = p[i:]
	}
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	return method + " " + idRe.ReplaceAllString(p, ":id")
}

type hit struct {
	at      time.Duration // since the step started
	latency time.Duration
	code    uint16
	ep      string
	write   bool
}

// Latency is a set's count and percentiles in milliseconds.
type Latency struct {
	Count      int            `json:"count"`
	Throughput float64        `json:"throughput_rps"` // answered without error per second
	P50        float64        `json:"p50_ms"`
	P95        float64        `json:"p95_ms"`
	P99        float64        `json:"p99_ms"`
	Max        float64        `json:"max_ms"`
	Errors     int            `json:"errors"`
	ByStatus   map[string]int `json:"by_status"`
}

func ok(code uint16) bool { return code >= 200 && code < 400 }

func summarize(hs []hit, secs float64) Latency {
	l := Latency{Count: len(hs), ByStatus: map[string]int{}}
	if len(hs) == 0 {
		return l
	}
	d := make([]time.Duration, 0, len(hs))
	good := 0
	for _, h := range hs {
		d = append(d, h.latency)
		l.ByStatus[strconv.Itoa(int(h.code))]++
		if ok(h.code) {
			good++
		} else {
			l.Errors++
		}
	}
	slices.Sort(d)
	at := func(q float64) float64 { return ms(d[min(len(d)-1, int(q*float64(len(d))))]) }
	l.P50, l.P95, l.P99, l.Max = at(.5), at(.95), at(.99), ms(d[len(d)-1])
	l.Throughput = float64(good) / secs
	return l
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// Second is one second of a step: what was answered, how fast.
type Second struct {
	T        int     `json:"t"`
	Count    int     `json:"count"`
	Errors   int     `json:"errors"`
	P50      float64 `json:"p50_ms"`
	ReadP95  float64 `json:"read_p95_ms"`
	WriteP95 float64 `json:"write_p95_ms"`
}

func timeline(hs []hit) []Second {
	var by [][]hit
	for _, h := range hs {
		s := int(h.at / time.Second)
		for len(by) <= s {
			by = append(by, nil)
		}
		by[s] = append(by[s], h)
	}
	out := make([]Second, 0, len(by))
	for i, b := range by {
		var reads, writes []hit
		for _, h := range b {
			if h.write {
				writes = append(writes, h)
			} else {
				reads = append(reads, h)
			}
		}
		all := summarize(b, 1)
		out = append(out, Second{T: i, Count: len(b), Errors: all.Errors, P50: all.P50, ReadP95: summarize(reads, 1).P95,
			WriteP95: summarize(writes, 1).P95})
	}
	return out
}
