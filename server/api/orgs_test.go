package api_test

// orgsRoutes: an organisation, its members and invitations. Another
// organisation's data is not found; only owners edit and invite.
func orgsRoutes() routeTable {
	accept := map[string]string{"token": "{invite}", "name": "小王", "password": "helper-password", "phone": "13900001111"}
	return routeTable{name: "orgs", scenarios: []scenario{
		{method: "GET", url: "/api/v1/orgs/{A}", want: 401},
		{as: "other", method: "GET", url: "/api/v1/orgs/{A}", want: 404, fragments: []string{`"not_found"`}},
		{as: "member", method: "GET", url: "/api/v1/orgs/{A}", want: 200, fragments: []string{`"id":"{A}"`, `"kind":"company"`, `"credit_code"`}},
		{as: "moderator", method: "GET", url: "/api/v1/orgs/{W}", want: 200, fragments: []string{`"kind":"workshop"`}},

		{method: "PATCH", url: "/api/v1/orgs/{A}", body: map[string]any{"address": "某地址"}, want: 401},
		{as: "other", method: "PATCH", url: "/api/v1/orgs/{A}", body: map[string]any{"address": "某地址"}, want: 404},
		{as: "member", method: "PATCH", url: "/api/v1/orgs/{A}", body: map[string]any{"address": "某地址"}, want: 403},
		{as: "owner", method: "PATCH", url: "/api/v1/orgs/{A}", body: map[string]any{"region_code": "999999"}, want: 400, fragments: []string{`"region_code"`}},
		{as: "owner", method: "PATCH", url: "/api/v1/orgs/{A}", body: map[string]any{"address": "滨州市黄河五路1号"}, want: 200,
			fragments: []string{`"address":"滨州市黄河五路1号"`}},

		{method: "GET", url: "/api/v1/orgs/{A}/members", want: 401},
		{as: "workshop", method: "GET", url: "/api/v1/orgs/{A}/members", want: 404},
		{as: "member", method: "GET", url: "/api/v1/orgs/{A}/members", want: 200, fragments: []string{`"owner@a.cn"`, `"member@a.cn"`, `"total":2`}},

		{method: "POST", url: "/api/v1/orgs/{A}/invitations", body: map[string]string{"email": "new@a.cn"}, want: 401},
		{as: "other", method: "POST", url: "/api/v1/orgs/{A}/invitations", body: map[string]string{"email": "new@a.cn"}, want: 404},
		{as: "member", method: "POST", url: "/api/v1/orgs/{A}/invitations", body: map[string]string{"email": "new@a.cn"}, want: 403},
		{as: "owner", method: "POST", url: "/api/v1/orgs/{A}/invitations", body: map[string]string{"email": "new@a.cn"}, want: 201,
			fragments: []string{`"email":"new@a.cn"`, `"role":"member"`}},

		{method: "GET", url: "/api/v1/invitations/not-a-token", want: 404},
		{method: "GET", url: "/api/v1/invitations/{invite}", want: 200, fragments: []string{`"email":"new@a.cn"`, `"org_name"`},
			before: func(w *world) { w.vars["invite"] = tokenFrom(w.t, w.mail.last(w.t).Body) }},
		{method: "POST", url: "/api/v1/invitations/accept", body: map[string]string{"token": "made-up", "name": "小王", "password": "helper-password", "phone": "13900001111"}, want: 404},
		{method: "POST", url: "/api/v1/invitations/accept", body: accept, want: 201, fragments: []string{`"token"`, `"id":"{A}"`, `"role":"member"`}},
		{name: "an invitation is used once", method: "POST", url: "/api/v1/invitations/accept", body: accept, want: 404},
	}}
}
