package api_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"doorstep/server/auth"
)

// TestOldResetLinksStopWorking: issuing a reset, using one, and changing the
// password each end every other outstanding reset link (issue 15.3).
func TestOldResetLinksStopWorking(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a := e.registerCompany("owner@a.cn")
	resetLink := func() string {
		e.mustStatus(req{method: "POST", path: "/api/v1/auth/password-reset", body: map[string]string{"email": "owner@a.cn"}}, 202)
		return tokenFrom(t, e.mail.last(t).Body)
	}
	confirm := func(tok, pw string, want int) {
		t.Helper()
		e.mustStatus(req{method: "POST", path: "/api/v1/auth/password-reset/confirm", body: map[string]string{"token": tok, "password": pw}}, want)
	}

	// A newer link replaces an older one.
	old := resetLink()
	newer := resetLink()
	confirm(old, "brand-new-password", 400)

	// Using a link ends any other outstanding one (one issued in a race, say).
	raced, hash := auth.NewToken()
	if _, err := e.pool.Exec(context.Background(), "INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, $3)",
		hash, a.userID, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	confirm(newer, "brand-new-password", 204)
	confirm(raced, "another-new-password", 400)

	// Changing the password ends a pending link.
	pending := resetLink()
	tok := e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": "owner@a.cn", "password": "brand-new-password"}}, 200).str("token")
	e.mustStatus(req{method: "POST", path: "/api/v1/me/password", token: tok,
		body: map[string]string{"current_password": "brand-new-password", "new_password": "changed-password-3"}}, 204)
	confirm(pending, "yet-another-password", 400)
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": "owner@a.cn", "password": "changed-password-3"}}, 200)
}

// TestWeakPasswordsRefusedByAPI: registration, reset and password change
// refuse common passwords and the account's own email or phone, naming why
// in the field error (issue 15.9).
func TestWeakPasswordsRefusedByAPI(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for pw, why := range map[string]string{"1234567890": "common", "          ": "different", "owner@a.cn": "email", "13905431234": "phone"} {
		b := companyBody("owner@a.cn", nextCreditCode())
		b["password"] = pw
		r := e.mustStatus(req{method: "POST", path: "/api/v1/auth/register", body: b}, 400)
		if !strings.Contains(r.str("error.fields.password"), why) {
			t.Errorf("register with %q: %s", pw, r.raw)
		}
	}
	a := e.registerCompany("owner@a.cn")
	r := e.mustStatus(req{method: "POST", path: "/api/v1/me/password", token: a.token,
		body: map[string]string{"current_password": "correct-horse-1", "new_password": "139 0543 1234"}}, 400)
	if !strings.Contains(r.str("error.fields.new_password"), "phone") {
		t.Fatalf("change to own phone: %s", r.raw)
	}
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/password-reset", body: map[string]string{"email": "owner@a.cn"}}, 202)
	tok := tokenFrom(t, e.mail.last(t).Body)
	r = e.mustStatus(req{method: "POST", path: "/api/v1/auth/password-reset/confirm", body: map[string]string{"token": tok, "password": "OWNER@A.CN"}}, 400)
	if !strings.Contains(r.str("error.fields.password"), "email") {
		t.Fatalf("reset to own email: %s", r.raw)
	}
	// The refused attempt did not use the link up.
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/password-reset/confirm", body: map[string]string{"token": tok, "password": "a-much-better-one"}}, 204)
}
