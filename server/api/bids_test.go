package api_test

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// biddingFixture: a published order (5000 units at 1.50 yuan, min bid 1000,
// deposit 0.20 yuan per unit, waivable) and two workshops.
type biddingFixture struct {
	*orderFixture
}

func newBiddingFixture(t testing.TB, tweak ...func(map[string]any)) *biddingFixture {
	return publishForBidding(&orderFixture{fixture: newFixture(t)}, tweak...)
}

// publishForBidding verifies the company, posts and publishes the order and
// registers the second workshop.
func publishForBidding(of *orderFixture, tweak ...func(map[string]any)) *biddingFixture {
	f := of.fixture
	f.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + f.as["owner"].orgID + "/verify", token: f.as["moderator"].token, body: map[string]any{"verified": true}}, 200)
	body := orderBody()
	for _, tw := range tweak {
		tw(body)
	}
	r := f.mustStatus(req{method: "POST", path: "/api/v1/orders", token: f.as["owner"].token, body: body}, 201)
	of.orderID = r.str("id")
	of.act("owner", "submit", nil, 200)
	of.act("moderator", "approve", nil, 200)
	f.as["workshop2"] = f.registerWorkshop("coord2@w.cn")
	bf := &biddingFixture{of}
	bf.verify("workshop") // only verified workshops can be awarded
	bf.verify("workshop2")
	return bf
}

// verify gives an organisation the verified badge (staff).
func (f *biddingFixture) verify(as string) {
	f.t.Helper()
	f.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + f.as[as].orgID + "/verify", token: f.as["moderator"].token, body: map[string]any{"verified": true}}, 200)
}

// bidBody is a bid form. The order's 1.50 yuan for 6 minutes is below the
// minimum wage in 山东, so the workshop confirms it knows (and the company
// awards with confirmAward); trust_bidding_test.go covers refusing without.
func bidBody(quantity, unitPrice int) map[string]any {
	return map[string]any{"quantity": quantity, "unit_price": unitPrice, "headcount": 12, "message": "社区有12位阿姨会编织",
		"delivery_date": time.Now().Add(20 * 24 * time.Hour).UTC().Format(time.RFC3339), "confirm_below_minimum_wage": true}
}

var confirmAward = map[string]any{"confirm_below_minimum_wage": true}

func (f *biddingFixture) bid(as string, body map[string]any, want int) resp {
	f.t.Helper()
	return f.mustStatus(req{method: "POST", path: "/api/v1/orders/" + f.orderID + "/bids", token: f.as[as].token, body: body}, want)
}

func (f *biddingFixture) bidAction(as, bidID, action string, body any, want int) resp {
	f.t.Helper()
	return f.mustStatus(req{method: "POST", path: "/api/v1/bids/" + bidID + "/" + action, token: f.as[as].token, body: body}, want)
}

func num(r resp, path string) int64 { n, _ := r.field(path).(float64); return int64(n) }

