package api_test

// meRoutes: the signed-in user reads and edits themselves.
func meRoutes() routeTable {
	return routeTable{name: "me", scenarios: []scenario{
		{method: "GET", url: "/api/v1/me", want: 401, fragments: []string{`"unauthorized"`}},
		{as: "owner", method: "GET", url: "/api/v1/me", want: 200, fragments: []string{`"role":"owner"`, `"id":"{A}"`, `"email":"owner@a.cn"`}},
		{as: "admin", method: "GET", url: "/api/v1/me", want: 200, fragments: []string{`"org":null`}},
		{method: "PATCH", url: "/api/v1/me", body: map[string]string{"name": "李小红"}, want: 401},
		{as: "member", method: "PATCH", url: "/api/v1/me", body: map[string]string{"name": "李小红"}, want: 200, fragments: []string{`"name":"李小红"`}},
		{as: "member", method: "PATCH", url: "/api/v1/me", body: map[string]string{"phone": "12"}, want: 400, fragments: []string{`"phone"`}},
		{method: "POST", url: "/api/v1/me/password", body: map[string]string{"current_password": "member-password", "new_password": "member-password-2"}, want: 401},
		{as: "member", method: "POST", url: "/api/v1/me/password", body: map[string]string{"current_password": "wrong", "new_password": "member-password-2"},
			want: 400, fragments: []string{`"current_password"`}},
		{as: "member", method: "POST", url: "/api/v1/me/password", body: map[string]string{"current_password": "member-password", "new_password": "member-password-2"}, want: 204},
		{method: "POST", url: "/api/v1/auth/login", body: map[string]string{"email": "member@a.cn", "password": "member-password-2"}, want: 200},
	}}
}
