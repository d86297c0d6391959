package api_test

import (
	"image"
	_ "image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const shellHTML = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="家门口 Doorstep — 企业外发手工活" />
    <title>家门口 Doorstep</title>
    <script type="module" crossorigin src="/assets/index-1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/react-1.js">
    <link rel="stylesheet" crossorigin href="/assets/index-1.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`

// A manifest as vite writes it: the entry, the lazily loaded pages and what they import.
const shellManifest = `{
  "index.html": {"file": "assets/index-1.js", "isEntry": true, "imports": ["_react-1.js"]},
  "_react-1.js": {"file": "assets/react-1.js"},
  "_antd-table-1.js": {"file": "assets/antd-table-1.js", "imports": ["_react-1.js"]},
  "src/pages/orders/OrderPage.tsx": {"file": "assets/OrderPage-1.js", "isDynamicEntry": true, "imports": ["_react-1.js", "_antd-table-1.js"], "dynamicImports": ["src/pages/orders/Bids.tsx"]},
  "src/pages/orders/Bids.tsx": {"file": "assets/Bids-1.js", "isDynamicEntry": true},
  "src/pages/home/Landing.tsx": {"file": "assets/Landing-1.js", "isDynamicEntry": true, "imports": ["_react-1.js"], "css": ["assets/Landing-1.css"]}
}`

// TestSharePages: a published order's address and the landing page come
// with a readable summary in #root, share tags and their own page's chunks
// preloaded, everything from the order HTML-escaped; an order the public may
// not see (a draft, under review, or unknown) gets the plain shell, whoever asks.
func TestSharePages(t *testing.T) {
	t.Parallel()
	f := newOrderFixture(t)
	dir := f.cfg.FrontendDir
	must(t, os.MkdirAll(filepath.Join(dir, ".vite"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte(shellHTML), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, ".vite", "manifest.json"), []byte(shellManifest), 0o644))
	const evil = `编织网兜</title><script>alert("x")</script> & 'q'`
	f.mustStatus(req{method: "PATCH", path: "/api/v1/orders/" + f.orderID, token: f.as["owner"].token, body: map[string]any{"title": evil}}, 200)
	page := "/orders/" + f.orderID
	get := func(path string, token string) string {
		t.Helper()
		r := f.do(req{method: "GET", path: path, token: token, cookie: token != ""})
		if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") || r.header.Get("Cache-Control") != "no-cache" {
			t.Fatalf("GET %s: %d %s %s", path, r.status, r.header.Get("Content-Type"), r.header.Get("Cache-Control"))
		}
		return r.raw
	}
	plain := func(when, path, token string) {
		t.Helper()
		if got := get(path, token); got != shellHTML {
			t.Errorf("%s: GET %s is not the plain shell:\n%s", when, path, got)
		}
	}

	plain("draft", page, "")
	plain("draft, asked by its own company", page, f.as["owner"].token)
	f.act("owner", "submit", nil, 200)
	plain("under review", page, "")
	plain("unknown order", "/orders/3f0c1d2e-0000-4000-8000-000000000000", "")
	plain("not an order", "/orders/new", "")
	plain("another page", "/search", "")

	f.act("moderator", "approve", nil, 200)
	html := get(page, "")
	for _, want := range []string{
		`<div id="root"><style>`, `<main class="ssr" lang="zh-CN">`,
		`<h1>编织网兜&lt;/title&gt;&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;q&#39;</h1>`,
		`<dd>¥1.50 / 件</dd>`, `<dd>5,000 件</dd>`, `<dd>山东省 滨州市 滨城区</dd>`,
		`每件 ¥0.20（最小接单需交 ¥200.00，整单 ¥1,000.00）；有社区担保的认证工坊可免交`,
		`折合时薪 ¥15.00`, `最低小时工资`, `>在 App 中查看/报价</a>`, `href="/orders/` + f.orderID + `"`,
		`<meta property="og:title" content="编织网兜&lt;/title&gt;&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;q&#39; · 家门口 Doorstep" />`,
		`<meta property="og:image" content="http://doorstep.test/share.png" />`,
		`<meta property="og:image:width" content="600" />`,
		`<meta property="og:url" content="http://doorstep.test/orders/` + f.orderID + `" />`,
		`<meta itemprop="image" content="http://doorstep.test/share.png" />`,
		`<meta property="og:description" content="¥1.50/件 · 5,000 件 · 山东省 滨州市 滨城区 · 报价截止 `,
		`<link rel="modulepreload" crossorigin href="/assets/OrderPage-1.js">`,
		`<link rel="modulepreload" crossorigin href="/assets/antd-table-1.js">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the order's page lacks %s", want)
		}
	}
	for _, never := range []string{`<script>alert`, `Landing-1.js`, `Bids-1.js`, `家门口 Doorstep — 企业外发手工活`} {
		if strings.Contains(html, never) {
			t.Errorf("the order's page has %s", never)
		}
	}
	if css, js := strings.Index(html, `<link rel="stylesheet" crossorigin href="/assets/index-1.css">`), strings.Index(html, "<script"); css < 0 || css > js {
		t.Errorf("the stylesheet must be asked for before the scripts:\n%s", html)
	}
	if n := strings.Count(html, "<title>"); n != 1 || strings.Count(html, `name="description"`) != 1 || strings.Count(html, "react-1.js") != 1 {
		t.Errorf("one title, one description and no second preload of an entry chunk:\n%s", html)
	}

	// Compressed like the API: the page is made per request.
	r := f.do(req{method: "GET", path: page, header: map[string]string{"Accept-Encoding": "gzip, br"}})
	if r.header.Get("Content-Encoding") != "br" || string(decode(t, "br", r.wire)) != html {
		t.Errorf("the order's page with brotli: %q", r.header.Get("Content-Encoding"))
	}

	landing := get("/", "")
	for _, want := range []string{`<h1>把手工活送到家门口</h1>`, `href="/search"`, `<meta property="og:title" content="家门口 Doorstep — 把手工活送到家门口" />`,
		`<link rel="modulepreload" crossorigin href="/assets/Landing-1.js">`,
		`<meta property="og:image" content="http://doorstep.test/share.png" />`, `<meta itemprop="image" content="http://doorstep.test/share.png" />`} {
		if !strings.Contains(landing, want) {
			t.Errorf("the landing page lacks %s", want)
		}
	}
	if strings.Contains(landing, "OrderPage-1.js") || strings.Contains(landing, "Landing-1.css") {
		t.Errorf("the landing page preloads another page's chunks or CSS:\n%s", landing)
	}

	// Suspended by a moderator: back to the plain shell.
	f.act("moderator", "suspend", map[string]any{"reason": "核实中，暂停展示"}, 200)
	plain("suspended", page, "")
}

// TestShareImage: the picture the share tags name is the committed PNG
// (frontend/scripts/share-image.mjs), as large as sharepage.html says and
// at least the 300 px WeChat needs.
func TestShareImage(t *testing.T) {
	t.Parallel()
	f, err := os.Open(filepath.Join("..", "..", "frontend", "public", "share.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, format, err := image.DecodeConfig(f)
	if err != nil {
		t.Fatal(err)
	}
	if format != "png" || cfg.Width != 600 || cfg.Height != 600 {
		t.Errorf("share.png is a %s of %d × %d, want a png of 600 × 600", format, cfg.Width, cfg.Height)
	}
	html, err := os.ReadFile("sharepage.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`og:image:type" content="image/png"`, `og:image:width" content="600"`, `og:image:height" content="600"`} {
		if !strings.Contains(string(html), want) {
			t.Errorf("sharepage.html lacks %s", want)
		}
	}
}