func TestBidRulesAndVisibility(t *testing.T) {
	t.Parallel()
	f := newBiddingFixture(t)

	// Who may bid: workshops only; the company cannot bid on its own order.
	f.bid("owner", bidBody(1000, 150), 403)
	f.bid("other", bidBody(1000, 150), 403)
	f.bid("anon", bidBody(1000, 150), 401)

	// Field rules, each naming its field.
	for field, body := range map[string]map[string]any{
		"quantity":   bidBody(999, 150), // under the minimum
		"unit_price": bidBody(1000, 0),  // no price
		"headcount":  func() map[string]any { b := bidBody(1000, 150); b["headcount"] = 0; return b }(),
		"delivery_date": func() map[string]any {
			b := bidBody(1000, 150)
			b["delivery_date"] = time.Now().Add(60 * 24 * time.Hour).Format(time.RFC3339)
			return b
		}(),
	} {
		r := f.bid("workshop", body, 400)
		if r.str("error.fields."+field) == "" {
			t.Errorf("%s: error does not name the field: %s", field, r.raw)
		}
	}
	over := f.bid("workshop", bidBody(5001, 150), 400)
	if over.str("error.fields.quantity") == "" {
		t.Fatalf("bid over the remaining quantity: %s", over.raw)
	}

	// A counter-offer: a lower price, with its own deposit and fair-pay figures.
	b := f.bid("workshop", bidBody(2000, 140), 201)
	bidID := b.str("id")
	if b.str("status") != "submitted" || num(b, "quote.amount") != 280000 || num(b, "quote.deposit.amount") != 40000 ||
		b.field("quote.deposit.waived") != false || num(b, "quote.hourly_equivalent") != 1400 {
		t.Fatalf("bid view: %s", b.raw)
	}
	// One open bid per workshop and order.
	f.bid("workshop", bidBody(1000, 150), 409)

	// Visibility: the bidder, the order's company and staff; nobody else.
	f.mustStatus(req{method: "GET", path: "/api/v1/bids/" + bidID, token: f.as["workshop"].token}, 200)
	f.mustStatus(req{method: "GET", path: "/api/v1/bids/" + bidID, token: f.as["owner"].token}, 200)
	f.mustStatus(req{method: "GET", path: "/api/v1/bids/" + bidID, token: f.as["moderator"].token}, 200)
	f.mustStatus(req{method: "GET", path: "/api/v1/bids/" + bidID, token: f.as["workshop2"].token}, 404)
	f.mustStatus(req{method: "GET", path: "/api/v1/bids/" + bidID, token: f.as["other"].token}, 404)
	f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID + "/bids", token: f.as["workshop2"].token}, 403)
	f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID + "/bids", token: f.as["other"].token}, 403)
	if r := f.mustStatus(req{method: "GET", path: "/api/v1/bids?mine=1", token: f.as["workshop2"].token}, 200); num(r, "total") != 0 {
		t.Fatalf("another workshop sees the bid: %s", r.raw)
	}
	if r := f.mustStatus(req{method: "GET", path: "/api/v1/bids?mine=1", token: f.as["workshop"].token}, 200); num(r, "total") != 1 {
		t.Fatalf("my bids: %s", r.raw)
	}
	f.mustStatus(req{method: "GET", path: "/api/v1/bids?status=bogus", token: f.as["workshop"].token}, 400)
	cmp := f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID + "/bids", token: f.as["owner"].token}, 200)
	if items, _ := cmp.field("items").([]any); num(cmp, "total") != 1 || len(items) != 1 {
		t.Fatalf("comparison: %s", cmp.raw)
	}
	row := cmp.field("items").([]any)[0].(map[string]any)
	if row["fits_remaining"] != true || row["distance_km"] == nil || row["track_record"].(map[string]any)["on_time_rate"] != nil {
		t.Fatalf("comparison row: %v", row)
	}
	// The company was told.
	n := f.mustStatus(req{method: "GET", path: "/api/v1/notifications", token: f.as["owner"].token}, 200)
	if !containsKind(n, "bid.new") {
		t.Fatalf("no bid.new notification: %s", n.raw)
	}

	// Revise keeps history; only the bidder may revise.
	f.mustStatus(req{method: "PATCH", path: "/api/v1/bids/" + bidID, token: f.as["workshop2"].token, body: bidBody(1500, 150)}, 404)
	rv := f.mustStatus(req{method: "PATCH", path: "/api/v1/bids/" + bidID, token: f.as["workshop"].token, body: bidBody(1500, 150)}, 200)
	if num(rv, "revision") != 2 || num(rv, "quantity") != 1500 || item(rv, "history", 0)["quantity"] != 2000.0 {
		t.Fatalf("revised bid: %s", rv.raw)
	}
	// The order page tells the workshop about its bid.
	op := f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID, token: f.as["workshop"].token}, 200)
	if op.str("my_bid.id") != bidID {
		t.Fatalf("order page my_bid: %s", op.raw)
	}

	// Withdraw, once; the company is told.
	f.bidAction("owner", bidID, "withdraw", nil, 403)
	f.bidAction("workshop", bidID, "withdraw", nil, 200)
	f.bidAction("workshop", bidID, "withdraw", nil, 409)
	if n := f.mustStatus(req{method: "GET", path: "/api/v1/notifications", token: f.as["owner"].token}, 200); !containsKind(n, "bid.withdrawn") {
		t.Fatalf("no bid.withdrawn notification: %s", n.raw)
	}
	// After withdrawing, a new bid is allowed.
	f.bid("workshop", bidBody(1000, 150), 201)

	// A guaranteed workshop has the waivable deposit waived.
	f.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + f.as["workshop2"].orgID + "/verify", token: f.as["moderator"].token, body: map[string]any{"verified": true}}, 200)
	f.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + f.as["workshop2"].orgID + "/guarantee", token: f.as["moderator"].token, body: map[string]any{"community_guarantee": true}}, 200)
	pv := f.mustStatus(req{method: "POST", path: "/api/v1/orders/" + f.orderID + "/bids/preview", token: f.as["workshop2"].token, body: bidBody(1000, 150)}, 200)
	if pv.field("quote.deposit.waived") != true || num(pv, "quote.deposit.amount") != 0 {
		t.Fatalf("preview for a guaranteed workshop: %s", pv.raw)
	}
	pv = f.mustStatus(req{method: "POST", path: "/api/v1/orders/" + f.orderID + "/bids/preview", token: f.as["workshop2"].token, body: bidBody(10, 150)}, 200)
	if pv.str("fields.quantity") == "" || pv.field("quote") != nil {
		t.Fatalf("preview with a bad quantity: %s", pv.raw)
	}

	// After the bidding deadline no bids are taken.
	if _, err := f.pool.Exec(context.Background(), "UPDATE orders SET bidding_deadline = now() - interval '1 minute' WHERE id = $1", f.orderID); err != nil {
		t.Fatal(err)
	}
	f.bid("workshop2", bidBody(1000, 150), 409)
}

