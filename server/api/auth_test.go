package api_test

import (
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"

	"doorstep/server/config"
)

func TestRegisterValidation(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	good := companyBody("zhao@xinyuan.cn", "91350100M000100Y43")
	cases := []struct {
		name   string
		mutate func(b map[string]any)
		status int
		field  string
	}{
		{"wrong check digit", func(b map[string]any) { org(b)["credit_code"] = "91350100M000100Y44" }, 400, "org.credit_code"},
		{"credit code too short", func(b map[string]any) { org(b)["credit_code"] = "9135" }, 400, "org.credit_code"},
		{"credit code with O", func(b map[string]any) { org(b)["credit_code"] = "91350100M000100O43" }, 400, "org.credit_code"},
		{"missing email", func(b map[string]any) { delete(b, "email") }, 400, "email"},
		{"short password", func(b map[string]any) { b["password"] = "123456789" }, 400, "password"},
		{"over-long password", func(b map[string]any) { b["password"] = strings.Repeat("p", 201) }, 400, "password"},
		{"missing name", func(b map[string]any) { b["name"] = " " }, 400, "name"},
		{"over-long org name", func(b map[string]any) { org(b)["name"] = strings.Repeat("厂", 101) }, 400, "org.name"},
		{"unknown region", func(b map[string]any) { org(b)["region_code"] = "999999" }, 400, "org.region_code"},
		{"bad contact phone", func(b map[string]any) { org(b)["contact_phone"] = "12345" }, 400, "org.contact_phone"},
		{"missing kind", func(b map[string]any) { delete(org(b), "kind") }, 400, "org.kind"},
		{"workshop field on company", func(b map[string]any) { org(b)["headcount"] = 3 }, 400, "org.headcount"},
		{"wrong JSON type", func(b map[string]any) { org(b)["name"] = 5 }, 400, "org.name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e.t = t
			b := clone(good)
			c.mutate(b)
			r := e.mustStatus(req{method: "POST", path: "/api/v1/auth/register", body: b}, c.status)
			if r.str("error.code") != "invalid" {
				t.Fatalf("want error code invalid: %s", r.raw)
			}
			// field keys contain dots, so read the map directly
			if fields, _ := r.field("error.fields").(map[string]any); fields[c.field] == nil {
				t.Fatalf("want field %s in %s", c.field, r.raw)
			}
		})
	}
	e.t = t
	// Nothing half-written: the failures above created no user or org.
	var n int
	if err := e.pool.QueryRow(t.Context(), "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM orgs)").Scan(&n); err != nil || n != 0 {
		t.Fatalf("rows left behind: %d %v", n, err)
	}
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/register", body: good}, 201)
	dup := e.mustStatus(req{method: "POST", path: "/api/v1/auth/register", body: good}, 409)
	if fields, _ := dup.field("error.fields").(map[string]any); fields["email"] == nil {
		t.Fatalf("duplicate email should name the field: %s", dup.raw)
	}
	// Same credit code, new email: the company exists already, and the new user must not be left behind.
	other := clone(good)
	other["email"] = "second@xinyuan.cn"
	r := e.mustStatus(req{method: "POST", path: "/api/v1/auth/register", body: other}, 409)
	if fields, _ := r.field("error.fields").(map[string]any); fields["org.credit_code"] == nil {
		t.Fatalf("duplicate credit code should name the field: %s", r.raw)
	}
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": "second@xinyuan.cn", "password": "correct-horse-1"}}, 401)
}

func TestChineseMessagesFollowAcceptLanguage(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	b := companyBody("a@b.cn", "91350100M000100Y44")
	zh := e.mustStatus(req{method: "POST", path: "/api/v1/auth/register", body: b, header: map[string]string{"Accept-Language": "zh-CN,zh;q=0.9"}}, 400)
	en := e.mustStatus(req{method: "POST", path: "/api/v1/auth/register", body: b}, 400)
	if !strings.Contains(zh.raw, "校验位") || !strings.Contains(en.raw, "check digit") {
		t.Fatalf("messages not localised:\n%s\n%s", zh.raw, en.raw)
	}
}

