package api_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/server/api"
	"doorstep/server/store"
	"doorstep/server/store/storetest"
)

// TestOpenAPIMatchesRouteTable: every route is documented and nothing else is.
func TestOpenAPIMatchesRouteTable(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.mustStatus(req{method: "GET", path: "/api/v1/openapi.json"}, 200)
	paths, _ := r.field("paths").(map[string]any)
	want := map[string]bool{}
	s := api.NewServerForDocs()
	for _, rt := range s.Routes() {
		key := strings.ToLower(rt.Method) + " " + api.OpenAPIPath(rt.Path)
		want[key] = true
		ops, _ := paths[api.OpenAPIPath(rt.Path)].(map[string]any)
		op, ok := ops[strings.ToLower(rt.Method)].(map[string]any)
		if !ok {
			t.Errorf("route %s missing from the OpenAPI document", key)
			continue
		}
		if _, ok := op["responses"].(map[string]any)[itoa(rt.Status)]; !ok {
			t.Errorf("%s: success status %d not documented", key, rt.Status)
		}
	}
	for p, ops := range paths {
		for m := range ops.(map[string]any) {
			if !want[m+" "+p] {
				t.Errorf("documented %s %s is not in the route table", m, p)
			}
		}
	}
	schemas, _ := r.field("components.schemas").(map[string]any)
	if _, ok := schemas["OrgView"].(map[string]any)["properties"].(map[string]any)["credit_code"]; !ok {
		t.Error("OrgView schema lacks credit_code")
	}
}

func TestSecurityHeadersAndRequestID(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.do(req{method: "GET", path: "/api/v1/meta/crafts"})
	for h, want := range map[string]string{
		"Content-Security-Policy": "frame-ancestors 'none'", "X-Content-Type-Options": "nosniff",
		"Referrer-Policy": "strict-origin-when-cross-origin",
	} {
		if !strings.Contains(r.header.Get(h), want) {
			t.Errorf("%s = %q, want %q", h, r.header.Get(h), want)
		}
	}
	if !strings.Contains(r.header.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Error("CSP must allow only the site's own scripts")
	}
	if len(r.header.Get("X-Request-ID")) < 16 {
		t.Errorf("missing request id: %v", r.header)
	}
	bad := e.do(req{method: "GET", path: "/api/v1/nope"})
	if bad.str("error.request_id") != bad.header.Get("X-Request-ID") {
		t.Error("error body should carry the request id")
	}
}

func TestFrontendServing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	dir := e.cfg.FrontendDir
	must(t, os.MkdirAll(filepath.Join(dir, "assets"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>家门口</title>"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "assets", "app-3f2a.js"), []byte("console.log(1)"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "favicon.svg"), []byte("<svg/>"), 0o644))
	html := map[string]string{"Accept": "text/html,application/xhtml+xml"}

	r := e.do(req{method: "GET", path: "/assets/app-3f2a.js"})
	if r.status != 200 || !strings.Contains(r.header.Get("Cache-Control"), "immutable") {
		t.Fatalf("asset: %d %v", r.status, r.header)
	}
	r = e.do(req{method: "GET", path: "/org/members", header: html})
	if r.status != 200 || !strings.Contains(r.raw, "家门口") || r.header.Get("Cache-Control") != "no-cache" {
		t.Fatalf("SPA fallback: %d %s %v", r.status, r.raw, r.header)
	}
	if r := e.do(req{method: "GET", path: "/favicon.svg"}); r.status != 200 {
		t.Fatalf("root file: %d", r.status)
	}
	if r := e.do(req{method: "GET", path: "/assets/missing.js", header: html}); r.status != 404 {
		t.Fatalf("missing asset must 404, got %d", r.status)
	}
	if r := e.do(req{method: "GET", path: "/missing.png"}); r.status != 404 {
		t.Fatalf("non-HTML miss must 404, got %d", r.status)
	}
	if r := e.do(req{method: "GET", path: "/api/v1/unknown", header: html}); r.status != 404 || r.str("error.code") != "not_found" {
		t.Fatalf("API miss must stay JSON 404: %d %s", r.status, r.raw)
	}
	if r := e.do(req{method: "GET", path: "/../../etc/passwd", header: html}); strings.Contains(r.raw, "root:") {
		t.Fatal("path traversal")
	}
}

func TestHealthAndReadiness(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.mustStatus(req{method: "GET", path: "/healthz"}, 200)
	r := e.mustStatus(req{method: "GET", path: "/readyz"}, 200)
	if r.str("status") != "ready" {
		t.Fatal(r.raw)
	}
	e.do(req{method: "GET", path: "/api/v1/me"})
	m := e.mustStatus(req{method: "GET", path: "/metrics"}, 200)
	if !strings.Contains(m.raw, `doorstep_http_requests_total{method="GET",route="/api/v1/me",status="401"} 1`) ||
		!strings.Contains(m.raw, "doorstep_http_request_duration_seconds_bucket") {
		t.Fatalf("metrics missing request series:\n%s", m.raw)
	}

	// A database with no migrations applied is not ready.
	url := storetest.NewURL(t)
	pool, err := pgxpool.New(context.Background(), url)
	must(t, err)
	defer pool.Close()
	_, err = pool.Exec(context.Background(), "DELETE FROM goose_db_version WHERE version_id = (SELECT max(version_id) FROM goose_db_version)")
	must(t, err)
	cfg := e.cfg
	st, err := store.New(pool)
	must(t, err)
	app := api.New(api.Options{Config: cfg, Store: st})
	e2 := &env{t: t, app: app, cfg: cfg}
	r = e2.mustStatus(req{method: "GET", path: "/readyz"}, 503)
	if r.field("checks.migrations") != "pending" {
		t.Fatal(r.raw)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