// item is element i of the array at path, or nil.
func item(r resp, path string, i int) map[string]any {
	items, _ := r.field(path).([]any)
	if i >= len(items) {
		return nil
	}
	m, _ := items[i].(map[string]any)
	return m
}

func containsKind(r resp, kind string) bool {
	items, _ := r.field("items").([]any)
	for _, it := range items {
		if it.(map[string]any)["kind"] == kind {
			return true
		}
	}
	return false
}

func TestSplitAwardClosesOrder(t *testing.T) {
	t.Parallel()
	f := newBiddingFixture(t)
	f.as["workshop3"] = f.registerWorkshop("coord3@w.cn")
	f.verify("workshop3")
	b1 := f.bid("workshop", bidBody(3000, 150), 201).str("id")
	b2 := f.bid("workshop2", bidBody(2000, 145), 201).str("id")
	b3 := f.bid("workshop3", bidBody(1000, 150), 201).str("id")

	// Only the order's company may award or reject.
	f.bidAction("other", b1, "accept", confirmAward, 404)
	f.bidAction("workshop", b1, "accept", confirmAward, 403)
	f.bidAction("moderator", b1, "accept", confirmAward, 403)
	f.bidAction("owner", b3, "reject", map[string]any{}, 400) // a reason is required

	k1 := f.bidAction("owner", b1, "accept", confirmAward, 201)
	if k1.str("status") != "awaiting_funding" || num(k1, "escrow_amount") != 450000 || num(k1, "quantity") != 3000 ||
		num(k1, "deposit.amount") != 60000 || num(k1, "commission_bp") != 300 || num(k1, "commission_estimate") != 13500 ||
		num(k1, "workshop_net_estimate") != 436500 || num(k1, "materials.allowed_loss_units") != 60 ||
		k1.str("next.step") != "fund_escrow" || k1.str("next.who") != "you" || k1.str("next.action") != "fund" || k1.str("handover.address") == "" {
		t.Fatalf("contract: %s", k1.raw)
	}
	f.bidAction("owner", b1, "accept", confirmAward, 409) // accept twice
	o := f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID, token: f.as["owner"].token}, 200)
	if num(o, "remaining_quantity") != 2000 || o.str("status") != "published" {
		t.Fatalf("after the first award: %s", o.raw)
	}
	// Contract visibility: both parties and staff.
	kid := k1.str("id")
	f.mustStatus(req{method: "GET", path: "/api/v1/contracts/" + kid, token: f.as["workshop"].token}, 200)
	f.mustStatus(req{method: "GET", path: "/api/v1/contracts/" + kid, token: f.as["moderator"].token}, 200)
	f.mustStatus(req{method: "GET", path: "/api/v1/contracts/" + kid, token: f.as["workshop2"].token}, 404)
	f.mustStatus(req{method: "GET", path: "/api/v1/contracts/" + kid, token: f.as["other"].token}, 404)
	f.mustStatus(req{method: "GET", path: "/api/v1/contracts/" + kid}, 401)

	// The second award takes the rest: the order closes and the third bid is rejected with a notice.
	f.bidAction("owner", b2, "accept", confirmAward, 201)
	o = f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID, token: f.as["owner"].token}, 200)
	if num(o, "remaining_quantity") != 0 || o.str("status") != "closed" || o.str("close_reason") != "awarded" {
		t.Fatalf("after the second award: %s", o.raw)
	}
	b3v := f.mustStatus(req{method: "GET", path: "/api/v1/bids/" + b3, token: f.as["workshop3"].token}, 200)
	// The server's own reason reads in each language (not "中文 / English" to everyone).
	if b3v.str("status") != "rejected" || b3v.str("status_reason.zh") != "订单已全部授予" || b3v.str("status_reason.en") != "the order has been fully awarded" {
		t.Fatalf("third bid after close: %s", b3v.raw)
	}
	f.bidAction("owner", b3, "accept", confirmAward, 409) // accept on a closed order
	for as, kind := range map[string]string{"workshop": "bid.accepted", "workshop2": "bid.accepted", "workshop3": "bid.order_closed"} {
		if n := f.mustStatus(req{method: "GET", path: "/api/v1/notifications", token: f.as[as].token}, 200); !containsKind(n, kind) {
			t.Errorf("%s has no %s notification: %s", as, kind, n.raw)
		}
	}
	// A workshop that bid still sees the closed order, with its bid; others do not.
	mine := f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID, token: f.as["workshop2"].token}, 200)
	if mine.str("my_bid.status") != "accepted" || mine.str("my_bid.contract_id") == "" {
		t.Fatalf("order page for the awarded workshop: %s", mine.raw)
	}
	f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID}, 404)
	if r := f.mustStatus(req{method: "GET", path: "/api/v1/contracts", token: f.as["owner"].token}, 200); num(r, "total") != 2 {
		t.Fatalf("company contracts: %s", r.raw)
	}
	if r := f.mustStatus(req{method: "GET", path: "/api/v1/contracts", token: f.as["workshop3"].token}, 200); num(r, "total") != 0 {
		t.Fatalf("workshop3 contracts: %s", r.raw)
	}
	// Profiles count the awards.
	p := f.mustStatus(req{method: "GET", path: "/api/v1/profiles/" + f.as["owner"].orgID}, 200)
	if num(p, "company_record.contracts_awarded") != 2 || p.field("company_record.rejection_rate") != nil ||
		strings.Contains(p.raw, "credit_code") || strings.Contains(p.raw, "contact_phone") {
		t.Fatalf("company profile: %s", p.raw)
	}
	p = f.mustStatus(req{method: "GET", path: "/api/v1/profiles/" + f.as["workshop"].orgID}, 200)
	if num(p, "track_record.active_contracts") != 1 || p.str("kind") != "workshop" ||
		strings.Contains(p.raw, `"lat"`) || strings.Contains(p.raw, "contact_phone") || strings.Contains(p.raw, "address") {
		t.Fatalf("workshop profile: %s", p.raw)
	}
}

