package api_test

import (
	"strconv"
	"testing"
	"time"

	"doorstep/server/config"
)

func from(ip string) map[string]string {
	return map[string]string{"X-Forwarded-For": "10.9.9.9, " + ip}
}

// wantRetryAfter checks a 429's Retry-After is the rest of the current
// fixed window (to the second), not a made-up constant.
func wantRetryAfter(t *testing.T, r resp, window time.Duration) {
	t.Helper()
	got, err := strconv.Atoi(r.header.Get("Retry-After"))
	now := time.Now()
	want := now.Truncate(window).Add(window).Sub(now).Seconds()
	if err != nil || float64(got) < want-2 || float64(got) > want+2 {
		t.Fatalf("Retry-After %q, want about %.0f s (the end of the window): %s", r.header.Get("Retry-After"), want, r.raw)
	}
}

// TestLoginThrottlePerAccountAndIP: failed sign-ins from one address lock
// that address out of the account, not the owner elsewhere; Retry-After is
// exact; current-password checks on POST /me/password are throttled too
// (issue 15.8).
func TestLoginThrottlePerAccountAndIP(t *testing.T) {
	t.Parallel()
	const window = 15 * time.Minute
	e := newEnv(t, func(c *config.Config) {
		c.TrustProxy, c.LoginLimitPerAccount, c.LoginLimitPerIP, c.LoginLimitWindow = true, 3, 20, window
	})
	e.registerCompany("owner@a.cn")
	bad := map[string]string{"email": "owner@a.cn", "password": "wrong-password"}
	good := map[string]string{"email": "owner@a.cn", "password": "correct-horse-1"}
	attacker, owner := "203.0.113.9", "198.51.100.7"
	for i := 0; i < 3; i++ {
		e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: bad, header: from(attacker)}, 401)
	}
	r := e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: good, header: from(attacker)}, 429)
	wantRetryAfter(t, r, window)
	// The owner, elsewhere, is not locked out.
	tok := e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: good, header: from(owner)}, 200).str("token")

	// Guessing the current password with a borrowed session is throttled the
	// same way (and shares the budget of sign-in failures from that address).
	thief := "203.0.113.10"
	change := func(current string, want int) resp {
		return e.mustStatus(req{method: "POST", path: "/api/v1/me/password", token: tok, header: from(thief),
			body: map[string]string{"current_password": current, "new_password": "a-new-password-9"}}, want)
	}
	for i := 0; i < 3; i++ {
		change("guess-"+strconv.Itoa(i), 400)
	}
	wantRetryAfter(t, change("correct-horse-1", 429), window)
	// From the owner's own address the change still works.
	e.mustStatus(req{method: "POST", path: "/api/v1/me/password", token: tok, header: from(owner),
		body: map[string]string{"current_password": "correct-horse-1", "new_password": "a-new-password-9"}}, 204)

	// Per IP: every attempt from one address counts, whatever the account.
	other := "192.0.2.44"
	for i := 0; i < 20; i++ {
		e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", header: from(other),
			body: map[string]string{"email": "nobody" + strconv.Itoa(i) + "@a.cn", "password": "whatever-123"}}, 401)
	}
	wantRetryAfter(t, e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", header: from(other),
		body: map[string]string{"email": "owner@a.cn", "password": "a-new-password-9"}}, 429), window)
}
