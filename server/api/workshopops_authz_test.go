package api_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/uuid"
)

// TestWorkshopOpsAuthz: every roster and distribution route, for every role
// and organisation that is not the workshop. Other organisations and staff
// get 404 (the roster's existence is not revealed); anonymous callers 401.
// The workshop's owner and member pass (checked in the flow tests above).
func TestWorkshopOpsAuthz(t *testing.T) {
	t.Parallel()
	f := newOpsFixture(t)
	w := f.as["workshop"].orgID
	res := f.addResident("workshop", map[string]any{"name": "李秀英", "phone": "13812345678", "tags": []string{"disabled"}, "tags_consent": true}, 201).str("id")
	f.savePieces("workshop", uuid.NewString(), map[string]int{res: 10}, 200)
	f.finish()
	f.settle()
	line := item(f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/distribution/approve",
		token: f.as["workshop"].token, body: map[string]any{"community_fund_bp": 0, "reason": "其余件数是企业自己做的"}}, 200), "lines", 0)["id"].(string)
	k := f.contractID
	xlsx := sheet(t, [][]string{{"姓名"}, {"新居民"}})
	routes := []struct {
		method, path string
		body         any
	}{
		{"GET", "/api/v1/workshops/" + w + "/residents", nil},
		{"POST", "/api/v1/workshops/" + w + "/residents", map[string]any{"name": "外人"}},
		{"POST", "/api/v1/workshops/" + w + "/residents/import", xlsx},
		{"GET", "/api/v1/workshops/" + w + "/residents.xlsx", nil},
		{"GET", "/api/v1/residents/" + res, nil},
		{"PATCH", "/api/v1/residents/" + res, map[string]any{"active": false, "tags": []string{}}},
		{"GET", "/api/v1/contracts/" + k + "/piece-records", nil},
		{"PUT", "/api/v1/contracts/" + k + "/piece-records", map[string]any{"save_key": uuid.NewString(), "records": []map[string]any{{"resident_id": res, "pieces": 1}}}},
		{"POST", "/api/v1/contracts/" + k + "/handouts", map[string]any{"resident_id": res, "taken": 1}},
		{"GET", "/api/v1/contracts/" + k + "/distribution", nil},
		{"POST", "/api/v1/contracts/" + k + "/distribution/approve", map[string]any{"community_fund_bp": 0}},
		{"POST", "/api/v1/distribution-lines/" + line + "/paid", map[string]any{"method": "cash"}},
		{"GET", "/api/v1/contracts/" + k + "/distribution.xlsx", nil},
		{"GET", "/api/v1/workshops/" + w + "/impact", nil},
	}
	callers := map[string]int{"anon": 401, "owner": 404, "member": 404, "other": 404, "workshop2": 404, "moderator": 404, "admin": 404}
	for _, rt := range routes {
		for as, want := range callers {
			t.Run(as+" "+rt.method+" "+rt.path, func(t *testing.T) {
				f.t = t
				r := f.do(req{method: rt.method, path: rt.path, body: rt.body, token: f.as[as].token})
				if r.status != want || strings.Contains(r.raw, "李秀英") || strings.Contains(r.raw, "disabled") {
					t.Fatalf("got %d %s; want %d", r.status, r.raw, want)
				}
			})
		}
	}
	f.t = t
	// Nothing changed: the resident is still active, tagged and unpaid.
	var active bool
	var tags, paid int
	err := f.pool.QueryRow(context.Background(), `SELECT r.active, (SELECT count(*) FROM resident_tags WHERE resident_id = r.id),
		(SELECT count(*) FROM distribution_lines WHERE paid_at IS NOT NULL) FROM residents r WHERE r.id = $1`, res).Scan(&active, &tags, &paid)
	must(t, err)
	if !active || tags != 1 || paid != 0 {
		t.Fatalf("another caller changed data: active=%v tags=%d paid=%d", active, tags, paid)
	}
	// Staff see the platform figures, which are aggregates; others may not.
	f.mustStatus(req{method: "GET", path: "/api/v1/stats/impact/workshops", token: f.as["moderator"].token}, 200)
	f.mustStatus(req{method: "GET", path: "/api/v1/stats/impact/workshops", token: f.as["workshop"].token}, 403)
	f.mustStatus(req{method: "GET", path: "/api/v1/stats/impact/workshops"}, 401)
	// Another workshop's coordinator cannot address this workshop's residents from its own roster URL either.
	f.mustStatus(req{method: "GET", path: "/api/v1/workshops/" + f.as["workshop2"].orgID + "/residents", token: f.as["workshop2"].token}, 200)
	f.mustStatus(req{method: "PATCH", path: "/api/v1/residents/" + res, token: f.as["workshop2"].token, body: map[string]any{"name": "改名"}}, 404)
}

