package jobs

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"doorstep/search/pgsearch"
	"doorstep/server/seed"
	"doorstep/server/store/storetest"
	"doorstep/server/workflows/workflowstest"
)

// The index lag is the time from an order's change to its index update. A
// forced resync of an unchanged order (its company's scorecard moved) must
// not count the order's age as lag: after a day of settlements the load
// run saw a "lag" of days for orders indexed seconds after each change.
func TestForcedResyncIsNoIndexLag(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, pool := storetest.NewWithPool(t)
	if err := seed.Demo(ctx, workflowstest.New(t, st), slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	var id uuid.UUID
	if err := pool.QueryRow(ctx, `SELECT id FROM orders WHERE status = 'published' ORDER BY title LIMIT 1`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `UPDATE orders SET updated_at = now() - interval '3 days'`); err != nil {
		t.Fatal(err)
	}
	m := NewMetrics(prometheus.NewRegistry(), pool)
	samples := func() (uint64, float64) {
		var out dto.Metric
		if err := m.lag.Write(&out); err != nil {
			t.Fatal(err)
		}
		return out.GetHistogram().GetSampleCount(), out.GetHistogram().GetSampleSum()
	}
	engine := pgsearch.New(pool)

	// The change (three days old here) is indexed: one observation of its age.
	if err := syncOrder(ctx, st.DB(), engine, m, id, false); err != nil {
		t.Fatal(err)
	}
	if n, sum := samples(); n != 1 || sum < 3*86400-60 {
		t.Fatalf("after indexing the change: %d observations summing %.0f s; want 1 of about three days", n, sum)
	}
	// A forced resync and a repeated job of the same version add nothing.
	for _, force := range []bool{true, false} {
		if err := syncOrder(ctx, st.DB(), engine, m, id, force); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := samples(); n != 1 {
		t.Fatalf("after a forced resync and a repeat: %d observations; want still 1", n)
	}

	// A full rebuild records the versions it indexed: the first job for an
	// order it indexed (here another published order, never synced alone)
	// finds its version there and observes nothing.
	var other uuid.UUID
	if err := pool.QueryRow(ctx, `SELECT id FROM orders WHERE status = 'published' AND id <> $1 LIMIT 1`, id).Scan(&other); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := orderIndex(Deps{Store: st, Engine: engine, Metrics: m}).reindex(ctx, log); err != nil {
		t.Fatal(err)
	}
	if err := syncOrder(ctx, st.DB(), engine, m, other, false); err != nil {
		t.Fatal(err)
	}
	if n, _ := samples(); n != 1 {
		t.Fatalf("a job after the rebuild for an order it indexed: %d observations; want still 1", n)
	}
}