func TestRejectAndCancelEndBids(t *testing.T) {
	t.Parallel()
	f := newBiddingFixture(t)
	b1 := f.bid("workshop", bidBody(1000, 150), 201).str("id")
	b2 := f.bid("workshop2", bidBody(1000, 150), 201).str("id")
	r := f.bidAction("owner", b1, "reject", map[string]any{"reason": "交货期太晚"}, 200)
	if r.str("status") != "rejected" || r.str("status_reason.zh") != "交货期太晚" || r.str("status_reason.en") != "交货期太晚" { // as typed
		t.Fatalf("rejected bid: %s", r.raw)
	}
	f.bidAction("owner", b1, "reject", map[string]any{"reason": "again"}, 409)
	f.bidAction("owner", b1, "accept", confirmAward, 409)
	n := f.mustStatus(req{method: "GET", path: "/api/v1/notifications", token: f.as["workshop"].token}, 200)
	if !containsKind(n, "bid.rejected") {
		t.Fatalf("no rejection notice: %s", n.raw)
	}
	// Cancelling the order ends the open bid.
	f.act("owner", "cancel", map[string]any{"reason": "客户取消"}, 200)
	if r := f.mustStatus(req{method: "GET", path: "/api/v1/bids/" + b2, token: f.as["workshop2"].token}, 200); r.str("status") != "expired" ||
		r.str("status_reason.zh") != "企业取消了订单" || r.str("status_reason.en") != "the company cancelled the order" {
		t.Fatalf("bid after cancel: %s", r.raw)
	}
}

