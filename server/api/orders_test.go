package api_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func orderBody() map[string]any {
	now := time.Now()
	return map[string]any{
		"title": "编织网兜 5000 个", "description": "棉麻线手工编织网兜，样品可到厂领取。", "craft": "weaving", "tags": []string{"网兜", "居家可做"},
		"quantity": 5000, "unit_price": 150, "min_bid_quantity": 1000,
		"bidding_deadline": now.Add(72 * time.Hour).UTC().Format(time.RFC3339), "delivery_deadline": now.Add(30 * 24 * time.Hour).UTC().Format(time.RFC3339),
		"region_code": "371602", "address": "滨州市滨城区黄河五路318号", "lat": 37.38, "lng": 117.97, "minutes_per_piece": 6,
		"materials": map[string]any{"supply": "company_ships", "value_per_unit": 80, "allowed_loss_bp": 200},
		"deposit":   map[string]any{"kind": "per_unit", "amount": 20, "waivable": true},
		"quality":   map[string]any{"criteria": "花结牢固，网眼均匀，无断线", "max_defect_bp": 300, "inspection_days": 7, "rework_rounds": 1},
	}
}

// orderFixture: a verified company with a draft order, staff, and outsiders.
type orderFixture struct {
	*fixture
	orderID string
}

func newOrderFixture(t testing.TB) *orderFixture {
	f := newFixture(t)
	f.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + f.as["owner"].orgID + "/verify", token: f.as["moderator"].token, body: map[string]any{"verified": true}}, 200)
	r := f.mustStatus(req{method: "POST", path: "/api/v1/orders", token: f.as["owner"].token, body: orderBody()}, 201)
	return &orderFixture{fixture: f, orderID: r.str("id")}
}

func (f *orderFixture) act(as, action string, body any, want int) resp {
	f.t.Helper()
	path := "/api/v1/orders/" + f.orderID + "/" + action
	if as == "moderator" || as == "admin" {
		path = "/api/v1/moderation/orders/" + f.orderID + "/" + action
	}
	return f.mustStatus(req{method: "POST", path: path, token: f.as[as].token, body: body}, want)
}

