package api_test

import (
	"testing"
	"time"
)

// TestAuditFiltersAndTitles: the audit log names what each action touched
// (the organisation's name, not its id) and filters by actor, action and day.
func TestAuditFiltersAndTitles(t *testing.T) {
	e := newEnv(t)
	w := e.registerWorkshop("coord@w.cn")
	mod := e.staff("mod@doorstep.cn", "moderator")
	mod2 := e.staff("other-mod@doorstep.cn", "moderator")
	adm := e.staff("admin@doorstep.cn", "admin")
	e.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + w.orgID + "/verify", token: mod.token, body: map[string]any{"verified": true}}, 200)
	e.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + w.orgID + "/guarantee", token: mod2.token, body: map[string]any{"community_guarantee": true}}, 200)

	list := func(query string) []map[string]any {
		t.Helper()
		r := e.mustStatus(req{method: "GET", path: "/api/v1/audit" + query, token: adm.token}, 200)
		var out []map[string]any
		for _, it := range r.field("items").([]any) {
			out = append(out, it.(map[string]any))
		}
		return out
	}
	all := list("")
	if len(all) != 2 || all[0]["target_title"] != "碧林花园社区微工厂" {
		t.Fatalf("want 2 rows titled with the workshop's name: %v", all)
	}
	if got := list("?actor=other-mod"); len(got) != 1 || got[0]["action"] != "org.guarantee" {
		t.Errorf("actor filter: %v", got)
	}
	if got := list("?action=org.verify"); len(got) != 1 || got[0]["actor_email"] != "mod@doorstep.cn" {
		t.Errorf("action filter: %v", got)
	}
	today := time.Now().In(time.FixedZone("CST", 8*3600)).Format("2006-01-02")
	if got := list("?from=" + today + "&to=" + today); len(got) != 2 {
		t.Errorf("today: %v", got)
	}
	if got := list("?to=2020-01-01"); len(got) != 0 {
		t.Errorf("before 2020: %v", got)
	}
	if got := list("?actor=%25"); len(got) != 0 {
		t.Errorf("%% must match literally: %v", got)
	}
	for _, bad := range []string{"?action=org.explode", "?from=yesterday"} {
		r := e.do(req{method: "GET", path: "/api/v1/audit" + bad, token: adm.token})
		if r.status != 400 {
			t.Errorf("%s: %d %s", bad, r.status, r.raw)
		}
	}
}