func TestLoginLogoutAndSessions(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a := e.registerCompany("owner@a.cn")
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": "owner@a.cn", "password": "wrong-password"}}, 401)
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": "nobody@a.cn", "password": "wrong-password"}}, 401)
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": ""}}, 400)
	r := e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": " Owner@A.cn ", "password": "correct-horse-1"}}, 200)
	cookie := r.header.Get("Set-Cookie")
	for _, want := range []string{"doorstep_session=", "HttpOnly", "SameSite=Lax", "path=/"} {
		if !strings.Contains(strings.ToLower(cookie), strings.ToLower(want)) {
			t.Fatalf("cookie %q lacks %s", cookie, want)
		}
	}
	tok := r.str("token")
	e.mustStatus(req{method: "GET", path: "/api/v1/me", token: tok}, 200)
	e.mustStatus(req{method: "GET", path: "/api/v1/me", token: tok, cookie: true}, 200)
	e.mustStatus(req{method: "GET", path: "/api/v1/me", token: "forged-token"}, 401)

	// Logout revokes the token for every client that holds it.
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/logout", token: tok}, 204)
	e.mustStatus(req{method: "GET", path: "/api/v1/me", token: tok}, 401)

	// Expired sessions are anonymous.
	e.mustStatus(req{method: "GET", path: "/api/v1/me", token: a.token}, 200)
	e.expireSessions(a.userID)
	e.mustStatus(req{method: "GET", path: "/api/v1/me", token: a.token}, 401)
}

func TestCSRFOriginCheck(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a := e.registerCompany("owner@a.cn")
	patch := func(origin string, cookie bool, header map[string]string) int {
		return e.do(req{method: "PATCH", path: "/api/v1/me", body: map[string]string{"name": "赵丽"}, token: a.token, cookie: cookie, origin: origin, header: header}).status
	}
	if s := patch("https://evil.example", true, nil); s != 403 {
		t.Fatalf("cross-site cookie write: %d", s)
	}
	if s := patch("", true, nil); s != 403 {
		t.Fatalf("cookie write without origin: %d", s)
	}
	if s := patch("http://doorstep.test", true, nil); s != 200 {
		t.Fatalf("same-origin cookie write: %d", s)
	}
	if s := patch("", true, map[string]string{"Sec-Fetch-Site": "same-origin"}); s != 200 {
		t.Fatalf("same-origin fetch metadata: %d", s)
	}
	if s := patch("", false, nil); s != 200 {
		t.Fatalf("bearer write needs no origin: %d", s)
	}
	// A cross-site form cannot log a victim into the attacker's account either.
	r := e.do(req{method: "POST", path: "/api/v1/auth/login", origin: "https://evil.example", body: map[string]string{"email": "owner@a.cn", "password": "correct-horse-1"}})
	if r.status != 403 {
		t.Fatalf("cross-site login: %d", r.status)
	}
}

func TestLoginRateLimit(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *config.Config) { c.LoginLimitPerAccount = 3; c.LoginLimitPerIP = 8 })
	e.registerCompany("owner@a.cn")
	bad := map[string]string{"email": "owner@a.cn", "password": "wrong-password"}
	for i := 0; i < 3; i++ {
		e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: bad}, 401)
	}
	r := e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": "owner@a.cn", "password": "correct-horse-1"}}, 429)
	if r.str("error.code") != "rate_limited" || r.header.Get("Retry-After") == "" {
		t.Fatalf("want rate_limited with Retry-After: %s", r.raw)
	}
	// Other accounts from the same IP still work until the IP limit.
	e.registerCompany("owner@b.cn")
	ok := map[string]string{"email": "owner@b.cn", "password": "correct-horse-1"}
	for i := 0; i < 4; i++ {
		e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: ok}, 200)
	}
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: ok}, 429)
}