func TestOrderCreateRules(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	// Unverified companies and workshops cannot post.
	f.mustStatus(req{method: "POST", path: "/api/v1/orders", token: f.as["owner"].token, body: orderBody()}, 403)
	f.mustStatus(req{method: "POST", path: "/api/v1/orders", token: f.as["workshop"].token, body: orderBody()}, 403)
	f.mustStatus(req{method: "POST", path: "/api/v1/orders", body: orderBody()}, 401)
	f.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + f.as["owner"].orgID + "/verify", token: f.as["moderator"].token, body: map[string]any{"verified": true}}, 200)

	bad := []struct {
		field  string
		mutate func(b map[string]any)
	}{
		{"title", func(b map[string]any) { b["title"] = "网兜" }},
		{"title", func(b map[string]any) { b["title"] = strings.Repeat("编", 81) }},
		{"description", func(b map[string]any) { b["description"] = strings.Repeat("字", 5001) }},
		{"craft", func(b map[string]any) { b["craft"] = "forging" }},
		{"quantity", func(b map[string]any) { b["quantity"] = 0 }},
		{"quantity", func(b map[string]any) { b["quantity"] = 10_000_001 }},
		{"unit_price", func(b map[string]any) { b["unit_price"] = 100_000_001 }},
		{"min_bid_quantity", func(b map[string]any) { b["min_bid_quantity"] = 6000 }},
		{"bidding_deadline", func(b map[string]any) { b["bidding_deadline"] = time.Now().Add(-time.Hour).Format(time.RFC3339) }},
		{"delivery_deadline", func(b map[string]any) { b["delivery_deadline"] = time.Now().Add(time.Hour).Format(time.RFC3339) }},
		{"region_code", func(b map[string]any) { b["region_code"] = "000000" }},
		{"minutes_per_piece", func(b map[string]any) { delete(b, "minutes_per_piece") }},
		{"materials.supply", func(b map[string]any) { b["materials"] = map[string]any{"supply": "teleport"} }},
		{"deposit.amount", func(b map[string]any) { b["deposit"] = map[string]any{"kind": "per_unit", "amount": 81} }},
		{"deposit.amount", func(b map[string]any) { b["deposit"] = map[string]any{"kind": "fixed", "amount": 400_001} }},
		{"deposit.kind", func(b map[string]any) {
			b["materials"] = map[string]any{"supply": "workshop_sources", "value_per_unit": 80}
		}},
		{"quality.criteria", func(b map[string]any) { b["quality"] = map[string]any{"criteria": ""} }},
		{"quality.inspection_days", func(b map[string]any) {
			b["quality"] = map[string]any{"criteria": "合格标准说明", "inspection_days": 31}
		}},
		{"quality.rework_rounds", func(b map[string]any) {
			b["quality"] = map[string]any{"criteria": "合格标准说明", "rework_rounds": 4}
		}},
		{"quantity", func(b map[string]any) { b["quantity"] = "lots" }},
	}
	for _, c := range bad {
		t.Run(c.field, func(t *testing.T) {
			f.t = t
			b := orderBody()
			c.mutate(b)
			r := f.mustStatus(req{method: "POST", path: "/api/v1/orders", token: f.as["owner"].token, body: b}, 400)
			if fields, _ := r.field("error.fields").(map[string]any); fields[c.field] == nil {
				t.Fatalf("want field %s: %s", c.field, r.raw)
			}
		})
	}
	f.t = t
	r := f.mustStatus(req{method: "POST", path: "/api/v1/orders", token: f.as["owner"].token, body: orderBody()}, 201)
	if r.str("status") != "draft" || r.field("totals.order_value") != 750000.0 || r.field("totals.deposit_min_bid") != 20000.0 ||
		r.field("totals.deposit_full") != 100000.0 || r.field("totals.hourly_equivalent") != 1500.0 || r.field("totals.allowed_loss_units") != 100.0 {
		t.Fatalf("totals: %s", r.raw)
	}
	if r.field("company.name") != "滨州鑫源工艺品有限公司" {
		t.Fatalf("company badge: %s", r.raw)
	}
	// Preview computes the same totals without saving, even with fields still missing.
	b := orderBody()
	delete(b, "title")
	p := f.mustStatus(req{method: "POST", path: "/api/v1/orders/preview", token: f.as["owner"].token, body: b}, 200)
	if p.field("quote.order_value") != 750000.0 || p.field("fields.title") == nil {
		t.Fatalf("preview: %s", p.raw)
	}
}

