package jobs

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the search sync figures exposed on /metrics.
type Metrics struct {
	lag prometheus.Histogram
}

// NewMetrics registers the index freshness histogram and a queue-depth gauge
// that counts pending sync jobs when scraped.
func NewMetrics(reg prometheus.Registerer, pool *pgxpool.Pool) *Metrics {
	m := &Metrics{lag: prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "doorstep_search_index_lag_seconds",
		Help:    "Time from an order change to its search index update (index freshness).",
		Buckets: []float64{.05, .1, .25, .5, 1, 2, 5, 10, 30, 60, 300},
	})}
	depth := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "doorstep_search_sync_queue_depth",
		Help: "Search sync jobs not done yet: waiting (available, scheduled, retryable) or running, " +
			"including ones left running by a crashed process until River rescues them.",
	}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		var n int64
		err := pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind IN ('index_order', 'index_workshop')
			AND state IN ('available', 'scheduled', 'retryable', 'running')`).Scan(&n)
		if err != nil {
			return -1
		}
		return float64(n)
	})
	reg.MustRegister(m.lag, depth)
	return m
}

func (m *Metrics) observeLag(d time.Duration) {
	if m != nil {
		m.lag.Observe(d.Seconds())
	}
}
