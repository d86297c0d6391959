package api_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAppServedWhateverAccept: curl (Accept: */* or none) gets the web app
// for / and every client-side route; API paths keep JSON 404s.
func TestAppServedWhateverAccept(t *testing.T) {
	e := newEnv(t)
	dir := e.cfg.FrontendDir
	must(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>家门口</title>"), 0o644))
	for _, p := range []string{"/", "/search?q=网兜", "/orders/3f0c1d2e-0000-4000-8000-000000000000", "/staff/audit"} {
		for _, accept := range []string{"", "*/*", "application/json"} {
			r := e.do(req{method: "GET", path: p, header: map[string]string{"Accept": accept}})
			if r.status != 200 || !strings.Contains(r.raw, "家门口") || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
				t.Errorf("GET %s (Accept %q): %d %s %s", p, accept, r.status, r.header.Get("Content-Type"), r.raw)
			}
		}
	}
	for _, p := range []string{"/api/v1/nope", "/api/v2/orders", "/api", "/api/"} {
		r := e.do(req{method: "GET", path: p, header: map[string]string{"Accept": "text/html"}})
		if r.status != 404 || r.str("error.code") != "not_found" {
			t.Errorf("GET %s must stay a JSON 404: %d %s", p, r.status, r.raw)
		}
	}
	if r := e.do(req{method: "POST", path: "/orders"}); r.status != 404 {
		t.Errorf("POST to a page path: %d", r.status)
	}
}

// TestPrecompressedAssets: the build's .br and .gz copies are served with
// Content-Encoding when accepted, and nothing is compressed (or written
// into FRONTEND_DIR) at run time.
func TestPrecompressedAssets(t *testing.T) {
	e := newEnv(t)
	dir := e.cfg.FrontendDir
	must(t, os.MkdirAll(filepath.Join(dir, "assets"), 0o755))
	js := strings.Repeat("console.log('家门口');\n", 400)
	files := map[string]string{"index.html": "<!doctype html><title>家门口</title>" + strings.Repeat(" ", 2000),
		"assets/app-1.js": js, "assets/app-1.js.br": "BROTLI", "assets/app-1.js.gz": "GZIP", "assets/only-2.js": js}
	for name, body := range files {
		must(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	cases := []struct{ path, accept, encoding, body string }{
		{"/assets/app-1.js", "gzip, deflate, br", "br", "BROTLI"},
		{"/assets/app-1.js", "gzip", "gzip", "GZIP"},
		{"/assets/app-1.js", "br;q=0, gzip", "gzip", "GZIP"},
		{"/assets/app-1.js", "", "", js},
		{"/assets/only-2.js", "gzip, br", "", js},
		{"/", "gzip, br", "", files["index.html"]},
	}
	for _, c := range cases {
		r := e.do(req{method: "GET", path: c.path, header: map[string]string{"Accept-Encoding": c.accept}})
		if r.status != 200 || r.header.Get("Content-Encoding") != c.encoding || r.raw != c.body {
			t.Errorf("GET %s (Accept-Encoding %q): %d encoding %q body %.40q", c.path, c.accept, r.status, r.header.Get("Content-Encoding"), r.raw)
		}
		if c.encoding != "" && !strings.HasPrefix(r.header.Get("Content-Type"), "text/javascript") {
			t.Errorf("GET %s (%s): Content-Type %q", c.path, c.encoding, r.header.Get("Content-Type"))
		}
		if !strings.Contains(r.header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("GET %s: no Vary: Accept-Encoding", c.path)
		}
	}
	err := filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
		if _, known := files[strings.TrimPrefix(p, dir+"/")]; !known && p != dir && p != filepath.Join(dir, "assets") {
			t.Errorf("the server wrote %s", p)
		}
		return err
	})
	must(t, err)
}
