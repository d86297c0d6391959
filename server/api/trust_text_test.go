package api_test

import (
	"strings"
	"testing"
)

// TestControlCharactersRefused: NUL and other control characters in any
// text field are refused at decoding with 400 naming the field, anonymous
// callers included; tab and newline pass where text may span lines (issue 15.1).
func TestControlCharactersRefused(t *testing.T) {
	t.Parallel()
	f := newBiddingFixture(t)
	withOrder := func(mut func(map[string]any)) map[string]any { b := orderBody(); mut(b); return b }
	cases := []struct {
		name, as, method, path string
		body                   any
		field                  string
	}{
		{"login email", "anon", "POST", "/api/v1/auth/login", map[string]string{"email": "a\u0000@b.cn", "password": "x"}, "email"},
		{"login password", "anon", "POST", "/api/v1/auth/login", map[string]string{"email": "a@b.cn", "password": "pass\u0000word-12"}, "password"},
		{"register org name", "anon", "POST", "/api/v1/auth/register", func() map[string]any {
			b := companyBody("x@y.cn", nextCreditCode())
			org(b)["name"] = "鑫源\u0000工艺"
			return b
		}(), "org.name"},
		{"register person name (DEL)", "anon", "POST", "/api/v1/auth/register", func() map[string]any {
			b := companyBody("x@y.cn", nextCreditCode())
			b["name"] = "赵\u007f丽"
			return b
		}(), "name"},
		{"order title", "owner", "POST", "/api/v1/orders", withOrder(func(b map[string]any) { b["title"] = "网兜\u0000" }), "title"},
		{"order title newline", "owner", "POST", "/api/v1/orders", withOrder(func(b map[string]any) { b["title"] = "网兜\n5000" }), "title"},
		{"order description", "owner", "POST", "/api/v1/orders", withOrder(func(b map[string]any) { b["description"] = "第一行\u0000" }), "description"},
		{"order tags", "owner", "POST", "/api/v1/orders", withOrder(func(b map[string]any) { b["tags"] = []string{"好", "坏\u0001"} }), "tags"},
		{"order address", "owner", "POST", "/api/v1/orders/preview", withOrder(func(b map[string]any) { b["address"] = "黄河\u0000五路" }), "address"},
		{"quality criteria", "owner", "POST", "/api/v1/orders", withOrder(func(b map[string]any) {
			b["quality"].(map[string]any)["criteria"] = "牢固\u001b[31m"
		}), "quality.criteria"},
		{"bid message", "workshop", "POST", "/api/v1/orders/{order}/bids", func() map[string]any {
			b := bidBody(1000, 150)
			b["message"] = "你好\u0000"
			return b
		}(), "message"},
		{"report detail", "workshop", "POST", "/api/v1/orders/{order}/reports", map[string]string{"reason": "other", "detail": "押金\u0000"}, "detail"},
		{"report reason", "workshop", "POST", "/api/v1/orders/{order}/reports", map[string]string{"reason": "other\u0000"}, "reason"},
		{"cancel reason", "owner", "POST", "/api/v1/orders/{order}/cancel", map[string]string{"reason": "不要了\u0000"}, "reason"},
		{"profile name", "owner", "PATCH", "/api/v1/me", map[string]string{"name": "\u0000"}, "name"},
		{"verify note", "moderator", "POST", "/api/v1/orgs/{W}/verify", map[string]any{"verified": true, "note": "ok\u0000"}, "note"},
		{"search query", "anon", "GET", "/api/v1/search/orders?q=%00", nil, "q"},
		{"search query, invalid UTF-8", "anon", "GET", "/api/v1/search/orders?q=%ff", nil, "q"},
	}
	for _, c := range cases {
		path := strings.ReplaceAll(f.expand(c.path), "{order}", f.orderID)
		r := f.do(req{method: c.method, path: path, token: f.as[c.as].token, body: c.body})
		if r.status != 400 || r.str("error.code") != "invalid" {
			t.Errorf("%s: status %d, want 400 invalid: %s", c.name, r.status, r.raw)
			continue
		}
		if fields, _ := r.field("error.fields").(map[string]any); fields[c.field] == nil {
			t.Errorf("%s: error does not name %q: %s", c.name, c.field, r.raw)
		}
	}
	// Where text may span lines, tab and newline (and CRLF) are kept.
	b := orderBody()
	b["description"] = "第一行\r\n第二行\t缩进"
	r := f.mustStatus(req{method: "POST", path: "/api/v1/orders", token: f.as["owner"].token, body: b}, 201)
	if r.str("description") != "第一行\r\n第二行\t缩进" {
		t.Fatalf("multi-line description changed: %s", r.raw)
	}
	bb := bidBody(1000, 150)
	bb["message"] = "第一行\n第二行"
	f.bid("workshop", bb, 201)
}

// TestStrictJSON: a body is exactly one JSON object (issue 15.10).
func TestStrictJSON(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a := e.registerCompany("owner@a.cn")
	// Every field of PATCH /me is optional, so only the envelope can refuse these.
	for _, body := range []string{`null`, `{} trailing`, `{}{}`, `{"name":"李"}{"name":"王"}`} {
		if r := e.do(req{method: "PATCH", path: "/api/v1/me", token: a.token, body: body}); r.status != 400 {
			t.Errorf("PATCH /me %q: status %d: %s", body, r.status, r.raw)
		}
	}
	for _, body := range []string{
		`null`, ` null `, `[]`, `"x"`, `5`,
		`{"email":"owner@a.cn","password":"correct-horse-1"} trailing`,
		`{"email":"owner@a.cn","password":"correct-horse-1"}{"email":"owner@a.cn","password":"correct-horse-1"}`,
		`{"email":"owner@a.cn","password":"correct-horse-1"} {}`,
		`{"email":"owner@a.cn","password":"correct-horse-1"}]`,
	} {
		r := e.do(req{method: "POST", path: "/api/v1/auth/login", body: body})
		if r.status != 400 || r.str("error.code") != "invalid" {
			t.Errorf("%q: status %d: %s", body, r.status, r.raw)
		}
	}
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: " \n{\"email\":\"owner@a.cn\",\"password\":\"correct-horse-1\"}\n "}, 200)
}
