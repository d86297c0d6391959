package api_test

import (
	"context"
	"strings"
	"testing"
)

// TestAwardNeedsVerifiedWorkshop: an unverified workshop can bid (to show
// interest early) and the company sees it is unverified, but awarding it is
// refused with 409 state naming verification until staff verify it (issue 15.12).
func TestAwardNeedsVerifiedWorkshop(t *testing.T) {
	t.Parallel()
	f := newBiddingFixture(t)
	f.as["new"] = f.registerWorkshop("new@w.cn")
	id := f.bid("new", bidBody(1000, 150), 201).str("id")
	cmp := f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID + "/bids", token: f.as["owner"].token}, 200)
	if w := item(cmp, "items", 0)["workshop"].(map[string]any); w["verified"] != false {
		t.Fatalf("the comparison does not show the workshop unverified: %v", w)
	}
	r := f.bidAction("owner", id, "accept", confirmAward, 409)
	if r.str("error.code") != "state" || !strings.Contains(r.str("error.message"), "verified") {
		t.Fatalf("award of an unverified workshop: %s", r.raw)
	}
	zh := f.mustStatus(req{method: "POST", path: "/api/v1/bids/" + id + "/accept", token: f.as["owner"].token, body: confirmAward,
		header: map[string]string{"Accept-Language": "zh-CN"}}, 409)
	if !strings.Contains(zh.str("error.message"), "认证") {
		t.Fatalf("Chinese message: %s", zh.raw)
	}
	f.verify("new")
	f.bidAction("owner", id, "accept", confirmAward, 201)
}

// TestFairPayConfirmations: a bid whose hourly equivalent is below the
// minimum wage needs the workshop's explicit confirmation, and its award the
// company's; each refusal says what the pay works out at, and both
// confirmations are recorded (issue 15.13).
func TestFairPayConfirmations(t *testing.T) {
	t.Parallel()
	f := newBiddingFixture(t)
	unconfirmed := bidBody(1000, 150) // 1.50 yuan for 6 minutes: 15 yuan an hour, under 山东's 22
	delete(unconfirmed, "confirm_below_minimum_wage")
	r := f.bid("workshop", unconfirmed, 400)
	if msg := r.str("error.fields.confirm_below_minimum_wage"); !strings.Contains(msg, "15.00") || !strings.Contains(msg, "22.00") {
		t.Fatalf("refusal does not say the hourly figures: %s", r.raw)
	}
	below := f.bid("workshop", bidBody(1000, 150), 201)
	if below.field("below_min_wage_confirmed_at") == nil || below.field("quote.below_minimum_wage") != true || num(below, "quote.hourly_equivalent") != 1500 {
		t.Fatalf("confirmed bid: %s", below.raw)
	}
	// Revising to another price below the minimum needs confirming again.
	rev := bidBody(1000, 160)
	delete(rev, "confirm_below_minimum_wage")
	f.mustStatus(req{method: "PATCH", path: "/api/v1/bids/" + below.str("id"), token: f.as["workshop"].token, body: rev}, 400)
	// A fair price needs no confirmation and records none.
	fair := bidBody(1000, 250) // 25 yuan an hour
	delete(fair, "confirm_below_minimum_wage")
	if r := f.bid("workshop2", fair, 201); r.field("below_min_wage_confirmed_at") != nil {
		t.Fatalf("fair bid recorded a confirmation: %s", r.raw)
	}

	// The award: refused without the company's own confirmation, which is kept.
	r = f.bidAction("owner", below.str("id"), "accept", nil, 400)
	if msg := r.str("error.fields.confirm_below_minimum_wage"); !strings.Contains(msg, "15.00") || !strings.Contains(msg, "award") {
		t.Fatalf("award refusal: %s", r.raw)
	}
	k := f.bidAction("owner", below.str("id"), "accept", confirmAward, 201)
	if k.field("below_min_wage_confirmed_at") == nil {
		t.Fatalf("contract: %s", k.raw)
	}
	var by string
	if err := f.pool.QueryRow(context.Background(), "SELECT below_min_wage_confirmed_by::text FROM contracts WHERE id = $1", k.str("id")).Scan(&by); err != nil || by != f.as["owner"].userID {
		t.Fatalf("confirmed by %q (%v), want the company's user %s", by, err, f.as["owner"].userID)
	}
}
