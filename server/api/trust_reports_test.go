package api_test

import (
	"fmt"
	"strconv"
	"testing"

	"doorstep/server/config"
)

// TestThrowawayAccountsCannotSuspend: three new, unverified organisations
// reporting an order do not take it down; registration is limited per IP;
// reports from verified organisations do, and the order then heads the
// moderation queue (issue 15.2).
func TestThrowawayAccountsCannotSuspend(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *config.Config) { c.TrustProxy, c.RegisterLimitPerIP = true, 3 })
	f := &orderFixture{fixture: &fixture{env: e, as: map[string]account{"anon": {}}}}
	f.as["owner"] = e.registerCompany("owner@a.cn")
	f.as["other"] = e.registerCompany("owner@b.cn")
	f.as["moderator"] = e.staff("mod@doorstep.cn", "moderator")
	verify := func(orgID string) {
		e.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + orgID + "/verify", token: f.as["moderator"].token, body: map[string]any{"verified": true}}, 200)
	}
	verify(f.as["owner"].orgID)
	// An order waiting for review since before the attack.
	waiting := e.mustStatus(req{method: "POST", path: "/api/v1/orders", token: f.as["owner"].token, body: orderBody()}, 201).str("id")
	f.orderID = waiting
	f.act("owner", "submit", nil, 200)
	f.orderID = e.mustStatus(req{method: "POST", path: "/api/v1/orders", token: f.as["owner"].token, body: orderBody()}, 201).str("id")
	f.act("owner", "submit", nil, 200)
	f.act("moderator", "approve", nil, 200)

	// One address registers three throwaway workshops; a fourth is refused.
	var sybils []account
	for i := 0; i < 3; i++ {
		b := workshopBody("sybil" + strconv.Itoa(i) + "@x.cn")
		r := e.mustStatus(req{method: "POST", path: "/api/v1/auth/register", body: b, header: from("203.0.113.66")}, 201)
		sybils = append(sybils, account{token: r.str("token"), orgID: r.str("org.id")})
	}
	r := e.mustStatus(req{method: "POST", path: "/api/v1/auth/register", body: workshopBody("sybil3@x.cn"), header: from("203.0.113.66")}, 429)
	if r.header.Get("Retry-After") == "" {
		t.Fatalf("no Retry-After: %s", r.raw)
	}
	path := "/api/v1/orders/" + f.orderID + "/reports"
	for _, s := range sybils {
		e.mustStatus(req{method: "POST", path: path, token: s.token, body: map[string]string{"reason": "deposit_scam"}}, 201)
	}
	if o := e.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID}, 200); o.str("status") != "published" {
		t.Fatalf("three throwaway accounts suspended the order: %s", o.raw)
	}

	// Verified organisations' reports count (their earlier reports too).
	verify(sybils[0].orgID)
	verify(sybils[1].orgID)
	verify(f.as["other"].orgID)
	e.mustStatus(req{method: "POST", path: path, token: f.as["other"].token, body: map[string]string{"reason": "misleading"}}, 201)
	o := e.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID, token: f.as["owner"].token}, 200)
	if o.str("status") != "suspended" || o.field("auto_suspended") != true {
		t.Fatalf("reports from verified organisations did not suspend: %s", o.raw)
	}
	// The review queue puts it above the order that was waiting first.
	q := e.mustStatus(req{method: "GET", path: "/api/v1/moderation/orders", token: f.as["moderator"].token}, 200)
	items, _ := q.field("items").([]any)
	if len(items) != 2 || items[0].(map[string]any)["id"] != f.orderID || items[1].(map[string]any)["id"] != waiting || num(q, "total") != 2 {
		t.Fatalf("moderation queue: %s", q.raw)
	}
	// Paged one at a time, the two groups keep that order.
	for page, want := range map[int]string{1: f.orderID, 2: waiting} {
		q := e.mustStatus(req{method: "GET", path: fmt.Sprintf("/api/v1/moderation/orders?per_page=1&page=%d", page), token: f.as["moderator"].token}, 200)
		if items, _ := q.field("items").([]any); len(items) != 1 || items[0].(map[string]any)["id"] != want || num(q, "total") != 2 {
			t.Fatalf("moderation queue page %d of 1: %s", page, q.raw)
		}
	}
	// Reinstating ends the mark: it leaves the review queue.
	f.act("moderator", "reinstate", map[string]string{"reason": "举报不实"}, 200)
	q = e.mustStatus(req{method: "GET", path: "/api/v1/moderation/orders", token: f.as["moderator"].token}, 200)
	if num(q, "total") != 1 {
		t.Fatalf("queue after reinstating: %s", q.raw)
	}
}
