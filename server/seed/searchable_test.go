package seed_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"doorstep/search"
	"doorstep/search/pgsearch"
	"doorstep/server/jobs"
	"doorstep/server/seed"
	"doorstep/server/store/storetest"
	"doorstep/server/workflows/workflowstest"
)

// TestDemoIsSearchableAtOnce: seeding publishes the index jobs of what it
// creates (through server/events, like every write), so the workers of a
// fresh `serve` make the demo orders and workshops searchable within
// seconds, not at the next reconcile five minutes later (issue 15.11).
func TestDemoIsSearchableAtOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, pool := storetest.NewWithPool(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := seed.Demo(ctx, workflowstest.New(t, st), log); err != nil {
		t.Fatal(err)
	}
	var published, queued, workshops, workshopJobs int
	err := pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM orders WHERE status = 'published'),
		(SELECT count(DISTINCT o.id) FROM orders o JOIN river_job j ON j.kind = 'index_order' AND j.args->>'order_id' = o.id::text
		 WHERE o.status = 'published' AND j.state = 'available'),
		(SELECT count(*) FROM orgs WHERE kind = 'workshop'),
		(SELECT count(DISTINCT args->>'org_id') FROM river_job WHERE kind = 'index_workshop' AND state = 'available')`).
		Scan(&published, &queued, &workshops, &workshopJobs)
	if err != nil {
		t.Fatal(err)
	}
	if published != 3 || queued != published || workshopJobs != workshops {
		t.Fatalf("index jobs queued by seeding: %d of %d published orders, %d of %d workshops", queued, published, workshopJobs, workshops)
	}

	// The workers alone (no periodic reconcile) make them searchable.
	engine, workshopIndex := pgsearch.New(pool), pgsearch.NewWorkshops(pool)
	client, err := jobs.NewClient(pool, jobs.Deps{Store: st, Workflows: workflowstest.New(t, st), Engine: engine, Workshops: workshopIndex, Log: log, NoPeriodicJobs: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = client.Stop(context.Background()) }()
	start := time.Now()
	for {
		res, err := engine.Search(ctx, search.Query{Page: 1, PerPage: 10})
		if err == nil && res.Total == published {
			t.Logf("demo orders searchable %v after the workers started", time.Since(start).Round(time.Millisecond))
			return
		}
		if time.Since(start) > 30*time.Second {
			t.Fatalf("demo orders not searchable after 30 s: %+v %v", res, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