func TestOrderInvitations(t *testing.T) {
	t.Parallel()
	f := newBiddingFixture(t)
	path := "/api/v1/orders/" + f.orderID + "/invitations"
	body := map[string]any{"workshop_id": f.as["workshop"].orgID, "message": "欢迎报价"}
	f.mustStatus(req{method: "POST", path: path, token: f.as["other"].token, body: body}, 403)
	f.mustStatus(req{method: "POST", path: path, token: f.as["workshop"].token, body: body}, 403)
	f.mustStatus(req{method: "POST", path: path, token: f.as["owner"].token, body: map[string]any{"workshop_id": f.as["other"].orgID}}, 400)
	f.mustStatus(req{method: "POST", path: path, token: f.as["owner"].token, body: map[string]any{"workshop_id": "nope"}}, 400)
	f.mustStatus(req{method: "POST", path: path, token: f.as["owner"].token, body: body}, 201)
	f.mustStatus(req{method: "POST", path: path, token: f.as["owner"].token, body: body}, 409)
	n := f.mustStatus(req{method: "GET", path: "/api/v1/notifications", token: f.as["workshop"].token}, 200)
	if !containsKind(n, "bid.invited") {
		t.Fatalf("no invitation notice: %s", n.raw)
	}
	o := f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID, token: f.as["workshop"].token}, 200)
	if o.field("invited") != true {
		t.Fatalf("order page does not show the invitation: %s", o.raw)
	}
	f.bid("workshop", bidBody(1000, 150), 201)
	l := f.mustStatus(req{method: "GET", path: path, token: f.as["owner"].token}, 200)
	if items, _ := l.field("items").([]any); num(l, "total") != 1 || len(items) != 1 || items[0].(map[string]any)["bid_status"] != "submitted" {
		t.Fatalf("invitations: %s", l.raw)
	}
	f.mustStatus(req{method: "GET", path: path, token: f.as["workshop"].token}, 403)
}

// TestConcurrentAcceptsNeverOverAllocate: twenty accepts at once on one
// order of 5000 units, through the real HTTP stack and Postgres. With bids
// of 600 exactly eight fit (200 stay unawarded, twelve bids stay open);
// with bids of 500 exactly ten fit, the order closes and the other ten bids
// are rejected.
func TestConcurrentAcceptsNeverOverAllocate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		size, accepted, remaining, open int64
		status                          string
	}{
		{600, 8, 200, 12, "published"},
		{500, 10, 0, 0, "closed"},
	} {
		t.Run(strconv.FormatInt(tc.size, 10), func(t *testing.T) {
			f := newBiddingFixture(t, func(b map[string]any) { b["min_bid_quantity"] = 100 })
			bids := make([]string, 20)
			for i := range bids {
				name := "w" + strconv.Itoa(i)
				f.as[name] = f.registerWorkshop(name + "@w.cn")
				f.verify(name)
				bids[i] = f.bid(name, bidBody(int(tc.size), 150), 201).str("id")
			}
			var wg sync.WaitGroup
			statuses := make([]int, len(bids))
			start := make(chan struct{})
			for i, id := range bids {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					statuses[i] = f.do(req{method: "POST", path: "/api/v1/bids/" + id + "/accept", token: f.as["owner"].token, body: confirmAward}).status
				}()
			}
			close(start)
			wg.Wait()
			var accepted int64
			for i, s := range statuses {
				switch s {
				case 201:
					accepted++
				case 409:
				default:
					t.Errorf("accept %d: status %d", i, s)
				}
			}
			var remaining, contracts, sum, open int64
			var status string
			err := f.pool.QueryRow(context.Background(), `SELECT o.remaining_quantity, o.status,
				(SELECT count(*) FROM contracts k WHERE k.order_id = o.id), (SELECT coalesce(sum(quantity), 0) FROM contracts k WHERE k.order_id = o.id),
				(SELECT count(*) FROM bids b WHERE b.order_id = o.id AND b.status = 'submitted')
				FROM orders o WHERE o.id = $1`, f.orderID).Scan(&remaining, &status, &contracts, &sum, &open)
			if err != nil {
				t.Fatal(err)
			}
			if accepted != tc.accepted || contracts != tc.accepted || sum != tc.accepted*tc.size || remaining != tc.remaining ||
				open != tc.open || status != tc.status {
				t.Fatalf("accepted %d, contracts %d for %d units, remaining %d, open bids %d, order %s; want %d, %d, %d, %d, %d, %s",
					accepted, contracts, sum, remaining, open, status, tc.accepted, tc.accepted, tc.accepted*tc.size, tc.remaining, tc.open, tc.status)
			}
		})
	}
}

