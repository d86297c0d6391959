package api_test

import (
	"strings"
	"testing"
)

// fixture is a populated marketplace: two companies, a workshop, a member
// invited into company A, a moderator and an admin.
type fixture struct {
	*env
	as map[string]account
}

func newFixture(t testing.TB) *fixture { return fixtureOn(newEnv(t)) }

// fixtureOn populates an env the test made itself.
func fixtureOn(e *env) *fixture {
	t := e.t
	f := &fixture{env: e, as: map[string]account{"anon": {}}}
	f.as["owner"] = e.registerCompany("owner@a.cn")
	f.as["other"] = e.registerCompany("owner@b.cn")
	f.as["workshop"] = e.registerWorkshop("coord@w.cn")
	e.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + f.as["owner"].orgID + "/invitations", token: f.as["owner"].token,
		body: map[string]string{"email": "member@a.cn", "role": "member"}}, 201)
	tok := tokenFrom(t, e.mail.last(t).Body)
	r := e.mustStatus(req{method: "POST", path: "/api/v1/invitations/accept",
		body: map[string]string{"token": tok, "name": "小李", "password": "member-password", "phone": "13800001111"}}, 201)
	f.as["member"] = account{token: r.str("token"), orgID: r.str("org.id"), email: "member@a.cn"}
	f.as["moderator"] = e.staff("mod@doorstep.cn", "moderator")
	f.as["admin"] = e.staff("admin@doorstep.cn", "admin")
	return f
}

func (f *fixture) expand(s string) string {
	return strings.NewReplacer("{A}", f.as["owner"].orgID, "{B}", f.as["other"].orgID, "{W}", f.as["workshop"].orgID).Replace(s)
}