func TestPasswordResetAndChange(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a := e.registerCompany("owner@a.cn")
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/password-reset", body: map[string]string{"email": "nobody@a.cn"}}, 202)
	if len(e.mail.sent) != 0 {
		t.Fatal("mail sent for an unknown address")
	}
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/password-reset", body: map[string]string{"email": "owner@a.cn"}}, 202)
	m := e.mail.last(t)
	if m.To != "owner@a.cn" || !strings.Contains(m.Body, "http://doorstep.test/reset-password?token=") {
		t.Fatalf("unexpected mail %+v", m)
	}
	tok := tokenFrom(t, m.Body)
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/password-reset/confirm", body: map[string]string{"token": tok, "password": "short"}}, 400)
	// Concurrent redemptions: exactly one wins.
	var wg sync.WaitGroup
	codes := make(chan int, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes <- e.do(req{method: "POST", path: "/api/v1/auth/password-reset/confirm", body: map[string]string{"token": tok, "password": "brand-new-password"}}).status
		}()
	}
	wg.Wait()
	close(codes)
	wins := 0
	for c := range codes {
		if c == 204 {
			wins++
		} else if c != 400 {
			t.Fatalf("unexpected status %d", c)
		}
	}
	if wins != 1 {
		t.Fatalf("token redeemed %d times", wins)
	}
	e.mustStatus(req{method: "GET", path: "/api/v1/me", token: a.token}, 401) // old sessions revoked
	r := e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": "owner@a.cn", "password": "brand-new-password"}}, 200)
	tok1 := r.str("token")
	tok2 := e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": "owner@a.cn", "password": "brand-new-password"}}, 200).str("token")
	e.mustStatus(req{method: "POST", path: "/api/v1/me/password", token: tok1, body: map[string]string{"current_password": "nope", "new_password": "another-password-2"}}, 400)
	e.mustStatus(req{method: "POST", path: "/api/v1/me/password", token: tok1, body: map[string]string{"current_password": "brand-new-password", "new_password": "another-password-2"}}, 204)
	e.mustStatus(req{method: "GET", path: "/api/v1/me", token: tok1}, 200)
	e.mustStatus(req{method: "GET", path: "/api/v1/me", token: tok2}, 401)
}

func TestInvitations(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a := e.registerWorkshop("coord@w.cn")
	e.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + a.orgID + "/invitations", token: a.token, body: map[string]string{"email": "Helper@W.cn"}}, 201)
	tok := tokenFrom(t, e.mail.last(t).Body)
	info := e.mustStatus(req{method: "GET", path: "/api/v1/invitations/" + tok}, 200)
	if info.str("org_name") != "碧林花园社区微工厂" || info.str("email") != "helper@w.cn" || info.str("role") != "member" {
		t.Fatalf("invitation info %s", info.raw)
	}
	e.mustStatus(req{method: "GET", path: "/api/v1/invitations/not-a-token"}, 404)
	body := map[string]string{"token": tok, "name": "花修朵", "password": "helper-password", "phone": "13900001111"}
	r := e.mustStatus(req{method: "POST", path: "/api/v1/invitations/accept", body: body}, 201)
	if r.str("org.id") != a.orgID || r.str("role") != "member" {
		t.Fatalf("accepted into the wrong place: %s", r.raw)
	}
	e.mustStatus(req{method: "POST", path: "/api/v1/invitations/accept", body: body}, 404) // single use
	e.mustStatus(req{method: "GET", path: "/api/v1/invitations/" + tok}, 404)
}

func TestOversizedBody(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *config.Config) { c.BodyLimitBytes = 4096 })
	// The body limit is enforced by the HTTP server itself, so this test
	// goes through a real listener rather than app.Test.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = e.app.Listener(ln) }()
	t.Cleanup(func() { _ = e.app.Shutdown() })
	big := `{"email":"` + strings.Repeat("a", 8000) + `@a.cn"}`
	res, err := http.Post("http://"+ln.Addr().String()+"/api/v1/auth/login", "application/json", strings.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 413 || !strings.Contains(string(raw), `"code":"invalid"`) {
		t.Fatalf("got %d %s", res.StatusCode, raw)
	}
	r := e.do(req{method: "POST", path: "/api/v1/auth/login", body: `{"email":`})
	if r.status != 400 || r.str("error.code") != "invalid" {
		t.Fatalf("malformed JSON: %d %s", r.status, r.raw)
	}
	r = e.do(req{method: "POST", path: "/api/v1/auth/login", body: "email=a", header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}})
	if r.status != 400 {
		t.Fatalf("non-JSON body: %d %s", r.status, r.raw)
	}
}