// TestAwardWindowAfterDeadline: an order with open bids stays open for the
// company to award after the bidding deadline, then expires with its bids.
func TestAwardWindowAfterDeadline(t *testing.T) {
	t.Parallel()
	f := newBiddingFixture(t)
	b1 := f.bid("workshop", bidBody(1000, 150), 201).str("id")
	b2 := f.bid("workshop2", bidBody(1000, 150), 201).str("id")
	ctx := context.Background()
	setDeadline := func(interval string) {
		t.Helper()
		if _, err := f.pool.Exec(ctx, "UPDATE orders SET bidding_deadline = now() - $2::interval WHERE id = $1", f.orderID, interval); err != nil {
			t.Fatal(err)
		}
	}
	setDeadline("1 minute")
	if n, err := f.expireDue(); err != nil || n != 0 {
		t.Fatalf("an order with open bids expired at the deadline: %d %v", n, err)
	}
	f.bidAction("owner", b1, "accept", confirmAward, 201) // still awardable
	setDeadline("15 days")
	if n, err := f.expireDue(); err != nil || n != 1 {
		t.Fatalf("expired %d after the award window: %v", n, err)
	}
	if r := f.mustStatus(req{method: "GET", path: "/api/v1/bids/" + b2, token: f.as["workshop2"].token}, 200); r.str("status") != "expired" {
		t.Fatalf("open bid after expiry: %s", r.raw)
	}
	if r := f.mustStatus(req{method: "GET", path: "/api/v1/bids/" + b1, token: f.as["workshop"].token}, 200); r.str("status") != "accepted" {
		t.Fatalf("accepted bid after expiry: %s", r.raw)
	}
}

// TestConcurrentAcceptOfOneBid: the same bid accepted five times at once
// makes one contract; the others are told it is taken.
func TestConcurrentAcceptOfOneBid(t *testing.T) {
	t.Parallel()
	f := newBiddingFixture(t)
	id := f.bid("workshop", bidBody(1000, 150), 201).str("id")
	statuses := make([]int, 5)
	var wg sync.WaitGroup
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i] = f.do(req{method: "POST", path: "/api/v1/bids/" + id + "/accept", token: f.as["owner"].token, body: confirmAward}).status
		}()
	}
	wg.Wait()
	created := 0
	for _, s := range statuses {
		if s == 201 {
			created++
		} else if s != 409 {
			t.Errorf("status %d", s)
		}
	}
	var contracts, remaining int64
	if err := f.pool.QueryRow(context.Background(), `SELECT (SELECT count(*) FROM contracts WHERE bid_id = $1),
		(SELECT remaining_quantity FROM orders WHERE id = $2)`, id, f.orderID).Scan(&contracts, &remaining); err != nil {
		t.Fatal(err)
	}
	if created != 1 || contracts != 1 || remaining != 4000 {
		t.Fatalf("created %d, contracts %d, remaining %d; want 1, 1, 4000", created, contracts, remaining)
	}
}

