package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/server/jobs"
	"doorstep/server/store"
)

// Result is a scenario's verdict: every invariant checked, with its outcome.
type Result struct {
	checks []check
	notes  []string
}

type check struct {
	name, detail string
	ok           bool
}

func (r *Result) Check(ok bool, name, format string, args ...any) bool {
	r.checks = append(r.checks, check{name: name, detail: fmt.Sprintf(format, args...), ok: ok})
	return ok
}

func (r *Result) Fail(name string, err error) *Result {
	r.Check(false, name, "%v", err)
	return r
}

func (r *Result) Note(format string, args ...any) {
	r.notes = append(r.notes, fmt.Sprintf(format, args...))
}

func (r *Result) OK() bool {
	for _, c := range r.checks {
		if !c.ok {
			return false
		}
	}
	return len(r.checks) > 0
}

func (r *Result) Print(id, name string, took time.Duration) {
	verdict := "PASS"
	if !r.OK() {
		verdict = "FAIL"
	}
	fmt.Printf("\n%s %s) %s — %d invariants, %.1fs\n", verdict, id, name, len(r.checks), took.Seconds())
	for _, c := range r.checks {
		mark := "ok  "
		if !c.ok {
			mark = "FAIL"
		}
		fmt.Printf("  %s %s: %s\n", mark, c.name, strings.ReplaceAll(c.detail, "\n", "\n       "))
	}
	for _, n := range r.notes {
		fmt.Printf("  note %s\n", n)
	}
}

// Money checks the money invariants on a database: the ledger (every
// transaction balances, all entries sum to zero, cached balances equal
// their entries — store.LedgerCheck), each payment booked once, each
// payout sent once, and no settled contract holding money.
func Money(ctx context.Context, r *Result, pool *pgxpool.Pool) {
	st, err := store.New(pool)
	if err != nil {
		r.Fail("ledger", err)
		return
	}
	c, err := st.DB().LedgerCheck(ctx)
	r.Check(err == nil && c.EntriesSum == 0 && c.BalancesSum == 0 && c.StaleBalances == 0 && c.Unbalanced == 0, "ledger balances",
		"entries sum %d, balances sum %d, stale balances %d, unbalanced transactions %d (err %v)", c.EntriesSum, c.BalancesSum, c.StaleBalances, c.Unbalanced, err)
	n := count(ctx, pool, `SELECT count(*) FROM (SELECT payment_id FROM ledger_transactions WHERE kind = 'payment_received' GROUP BY payment_id HAVING count(*) > 1) x`)
	paid := count(ctx, pool, `SELECT count(*) FROM ledger_transactions WHERE kind = 'payment_received'`)
	r.Check(n == 0, "no payment booked twice", "%d payments received, %d booked more than once", paid, n)
	n = count(ctx, pool, `SELECT count(*) FROM (SELECT disbursement_id FROM ledger_transactions WHERE disbursement_id IS NOT NULL AND posting_key LIKE '%:sent' GROUP BY disbursement_id HAVING count(*) > 1) x`)
	sent := count(ctx, pool, `SELECT count(*) FROM disbursements WHERE status = 'sent'`)
	dup := count(ctx, pool, `SELECT count(*) FROM (SELECT contract_id, kind, recipient_org_id FROM disbursements WHERE kind = 'payout' GROUP BY 1, 2, 3 HAVING count(*) > 1) x`)
	r.Check(n == 0 && dup == 0, "no payout twice", "%d disbursements sent, %d booked as sent more than once, %d contracts with two payouts", sent, n, dup)
	held := count(ctx, pool, `SELECT count(*) FROM contracts k JOIN ledger_accounts a ON a.contract_id = k.id
		WHERE k.status = 'settled' AND a.kind IN ('contract_escrow', 'contract_deposit') AND a.balance <> 0`)
	r.Check(held == 0, "settled contracts hold nothing", "%d settled contracts still hold escrow or deposit", held)
}

// periodic jobs come back by themselves; they are not work left over.
const periodic = `('search_reconcile', 'fulfilment_sweep', 'cleanup', 'expire_orders', 'lapse_contracts')`

// JobsFinish waits until River has nothing left to run (available, running,
// retryable, or scheduled within the wait) and checks no job was discarded.
//
// Jobs that a killed process left "running" are taken for lost by River's
// rescuer only after jobs.RescueStuckJobsAfter (10 minutes). A bounded run
// cannot wait that long, so when restartedAt is set such orphans have their
// attempted_at moved back by that much — the clock fast-forwarded for them
// alone — and the server's own rescuer must then retry them to completion.
func FastForwardOrphans(ctx context.Context, r *Result, pool *pgxpool.Pool, restartedAt time.Time) {
	{
		rows, err := pool.Query(ctx, `UPDATE river_job SET attempted_at = attempted_at - $2::interval
			WHERE state = 'running' AND attempted_at < $1 RETURNING kind`, restartedAt, (jobs.RescueStuckJobsAfter + time.Minute).String())
		kinds := map[string]int{}
		if err == nil {
			for rows.Next() {
				var k string
				_ = rows.Scan(&k)
				kinds[k]++
			}
			rows.Close()
		}
		r.Note("jobs left running by the killed process (River rescues them after %s; their clock was moved on): %v %v",
			jobs.RescueStuckJobsAfter, kinds, err)
	}
}

func JobsFinish(ctx context.Context, r *Result, pool *pgxpool.Pool, limit time.Duration) {
	q := `SELECT count(*) FROM river_job WHERE kind NOT IN ` + periodic + ` AND (state IN ('available', 'running', 'retryable')
		OR (state = 'scheduled' AND scheduled_at < now() + interval '30 seconds'))`
	t0 := time.Now()
	err := Until(ctx, limit, "River jobs to finish", func() bool { return count(ctx, pool, q) == 0 })
	left := count(ctx, pool, q)
	var states []string
	rows, qerr := pool.Query(ctx, `SELECT state::text || ' ' || count(*) FROM river_job GROUP BY state ORDER BY state`)
	if qerr == nil {
		for rows.Next() {
			var s string
			_ = rows.Scan(&s)
			states = append(states, s)
		}
		rows.Close()
	}
	discarded := count(ctx, pool, `SELECT count(*) FROM river_job WHERE state = 'discarded'`)
	r.Check(err == nil && left == 0 && discarded == 0, "every River job finishes", "%d left after %.1fs, %d discarded; states: %s",
		left, time.Since(t0).Seconds(), discarded, strings.Join(states, ", "))
	if discarded > 0 {
		rows, err := pool.Query(ctx, `SELECT kind, left(errors::text, 300) FROM river_job WHERE state = 'discarded' LIMIT 3`)
		if err == nil {
			for rows.Next() {
				var k, e string
				_ = rows.Scan(&k, &e)
				r.Note("discarded %s: %s", k, e)
			}
			rows.Close()
		}
	}
}

func count(ctx context.Context, pool *pgxpool.Pool, sql string, args ...any) int {
	var n int
	if err := pool.QueryRow(ctx, sql, args...).Scan(&n); err != nil {
		return -1
	}
	return n
}
