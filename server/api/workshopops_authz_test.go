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
		token: f.as["workshop"].token, body: map[string]any{"community_fund_bp": 0}}, 200), "lines", 0)["id"].(string)
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

// TestPublicImpactKAnonymity: 19 residents paid over three months (4, 6 and 9
// of them) with consented tags on 4 (disabled), 8 (low income) and 16
// (caregiver). Groups of 4 never appear, and no two published totals
// subtract to a group of fewer than 5.
func TestPublicImpactKAnonymity(t *testing.T) {
	t.Parallel()
	f := newOpsFixture(t)
	pub := f.mustStatus(req{method: "GET", path: "/api/v1/stats/impact"}, 200)
	if pub.field("suppressed") != true || pub.field("income_paid") != 0.0 {
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
	d := f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/distribution/approve", token: f.as["workshop"].token, body: map[string]any{"community_fund_bp": 0}}, 200)
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
	if pub.field("suppressed") != false || num(pub, "earners") != 19 || num(pub, "income_paid") != 436500 {
		t.Fatalf("totals: %s", pub.raw)
	}
	groups := func(key string) map[string]map[string]any {
		out := map[string]map[string]any{}
		for _, g := range pub.field(key).([]any) {
			m := g.(map[string]any)
			out[m["key"].(string)] = m
		}
		return out
	}
	months := groups("by_month")
	if months["2026-01"]["suppressed"] != true || months["2026-01"]["income"] != 0.0 {
		t.Fatalf("a month of 4 residents is shown: %v", months)
	}
	// The differencing attack: total − the published months. It must not be
	// January's 4 residents' income; February (6) is suppressed with it.
	var published int64
	for _, m := range months {
		published += int64(m["income"].(float64))
	}
	if left := num(pub, "income_paid") - published; left == income["2026-01"] {
		t.Fatalf("total − published months = January's income (%d): 4 residents recovered", left)
	}
	if months["2026-02"]["suppressed"] != true || months["2026-03"]["suppressed"] != false || num(pub, "income_paid")-published != income["2026-01"]+income["2026-02"] {
		t.Fatalf("complementary suppression: %v", months)
	}
	tags := groups("by_group")
	if tags["disabled"]["suppressed"] != true || tags["disabled"]["residents"] != 0.0 {
		t.Fatalf("a group of 4 is shown: %v", tags["disabled"])
	}
	if tags["low_income"]["suppressed"] != false || tags["low_income"]["residents"] != 8.0 {
		t.Fatalf("a group of 8 (11 outside it) is hidden: %v", tags["low_income"])
	}
	// 16 caregivers of 19 earners: total − caregivers would describe 3 people.
	if tags["caregiver"]["suppressed"] != true {
		t.Fatalf("caregivers shown: total − group reveals 3 residents: %v", tags["caregiver"])
	}
	if strings.Contains(pub.raw, "居民") || strings.Contains(pub.raw, ids[0]) {
		t.Fatal("the public page names a resident")
	}
	staff := f.mustStatus(req{method: "GET", path: "/api/v1/stats/impact/workshops", token: f.as["admin"].token}, 200)
	if w := staff.field("by_workshop").([]any); len(w) != 1 || w[0].(map[string]any)["residents"] != 19.0 {
		t.Fatalf("per workshop: %s", staff.raw)
	}
}