// TestRouteRoleMatrix is the table of who may do what: every route with
// every kind of caller, including another organisation's data.
func TestRouteRoleMatrix(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	cases := []struct {
		as, method, path string
		body             any
		status           int
		contains         string
	}{
		{"anon", "GET", "/api/v1/me", nil, 401, `"unauthorized"`},
		{"owner", "GET", "/api/v1/me", nil, 200, `"role":"owner"`},
		{"member", "GET", "/api/v1/me", nil, 200, `"role":"member"`},
		{"workshop", "GET", "/api/v1/me", nil, 200, `"kind":"workshop"`},
		{"admin", "GET", "/api/v1/me", nil, 200, `"org":null`},
		{"anon", "PATCH", "/api/v1/me", map[string]string{"name": "x"}, 401, ""},
		{"member", "PATCH", "/api/v1/me", map[string]string{"name": "李小红"}, 200, `"name":"李小红"`},
		{"member", "PATCH", "/api/v1/me", map[string]string{"phone": "12"}, 400, `"phone"`},
		{"member", "PATCH", "/api/v1/me", map[string]string{"name": strings.Repeat("名", 51)}, 400, `"name"`},

		// bids, contracts and profiles (the full flows are in bids_test.go)
		{"anon", "GET", "/api/v1/bids", nil, 401, ""},
		{"anon", "POST", "/api/v1/bids/00000000-0000-0000-0000-000000000000/accept", nil, 401, ""},
		{"owner", "POST", "/api/v1/bids/00000000-0000-0000-0000-000000000000/accept", nil, 404, ""},
		{"workshop", "GET", "/api/v1/bids/not-a-uuid", nil, 404, ""},
		{"workshop", "GET", "/api/v1/bids?order_id=nope", nil, 400, `"order_id"`},
		{"owner", "GET", "/api/v1/bids", nil, 200, `"total":0`},
		{"anon", "GET", "/api/v1/contracts", nil, 401, ""},
		{"owner", "GET", "/api/v1/contracts", nil, 200, `"total":0`},
		{"owner", "GET", "/api/v1/contracts?status=bogus", nil, 400, `"status"`},
		{"moderator", "GET", "/api/v1/contracts/00000000-0000-0000-0000-000000000000", nil, 404, ""},
		{"anon", "GET", "/api/v1/profiles/{W}", nil, 200, `"track_record"`},
		{"anon", "GET", "/api/v1/profiles/{A}", nil, 200, `"company_record"`},
		{"anon", "GET", "/api/v1/profiles/not-a-uuid", nil, 404, ""},

		// organisations: members see their own; others get 404, not 403
		{"anon", "GET", "/api/v1/orgs/{A}", nil, 401, ""},
		{"owner", "GET", "/api/v1/orgs/{A}", nil, 200, `"credit_code"`},
		{"member", "GET", "/api/v1/orgs/{A}", nil, 200, `"kind":"company"`},
		{"other", "GET", "/api/v1/orgs/{A}", nil, 404, `"not_found"`},
		{"workshop", "GET", "/api/v1/orgs/{A}", nil, 404, ""},
		{"moderator", "GET", "/api/v1/orgs/{A}", nil, 200, ""},
		{"owner", "GET", "/api/v1/orgs/not-a-uuid", nil, 404, ""},
		{"owner", "GET", "/api/v1/orgs/00000000-0000-0000-0000-000000000000", nil, 404, ""},
		{"owner", "PATCH", "/api/v1/orgs/{A}", map[string]any{"address": "滨州市黄河五路1号"}, 200, `"address":"滨州市黄河五路1号"`},
		{"owner", "PATCH", "/api/v1/orgs/{A}", map[string]any{"name": "X"}, 400, `"name"`},
		{"owner", "PATCH", "/api/v1/orgs/{A}", map[string]any{"credit_code": "91350100M000100Y43"}, 400, `"credit_code"`},
		{"owner", "PATCH", "/api/v1/orgs/{A}", map[string]any{"headcount": 5}, 400, `"headcount"`},
		{"owner", "PATCH", "/api/v1/orgs/{A}", map[string]any{"region_code": "999999"}, 400, `"region_code"`},
		{"owner", "PATCH", "/api/v1/orgs/{A}", map[string]any{"name": 12}, 400, `"name"`},
		{"member", "PATCH", "/api/v1/orgs/{A}", map[string]any{"address": "某地址"}, 403, `"forbidden"`},
		{"other", "PATCH", "/api/v1/orgs/{A}", map[string]any{"address": "某地址"}, 404, ""},
		{"moderator", "PATCH", "/api/v1/orgs/{A}", map[string]any{"address": "某地址"}, 404, ""},
		{"workshop", "PATCH", "/api/v1/orgs/{W}", map[string]any{"crafts": []string{"beading", "weaving"}, "lat": 37.5}, 200, `"beading"`},
		{"workshop", "PATCH", "/api/v1/orgs/{W}", map[string]any{"crafts": []string{"knitting"}}, 400, `"crafts"`},
		{"workshop", "PATCH", "/api/v1/orgs/{W}", map[string]any{"lat": 123.0}, 400, `"lat"`},

		{"owner", "GET", "/api/v1/orgs/{A}/members", nil, 200, `"member@a.cn"`},
		{"member", "GET", "/api/v1/orgs/{A}/members", nil, 200, `"total":2`},
		{"other", "GET", "/api/v1/orgs/{A}/members", nil, 404, ""},
		{"owner", "GET", "/api/v1/orgs/{A}/members?per_page=500", nil, 400, `"per_page"`},
		{"owner", "GET", "/api/v1/orgs/{A}/members?page=abc", nil, 400, `"page"`},
		{"member", "POST", "/api/v1/orgs/{A}/invitations", map[string]string{"email": "x@a.cn"}, 403, ""},
		{"other", "POST", "/api/v1/orgs/{A}/invitations", map[string]string{"email": "x@a.cn"}, 404, ""},
		{"owner", "POST", "/api/v1/orgs/{A}/invitations", map[string]string{"email": "coord@w.cn"}, 409, `"email"`},
		{"owner", "POST", "/api/v1/orgs/{A}/invitations", map[string]string{"email": "nope"}, 400, `"email"`},
		{"owner", "POST", "/api/v1/orgs/{A}/invitations", map[string]string{"email": "y@a.cn", "role": "king"}, 400, `"role"`},

		// staff
		{"anon", "GET", "/api/v1/orgs", nil, 401, ""},
		{"owner", "GET", "/api/v1/orgs", nil, 403, `"forbidden"`},
		{"moderator", "GET", "/api/v1/orgs", nil, 200, `"total":3`},
		{"moderator", "GET", "/api/v1/orgs?kind=workshop", nil, 200, `"total":1`},
		{"moderator", "GET", "/api/v1/orgs?kind=bank", nil, 400, `"kind"`},
		{"moderator", "GET", "/api/v1/orgs?q=%25", nil, 200, `"total":0`},
		{"owner", "POST", "/api/v1/orgs/{A}/verify", map[string]any{"verified": true}, 403, ""},
		{"moderator", "POST", "/api/v1/orgs/{A}/verify", map[string]any{}, 400, `"verified"`},
		{"moderator", "POST", "/api/v1/orgs/{A}/verify", map[string]any{"verified": true, "note": "营业执照已核验"}, 200, `"verified":true`},
		{"moderator", "POST", "/api/v1/orgs/00000000-0000-0000-0000-000000000000/verify", map[string]any{"verified": true}, 404, ""},
		{"moderator", "POST", "/api/v1/orgs/{A}/guarantee", map[string]any{"community_guarantee": true}, 409, `"state"`},
		{"moderator", "POST", "/api/v1/orgs/{W}/guarantee", map[string]any{"community_guarantee": true}, 200, `"community_guarantee":true`},
		{"workshop", "POST", "/api/v1/orgs/{W}/guarantee", map[string]any{"community_guarantee": true}, 403, ""},
		{"moderator", "GET", "/api/v1/audit", nil, 403, ""},
		{"owner", "GET", "/api/v1/audit", nil, 403, ""},
		{"admin", "GET", "/api/v1/audit", nil, 200, `"org.verify"`},

		// workshop operations: only the workshop's members (the full matrix is in workshopops_authz_test.go)
		{"anon", "GET", "/api/v1/workshops/{W}/residents", nil, 401, ""},
		{"owner", "GET", "/api/v1/workshops/{W}/residents", nil, 404, `"not_found"`},
		{"member", "POST", "/api/v1/workshops/{W}/residents", map[string]any{"name": "外人"}, 404, ""},
		{"moderator", "GET", "/api/v1/workshops/{W}/residents", nil, 404, ""},
		{"admin", "GET", "/api/v1/workshops/{W}/residents.xlsx", nil, 404, ""},
		{"workshop", "GET", "/api/v1/workshops/{W}/residents", nil, 200, `"total":0`},
		{"workshop", "GET", "/api/v1/workshops/{W}/residents?active=maybe", nil, 400, `"active"`},
		{"workshop", "POST", "/api/v1/workshops/{W}/residents", map[string]any{"name": "李秀英", "tags": []string{"elderly"}}, 400, `"tags_consent"`},
		{"workshop", "GET", "/api/v1/workshops/{A}/residents", nil, 404, ""},
		{"workshop", "GET", "/api/v1/workshops/{W}/impact", nil, 200, `"active_residents":0`},
		{"owner", "GET", "/api/v1/workshops/{W}/impact", nil, 404, ""},
		{"workshop", "GET", "/api/v1/contracts/00000000-0000-0000-0000-000000000000/distribution", nil, 404, ""},
		{"anon", "GET", "/api/v1/stats/impact", nil, 200, `"k":5`},
		{"owner", "GET", "/api/v1/stats/impact/workshops", nil, 403, ""},
		{"moderator", "GET", "/api/v1/stats/impact/workshops", nil, 200, `"by_workshop"`},

		// reference data and public figures
		{"anon", "GET", "/api/v1/meta/crafts", nil, 200, `"name_zh":"编织"`},
		{"anon", "GET", "/api/v1/meta/regions?parent=370000", nil, 200, `"滨州市"`},
		{"anon", "GET", "/api/v1/stats/public", nil, 200, `"workshops":1`},
		{"anon", "GET", "/api/v1/openapi.json", nil, 200, `"openapi":"3.0.3"`},
		{"anon", "GET", "/api/v1/no-such-route", nil, 404, `"not_found"`},
		{"anon", "DELETE", "/api/v1/me", nil, 404, ""},
	}
	for _, c := range cases {
		t.Run(c.as+" "+c.method+" "+c.path, func(t *testing.T) {
			f.t = t
			r := f.do(req{method: c.method, path: f.expand(c.path), body: c.body, token: f.as[c.as].token})
			if r.status != c.status || !strings.Contains(r.raw, c.contains) {
				t.Fatalf("got %d %s; want %d containing %s", r.status, r.raw, c.status, c.contains)
			}
			if r.status >= 400 && r.str("error.code") == "" {
				t.Fatalf("error without code: %s", r.raw)
			}
		})
	}
}