// TestEditingTermsEndsOpenBids: bids made on old terms cannot be awarded
// on new ones.
func TestEditingTermsEndsOpenBids(t *testing.T) {
	t.Parallel()
	f := newBiddingFixture(t)
	id := f.bid("workshop", bidBody(1000, 150), 201).str("id")
	f.mustStatus(req{method: "PATCH", path: "/api/v1/orders/" + f.orderID, token: f.as["owner"].token,
		body: map[string]any{"deposit": map[string]any{"kind": "per_unit", "amount": 60}}}, 200)
	if r := f.mustStatus(req{method: "GET", path: "/api/v1/bids/" + id, token: f.as["workshop"].token}, 200); r.str("status") != "expired" {
		t.Fatalf("bid after the terms changed: %s", r.raw)
	}
	f.act("moderator", "approve", nil, 200)
	f.bidAction("owner", id, "accept", confirmAward, 409)
	// A day is a valid delivery date; anything else names the field.
	b := bidBody(1000, 150)
	b["delivery_date"] = time.Now().Add(10 * 24 * time.Hour).Format(time.DateOnly)
	f.bid("workshop", b, 201)
	b["delivery_date"] = "20/12/2026"
	if r := f.bid("workshop2", b, 400); r.str("error.fields.delivery_date") == "" {
		t.Fatalf("bad date: %s", r.raw)
	}
}

// TestTrackRecordCountsEachContractOnce: a workshop with two bids on one
// order (one awarded, one new) is not counted twice.
func TestTrackRecordCountsEachContractOnce(t *testing.T) {
	t.Parallel()
	f := newBiddingFixture(t)
	first := f.bid("workshop", bidBody(1000, 150), 201).str("id")
	f.bidAction("owner", first, "accept", confirmAward, 201)
	f.bid("workshop", bidBody(1000, 150), 201)
	cmp := f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID + "/bids", token: f.as["owner"].token}, 200)
	for i := 0; i < 2; i++ {
		row := item(cmp, "items", i)
		if row == nil || row["track_record"].(map[string]any)["active_contracts"] != 1.0 {
			t.Fatalf("row %d: %v", i, row)
		}
	}
}