func TestStaffActionsAreAudited(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	w := e.registerWorkshop("coord@w.cn")
	mod := e.staff("mod@doorstep.cn", "moderator")
	adm := e.staff("admin@doorstep.cn", "admin")
	e.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + w.orgID + "/verify", token: mod.token, body: map[string]any{"verified": true, "note": "实地走访"}}, 200)
	e.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + w.orgID + "/guarantee", token: mod.token, body: map[string]any{"community_guarantee": true}}, 200)
	r := e.mustStatus(req{method: "GET", path: "/api/v1/audit", token: adm.token}, 200)
	items, _ := r.field("items").([]any)
	if len(items) != 2 {
		t.Fatalf("want 2 audit rows: %s", r.raw)
	}
	first := items[1].(map[string]any)
	if first["action"] != "org.verify" || first["actor_email"] != "mod@doorstep.cn" || first["note"] != "实地走访" ||
		first["before"].(map[string]any)["verified"] != false || first["after"].(map[string]any)["verified"] != true {
		t.Fatalf("audit row %v", first)
	}
	me := e.mustStatus(req{method: "GET", path: "/api/v1/me", token: w.token}, 200)
	if me.field("org.verified") != true || me.field("org.community_guarantee") != true {
		t.Fatalf("workshop does not see its badges: %s", me.raw)
	}
}

// authRoutes: register, sign in and out, reset a password (mailed token).
func authRoutes() routeTable {
	return routeTable{name: "auth", scenarios: []scenario{
		{method: "POST", url: "/api/v1/auth/register", body: companyBody("new@c.cn", nextCreditCode()), want: 201,
			fragments: []string{`"token"`, `"kind":"company"`, `"role":"owner"`}},
		{method: "POST", url: "/api/v1/auth/register", body: companyBody("owner@a.cn", nextCreditCode()), want: 409, fragments: []string{`"email"`}},
		{method: "POST", url: "/api/v1/auth/register", body: map[string]any{"email": "x@c.cn"}, want: 400, fragments: []string{`"password"`}},
		{method: "POST", url: "/api/v1/auth/login", body: map[string]string{"email": "owner@a.cn", "password": "correct-horse-1"}, want: 200,
			fragments: []string{`"token"`, `"id":"{A}"`}},
		{method: "POST", url: "/api/v1/auth/login", body: map[string]string{"email": "owner@a.cn", "password": "wrong-horse-1"}, want: 401},
		{method: "POST", url: "/api/v1/auth/password-reset", body: map[string]string{"email": "owner@a.cn"}, want: 202, fragments: []string{`"accepted"`}},
		{method: "POST", url: "/api/v1/auth/password-reset", body: map[string]string{"email": "nobody"}, want: 400, fragments: []string{`"email"`}},
		{method: "POST", url: "/api/v1/auth/password-reset/confirm", body: map[string]string{"token": "made-up", "password": "brand-new-password"},
			want: 400, fragments: []string{`"token"`}},
		{method: "POST", url: "/api/v1/auth/password-reset/confirm", body: map[string]string{"token": "{reset}", "password": "brand-new-password"}, want: 204,
			before: func(w *world) { w.vars["reset"] = tokenFrom(w.t, w.mail.last(w.t).Body) }},
		{name: "old sessions end with the reset", as: "owner", method: "GET", url: "/api/v1/me", want: 401},
		{method: "POST", url: "/api/v1/auth/login", body: map[string]string{"email": "owner@a.cn", "password": "brand-new-password"}, want: 200},
		{as: "member", method: "POST", url: "/api/v1/auth/logout", want: 204},
		{name: "the session ends with logout", as: "member", method: "GET", url: "/api/v1/me", want: 401},
		{method: "POST", url: "/api/v1/auth/logout", want: 204},
	}}
}