func TestOrderLifecycleAndVisibility(t *testing.T) {
	t.Parallel()
	f := newOrderFixture(t)
	path := "/api/v1/orders/" + f.orderID
	// A draft is private: 404 to anyone but its company and staff.
	for as, want := range map[string]int{"anon": 404, "other": 404, "workshop": 404, "owner": 200, "member": 200, "moderator": 200} {
		f.mustStatus(req{method: "GET", path: path, token: f.as[as].token}, want)
	}
	f.act("moderator", "approve", nil, 409) // not submitted yet
	f.act("other", "submit", nil, 404)
	f.act("workshop", "submit", nil, 404)
	f.act("owner", "submit", nil, 200)
	f.act("owner", "submit", nil, 409)
	f.act("owner", "reject", nil, 404) // moderation routes are staff-only
	f.mustStatus(req{method: "POST", path: "/api/v1/moderation/orders/" + f.orderID + "/reject", token: f.as["owner"].token}, 403)
	f.act("moderator", "reject", map[string]string{}, 400)
	f.act("moderator", "reject", map[string]string{"reason": "单价低于当地最低工资，请调整"}, 200)
	f.mustStatus(req{method: "GET", path: path}, 404)

	// The company sees the reason in its notifications, fixes and resubmits.
	n := f.mustStatus(req{method: "GET", path: "/api/v1/notifications", token: f.as["member"].token, header: map[string]string{"Accept-Language": "zh-CN"}}, 200)
	if !strings.Contains(n.raw, "单价低于当地最低工资") || !strings.Contains(n.raw, "未通过审核") {
		t.Fatalf("rejection notice: %s", n.raw)
	}
	f.mustStatus(req{method: "PATCH", path: path, token: f.as["owner"].token, body: map[string]any{"unit_price": 300}}, 200)
	f.act("owner", "submit", nil, 200)
	q := f.mustStatus(req{method: "GET", path: "/api/v1/moderation/orders?status=pending_review", token: f.as["moderator"].token}, 200)
	if q.field("total") != 1.0 {
		t.Fatalf("queue: %s", q.raw)
	}
	f.act("moderator", "approve", nil, 200)
	pub := f.mustStatus(req{method: "GET", path: path}, 200)
	if pub.str("status") != "published" || pub.field("history") != nil || pub.field("company.verified") != true {
		t.Fatalf("public view: %s", pub.raw)
	}
	own := f.mustStatus(req{method: "GET", path: path, token: f.as["owner"].token}, 200)
	hist, _ := own.field("history").([]any)
	// Every step so far, oldest first: the edit of the rejected order is kept too.
	want := []string{"create: → draft", "submit: draft → pending_review", "reject: pending_review → rejected",
		"edit_terms: rejected → rejected", "submit: rejected → pending_review", "approve: pending_review → published"}
	var got []string
	for _, h := range hist {
		e := h.(map[string]any)
		step := e["action"].(string) + ": "
		if from, _ := e["from_status"].(string); from != "" {
			step += from + " "
		}
		got = append(got, step+"→ "+e["to_status"].(string))
	}
	if !slices.Equal(got, want) {
		t.Fatalf("history:\n got %q\nwant %q", got, want)
	}
	if r := item(own, "history", 2); fmt.Sprint(r["reason"]) != "map[en:单价低于当地最低工资，请调整 zh:单价低于当地最低工资，请调整]" || r["actor_kind"] != "staff" {
		t.Fatalf("rejection in the history: %v", r) // typed by staff: as written in both languages
	}
	// The edit names the changed field in words, not "修改 / changed: unit_price".
	if r := item(own, "history", 3); fmt.Sprint(r["reason"]) != "map[en:changed: unit price zh:修改了：单价]" {
		t.Fatalf("edit in the history: %v", r)
	}
	// Editing a published order sends it back to review and out of public view.
	f.mustStatus(req{method: "PATCH", path: path, token: f.as["owner"].token, body: map[string]any{"title": "编织网兜 6000 个", "quantity": 6000}}, 200)
	f.mustStatus(req{method: "GET", path: path}, 404)
	f.act("moderator", "approve", nil, 200)
	f.act("moderator", "suspend", map[string]string{"reason": "核实保证金条款"}, 200)
	f.mustStatus(req{method: "GET", path: path}, 404)
	f.act("moderator", "suspend", map[string]string{"reason": "again"}, 409)
	f.act("moderator", "reinstate", nil, 200)
	f.act("owner", "cancel", nil, 200)
	f.act("owner", "cancel", nil, 409)
	f.mustStatus(req{method: "PATCH", path: path, token: f.as["owner"].token, body: map[string]any{"title": "再来一次吧"}}, 409)
	closed := f.mustStatus(req{method: "GET", path: path, token: f.as["owner"].token}, 200)
	if closed.str("status") != "closed" || closed.str("close_reason") != "cancelled" {
		t.Fatalf("cancel: %s", closed.raw)
	}
	a := f.mustStatus(req{method: "GET", path: "/api/v1/audit", token: f.as["admin"].token}, 200)
	for _, want := range []string{"order.reject", "order.approve", "order.suspend", "order.reinstate"} {
		if !strings.Contains(a.raw, want) {
			t.Errorf("audit lacks %s", want)
		}
	}
	l := f.mustStatus(req{method: "GET", path: "/api/v1/orders?mine=1&status=closed", token: f.as["member"].token}, 200)
	if l.field("total") != 1.0 || l.field("counts.closed") != 1.0 {
		t.Fatalf("list: %s", l.raw)
	}
	f.mustStatus(req{method: "GET", path: "/api/v1/orders?mine=1", token: f.as["workshop"].token}, 403)
	f.mustStatus(req{method: "GET", path: "/api/v1/orders?status=open", token: f.as["owner"].token}, 400)
}

