package api_test

import (
	"context"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"
)

// TestLedgerProperty: random sequences of funding, deposits, confirmations
// (exact, short and over), cancellations, lapses and refunds on many
// contracts: after every step each transaction balances, the accounts sum
// to zero and no held balance is negative; every ended contract holds
// nothing, and what it received is exactly what was refunded or is queued
// to be.
func TestLedgerProperty(t *testing.T) {
	t.Parallel()
	seed := uint64(time.Now().UnixNano())
	if v, err := strconv.ParseUint(os.Getenv("LEDGER_SEED"), 10, 64); err == nil {
		seed = v
	}
	t.Logf("seed %d (set LEDGER_SEED to replay)", seed)
	rng := rand.New(rand.NewPCG(seed, 7))
	f := &contractFixture{biddingFixture: newBiddingFixture(t)}
	f.as["finance"] = f.staff("fin@doorstep.cn", "finance")
	var contracts []string
	for i := range 5 {
		if i > 0 { // another order for the next two contracts
			r := f.mustStatus(req{method: "POST", path: "/api/v1/orders", token: f.as["owner"].token, body: orderBody()}, 201)
			f.orderID = r.str("id")
			f.act("owner", "submit", nil, 200)
			f.act("moderator", "approve", nil, 200)
		}
		for _, w := range []string{"workshop", "workshop2"} {
			qty := 1000 + rng.IntN(4)*500
			b := f.bid(w, bidBody(qty, 100+rng.IntN(100)), 201).str("id")
			contracts = append(contracts, f.bidAction("owner", b, "accept", confirmAward, 201).str("id"))
		}
	}
	payers := map[string]string{"fund": "owner", "deposit": ""}
	workshopOf := map[string]string{}
	for _, id := range contracts {
		k := f.mustStatus(req{method: "GET", path: "/api/v1/contracts/" + id, token: f.as["owner"].token}, 200)
		for _, w := range []string{"workshop", "workshop2"} {
			if f.as[w].orgID == k.str("workshop.id") {
				workshopOf[id] = w
			}
		}
	}
	steps := 0
	for range 120 {
		id := contracts[rng.IntN(len(contracts))]
		f.contractID = id
		switch op := rng.IntN(10); op {
		case 0, 1, 2: // the company funds, or the workshop pays its deposit
			what := []string{"fund", "deposit"}[op%2]
			as := payers[what]
			if as == "" {
				as = workshopOf[id]
			}
			f.do(req{method: "POST", path: "/api/v1/contracts/" + id + "/" + what, token: f.as[as].token})
		case 3, 4, 5: // finance confirms an open payment: exact, short or over
			q := f.mustStatus(req{method: "GET", path: "/api/v1/finance/payments?status=pending&per_page=100", token: f.as["finance"].token}, 200)
			items, _ := q.field("items").([]any)
			if len(items) == 0 {
				continue
			}
			p := items[rng.IntN(len(items))].(map[string]any)
			amount := int64(p["amount"].(float64))
			amount = max(1, amount+int64(rng.IntN(3)-1)*int64(rng.IntN(int(amount)/2+1)))
			f.confirm(p["id"].(string), amount, 200)
		case 6: // a cancellation: staff decide, or a party asks / agrees
			as := []string{"moderator", "owner", workshopOf[id]}[rng.IntN(3)]
			f.do(req{method: "POST", path: "/api/v1/contracts/" + id + "/cancel", token: f.as[as].token, body: map[string]any{"reason": "随机取消"}})
		case 7: // the funding deadline passes
			_, err := f.pool.Exec(context.Background(), "UPDATE contracts SET funding_due_at = now() - interval '1 minute' WHERE id = $1", id)
			must(t, err)
			_, err = f.lapseDue()
			must(t, err)
		default: // finance sends a queued refund
			q := f.mustStatus(req{method: "GET", path: "/api/v1/finance/disbursements?status=queued&per_page=100", token: f.as["finance"].token}, 200)
			items, _ := q.field("items").([]any)
			if len(items) == 0 {
				continue
			}
			d := items[rng.IntN(len(items))].(map[string]any)
			f.mustStatus(req{method: "POST", path: "/api/v1/finance/disbursements/" + d["id"].(string) + "/sent", token: f.as["finance"].token,
				body: map[string]any{"bank_reference": "ICBC-RANDOM-" + d["id"].(string)[:8]}}, 200)
		}
		steps++
		ledgerSound(t, f.st)
	}
	ended := 0
	for _, id := range contracts {
		f.contractID = id
		k := f.contract("owner")
		tab := f.money("owner")
		switch k.str("status") {
		case "cancelled", "lapsed":
			ended++
			if num(tab, "held.escrow") != 0 || num(tab, "held.deposit") != 0 {
				t.Errorf("%s contract %s still holds money: %s", k.str("status"), id, tab.raw)
			}
			var received, refunded int64
			for _, p := range tab.field("payments").([]any) {
				if v, ok := p.(map[string]any)["amount_received"].(float64); ok {
					received += int64(v)
				}
			}
			for _, d := range tab.field("disbursements").([]any) {
				refunded += int64(d.(map[string]any)["amount"].(float64))
			}
			if received != refunded {
				t.Errorf("contract %s received %d, refunds %d", id, received, refunded)
			}
		case "active":
			if num(tab, "held.escrow") != num(k, "escrow_amount") {
				t.Errorf("active contract %s holds %d of %d escrow", id, num(tab, "held.escrow"), num(k, "escrow_amount"))
			}
		}
	}
	t.Logf("%d steps on %d contracts; %d ended", steps, len(contracts), ended)
}
