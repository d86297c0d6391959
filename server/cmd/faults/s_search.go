package main

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// searchDown: what "the search engine unreachable" means depends on the
// engine. The embedded Postgres engine lives in the application's own
// database, so it cannot be away while writes succeed; its failure is the
// index write failing (here a trigger makes every index write raise). With
// Meilisearch (MEILI_URL) it is a dead address. In both, orders are
// approved (the write path inserts an index_order job in the same
// transaction) and must succeed; with Postgres the index must catch up
// once writes work again. A Meilisearch that comes back cannot be tested
// here: no Meilisearch binary is installable on these machines.
func searchDown(ctx context.Context, e *Env, short bool) *Result {
	r := &Result{}
	n, outage := 6, 10*time.Second
	if short {
		n, outage = 3, 3*time.Second
	}
	db, err := e.NewDatabase(ctx, "search")
	if err != nil {
		return r.Fail("setup", err)
	}
	srv, err := e.StartServer(ctx, db)
	if err != nil {
		return r.Fail("setup", err)
	}
	defer srv.Kill()
	pool, err := e.Pool(ctx, db)
	if err != nil {
		return r.Fail("setup", err)
	}
	defer pool.Close()
	cast, err := SignIn(ctx, srv.Base)
	if err != nil {
		return r.Fail("setup", err)
	}
	total := func() int {
		res := cast.Anon.Do(ctx, "GET", "/api/v1/search/orders?q=网兜", nil)
		t, _ := res.Body["total"].(float64)
		if res.Status != 200 {
			return -1
		}
		return int(t)
	}
	_ = Until(ctx, 30*time.Second, "the demo indexed", func() bool {
		return count(ctx, pool, `SELECT count(*) FROM river_job WHERE kind IN ('index_order', 'index_workshop') AND state <> 'completed'`) == 0
	})
	// The query segmenter's dictionary loads in the background at start.
	if err := Until(ctx, 90*time.Second, "the search API to answer", func() bool { return total() >= 0 }); err != nil {
		return r.Fail("setup", err)
	}
	before := total()
	if _, err := pool.Exec(ctx, `CREATE FUNCTION faults_index_down() RETURNS trigger LANGUAGE plpgsql AS
		$$ BEGIN RAISE EXCEPTION 'faults: search index unreachable'; END $$;
		CREATE TRIGGER faults_index_down BEFORE INSERT OR UPDATE ON search_order_docs FOR EACH ROW EXECUTE FUNCTION faults_index_down()`); err != nil {
		return r.Fail("setup", err)
	}
	var ids []string
	writes := 0
	t0 := time.Now()
	for i := 0; i < n; i++ {
		id, err := cast.Publish(ctx, 9000+i, 300)
		if err == nil {
			writes++
			ids = append(ids, id)
		} else {
			r.Note("write refused: %v", err)
		}
	}
	r.Check(writes == n, "writes succeed while the index is down", "%d of %d orders created, submitted and approved (2xx)", writes, n)
	time.Sleep(max(0, outage-time.Since(t0)))
	failing := count(ctx, pool, `SELECT count(*) FROM river_job WHERE kind = 'index_order' AND state IN ('retryable', 'available', 'running') AND errors IS NOT NULL`)
	during := total()
	r.Check(failing > 0 && during == before && before >= 0, "the index falls behind, searches still answer", "%d index jobs failing and retrying; search total %d (was %d)", failing, during, before)
	if _, err := pool.Exec(context.WithoutCancel(ctx), `DROP TRIGGER faults_index_down ON search_order_docs; DROP FUNCTION faults_index_down()`); err != nil {
		return r.Fail("restore", err)
	}
	back := time.Now()
	err = Until(ctx, 70*time.Second, "the index to catch up", func() bool {
		return count(ctx, pool, `SELECT count(*) FROM search_order_docs WHERE id = ANY($1::uuid[])`, ids) == len(ids) && total() == before+len(ids)
	})
	r.Check(err == nil, "the index catches up", "%d orders indexed and found by the search API (total %d → %d) %.1fs after index writes worked again",
		len(ids), before, total(), time.Since(back).Seconds())
	JobsFinish(ctx, r, pool, 30*time.Second)

	// Meilisearch at an address where nothing listens.
	port, _ := freePort()
	mdb, err := e.NewDatabase(ctx, "meili")
	if err != nil {
		return r.Fail("setup", err)
	}
	msrv, err := e.StartServer(ctx, mdb, "MEILI_URL=http://127.0.0.1:"+strconv.Itoa(port))
	r.Check(err == nil, "Meilisearch unreachable: the server starts and is ready", "MEILI_URL=http://127.0.0.1:%d (nothing listening): %v", port, errText(err))
	if err != nil {
		return r
	}
	defer msrv.Kill()
	mcast, err := SignIn(ctx, msrv.Base)
	if err != nil {
		return r.Fail("setup", err)
	}
	mwrites := 0
	for i := 0; i < n; i++ {
		if _, err := mcast.Publish(ctx, 9500+i, 300); err == nil {
			mwrites++
		} else {
			r.Note("write refused: %v", err)
		}
	}
	r.Check(mwrites == n, "Meilisearch unreachable: writes succeed", "%d of %d orders created, submitted and approved (2xx)", mwrites, n)
	mpool, err := e.Pool(ctx, mdb)
	if err != nil {
		return r.Fail("setup", err)
	}
	defer mpool.Close()
	time.Sleep(3 * time.Second)
	queued := count(ctx, mpool, `SELECT count(*) FROM river_job WHERE kind = 'index_order' AND state IN ('retryable', 'available', 'running', 'scheduled')`)
	discarded := count(ctx, mpool, `SELECT count(*) FROM river_job WHERE kind = 'index_order' AND state = 'discarded'`)
	res := mcast.Anon.Do(ctx, "GET", "/api/v1/search/orders?q=网兜", nil)
	r.Check(queued > 0 && discarded == 0, "Meilisearch unreachable: index jobs wait and retry", "%d index_order jobs retrying, %d given up; the search API answers %d %s",
		queued, discarded, res.Status, code(res))
	r.Check(res.Status == 503 && code(res) == "unavailable", "search while Meilisearch is unreachable: 503 unavailable (temporary), not a 500",
		"the search API answers %d %s", res.Status, code(res))
	return r
}

func errText(err error) string {
	if err == nil {
		return "ready"
	}
	return err.Error()
}

func code(r Resp) string {
	if e, ok := r.Body["error"].(map[string]any); ok {
		return fmt.Sprint(e["code"])
	}
	return ""
}
