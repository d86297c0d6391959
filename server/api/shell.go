package api

import (
	"bytes"
	"encoding/json"
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// The web app's index.html has an empty #root: on a slow phone link nothing
// shows until every script has arrived. For the pages a newcomer opens first
// (the landing page, a shared public order) the server puts a readable
// summary into #root, share tags into <head> and preloads of the page's own
// scripts; React replaces the summary when it mounts (createRoot clears the
// container). Everything else gets index.html as built.

// page is what the server adds to index.html for one address.
type page struct {
	Title, Description, URL, Image string
	Preload                        []string
	Body                           template.HTML // goes into #root
}

// routePages maps an address to the page module the router loads for it
// (frontend/src/router.tsx), whose chunks the shell preloads.
func routePage(path string) string {
	switch {
	case path == "/":
		return "src/pages/home/Landing.tsx"
	case orderPagePath(path) != "":
		return "src/pages/orders/OrderPage.tsx"
	}
	return ""
}

// orderPagePath is the id in /orders/<uuid>, else "".
func orderPagePath(path string) string {
	id, ok := strings.CutPrefix(path, "/orders/")
	if !ok || len(id) != 36 || strings.Contains(id, "/") {
		return ""
	}
	return id
}

// shell is index.html and the build manifest, read again when the build changes.
type shell struct {
	mu       sync.Mutex
	modified time.Time
	html     string
	// chunks: page module → the JavaScript it loads beyond what index.html already preloads.
	chunks map[string][]string
}

func (sh *shell) load(dir string) (string, map[string][]string, error) {
	index := filepath.Join(dir, "index.html")
	st, err := os.Stat(index)
	if err != nil {
		return "", nil, err
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if sh.html != "" && st.ModTime().Equal(sh.modified) {
		return sh.html, sh.chunks, nil
	}
	raw, err := os.ReadFile(index)
	if err != nil {
		return "", nil, err
	}
	sh.html, sh.modified = string(raw), st.ModTime()
	sh.chunks = pageChunks(filepath.Join(dir, ".vite", "manifest.json"), sh.html)
	return sh.html, sh.chunks, nil
}

// pageChunks reads vite's manifest: for each page module, the JavaScript
// files it imports statically (all of them load before the page can draw),
// less those index.html already names. No manifest (a test's stub) gives none.
func pageChunks(manifestFile, html string) map[string][]string {
	raw, err := os.ReadFile(manifestFile)
	if err != nil {
		return nil
	}
	var manifest map[string]struct {
		File    string   `json:"file"`
		Imports []string `json:"imports"`
	}
	if json.Unmarshal(raw, &manifest) != nil {
		return nil
	}
	out := map[string][]string{}
	for _, p := range []string{routePage("/"), routePage("/orders/00000000-0000-0000-0000-000000000000")} {
		if _, ok := manifest[p]; !ok {
			continue // the page is in the entry chunk
		}
		var files []string
		seen := map[string]bool{}
		var visit func(string)
		visit = func(k string) {
			m, ok := manifest[k]
			if seen[k] || !ok {
				return
			}
			seen[k] = true
			if f := "/" + m.File; strings.HasSuffix(f, ".js") && !strings.Contains(html, `"`+f+`"`) {
				files = append(files, f)
			}
			for _, i := range m.Imports {
				visit(i)
			}
		}
		visit(p)
		out[p] = files
	}
	return out
}

var (
	headTitle       = regexp.MustCompile(`(?s)<title>.*?</title>\s*`)
	headDescription = regexp.MustCompile(`<meta name="description"[^>]*>\s*`)
	stylesheet      = regexp.MustCompile(`<link rel="stylesheet"[^>]*>\s*`)
)

const emptyRoot = `<div id="root"></div>`

// render puts p into the shell html; nil for a shell without the expected
// markers (which is then sent as it is).
func (p page) render(html string) ([]byte, error) {
	if !strings.Contains(html, emptyRoot) || !strings.Contains(html, "</head>") {
		return nil, nil
	}
	var head bytes.Buffer
	if err := sharePages.ExecuteTemplate(&head, "head", p); err != nil {
		return nil, err
	}
	html = headDescription.ReplaceAllString(headTitle.ReplaceAllString(html, ""), "")
	// The stylesheet holds up the first paint: ask for it before the scripts,
	// which would otherwise share the slow link with it.
	if css := stylesheet.FindString(html); css != "" {
		if i := strings.Index(html, "<script"); i >= 0 && i < strings.Index(html, css) {
			html = strings.Replace(html, css, "", 1)
			html = html[:i] + css + html[i:]
		}
	}
	html = strings.Replace(html, "</head>", head.String()+"  </head>", 1)
	html = strings.Replace(html, emptyRoot, `<div id="root">`+string(p.Body)+`</div>`, 1)
	return []byte(html), nil
}

// sendPage writes a page made at run time, compressed when the client
// accepts it (the built files are compressed at build time instead).
func sendPage(c *fiber.Ctx, body []byte) error {
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	c.Set(fiber.HeaderCacheControl, "no-cache")
	c.Vary(fiber.HeaderAcceptEncoding)
	accept := c.Get(fiber.HeaderAcceptEncoding)
	switch {
	case accepts(accept, "br"):
		c.Set(fiber.HeaderContentEncoding, "br")
		body = fasthttp.AppendBrotliBytesLevel(nil, body, fasthttp.CompressBrotliDefaultCompression)
	case accepts(accept, "gzip"):
		c.Set(fiber.HeaderContentEncoding, "gzip")
		body = fasthttp.AppendGzipBytesLevel(nil, body, fasthttp.CompressDefaultCompression)
	}
	return c.Send(body)
}

// preloads are the page module's chunks (none for other addresses).
func preloads(chunks map[string][]string, path string) []string {
	return slices.Clone(chunks[routePage(path)])
}
