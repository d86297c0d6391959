package api_test

import (
	"strings"
	"testing"
)

// TestReportQueueGroupsAndOutcomes: the staff queue groups reports per
// order with a count, the most serious reason first (deposit scam first);
// dismissing needs a reason; upholding can suspend the order in the same
// step; every reporter is told the outcome; the navigation counts what
// waits in each queue (issue 15.14).
func TestReportQueueGroupsAndOutcomes(t *testing.T) {
	t.Parallel()
	f := newOrderFixture(t)
	f.act("owner", "submit", nil, 200)
	f.act("moderator", "approve", nil, 200)
	orderA := f.orderID
	f.orderID = f.mustStatus(req{method: "POST", path: "/api/v1/orders", token: f.as["owner"].token, body: orderBody()}, 201).str("id")
	f.act("owner", "submit", nil, 200)
	f.act("moderator", "approve", nil, 200)
	orderB := f.orderID
	w2 := f.registerWorkshop("w2@w.cn")
	report := func(tok, order, reason string) {
		f.mustStatus(req{method: "POST", path: "/api/v1/orders/" + order + "/reports", token: tok, body: map[string]string{"reason": reason}}, 201)
	}
	report(f.as["workshop"].token, orderA, "other")
	report(w2.token, orderA, "misleading")
	report(f.as["other"].token, orderB, "deposit_scam") // reported later, by fewer, but more serious
	mod := f.as["moderator"].token

	counts := f.mustStatus(req{method: "GET", path: "/api/v1/moderation/counts", token: mod}, 200)
	if num(counts, "reported_orders") != 2 || num(counts, "orders_to_review") != 0 || num(counts, "orgs_to_verify") != 3 {
		t.Fatalf("counts: %s", counts.raw)
	}
	f.mustStatus(req{method: "GET", path: "/api/v1/moderation/counts", token: f.as["owner"].token}, 403)

	q := f.mustStatus(req{method: "GET", path: "/api/v1/moderation/reports", token: mod}, 200)
	g0, g1 := item(q, "items", 0), item(q, "items", 1)
	if num(q, "total") != 2 || g0["order_id"] != orderB || g0["top_reason"] != "deposit_scam" || g0["count"] != 1.0 ||
		g1["order_id"] != orderA || g1["count"] != 2.0 || g1["top_reason"] != "misleading" {
		t.Fatalf("groups: %s", q.raw)
	}
	if rs := g1["reasons"].([]any); len(rs) != 2 || rs[0].(map[string]any)["reason"] != "misleading" || len(g1["reports"].([]any)) != 2 {
		t.Fatalf("group reasons: %v", g1)
	}

	// Dismissing needs a reason; the reporters are told it.
	resolveA := "/api/v1/moderation/orders/" + orderA + "/reports/resolve"
	if r := f.mustStatus(req{method: "POST", path: resolveA, token: mod, body: map[string]any{"status": "dismissed"}}, 400); r.str("error.fields.note") == "" {
		t.Fatalf("dismissal without a reason: %s", r.raw)
	}
	f.mustStatus(req{method: "POST", path: resolveA, token: mod, body: map[string]any{"status": "dismissed", "suspend_order": true, "note": "x1"}}, 400)
	r := f.mustStatus(req{method: "POST", path: resolveA, token: mod, body: map[string]any{"status": "dismissed", "note": "订单条款与说明一致"}}, 200)
	if len(r.field("reports").([]any)) != 2 || r.field("order") != nil {
		t.Fatalf("dismissal: %s", r.raw)
	}
	for _, as := range []string{"workshop"} {
		n := byKind(f.notifications(as), "report.dismissed")
		if n == nil || !strings.Contains(n["body"].(string), "订单条款与说明一致") {
			t.Fatalf("%s not told of the dismissal: %v", as, f.notifications(as))
		}
	}
	if o := f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + orderA}, 200); o.str("status") != "published" {
		t.Fatalf("dismissed order: %s", o.raw)
	}

	// Upholding suspends the order in the same step; the company and the reporter are told.
	groupB := item(q, "items", 0)["reports"].([]any)[0].(map[string]any)["id"].(string)
	r = f.mustStatus(req{method: "POST", path: "/api/v1/moderation/reports/" + groupB + "/resolve", token: mod,
		body: map[string]any{"status": "upheld", "suspend_order": true, "note": "核实要求工坊先交押金"}}, 200)
	if r.str("order.status") != "suspended" || r.field("order.auto_suspended") != false {
		t.Fatalf("uphold and suspend: %s", r.raw)
	}
	if byKind(f.notifications("owner"), "order.suspended") == nil {
		t.Fatal("the company was not told of the suspension")
	}
	if n := byKind(f.notifications("other"), "report.upheld"); n == nil || !strings.Contains(n["body"].(string), "核实要求工坊先交押金") {
		t.Fatalf("reporter not told the report was upheld: %v", f.notifications("other"))
	}
	counts = f.mustStatus(req{method: "GET", path: "/api/v1/moderation/counts", token: mod}, 200)
	if num(counts, "reported_orders") != 0 {
		t.Fatalf("counts after deciding: %s", counts.raw)
	}
	hist := f.mustStatus(req{method: "GET", path: "/api/v1/moderation/reports?status=upheld", token: mod}, 200)
	if num(hist, "total") != 1 {
		t.Fatalf("upheld history: %s", hist.raw)
	}
}
