package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"syscall"
	"time"
)

// sigkill: contracts are funded (Stripe, through jobs and webhooks),
// fulfilled, inspected and settled (a job, which queues the payout; another
// job sends it as a Stripe transfer) while the server is SIGKILLed and
// restarted. Afterwards: the ledger balances, no payment is booked twice
// and no payout is sent twice, every contract settles, every job finishes.
func sigkill(ctx context.Context, e *Env, short bool) *Result {
	r := &Result{}
	n, kills := 12, 3
	if short {
		n, kills = 4, 2
	}
	const qty = 100
	db, err := e.NewDatabase(ctx, "kill")
	if err != nil {
		return r.Fail("setup", err)
	}
	srv, err := e.StartServer(ctx, db, stripeEnv(e.StripeURL)...)
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
	if err := cast.ConnectWorkshop(ctx); err != nil {
		return r.Fail("setup", err)
	}
	ids, err := cast.NewContracts(ctx, n, qty, 1)
	if err != nil {
		return r.Fail("setup", err)
	}
	// Drive every contract at once; kill the server under them.
	var wg sync.WaitGroup
	errs := make([]error, len(ids))
	steps := make([]map[string]int, len(ids))
	drivers := make([]*Driver, len(ids))
	dctx, dcancel := context.WithTimeout(ctx, 80*time.Second)
	defer dcancel()
	for i, id := range ids {
		steps[i] = map[string]int{}
		d := &Driver{Cast: cast, Pool: pool, Stripe: true, Qty: qty, Steps: steps[i]}
		drivers[i] = d
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = d.Drive(dctx, id) }()
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 17))
	restarted := true
	var lastStart time.Time
	for k := 0; k < kills; k++ {
		time.Sleep(time.Duration(700+rng.IntN(1500)) * time.Millisecond)
		var running, settled int
		_ = pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM river_job WHERE state = 'running'), (SELECT count(*) FROM contracts WHERE status = 'settled')`).Scan(&running, &settled)
		states := contractStates(ctx, e, db)
		if _, err := srv.Signal(syscall.SIGKILL, 10*time.Second); err == nil || err != nil {
			r.Note("kill %d: SIGKILL with %d jobs running; contracts by status: %s", k+1, running, states)
		}
		time.Sleep(500 * time.Millisecond)
		t0 := time.Now()
		lastStart = t0
		if err := srv.Start(ctx); err != nil {
			restarted = false
			r.Fail("restart", err)
			break
		}
		r.Note("kill %d: ready again %.1fs after restart", k+1, time.Since(t0).Seconds())
	}
	if restarted {
		FastForwardOrphans(ctx, r, pool, lastStart)
	}
	r.Check(restarted, "server restarts after SIGKILL", "%d kills, each restart ready (/readyz 200)", kills)
	wg.Wait()
	// Checks get their own time, whatever the drive used.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 60*time.Second)
	defer cancel()
	failed := 0
	for i, err := range errs {
		if err != nil {
			failed++
			r.Note("contract %d: %v; last refusals %v", i+1, err, drivers[i].Last)
		}
	}
	total := map[string]int{}
	for _, s := range steps {
		for k, v := range s {
			total[k] += v
		}
	}
	r.Note("calls made by the drivers (repeats are calls whose answer the crash took): %v", total)
	settled := count(ctx, pool, `SELECT count(*) FROM contracts WHERE id = ANY($1::uuid[]) AND status = 'settled'`, ids)
	r.Check(failed == 0 && settled == len(ids), "every contract settles after the crashes", "%d of %d settled", settled, len(ids))
	JobsFinish(ctx, r, pool, 50*time.Second)
	Money(ctx, r, pool)
	payouts := count(ctx, pool, `SELECT count(*) FROM disbursements WHERE contract_id = ANY($1::uuid[]) AND kind = 'payout' AND status = 'sent' AND provider = 'stripe'`, ids)
	r.Check(payouts == len(ids), "one Stripe payout per contract", "%d payouts sent for %d contracts", payouts, len(ids))
	charges := count(ctx, pool, `SELECT count(DISTINCT provider_ref) FROM payments WHERE contract_id = ANY($1::uuid[]) AND status = 'succeeded'`, ids)
	r.Check(charges == len(ids), "one charge per contract", "%d distinct PaymentIntents succeeded for %d contracts", charges, len(ids))
	return r
}

func contractStates(ctx context.Context, e *Env, db string) string {
	pool, err := e.Pool(ctx, db)
	if err != nil {
		return "?"
	}
	defer pool.Close()
	rows, err := pool.Query(ctx, `SELECT status || ' ' || count(*) FROM contracts GROUP BY status ORDER BY status`)
	if err != nil {
		return "?"
	}
	defer rows.Close()
	out := ""
	for rows.Next() {
		var s string
		_ = rows.Scan(&s)
		out += s + "; "
	}
	return fmt.Sprint(out)
}
