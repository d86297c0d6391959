package main

import (
	"context"
	"net/http"
	"time"
)

// dbRestart: Postgres stops under load (a fast shutdown, and in the long
// run also a crash, -m immediate) and comes back. The server must keep
// running, answer 503 unavailable (never another 5xx, never hang) while
// the database is away, say so on /readyz, recover by itself, and every
// write it acknowledged must be in the database afterwards.
func dbRestart(ctx context.Context, e *Env, short bool) *Result {
	r := &Result{}
	warm, down := 5*time.Second, 10*time.Second
	modes := []string{"fast", "immediate"}
	if short {
		warm, down, modes = 2*time.Second, 4*time.Second, []string{"fast"}
	}
	db, err := e.NewDatabase(ctx, "dbrestart")
	if err != nil {
		return r.Fail("setup", err)
	}
	srv, err := e.StartServer(ctx, db)
	if err != nil {
		return r.Fail("setup", err)
	}
	defer srv.Kill()
	cast, err := SignIn(ctx, srv.Base)
	if err != nil {
		return r.Fail("setup", err)
	}
	if err := WarmSearch(ctx, cast); err != nil {
		return r.Fail("setup", err)
	}
	load := StartLoad(ctx, cast, 3, 3, 20*time.Millisecond)
	type window struct{ from, to time.Time }
	var outages []window
	probes, probes503, probesOther := 0, 0, 0
	alive := true
	var recovery []time.Duration
	for _, mode := range modes {
		time.Sleep(warm)
		t0 := time.Now()
		if err := e.PGStop(ctx, mode); err != nil {
			load.Stop()
			return r.Fail("pg_ctl stop", err)
		}
		stopped := time.Now()
		for time.Since(stopped) < down {
			res, err := http.Get(srv.Base + "/readyz")
			probes++
			if err == nil {
				if res.StatusCode == 503 {
					probes503++
				} else {
					probesOther++
				}
				res.Body.Close()
			} else {
				probesOther++
			}
			alive = alive && srv.Running()
			time.Sleep(200 * time.Millisecond)
		}
		if err := e.PGStart(ctx); err != nil {
			load.Stop()
			return r.Fail("pg_ctl start", err)
		}
		started := time.Now()
		err := srv.WaitReady(ctx, 30*time.Second)
		recovery = append(recovery, time.Since(started))
		if err != nil {
			r.Fail("recovers without a restart", err)
		}
		// The first acknowledged write after the restart.
		_ = Until(ctx, 30*time.Second, "a write after the restart", func() bool {
			return cast.Company.Do(ctx, "POST", "/api/v1/orders", orderBody(0, 500)).Status == 201
		})
		outages = append(outages, window{t0, time.Now().Add(time.Second)})
		r.Note("%s stop: database away %.1fs, /readyz 200 again %.2fs after it was back", mode, started.Sub(t0).Seconds(), recovery[len(recovery)-1].Seconds())
	}
	time.Sleep(warm)
	load.Stop()
	alive = alive && srv.Running()
	r.Check(alive, "the server keeps running", "the process never exited")
	r.Check(probes503 > 0 && probesOther == 0, "/readyz says 503 while the database is away", "%d probes: %d answered 503, %d otherwise", probes, probes503, probesOther)
	in := func(a Answer) bool {
		for _, w := range outages {
			if a.End.After(w.from) && a.Start.Before(w.to) {
				return true
			}
		}
		return false
	}
	during, nd := Tally(load.Answers, in)
	bad := 0
	for k, v := range during {
		if k != "503 unavailable" && k[0] != '2' {
			bad += v
		}
	}
	r.Check(bad == 0 && during["503 unavailable"] > 0, "503 unavailable while away, nothing else", "%d answers during the outages: %s", nd, fmtTally(during))
	outside, no := Tally(load.Answers, func(a Answer) bool { return !in(a) })
	badOut := 0
	for k, v := range outside {
		if k[0] != '2' {
			badOut += v
		}
	}
	r.Check(badOut == 0, "no errors outside the outages", "%d answers before, between and after: %s", no, fmtTally(outside))
	var slow Answer
	for _, a := range load.Answers {
		if a.End.Sub(a.Start) > slow.End.Sub(slow.Start) {
			slow = a
		}
	}
	slowest := slow.End.Sub(slow.Start)
	r.Check(slowest < 20*time.Second, "no call hangs", "every call answered before the client's 20 s timeout; slowest %.2fs (%s, %d %s, started %.1fs after the stop began)",
		slowest.Seconds(), slow.What, slow.Status, slow.Code, slow.Start.Sub(outages[0].from).Seconds())
	okRecovery := true
	for _, d := range recovery {
		okRecovery = okRecovery && d < 15*time.Second
	}
	r.Check(okRecovery, "recovers without a restart", "ready again after %v", recovery)
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	pool, err := e.Pool(cctx, db)
	if err != nil {
		return r.Fail("check", err)
	}
	defer pool.Close()
	found := count(cctx, pool, `SELECT count(*) FROM orders WHERE id = ANY($1::uuid[])`, load.Acked)
	r.Check(found == len(load.Acked) && found > 0, "no acknowledged write lost", "%d orders acknowledged (201), %d in the database", len(load.Acked), found)
	return r
}