func TestReportsAutoSuspend(t *testing.T) {
	t.Parallel()
	f := newOrderFixture(t)
	f.act("owner", "submit", nil, 200)
	f.act("moderator", "approve", nil, 200)
	path := "/api/v1/orders/" + f.orderID + "/reports"
	f.mustStatus(req{method: "POST", path: path, body: map[string]string{"reason": "other"}}, 401)
	f.mustStatus(req{method: "POST", path: path, token: f.as["owner"].token, body: map[string]string{"reason": "other"}}, 403)
	f.mustStatus(req{method: "POST", path: path, token: f.as["workshop"].token, body: map[string]string{"reason": "nonsense"}}, 400)
	f.mustStatus(req{method: "POST", path: path, token: f.as["workshop"].token, body: map[string]string{"reason": "unfair_pay"}}, 201)
	f.mustStatus(req{method: "POST", path: path, token: f.as["workshop"].token, body: map[string]string{"reason": "other"}}, 409)
	// More organisations report at once: the order is suspended exactly once.
	w2 := f.registerWorkshop("w2@w.cn")
	w3 := f.registerWorkshop("w3@w.cn")
	for _, id := range []string{f.as["other"].orgID, w2.orgID, w3.orgID} { // only verified organisations' reports count
		f.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + id + "/verify", token: f.as["moderator"].token, body: map[string]any{"verified": true}}, 200)
	}
	var wg sync.WaitGroup
	for _, tok := range []string{f.as["other"].token, w2.token, w3.token} {
		wg.Add(1)
		go func(tok string) {
			defer wg.Done()
			f.do(req{method: "POST", path: path, token: tok, body: map[string]string{"reason": "deposit_scam", "detail": "要求先交押金"}})
		}(tok)
	}
	wg.Wait()
	f.mustStatus(req{method: "POST", path: path, token: f.as["workshop"].token, body: map[string]string{"reason": "other"}}, 404) // no longer public
	f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID}, 404)
	r := f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID, token: f.as["owner"].token}, 200)
	if r.str("status") != "suspended" || strings.Count(r.raw, `"action":"auto_suspend"`) != 1 {
		t.Fatalf("auto-suspend: %s", r.raw)
	}
	// The server's own reason, in each language (not "中文 / English" in both).
	if r.str("status_reason.zh") != "多家机构举报，暂停待平台复核" || r.str("status_reason.en") != "reported by several organisations; suspended pending review" {
		t.Fatalf("auto-suspension reason: %s", r.raw)
	}
	q := f.mustStatus(req{method: "GET", path: "/api/v1/moderation/reports", token: f.as["moderator"].token}, 200)
	items, _ := q.field("items").([]any)
	reports, _ := item(q, "items", 0)["reports"].([]any)
	if len(items) != 1 || len(reports) != 4 { // one order: the unverified workshop's report and the three verified organisations' that suspended it
		t.Fatalf("reports queue: %s", q.raw)
	}
	id := reports[0].(map[string]any)["id"].(string)
	f.mustStatus(req{method: "POST", path: "/api/v1/moderation/reports/" + id + "/resolve", token: f.as["moderator"].token, body: map[string]string{"status": "upheld", "note": "已核实"}}, 200)
	f.mustStatus(req{method: "POST", path: "/api/v1/moderation/reports/" + id + "/resolve", token: f.as["moderator"].token, body: map[string]string{"status": "upheld"}}, 404)
	u := f.mustStatus(req{method: "GET", path: "/api/v1/notifications/unread-count", token: f.as["owner"].token}, 200)
	if u.field("count").(float64) < 2 {
		t.Fatalf("unread: %s", u.raw)
	}
	f.mustStatus(req{method: "POST", path: "/api/v1/notifications/read-all", token: f.as["owner"].token}, 204)
	if u := f.mustStatus(req{method: "GET", path: "/api/v1/notifications/unread-count", token: f.as["owner"].token}, 200); u.field("count") != 0.0 {
		t.Fatalf("after read-all: %s", u.raw)
	}
}

func TestBiddingDeadlineClosesOrders(t *testing.T) {
	t.Parallel()
	f := newOrderFixture(t)
	f.act("owner", "submit", nil, 200)
	f.act("moderator", "approve", nil, 200)
	_, err := f.pool.Exec(context.Background(), "UPDATE orders SET bidding_deadline = now() - interval '1 minute' WHERE id = $1", f.orderID)
	must(t, err)
	n, err := f.expireDue()
	if err != nil || n != 1 {
		t.Fatalf("expired %d: %v", n, err)
	}
	r := f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID, token: f.as["owner"].token}, 200)
	if r.str("status") != "closed" || r.str("close_reason") != "expired" || r.str("status_reason.zh") != "报名已截止" ||
		r.str("status_reason.en") != "the bidding deadline passed" {
		t.Fatalf("expiry: %s", r.raw)
	}
	if n, _ := f.expireDue(); n != 0 {
		t.Fatal("expired twice")
	}
}

