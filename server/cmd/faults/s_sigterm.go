package main

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// sigterm: the server gets SIGTERM under load. Every request it had taken
// must complete with its real answer (no 5xx, no dropped connection); after
// the signal new connections are refused; the process exits 0 within
// SHUTDOWN_TIMEOUT; the writes it acknowledged are in the database.
func sigterm(ctx context.Context, e *Env, short bool) *Result {
	r := &Result{}
	warm, rounds := 4*time.Second, 3
	if short {
		warm, rounds = 2*time.Second, 1
	}
	db, err := e.NewDatabase(ctx, "sigterm")
	if err != nil {
		return r.Fail("setup", err)
	}
	srv, err := e.StartServer(ctx, db)
	if err != nil {
		return r.Fail("setup", err)
	}
	defer srv.Kill()
	var all []Answer
	var acked []string
	var sigAt []time.Time
	exitOK := true
	for round := 0; round < rounds; round++ {
		cast, err := SignIn(ctx, srv.Base)
		if err != nil {
			return r.Fail("setup", err)
		}
		if err := WarmSearch(ctx, cast); err != nil {
			return r.Fail("setup", err)
		}
		load := StartLoad(ctx, cast, 4, 4, 5*time.Millisecond)
		time.Sleep(warm)
		t := time.Now()
		exited, err := srv.Signal(syscall.SIGTERM, 25*time.Second)
		var ee *exec.ExitError
		code := 0
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		}
		exitOK = exitOK && exited && err == nil
		r.Note("round %d: SIGTERM, exited %v after %.2fs, exit code %d", round+1, exited, time.Since(t).Seconds(), code)
		time.Sleep(300 * time.Millisecond)
		load.Stop()
		sigAt = append(sigAt, t)
		all = append(all, load.Answers...)
		acked = append(acked, load.Acked...)
		if err := srv.Start(ctx); err != nil {
			return r.Fail("restart", err)
		}
	}
	r.Check(exitOK, "exits cleanly", "every SIGTERM: exit status 0 within SHUTDOWN_TIMEOUT")
	// A call started before the signal was either answered or (on a keep-
	// alive connection the server was closing) refused before it was read;
	// a call started after it could only be refused.
	inflight, n5xx, lost, refused := 0, 0, 0, 0
	for _, a := range all {
		before := false
		for _, t := range sigAt {
			if a.Start.Before(t) && a.End.After(t) {
				before = true
			}
		}
		if before && a.Status != 0 {
			inflight++
		}
		if a.Status >= 500 {
			n5xx++
		}
		if a.Status == 0 {
			if strings.Contains(a.Err, "connection refused") {
				refused++
			} else if before {
				lost++
				r.Note("lost in flight: %s %s", a.What, a.Err)
			}
		}
	}
	tally, n := Tally(all, func(Answer) bool { return true })
	r.Check(n5xx == 0, "no 5xx", "%d answers: %s", n, fmtTally(tally))
	r.Check(lost == 0 && inflight > 0, "in-flight requests complete", "%d calls were in flight at a SIGTERM and got their answer, %d lost; %d later calls refused at connect", inflight, lost, refused)
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	pool, err := e.Pool(cctx, db)
	if err != nil {
		return r.Fail("check", err)
	}
	defer pool.Close()
	found := count(cctx, pool, `SELECT count(*) FROM orders WHERE id = ANY($1::uuid[])`, acked)
	r.Check(found == len(acked) && found > 0, "no acknowledged write lost", "%d orders acknowledged (201), %d in the database", len(acked), found)
	return r
}
