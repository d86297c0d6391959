package api_test

import (
	"strings"
	"testing"

	"doorstep/server/api"
	"doorstep/server/auth"
	"doorstep/server/config"
	"doorstep/server/money"
)

// TestCSPAllowsStripeOnlyWithStripe: the Payment Element needs Stripe.js, its
// frames and its API; the CSP allows them only when the platform runs Stripe
// with a publishable key, never with the manual provider.
func TestCSPAllowsStripeOnlyWithStripe(t *testing.T) {
	manual := newEnv(t, func(c *config.Config) { c.StripePublishable = "pk_test_doorstep" })
	csp := manual.mustStatus(req{method: "GET", path: "/api/v1/meta/map"}, 200).header.Get("Content-Security-Policy")
	if strings.Contains(csp, "stripe") || !strings.Contains(csp, "script-src 'self';") {
		t.Errorf("manual provider: the CSP must not allow Stripe: %s", csp)
	}

	withKey := func(publishable string) string {
		e := newEnv(t, func(c *config.Config) {
			c.StripeSecretKey, c.StripeWebhookSecret, c.StripePublishable = "sk_test_doorstep", webhookSecret, publishable
		})
		fast := auth.Params{MemoryKiB: 1024, Time: 1, Threads: 1}
		e.app = api.New(api.Options{Config: e.cfg, Store: e.st, Pool: e.pool, Mailer: e.mail, Hash: &fast, Logger: testLogger(t),
			Provider: money.NewProvider(e.cfg)})
		return e.mustStatus(req{method: "GET", path: "/api/v1/meta/map"}, 200).header.Get("Content-Security-Policy")
	}
	csp = withKey("pk_test_doorstep")
	for _, want := range []string{"script-src 'self' https://js.stripe.com;", "frame-src https://js.stripe.com https://hooks.stripe.com;",
		"connect-src 'self' https://api.stripe.com;", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Stripe with a publishable key: CSP lacks %q: %s", want, csp)
		}
	}
	if csp = withKey(""); strings.Contains(csp, "stripe") {
		t.Errorf("Stripe without a publishable key: the browser loads nothing from Stripe: %s", csp)
	}
}
