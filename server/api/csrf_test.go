package api_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"doorstep/server/config"
)

// TestCSRFOriginIsTheConfiguredOne: a cookie write is allowed from
// APP_BASE_URL's origin and ALLOWED_ORIGINS only. The request's own Host,
// X-Forwarded-Host and X-Forwarded-Proto are the attacker's to choose (a
// DNS-rebound name, a proxy passing them through), so an Origin matching
// them proves nothing.
func TestCSRFOriginIsTheConfiguredOne(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *config.Config) { c.AllowedOrigins = []string{"http://localhost:5173"} })
	a := e.registerCompany("csrf@example.com")
	patch := func(host, origin, referer string, header map[string]string) int {
		t.Helper()
		hr := httptest.NewRequest("PATCH", "/api/v1/me", strings.NewReader(`{"name":"赵丽"}`))
		hr.Host = host
		hr.Header.Set("Content-Type", "application/json")
		hr.AddCookie(&http.Cookie{Name: "doorstep_session", Value: a.token})
		if origin != "" {
			hr.Header.Set("Origin", origin)
		}
		if referer != "" {
			hr.Header.Set("Referer", referer)
		}
		for k, v := range header {
			hr.Header.Set(k, v)
		}
		res, err := e.app.Test(hr, -1)
		must(t, err)
		return res.StatusCode
	}
	for _, c := range []struct {
		name, host, origin, referer string
		header                      map[string]string
		want                        int
	}{
		{"Host made to match the attacker's Origin", "evil.example", "http://evil.example", "", nil, 403},
		{"X-Forwarded-Host made to match", "doorstep.test", "http://evil.example", "", map[string]string{"X-Forwarded-Host": "evil.example"}, 403},
		{"X-Forwarded-Proto and Host made to match", "evil.example", "https://evil.example", "", map[string]string{"X-Forwarded-Proto": "https"}, 403},
		{"Referer from a matching Host", "evil.example", "", "http://evil.example/form", nil, 403},
		{"APP_BASE_URL behind a proxy with another Host", "10.0.0.7:8080", "http://doorstep.test", "", nil, 200},
		{"Referer on APP_BASE_URL", "doorstep.test", "", "http://doorstep.test/me", nil, 200},
		{"ALLOWED_ORIGINS", "127.0.0.1:8080", "http://localhost:5173", "", nil, 200},
	} {
		if got := patch(c.host, c.origin, c.referer, c.header); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}
