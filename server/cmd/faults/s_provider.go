package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// providerFaults: Stripe fails (500s, and connections dropped after the
// provider acted, as a timeout looks to the caller) on the first two tries
// of every charge and every transfer. The jobs retry with the same
// idempotency key and parameters; each contract ends with one charge and
// one payout, and the ledger balances.
func providerFaults(ctx context.Context, e *Env, short bool) *Result {
	r := &Result{}
	n := 8
	if short {
		n = 3
	}
	const qty = 100
	proxy, err := NewFaultProxy(e.StripeURL)
	if err != nil {
		return r.Fail("setup", err)
	}
	defer proxy.Close()
	proxy.Hang = !short
	db, err := e.NewDatabase(ctx, "stripe")
	if err != nil {
		return r.Fail("setup", err)
	}
	srv, err := e.StartServer(ctx, db, stripeEnv(proxy.URL)...)
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
	var wg sync.WaitGroup
	errs := make([]error, len(ids))
	limit := 60 * time.Second
	if proxy.Hang {
		limit = 150 * time.Second
	}
	dctx, dcancel := context.WithTimeout(ctx, limit)
	defer dcancel()
	for i, id := range ids {
		d := &Driver{Cast: cast, Pool: pool, Stripe: true, Qty: qty, Steps: map[string]int{}}
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = d.Drive(dctx, id) }()
	}
	wg.Wait()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 60*time.Second)
	defer cancel()
	failed := 0
	for i, err := range errs {
		if err != nil {
			failed++
			r.Note("contract %d: %v", i+1, err)
		}
	}
	settled := count(ctx, pool, `SELECT count(*) FROM contracts WHERE id = ANY($1::uuid[]) AND status = 'settled'`, ids)
	r.Check(failed == 0 && settled == len(ids), "every contract settles despite the faults", "%d of %d settled", settled, len(ids))

	// Settled comes before the payout is sent (a job): let the jobs finish first.
	JobsFinish(ctx, r, pool, 40*time.Second)
	// What the provider saw, per idempotency key.
	type keyLog struct {
		attempts, created int
		actions           []string
		params            map[string]bool
		objects           map[string]bool
		path              string
	}
	keys := map[string]*keyLog{}
	var order []string
	for _, x := range proxy.Log() {
		k := keys[x.Key]
		if k == nil {
			k = &keyLog{params: map[string]bool{}, objects: map[string]bool{}, path: x.Path}
			keys[x.Key] = k
			order = append(order, x.Key)
		}
		k.attempts++
		k.actions = append(k.actions, x.Action)
		k.params[x.Params] = true
		if x.ObjectID != "" {
			k.objects[x.ObjectID] = true
		}
		if x.Action == "drop" || x.Action == "hang" || x.Action == "forward" {
			k.created++
		}
	}
	sort.Strings(order)
	var pi, tr, retried, sameParams, oneObject int
	for _, key := range order {
		k := keys[key]
		switch k.path {
		case "/v1/payment_intents":
			pi++
		case "/v1/transfers":
			tr++
		}
		if k.attempts >= 3 {
			retried++
		}
		if len(k.params) == 1 {
			sameParams++
		}
		if k.created == 1 && len(k.objects) == 1 {
			oneObject++
		}
		r.Note("key %s %s: %s", key, k.path, strings.Join(k.actions, " → "))
	}
	r.Check(len(order) > 0 && retried == len(order), "every money call was failed, then retried", "%d of %d keys tried ≥ 3 times (500, dropped after the provider acted, then through)", retried, len(order))
	r.Check(sameParams == len(order), "retries carry the same Idempotency-Key and parameters", "%d of %d keys always with the same parameters, no idempotency_error", sameParams, len(order))
	r.Check(oneObject == len(order), "one provider object per key", "%d of %d keys reached the provider once and were answered with that one object", oneObject, len(order))
	r.Check(pi == len(ids), "one charge per contract", "%d PaymentIntent keys for %d contracts", pi, len(ids))
	r.Check(tr == len(ids), "one transfer per contract", "%d transfer keys for %d contracts", tr, len(ids))
	// The objects the server recorded are the ones the provider made.
	var bad []string
	rows, err := pool.Query(ctx, `SELECT 'pi:' || k.id || ':escrow:' || p.seq, coalesce(p.provider_ref, '') FROM payments p JOIN contracts k ON k.id = p.contract_id
		WHERE k.id = ANY($1::uuid[]) AND p.status = 'succeeded'
		UNION ALL SELECT d.idempotency_key, coalesce(d.provider_ref, '') FROM disbursements d WHERE d.contract_id = ANY($1::uuid[]) AND d.status = 'sent'`, ids)
	recorded := 0
	if err == nil {
		for rows.Next() {
			var key, ref string
			_ = rows.Scan(&key, &ref)
			recorded++
			if k := keys[key]; k == nil || !k.objects[ref] || len(k.objects) != 1 {
				bad = append(bad, fmt.Sprintf("%s=%s", key, ref))
			}
		}
		rows.Close()
	}
	r.Check(err == nil && len(bad) == 0 && recorded == 2*len(ids), "the server recorded the provider's objects", "%d payments and payouts recorded, %d not matching what the provider made %v (err %v)", recorded, len(bad), bad, err)
	Money(ctx, r, pool)
	return r
}