// bidsRoutes: workshops preview, place, revise and withdraw bids on a
// published order; its company invites, compares, rejects and awards; a
// workshop's public profile. Another workshop sees none of its rival's bid.
func bidsRoutes() routeTable {
	return routeTable{name: "bids", setup: func(t *testing.T) *world {
		f := newBiddingFixture(t)
		return newWorld(f.fixture, map[string]string{"order": f.orderID})
	}, scenarios: []scenario{
		{method: "POST", url: "/api/v1/orders/{order}/invitations", body: map[string]any{"workshop_id": "{W2}"}, want: 401},
		{as: "other", method: "POST", url: "/api/v1/orders/{order}/invitations", body: map[string]any{"workshop_id": "{W2}"}, want: 403},
		{as: "owner", method: "POST", url: "/api/v1/orders/{order}/invitations", body: map[string]any{"workshop_id": "{A}"}, want: 400,
			fragments: []string{`"workshop_id"`}},
		{as: "owner", method: "POST", url: "/api/v1/orders/{order}/invitations", body: map[string]any{"workshop_id": "{W2}", "message": "欢迎报价"}, want: 201,
			fragments: []string{`"workshop":{"id":"{W2}"`}, notified: []string{"workshop2:bid.invited"}},
		{method: "GET", url: "/api/v1/orders/{order}/invitations", want: 401},
		{as: "workshop", method: "GET", url: "/api/v1/orders/{order}/invitations", want: 403},
		{as: "member", method: "GET", url: "/api/v1/orders/{order}/invitations", want: 200, fragments: []string{`"total":1`, `"workshop":{"id":"{W2}"`}},

		{method: "POST", url: "/api/v1/orders/{order}/bids/preview", body: bidBody(2000, 140), want: 401},
		{as: "owner", method: "POST", url: "/api/v1/orders/{order}/bids/preview", body: bidBody(2000, 140), want: 403},
		{as: "workshop", method: "POST", url: "/api/v1/orders/{order}/bids/preview", body: bidBody(2000, 140), want: 200,
			fragments: []string{`"amount":280000`, `"hourly_equivalent":1400`}},

		{method: "POST", url: "/api/v1/orders/{order}/bids", body: bidBody(2000, 140), want: 401},
		{as: "owner", method: "POST", url: "/api/v1/orders/{order}/bids", body: bidBody(2000, 140), want: 403},
		{as: "workshop", method: "POST", url: "/api/v1/orders/{order}/bids", body: bidBody(999, 150), want: 400, fragments: []string{`"quantity"`}},
		{as: "workshop", method: "POST", url: "/api/v1/orders/{order}/bids", body: bidBody(2000, 140), want: 201,
			fragments: []string{`"status":"submitted"`, `"quantity":2000`}, save: map[string]string{"bid": "id"}, notified: []string{"owner:bid.new"}},
		{as: "workshop2", method: "POST", url: "/api/v1/orders/{order}/bids", body: bidBody(1000, 150), want: 201, save: map[string]string{"bid2": "id"}},

		{method: "GET", url: "/api/v1/orders/{order}/bids", want: 401},
		{as: "workshop2", method: "GET", url: "/api/v1/orders/{order}/bids", want: 403},
		{as: "owner", method: "GET", url: "/api/v1/orders/{order}/bids", want: 200, fragments: []string{`"total":2`, `"{bid}"`, `"{bid2}"`}},
		{method: "GET", url: "/api/v1/bids", want: 401},
		{as: "workshop2", method: "GET", url: "/api/v1/bids?mine=1", want: 200, fragments: []string{`"total":1`, `"id":"{bid2}"`}, absent: []string{`"{bid}"`}},
		{as: "workshop", method: "GET", url: "/api/v1/bids?status=bogus", want: 400, fragments: []string{`"status"`}},
		{method: "GET", url: "/api/v1/bids/{bid}", want: 401},
		{as: "workshop2", method: "GET", url: "/api/v1/bids/{bid}", want: 404},
		{as: "other", method: "GET", url: "/api/v1/bids/{bid}", want: 404},
		{as: "owner", method: "GET", url: "/api/v1/bids/{bid}", want: 200, fragments: []string{`"id":"{bid}"`, `"order_id":"{order}"`}},

		{method: "PATCH", url: "/api/v1/bids/{bid}", body: bidBody(1500, 150), want: 401},
		{as: "workshop2", method: "PATCH", url: "/api/v1/bids/{bid}", body: bidBody(1500, 150), want: 404},
		{as: "workshop", method: "PATCH", url: "/api/v1/bids/{bid}", body: bidBody(1500, 150), want: 200,
			fragments: []string{`"revision":2`, `"quantity":1500`}, notified: []string{"owner:bid.revised"}},

		{method: "POST", url: "/api/v1/bids/{bid2}/withdraw", want: 401},
		{as: "workshop", method: "POST", url: "/api/v1/bids/{bid2}/withdraw", want: 404},
		{as: "workshop2", method: "POST", url: "/api/v1/bids/{bid2}/withdraw", want: 200,
			fragments: []string{`"status":"withdrawn"`}, notified: []string{"owner:bid.withdrawn"}},
		{as: "workshop2", method: "POST", url: "/api/v1/orders/{order}/bids", body: bidBody(1000, 150), want: 201, save: map[string]string{"bid3": "id"}},
		{method: "POST", url: "/api/v1/bids/{bid3}/reject", body: map[string]string{"reason": "交期太晚"}, want: 401},
		{as: "other", method: "POST", url: "/api/v1/bids/{bid3}/reject", body: map[string]string{"reason": "交期太晚"}, want: 404},
		{as: "owner", method: "POST", url: "/api/v1/bids/{bid3}/reject", body: map[string]string{"reason": "交期太晚"}, want: 200,
			fragments: []string{`"status":"rejected"`}, notified: []string{"workshop2:bid.rejected"}},

		{method: "POST", url: "/api/v1/bids/{bid}/accept", body: confirmAward, want: 401},
		{as: "other", method: "POST", url: "/api/v1/bids/{bid}/accept", body: confirmAward, want: 404},
		{as: "workshop", method: "POST", url: "/api/v1/bids/{bid}/accept", body: confirmAward, want: 403},
		{as: "owner", method: "POST", url: "/api/v1/bids/{bid}/accept", body: confirmAward, want: 201,
			fragments: []string{`"status":"awaiting_funding"`, `"workshop":{"id":"{W}"`, `"quantity":1500`}, notified: []string{"workshop:bid.accepted"}},

		{method: "GET", url: "/api/v1/profiles/{W}", want: 200, fragments: []string{`"id":"{W}"`, `"track_record"`}},
		{method: "GET", url: "/api/v1/profiles/{A}", want: 200, fragments: []string{`"company_record"`}},
		{method: "GET", url: "/api/v1/profiles/{nil}", want: 404},
	}}
}
