package api_test

// moderationRoutes: staff review submitted orders (approve, reject,
// suspend, reinstate) and decide reports, one by one or per order.
func moderationRoutes() routeTable {
	reason := map[string]string{"reason": "单价低于当地最低工资，请调整"}
	return routeTable{name: "moderation", scenarios: []scenario{
		{as: "moderator", method: "POST", url: "/api/v1/orgs/{A}/verify", body: map[string]any{"verified": true}, want: 200},
		{as: "owner", method: "POST", url: "/api/v1/orders", body: orderBody(), want: 201, save: map[string]string{"order": "id"}},
		{as: "owner", method: "POST", url: "/api/v1/orders/{order}/submit", want: 200},
		{as: "owner", method: "POST", url: "/api/v1/orders", body: orderBody(), want: 201, save: map[string]string{"order2": "id"}},
		{as: "owner", method: "POST", url: "/api/v1/orders/{order2}/submit", want: 200},
		{method: "GET", url: "/api/v1/moderation/orders", want: 401},
		{as: "owner", method: "GET", url: "/api/v1/moderation/orders", want: 403},
		{as: "moderator", method: "GET", url: "/api/v1/moderation/orders?status=pending_review", want: 200,
			fragments: []string{`"id":"{order}"`, `"id":"{order2}"`}},
		{method: "GET", url: "/api/v1/moderation/counts", want: 401},
		{as: "workshop", method: "GET", url: "/api/v1/moderation/counts", want: 403},
		{as: "moderator", method: "GET", url: "/api/v1/moderation/counts", want: 200, check: func(w *world, r resp) {
			if num(r, "orders_to_review") < 2 {
				w.t.Errorf("the two orders in review are not counted: %s", r.raw)
			}
		}},

		{method: "POST", url: "/api/v1/moderation/orders/{order2}/reject", body: reason, want: 401},
		{as: "owner", method: "POST", url: "/api/v1/moderation/orders/{order2}/reject", body: reason, want: 403},
		{as: "moderator", method: "POST", url: "/api/v1/moderation/orders/{order2}/reject", body: map[string]string{}, want: 400, fragments: []string{`"reason"`}},
		{as: "moderator", method: "POST", url: "/api/v1/moderation/orders/{order2}/reject", body: reason, want: 200,
			fragments: []string{`"status":"rejected"`}, notified: []string{"owner:order.rejected"}},

		{method: "POST", url: "/api/v1/moderation/orders/{order}/approve", want: 401},
		{as: "owner", method: "POST", url: "/api/v1/moderation/orders/{order}/approve", want: 403},
		{as: "moderator", method: "POST", url: "/api/v1/moderation/orders/{nil}/approve", want: 404},
		{as: "moderator", method: "POST", url: "/api/v1/moderation/orders/{order}/approve", want: 200,
			fragments: []string{`"status":"published"`}, notified: []string{"owner:order.approved"}, jobs: []string{"index_order"}},

		{method: "POST", url: "/api/v1/orders/{order}/reports", body: map[string]string{"reason": "unfair_pay"}, want: 401},
		{as: "owner", method: "POST", url: "/api/v1/orders/{order}/reports", body: map[string]string{"reason": "unfair_pay"}, want: 403},
		{as: "workshop", method: "POST", url: "/api/v1/orders/{order}/reports", body: map[string]string{"reason": "nonsense"}, want: 400,
			fragments: []string{`"reason"`}},
		{as: "workshop", method: "POST", url: "/api/v1/orders/{order}/reports", body: map[string]string{"reason": "unfair_pay", "detail": "计件太低"},
			want: 201, fragments: []string{`"reason":"unfair_pay"`}, save: map[string]string{"report": "id"}},
		{method: "GET", url: "/api/v1/moderation/reports", want: 401},
		{as: "owner", method: "GET", url: "/api/v1/moderation/reports", want: 403},
		{as: "moderator", method: "GET", url: "/api/v1/moderation/reports", want: 200, fragments: []string{`"order_id":"{order}"`, `"id":"{report}"`}},
		{method: "POST", url: "/api/v1/moderation/reports/{report}/resolve", body: map[string]string{"status": "dismissed", "note": "单价合理"}, want: 401},
		{as: "workshop", method: "POST", url: "/api/v1/moderation/reports/{report}/resolve", body: map[string]string{"status": "dismissed", "note": "单价合理"}, want: 403},
		{as: "moderator", method: "POST", url: "/api/v1/moderation/reports/{report}/resolve", body: map[string]string{"status": "dismissed"}, want: 400,
			fragments: []string{`"note"`}},
		{as: "moderator", method: "POST", url: "/api/v1/moderation/reports/{report}/resolve", body: map[string]string{"status": "dismissed", "note": "单价合理"},
			want: 200, fragments: []string{`"status":"dismissed"`}, notified: []string{"workshop:report.dismissed"}},
		{as: "moderator", method: "POST", url: "/api/v1/moderation/reports/{report}/resolve", body: map[string]string{"status": "upheld"}, want: 404},

		{as: "other", method: "POST", url: "/api/v1/orders/{order}/reports", body: map[string]string{"reason": "deposit_scam", "detail": "要求先交押金"}, want: 201},
		{method: "POST", url: "/api/v1/moderation/orders/{order}/reports/resolve", body: map[string]any{"status": "upheld", "note": "已核实"}, want: 401},
		{as: "other", method: "POST", url: "/api/v1/moderation/orders/{order}/reports/resolve", body: map[string]any{"status": "upheld", "note": "已核实"}, want: 403},
		{as: "moderator", method: "POST", url: "/api/v1/moderation/orders/{order}/reports/resolve", body: map[string]any{"status": "upheld", "note": "已核实", "suspend_order": true},
			want: 200, fragments: []string{`"status":"upheld"`, `"status":"suspended"`}, notified: []string{"other:report.upheld", "owner:order.suspended"}},

		{method: "POST", url: "/api/v1/moderation/orders/{order}/reinstate", want: 401},
		{as: "owner", method: "POST", url: "/api/v1/moderation/orders/{order}/reinstate", want: 403},
		{as: "moderator", method: "POST", url: "/api/v1/moderation/orders/{order}/reinstate", want: 200,
			fragments: []string{`"status":"published"`}, notified: []string{"owner:order.reinstated"}},
		{method: "POST", url: "/api/v1/moderation/orders/{order}/suspend", body: reason, want: 401},
		{as: "owner", method: "POST", url: "/api/v1/moderation/orders/{order}/suspend", body: reason, want: 403},
		{as: "moderator", method: "POST", url: "/api/v1/moderation/orders/{order}/suspend", body: map[string]string{"reason": "核实保证金条款"}, want: 200,
			fragments: []string{`"status":"suspended"`}, notified: []string{"owner:order.suspended"}},
		{as: "moderator", method: "POST", url: "/api/v1/moderation/orders/{order}/suspend", body: map[string]string{"reason": "again"}, want: 409},
	}}
}