// TestPublicImpactKAnonymity: 19 residents paid over three closed months
// (4, 6 and 9 of them) with consented tags on 4 (disabled), 8 (low income)
// and 16 (caregiver). Groups of fewer than 5 never appear, nor does a group
// whose complement in its month is fewer than 5, and the totals cover the
// published months only, so no subtraction yields the month of 4.
func TestPublicImpactKAnonymity(t *testing.T) {
	t.Parallel()
	f := newOpsFixture(t)
	pub := f.mustStatus(req{method: "GET", path: "/api/v1/stats/impact"}, 200)
	if pub.field("suppressed") != true || num(pub, "totals.income") != 0 || len(pub.field("periods").([]any)) != 0 {
		t.Fatalf("empty platform: %s", pub.raw)
	}
	ids := make([]string, 19)
	pieces := map[string]int{}
	for i := range ids {
		var tags []string
		if i < 4 {
			tags = append(tags, "disabled")
		}
		if i >= 4 && i < 12 {
			tags = append(tags, "low_income")
		}
		if i < 16 {
			tags = append(tags, "caregiver")
		}
		ids[i] = f.addResident("workshop", map[string]any{"name": "居民" + string(rune('A'+i)), "tags": tags, "tags_consent": true}, 201).str("id")
		pieces[ids[i]] = 10 + i
	}
	f.savePieces("workshop", uuid.NewString(), pieces, 200)
	f.finish()
	f.settle()
	d := f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/distribution/approve", token: f.as["workshop"].token,
		body: map[string]any{"community_fund_bp": 0, "reason": "其余件数是企业自己做的"}}, 200)
	for i := 0; i < 19; i++ {
		f.mustStatus(req{method: "POST", path: "/api/v1/distribution-lines/" + item(d, "lines", i)["id"].(string) + "/paid", token: f.as["workshop"].token, body: map[string]any{"method": "cash"}}, 200)
	}
	// Months by resident: the first 4 in January, the next 6 in February, the last 9 in March.
	month := func(i int) string {
		switch {
		case i < 4:
			return "2026-01-15"
		case i < 10:
			return "2026-02-15"
		}
		return "2026-03-15"
	}
	income := map[string]int64{}
	for i, id := range ids {
		_, err := f.pool.Exec(context.Background(), "UPDATE distribution_lines SET paid_at = $1 WHERE resident_id = $2", month(i)+"T12:00:00+08:00", id)
		must(t, err)
		var amount int64
		must(t, f.pool.QueryRow(context.Background(), "SELECT amount FROM distribution_lines WHERE resident_id = $1", id).Scan(&amount))
		income[month(i)[:7]] += amount
	}

	pub = f.mustStatus(req{method: "GET", path: "/api/v1/stats/impact"}, 200)
	if pub.field("suppressed") != false || num(pub, "totals.months") != 2 || num(pub, "totals.resident_months") != 15 {
		t.Fatalf("totals: %s", pub.raw)
	}
	jan, feb, mar := period(pub, "2026-01"), period(pub, "2026-02"), period(pub, "2026-03")
	if jan["total"].(map[string]any)["value"] != nil || jan["total"].(map[string]any)["hidden"] != "hidden_for_privacy" {
		t.Fatalf("a month of 4 residents is shown: %v", jan)
	}
	// The differencing attack: the totals less the published months leave
	// nothing, not January's 4 residents' income.
	var published int64
	for _, p := range []map[string]any{feb, mar} {
		published += int64(p["total"].(map[string]any)["value"].(map[string]any)["income"].(float64))
	}
	if num(pub, "totals.income") != published || published != income["2026-02"]+income["2026-03"] {
		t.Fatalf("totals.income %d, published months %d, January %d", num(pub, "totals.income"), published, income["2026-01"])
	}
	// February: its 6 residents are all on low income and caregivers, so
	// total − group would describe nobody, and the group is the whole month.
	for _, c := range []struct {
		p         map[string]any
		tag, why  string
		residents float64
	}{
		{jan, "disabled", "hidden_for_privacy", 0},
		{feb, "low_income", "hidden_complementary", 0},
		{feb, "caregiver", "hidden_complementary", 0},
		{mar, "low_income", "hidden_for_privacy", 0},  // 2
		{mar, "caregiver", "hidden_complementary", 0}, // 6 of 9: 3 outside
	} {
		if g := figure(c.p, "by_group", c.tag); g["value"] != nil || g["hidden"] != c.why {
			t.Fatalf("%s in %s: %v", c.tag, c.p["month"], g)
		}
	}
	if strings.Contains(pub.raw, "居民") || strings.Contains(pub.raw, ids[0]) {
		t.Fatal("the public page names a resident")
	}
	staff := f.mustStatus(req{method: "GET", path: "/api/v1/stats/impact/workshops", token: f.as["admin"].token}, 200)
	if w := item(staff, "by_workshop", 2)["workshops"].([]any); len(w) != 1 || w[0].(map[string]any)["value"].(map[string]any)["residents"] != 9.0 {
		t.Fatalf("per workshop: %s", staff.raw)
	}
}
