package jobs

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"

	"doorstep/search/pgsearch"
	"doorstep/server/store/storetest"
	"doorstep/server/workflows/workflowstest"
)

// TestStuckJobsAreRescuedAndCounted: a sync job left "running" by a process
// that died is counted in the queue-depth metric, and River runs it again
// soon after the longest job could have run, not an hour later (issue 15.7).
func TestStuckJobsAreRescuedAndCounted(t *testing.T) {
	t.Parallel()
	if RescueStuckJobsAfter <= ReconcileTimeout || RescueStuckJobsAfter <= JobTimeout || RescueStuckJobsAfter > 15*time.Minute {
		t.Fatalf("RescueStuckJobsAfter %v must exceed every job's timeout and stay well under River's hour", RescueStuckJobsAfter)
	}
	ctx := context.Background()
	st, pool := storetest.NewWithPool(t)
	// A crashed worker's job: running since just past the rescue threshold.
	started := time.Now().Add(-RescueStuckJobsAfter - time.Minute)
	var jobID int64
	err := pool.QueryRow(ctx, `INSERT INTO river_job (kind, args, state, attempt, max_attempts, attempted_at, attempted_by, queue, priority, scheduled_at)
		VALUES ('index_order', jsonb_build_object('order_id', $1::text), 'running', 1, 50, $2, '{crashed-host}', 'default', 1, $2)
		RETURNING id`, uuid.New(), started).Scan(&jobID)
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	NewMetrics(reg, pool)
	if got := queueDepth(t, reg); got != 1 {
		t.Fatalf("queue depth %v: the running job is not counted", got)
	}

	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	client, err := NewClient(pool, Deps{Store: st, Workflows: workflowstest.New(t, st), Engine: pgsearch.New(pool), Log: log, NoPeriodicJobs: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = client.Stop(context.Background()) }()
	deadline := time.Now().Add(60 * time.Second) // River's rescuer runs on the leader soon after start
	for {
		var state string
		if err := pool.QueryRow(ctx, "SELECT state FROM river_job WHERE id = $1", jobID).Scan(&state); err != nil {
			t.Fatal(err)
		}
		if state != "running" {
			t.Logf("stuck job rescued: now %s", state)
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the stuck job is still running after a minute")
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func queueDepth(t *testing.T, reg *prometheus.Registry) float64 {
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == "doorstep_search_sync_queue_depth" {
			return mf.GetMetric()[0].GetGauge().GetValue()
		}
	}
	t.Fatal("no queue depth gauge")
	return 0
}
