package jobs

import (
	"context"
	"io"
	"log/slog"
	"maps"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	"doorstep/search"
	"doorstep/search/pgsearch"
	"doorstep/server/seed"
	"doorstep/server/store"
	"doorstep/server/store/storetest"
	"doorstep/server/workflows/workflowstest"
)

// startWorkers runs the real River client (without its schedule: the test
// inserts the reconcile jobs it wants) against the test database.
func startWorkers(t *testing.T, st *store.Store, pool *pgxpool.Pool, orders search.Engine, workshops search.WorkshopEngine) *river.Client[pgx.Tx] {
	t.Helper()
	client, err := NewClient(pool, Deps{Store: st, Workflows: workflowstest.New(t, st), Engine: orders, Workshops: workshops,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), NoPeriodicJobs: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	if err := client.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		stopCtx, c2 := context.WithTimeout(context.Background(), 5*time.Second)
		defer c2()
		_ = client.Stop(stopCtx)
	})
	return client
}

// waitForJobs polls river_job until no job matching where is left to run;
// a job that failed ends the test.
func waitForJobs(t *testing.T, pool *pgxpool.Pool, where string, args ...any) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		var pending int
		var errs string
		err := pool.QueryRow(context.Background(), `SELECT count(*) FILTER (WHERE state <> 'completed'),
			coalesce(string_agg(kind || ': ' || errors::text, '; ') FILTER (WHERE cardinality(errors) > 0), '')
			FROM river_job WHERE `+where, args...).Scan(&pending, &errs)
		switch {
		case err != nil:
			t.Fatal(err)
		case errs != "":
			t.Fatalf("jobs failed: %s", errs)
		case pending == 0:
			return
		case time.Now().After(deadline):
			t.Fatalf("%d jobs still pending (%s)", pending, where)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// reconcile runs one reconcile job through River, then the sync jobs it enqueued.
func reconcile(t *testing.T, pool *pgxpool.Pool, client *river.Client[pgx.Tx], full bool) {
	t.Helper()
	res, err := client.Insert(context.Background(), ReconcileArgs{Full: full}, nil)
	if err != nil {
		t.Fatal(err)
	}
	waitForJobs(t, pool, "id = $1", res.Job.ID)
	waitForJobs(t, pool, "kind IN ('index_order', 'index_workshop')")
}

// names reads id → name pairs with SQL (the database is the truth the
// indexes must converge to).
func names(t *testing.T, pool *pgxpool.Pool, sql string) map[string]string {
	t.Helper()
	rows, err := pool.Query(context.Background(), sql)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for rows.Next() {
		var id uuid.UUID
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			t.Fatal(err)
		}
		out[id.String()] = name
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// indexed reads id → title (orders) and id → name (workshops) from the indexes.
func indexed(t *testing.T, orders search.Engine, workshops search.WorkshopEngine) (map[string]string, map[string]string) {
	t.Helper()
	ctx := context.Background()
	o, err := orders.Search(ctx, search.Query{Page: 1, PerPage: search.MaxPerPage})
	if err != nil {
		t.Fatal(err)
	}
	w, err := workshops.SearchWorkshops(ctx, search.WorkshopQuery{Page: 1, PerPage: search.MaxPerPage})
	if err != nil {
		t.Fatal(err)
	}
	if o.Total > search.MaxPerPage || w.Total > search.MaxPerPage {
		t.Fatalf("more documents than one page: %d orders, %d workshops", o.Total, w.Total)
	}
	ot, wn := map[string]string{}, map[string]string{}
	for _, h := range o.Hits {
		ot[h.Doc.ID] = h.Doc.Title
	}
	for _, h := range w.Hits {
		wn[h.Doc.ID] = h.Doc.Name
	}
	return ot, wn
}

const (
	publishedOrders = "SELECT id, title FROM orders WHERE status = 'published'"
	allWorkshops    = "SELECT id, name FROM orgs WHERE kind = 'workshop'"
)

// converged: both indexes hold exactly what the database says, no more.
func converged(t *testing.T, pool *pgxpool.Pool, orders search.Engine, workshops search.WorkshopEngine) {
	t.Helper()
	gotOrders, gotWorkshops := indexed(t, orders, workshops)
	if want := names(t, pool, publishedOrders); !maps.Equal(gotOrders, want) {
		t.Errorf("order index:\n got %v\nwant %v", gotOrders, want)
	}
	if want := names(t, pool, allWorkshops); !maps.Equal(gotWorkshops, want) {
		t.Errorf("workshop index:\n got %v\nwant %v", gotWorkshops, want)
	}
}

// TestReconcileRepairsDrift: rows changed behind the indexes' back (SQL, no
// sync job) are repaired by the reconcile job River runs: the recent pass
// re-syncs what changed in the last 15 minutes, the full pass rebuilds both
// indexes from the database, removing what should not be there.
func TestReconcileRepairsDrift(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, pool := storetest.NewWithPool(t)
	if err := seed.Demo(ctx, workflowstest.New(t, st), slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	// The demo data published its own sync jobs; drop them, so the indexes
	// start empty and only the reconcile can fill them.
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := pool.Exec(ctx, sql, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec("DELETE FROM river_job")
	// Age every row, so the recent pass sees only what this test changes.
	exec("UPDATE orders SET updated_at = now() - interval '1 hour'")
	exec("UPDATE orgs SET updated_at = now() - interval '1 hour'")
	orders, workshops := pgsearch.New(pool), pgsearch.NewWorkshops(pool)
	client := startWorkers(t, st, pool, orders, workshops)

	// A full rebuild fills the empty indexes.
	reconcile(t, pool, client, true)
	converged(t, pool, orders, workshops)
	gotOrders, gotWorkshops := indexed(t, orders, workshops)
	if len(gotOrders) != 3 || len(gotWorkshops) != 4 {
		t.Fatalf("after the first rebuild: %d orders, %d workshops; want the 3 published demo orders and 4 workshops", len(gotOrders), len(gotWorkshops))
	}

	// Behind the indexes' back: one order retitled and one suspended just
	// now, one retitled an hour ago; one workshop renamed just now.
	ids := func(sql string) []uuid.UUID {
		rows, err := pool.Query(ctx, sql)
		if err != nil {
			t.Fatal(err)
		}
		out, err := pgx.CollectRows(rows, pgx.RowTo[uuid.UUID])
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	pub := ids("SELECT id FROM orders WHERE status = 'published' ORDER BY title")
	ws := ids("SELECT id FROM orgs WHERE kind = 'workshop' ORDER BY name")
	retitled, suspended, old := pub[0], pub[1], pub[2]
	exec("UPDATE orders SET title = '手工编织杯套 800 个', updated_at = now() WHERE id = $1", retitled)
	exec("UPDATE orders SET status = 'suspended', status_reason = 'drift', updated_at = now() WHERE id = $1", suspended)
	exec("UPDATE orders SET title = '旧改动：手工纸盒 300 个', updated_at = now() - interval '1 hour' WHERE id = $1", old)
	exec("UPDATE orgs SET name = '黄河社区幸福微坊', updated_at = now() WHERE id = $1", ws[0])
	var queued int
	if err := pool.QueryRow(ctx, "SELECT count(*) FROM river_job WHERE kind IN ('index_order', 'index_workshop')").Scan(&queued); err != nil || queued != 0 {
		t.Fatalf("sync jobs queued by the SQL changes: %d %v", queued, err)
	}

	// The recent pass repairs what changed in its window...
	reconcile(t, pool, client, false)
	gotOrders, gotWorkshops = indexed(t, orders, workshops)
	if gotOrders[retitled.String()] != "手工编织杯套 800 个" || gotWorkshops[ws[0].String()] != "黄河社区幸福微坊" {
		t.Errorf("recent changes not repaired: %v %v", gotOrders, gotWorkshops)
	}
	if _, ok := gotOrders[suspended.String()]; ok {
		t.Errorf("a suspended order is still in search: %v", gotOrders)
	}
	// ...and only that: older drift waits for the full rebuild.
	if gotOrders[old.String()] == "旧改动：手工纸盒 300 个" {
		t.Errorf("the recent pass looked back further than 15 minutes: %v", gotOrders)
	}

	// More drift: documents for rows that do not exist, documents of a
	// published order and of a workshop deleted.
	o, err := st.DB().Order(ctx, retitled)
	if err != nil {
		t.Fatal(err)
	}
	stray := OrderDoc(o, "幽灵公司", false)
	stray.ID = uuid.NewString()
	if err := orders.Upsert(ctx, stray); err != nil {
		t.Fatal(err)
	}
	if err := workshops.UpsertWorkshops(ctx, search.WorkshopDoc{ID: uuid.NewString(), Name: "不存在的工坊", DistrictCode: "371602",
		Crafts: []string{}, CraftNamesZH: []string{}, CraftNamesEN: []string{}}); err != nil {
		t.Fatal(err)
	}
	if err := orders.Delete(ctx, retitled.String()); err != nil {
		t.Fatal(err)
	}
	if err := workshops.DeleteWorkshop(ctx, ws[1].String()); err != nil {
		t.Fatal(err)
	}

	// The full rebuild converges: exactly the database, nothing else.
	reconcile(t, pool, client, true)
	converged(t, pool, orders, workshops)
	gotOrders, gotWorkshops = indexed(t, orders, workshops)
	if len(gotOrders) != 2 || len(gotWorkshops) != 4 || gotOrders[old.String()] != "旧改动：手工纸盒 300 个" {
		t.Fatalf("after the full rebuild: %v %v", gotOrders, gotWorkshops)
	}
}
