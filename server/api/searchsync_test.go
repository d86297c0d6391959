package api_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"doorstep/search/pgsearch"
	"doorstep/server/jobs"
)

// Awards, cancellations and expiries reach the order index through the real
// River workers, as in production. (Awards do not change a workshop's
// document: completed_contracts counts settled contracts only.)

// newSyncedBiddingFixture is newBiddingFixture with the River workers running
// before the order is approved, so every change to it reaches the index.
func newSyncedBiddingFixture(t *testing.T) (*biddingFixture, *river.Client[pgx.Tx]) {
	of := &orderFixture{fixture: newFixture(t)}
	client := withSync(t, of, pgsearch.New(of.pool))
	return publishForBidding(of), client
}

var searchNetBags = "q=" + url.QueryEscape("网兜")

// indexedWithRemaining: the order is the one hit and its document shows the
// remaining quantity.
func indexedWithRemaining(orderID string, want int64) func(resp) bool {
	return func(r resp) bool {
		h := item(r, "hits", 0)
		return total(r) == 1 && h != nil && h["id"] == orderID && h["remaining_quantity"] == float64(want)
	}
}

func notIndexed(r resp) bool { return total(r) == 0 }

// runJob inserts a job through River and waits until River completes it.
func runJob(t *testing.T, f *orderFixture, client *river.Client[pgx.Tx], args river.JobArgs) {
	t.Helper()
	ctx := context.Background()
	res, err := client.Insert(ctx, args, nil)
	must(t, err)
	deadline := time.Now().Add(15 * time.Second)
	for {
		var state, errs string
		must(t, f.pool.QueryRow(ctx, "SELECT state, coalesce(errors::text, '') FROM river_job WHERE id = $1", res.Job.ID).Scan(&state, &errs))
		switch {
		case state == "completed":
			return
		case errs != "":
			t.Fatalf("%s job failed (%s): %s", args.Kind(), state, errs)
		case time.Now().After(deadline):
			t.Fatalf("%s job still %s", args.Kind(), state)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestSearchFollowsAwards: a partial award lowers remaining_quantity in the
// search document; the award that takes the rest closes the order, which
// leaves search.
func TestSearchFollowsAwards(t *testing.T) {
	t.Parallel()
	f, _ := newSyncedBiddingFixture(t)
	f.eventually(t, searchNetBags, indexedWithRemaining(f.orderID, 5000))
	b1 := f.bid("workshop", bidBody(3000, 150), 201).str("id")
	b2 := f.bid("workshop2", bidBody(2000, 145), 201).str("id")
	f.bidAction("owner", b1, "accept", confirmAward, 201)
	r := f.eventually(t, searchNetBags, indexedWithRemaining(f.orderID, 2000))
	if h := item(r, "hits", 0); h["quantity"] != 5000.0 {
		t.Fatalf("the order's quantity changed with the award: %s", r.raw)
	}
	f.bidAction("owner", b2, "accept", confirmAward, 201)
	f.eventually(t, searchNetBags, notIndexed)
	f.eventually(t, "", notIndexed)
}

// TestCancelledOrderLeavesSearch: cancelling a published order with an open
// bid takes it out of search.
func TestCancelledOrderLeavesSearch(t *testing.T) {
	t.Parallel()
	f, _ := newSyncedBiddingFixture(t)
	f.eventually(t, searchNetBags, indexedWithRemaining(f.orderID, 5000))
	f.bid("workshop", bidBody(1000, 150), 201)
	f.act("owner", "cancel", map[string]any{"reason": "客户取消"}, 200)
	f.eventually(t, searchNetBags, notIndexed)
}

// TestExpiredOrderLeavesSearch: the expiry job (run by River) keeps an order
// with open bids in search during the award window, then closes it and it
// leaves search.
func TestExpiredOrderLeavesSearch(t *testing.T) {
	t.Parallel()
	f, client := newSyncedBiddingFixture(t)
	f.eventually(t, searchNetBags, indexedWithRemaining(f.orderID, 5000))
	b1 := f.bid("workshop", bidBody(1000, 150), 201).str("id")
	f.bid("workshop2", bidBody(1000, 150), 201)
	f.bidAction("owner", b1, "accept", confirmAward, 201)
	f.eventually(t, searchNetBags, indexedWithRemaining(f.orderID, 4000))
	setDeadline := func(ago string) {
		t.Helper()
		_, err := f.pool.Exec(context.Background(), "UPDATE orders SET bidding_deadline = now() - $2::interval WHERE id = $1", f.orderID, ago)
		must(t, err)
	}
	status := func() string {
		t.Helper()
		r := f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID, token: f.as["owner"].token}, 200)
		return r.str("status") + "/" + r.str("close_reason")
	}

	setDeadline("1 minute") // past the deadline, inside the award window: an open bid waits
	runJob(t, f.orderFixture, client, jobs.ExpireOrdersArgs{})
	if s := status(); s != "published/" {
		t.Fatalf("order with an open bid inside the award window: %s", s)
	}
	f.eventually(t, searchNetBags, indexedWithRemaining(f.orderID, 4000))

	setDeadline("15 days") // the award window is over
	runJob(t, f.orderFixture, client, jobs.ExpireOrdersArgs{})
	if s := status(); s != "closed/expired" {
		t.Fatalf("order after the award window: %s", s)
	}
	f.eventually(t, searchNetBags, notIndexed)
}
