package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"doorstep/server/api"
	"doorstep/server/market"
	"doorstep/server/workflows"
	"doorstep/server/workflows/workflowstest"
)

// period is the published month m of an impact answer, or nil.
func period(r resp, m string) map[string]any {
	for _, p := range r.field("periods").([]any) {
		if p := p.(map[string]any); p["month"] == m {
			return p
		}
	}
	return nil
}

// figure is the group key in part ("by_craft", "by_group") of period p.
func figure(p map[string]any, part, key string) map[string]any {
	for _, f := range p[part].([]any) {
		if f := f.(map[string]any); f["key"] == key {
			return f
		}
	}
	return nil
}

func asJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	must(t, err)
	return string(b)
}

// TestPublicImpactClosedMonths is the differencing attack through the HTTP
// route. Ten residents were paid last month; then a reader reads the public
// figures, 4 newcomers (all tagged disabled) are paid, a resident's tag is
// withdrawn, and the reader reads again: nothing moved. After this month
// closes, its figures appear, and with only the 4 in it, hidden.
func TestPublicImpactClosedMonths(t *testing.T) {
	t.Parallel()
	started := time.Now()
	f := newOpsFixture(t)
	ids := make([]string, 14)
	pieces := map[string]int{}
	for i := range ids {
		var tags []string
		if i < 5 {
			tags = []string{"low_income"}
		}
		if i >= 10 {
			tags = []string{"disabled"}
		}
		ids[i] = f.addResident("workshop", map[string]any{"name": fmt.Sprintf("居民%d", i), "tags": tags, "tags_consent": true}, 201).str("id")
		pieces[ids[i]] = 100 + 10*i
	}
	f.savePieces("workshop", uuid.NewString(), pieces, 200)
	f.finish()
	f.settle()
	d := f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/distribution/approve", token: f.as["workshop"].token,
		body: map[string]any{"community_fund_bp": 0, "reason": "其余件数是样品和备用件"}}, 200)
	lines := map[string]string{}
	for i := range ids {
		l := item(d, "lines", i)
		lines[l["resident_id"].(string)] = l["id"].(string)
	}
	pay := func(from, to int) {
		for _, id := range ids[from:to] {
			f.mustStatus(req{method: "POST", path: "/api/v1/distribution-lines/" + lines[id] + "/paid", token: f.as["workshop"].token, body: map[string]any{"method": "cash"}}, 200)
		}
	}
	pay(0, 10)
	last := market.LastClosedMonth(started)
	_, err := f.pool.Exec(context.Background(), "UPDATE distribution_lines SET paid_at = $1 WHERE paid_at IS NOT NULL", last+"-15T12:00:00+08:00")
	must(t, err)

	before := f.mustStatus(req{method: "GET", path: "/api/v1/stats/impact"}, 200)
	p := period(before, last)
	if before.str("through") != last || before.field("suppressed") != false || p == nil || len(before.field("periods").([]any)) != 1 {
		t.Fatalf("last month's figures: %s", before.raw)
	}
	if total := p["total"].(map[string]any); total["value"].(map[string]any)["residents"] != 10.0 || total["change_hidden"] != "no_previous_period" {
		t.Fatalf("last month's total: %v", total)
	}
	if g := figure(p, "by_group", "low_income"); g["value"].(map[string]any)["residents"] != 5.0 {
		t.Fatalf("5 of 10 on low income: %v", g)
	}
	if g := figure(p, "by_group", "disabled"); g["value"] != nil || g["hidden"] != "hidden_for_privacy" {
		t.Fatalf("no disabled resident paid: %v", g)
	}

	// Within the month: the 4 newcomers are paid, a resident withdraws her
	// tag (recomputed, low income would now be 4 and hidden).
	pay(10, 14)
	f.mustStatus(req{method: "PATCH", path: "/api/v1/residents/" + ids[0], token: f.as["workshop"].token, body: map[string]any{"tags": []string{}}}, 200)
	after := f.mustStatus(req{method: "GET", path: "/api/v1/stats/impact"}, 200)
	if market.LastClosedMonth(time.Now()) != last {
		t.Skip("the month closed while the test ran")
	}
	if after.raw != before.raw {
		t.Fatalf("the public answer moved within the month:\nbefore %s\nafter  %s", before.raw, after.raw)
	}

	// This month closes: a reader a month later (same database, clock moved).
	next := market.MonthStart(started).AddDate(0, 1, 0).Add(time.Hour)
	later := &env{t: t, st: f.st, pool: f.pool, mail: f.mail, cfg: f.cfg}
	later.app = api.New(api.Options{Config: f.cfg, Store: f.st, Pool: f.pool, Logger: testLogger(t),
		Workflows: workflowstest.New(t, f.st, func(d *workflows.Deps) { d.Config = f.cfg; d.Now = func() time.Time { return next } })})
	closed := later.mustStatus(req{method: "GET", path: "/api/v1/stats/impact"}, 200)
	this := period(closed, market.LastClosedMonth(next))
	if this == nil || this["total"].(map[string]any)["hidden"] != "hidden_for_privacy" || figure(this, "by_group", "disabled")["value"] != nil {
		t.Fatalf("a month of the 4 newcomers is shown: %s", closed.raw)
	}
	if asJSON(t, period(closed, last)) != asJSON(t, p) || num(closed, "totals.income") != num(before, "totals.income") ||
		num(closed, "totals.resident_months") != 10 || num(closed, "totals.hidden_months") != 1 {
		t.Fatalf("a published figure moved when the next month closed:\nbefore %s\nafter  %s", before.raw, closed.raw)
	}
	// Readers whose clock is still in this month do not see it early.
	if again := f.mustStatus(req{method: "GET", path: "/api/v1/stats/impact"}, 200); again.raw != before.raw {
		t.Fatalf("the running month leaked: %s", again.raw)
	}
	staff := later.mustStatus(req{method: "GET", path: "/api/v1/stats/impact/workshops", token: f.as["admin"].token}, 200)
	if w := item(staff, "by_workshop", 0)["workshops"].([]any); len(w) != 1 || w[0].(map[string]any)["value"].(map[string]any)["residents"] != 10.0 {
		t.Fatalf("staff per workshop: %s", staff.raw)
	}
	if closed.field("by_workshop") != nil || strings.Contains(closed.raw, "碧林") {
		t.Fatal("per-workshop figures in the public answer")
	}
}
