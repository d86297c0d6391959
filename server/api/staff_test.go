package api_test

// staffRoutes: staff list organisations, verify workshop W and set its
// community guarantee; admins read the audit log of it all.
func staffRoutes() routeTable {
	return routeTable{name: "staff", scenarios: []scenario{
		{method: "GET", url: "/api/v1/orgs", want: 401},
		{as: "owner", method: "GET", url: "/api/v1/orgs", want: 403, fragments: []string{`"forbidden"`}},
		{as: "moderator", method: "GET", url: "/api/v1/orgs?kind=workshop", want: 200, fragments: []string{`"total":1`, `"id":"{W}"`}},
		{as: "moderator", method: "GET", url: "/api/v1/orgs?kind=bank", want: 400, fragments: []string{`"kind"`}},

		{method: "POST", url: "/api/v1/orgs/{W}/verify", body: map[string]any{"verified": true}, want: 401},
		{as: "workshop", method: "POST", url: "/api/v1/orgs/{W}/verify", body: map[string]any{"verified": true}, want: 403},
		{as: "moderator", method: "POST", url: "/api/v1/orgs/{W}/verify", body: map[string]any{}, want: 400, fragments: []string{`"verified"`}},
		{as: "moderator", method: "POST", url: "/api/v1/orgs/{nil}/verify", body: map[string]any{"verified": true}, want: 404},
		{as: "moderator", method: "POST", url: "/api/v1/orgs/{W}/verify", body: map[string]any{"verified": true, "note": "场地已核验"}, want: 200,
			fragments: []string{`"id":"{W}"`, `"verified":true`}, notified: []string{"workshop:org.verified"}},

		{method: "POST", url: "/api/v1/orgs/{W}/guarantee", body: map[string]any{"community_guarantee": true}, want: 401},
		{as: "workshop", method: "POST", url: "/api/v1/orgs/{W}/guarantee", body: map[string]any{"community_guarantee": true}, want: 403},
		{as: "moderator", method: "POST", url: "/api/v1/orgs/{A}/guarantee", body: map[string]any{"community_guarantee": true}, want: 409},
		{as: "moderator", method: "POST", url: "/api/v1/orgs/{W}/guarantee", body: map[string]any{"community_guarantee": true, "note": "社区党总支担保"}, want: 200,
			fragments: []string{`"community_guarantee":true`}, notified: []string{"workshop:org.guarantee"}},

		{method: "GET", url: "/api/v1/audit", want: 401},
		{as: "moderator", method: "GET", url: "/api/v1/audit", want: 403},
		{as: "admin", method: "GET", url: "/api/v1/audit", want: 200, fragments: []string{`"org.verify"`, `"org.guarantee"`, `"mod@doorstep.cn"`}},
	}}
}
