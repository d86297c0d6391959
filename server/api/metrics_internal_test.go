package api

import (
	"testing"
	"time"
	"unsafe"

	"github.com/prometheus/client_golang/prometheus"
)

// TestMetricsLabelsOutliveTheRequest: Fiber's c.Method() is a view of a
// buffer the next request reuses; the metric's labels must not change with it.
func TestMetricsLabelsOutliveTheRequest(t *testing.T) {
	t.Parallel()
	reg := prometheus.NewRegistry()
	m := newMetrics(reg, reg)
	buf := []byte("GET")
	m.observe(unsafe.String(&buf[0], len(buf)), "/api/v1/orders/:id", 200, time.Millisecond)
	copy(buf, "PUT") // the pooled buffer serves the next request
	m.observe("GET", "/api/v1/orders/:id", 200, time.Millisecond)
	fams, err := reg.Gather()
	if err != nil {
		t.Fatalf("gather: %v", err)
	}
	for _, f := range fams {
		if f.GetName() != "doorstep_http_requests_total" {
			continue
		}
		if n := len(f.GetMetric()); n != 1 {
			t.Fatalf("%d series, want one GET series", n)
		}
		if v := f.GetMetric()[0].GetCounter().GetValue(); v != 2 {
			t.Fatalf("count %v, want 2", v)
		}
	}
}