// ordersRoutes: a verified company writes, previews, submits, edits and
// cancels an order; a draft is its company's and staff's alone.
func ordersRoutes() routeTable {
	return routeTable{name: "orders", scenarios: []scenario{
		{as: "moderator", method: "POST", url: "/api/v1/orgs/{A}/verify", body: map[string]any{"verified": true}, want: 200},
		{method: "POST", url: "/api/v1/orders", body: orderBody(), want: 401},
		{as: "workshop", method: "POST", url: "/api/v1/orders", body: orderBody(), want: 403},
		{as: "owner", method: "POST", url: "/api/v1/orders", body: map[string]any{"title": "网兜"}, want: 400, fragments: []string{`"title"`}},
		{as: "owner", method: "POST", url: "/api/v1/orders", body: orderBody(), want: 201, fragments: []string{`"status":"draft"`, `"quantity":5000`},
			save: map[string]string{"order": "id"}},

		{method: "POST", url: "/api/v1/orders/preview", body: orderBody(), want: 401},
		{as: "owner", method: "POST", url: "/api/v1/orders/preview", body: orderBody(), want: 200, fragments: []string{`"order_value":750000`, `"below_minimum_wage":true`}},

		{method: "GET", url: "/api/v1/orders", want: 401},
		{as: "workshop", method: "GET", url: "/api/v1/orders", want: 403},
		{as: "member", method: "GET", url: "/api/v1/orders?status=draft", want: 200, fragments: []string{`"id":"{order}"`}},
		{as: "other", method: "GET", url: "/api/v1/orders", want: 200, absent: []string{"{order}"}},
		{as: "owner", method: "GET", url: "/api/v1/orders?status=open", want: 400, fragments: []string{`"status"`}},

		{method: "GET", url: "/api/v1/orders/{order}", want: 404},
		{as: "other", method: "GET", url: "/api/v1/orders/{order}", want: 404},
		{as: "owner", method: "GET", url: "/api/v1/orders/{order}", want: 200, fragments: []string{`"id":"{order}"`, `"status":"draft"`, `"history"`}},
		{as: "moderator", method: "GET", url: "/api/v1/orders/{order}", want: 200, fragments: []string{`"id":"{order}"`}},

		{method: "PATCH", url: "/api/v1/orders/{order}", body: map[string]any{"unit_price": 300}, want: 401},
		{as: "other", method: "PATCH", url: "/api/v1/orders/{order}", body: map[string]any{"unit_price": 300}, want: 404},
		{as: "owner", method: "PATCH", url: "/api/v1/orders/{order}", body: map[string]any{"unit_price": -1}, want: 400, fragments: []string{`"unit_price"`}},
		{as: "owner", method: "PATCH", url: "/api/v1/orders/{order}", body: map[string]any{"unit_price": 300}, want: 200, fragments: []string{`"unit_price":300`}},

		{method: "POST", url: "/api/v1/orders/{order}/submit", want: 401},
		{as: "workshop", method: "POST", url: "/api/v1/orders/{order}/submit", want: 404},
		{as: "owner", method: "POST", url: "/api/v1/orders/{order}/submit", want: 200, fragments: []string{`"status":"pending_review"`}},
		{as: "owner", method: "POST", url: "/api/v1/orders/{order}/submit", want: 409},

		{method: "POST", url: "/api/v1/orders/{order}/cancel", want: 401},
		{as: "other", method: "POST", url: "/api/v1/orders/{order}/cancel", want: 404},
		{as: "owner", method: "POST", url: "/api/v1/orders/{order}/cancel", body: map[string]string{"reason": "计划有变"}, want: 200,
			fragments: []string{`"status":"closed"`, `"close_reason":"cancelled"`}},
		{as: "owner", method: "POST", url: "/api/v1/orders/{order}/cancel", want: 409},
	}}
}
