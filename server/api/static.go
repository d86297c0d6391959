package api

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"

	"doorstep/server/market"
)

// frontend serves the built web app from FRONTEND_DIR. Hashed files under
// /assets/ are cached for a year; every other path that names no file is a
// client-side route and gets index.html whatever the Accept header says (so
// `curl /` shows the app), never cached, so a deploy takes effect on the next
// load. Only misses that look like files (an extension, or under /assets/)
// stay 404, and API paths never reach here (routes.go answers JSON 404s).
func (s *Server) frontend(c *fiber.Ctx) error {
	if c.Method() != http.MethodGet && c.Method() != http.MethodHead {
		return market.ErrNotFound
	}
	if p := c.Path(); p == "/api" || strings.HasPrefix(p, "/api/") {
		return market.ErrNotFound
	}
	root, err := filepath.Abs(s.cfg.FrontendDir)
	if err != nil {
		return err
	}
	rel := filepath.Clean("/" + c.Path()) // Clean with a leading slash cannot climb above root
	file := filepath.Join(root, rel)
	if st, err := os.Stat(file); err == nil && st.Mode().IsRegular() {
		if strings.HasPrefix(rel, "/assets/") {
			c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
		} else {
			c.Set(fiber.HeaderCacheControl, "no-cache")
		}
		return sendStatic(c, file)
	}
	if strings.HasPrefix(rel, "/assets/") || path.Ext(rel) != "" {
		return market.ErrNotFound
	}
	index := filepath.Join(root, "index.html")
	if _, err := os.Stat(index); err != nil {
		return market.E(market.CodeNotFound, "前端尚未构建：请运行 make build", "the web app is not built; run make build")
	}
	body, err := s.pageFor(c, root, rel)
	if err == nil && body != nil {
		return sendPage(c, body)
	}
	if err != nil { // the app still works without the summary: log it and send the plain shell
		s.log.Warn("page summary", "request_id", requestID(c), "path", rel, "err", err)
	}
	c.Set(fiber.HeaderCacheControl, "no-cache")
	return sendStatic(c, index)
}

// pageFor is index.html with a summary, share tags and preloads for the
// landing page and public orders (shell.go); nil for every other address.
func (s *Server) pageFor(c *fiber.Ctx, root, path string) ([]byte, error) {
	var p page
	switch id := orderPagePath(path); {
	case path == "/":
		var err error
		if p, err = s.landingPage(); err != nil {
			return nil, err
		}
	case id != "":
		var ok bool
		var err error
		if p, ok, err = s.orderPage(c.UserContext(), id); err != nil || !ok {
			return nil, err
		}
	default:
		return nil, nil
	}
	html, chunks, err := s.shell.load(root)
	if err != nil {
		return nil, err
	}
	p.Preload = preloads(chunks, path)
	return p.render(html)
}

// sendStatic serves file, or the brotli or gzip copy the build wrote next to
// it (file.br, file.gz) when the client accepts that encoding. Nothing is
// compressed at run time: Fiber's own compression would write *.fiber.gz
// files into FRONTEND_DIR, which the server's (non-root) user cannot.
func sendStatic(c *fiber.Ctx, file string) error {
	c.Vary(fiber.HeaderAcceptEncoding)
	if c.Get(fiber.HeaderRange) == "" {
		for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if !accepts(c.Get(fiber.HeaderAcceptEncoding), enc.name) {
				continue
			}
			if st, err := os.Stat(file + enc.ext); err != nil || !st.Mode().IsRegular() {
				continue
			}
			if err := c.SendFile(file+enc.ext, false); err != nil {
				return err
			}
			c.Type(strings.TrimPrefix(filepath.Ext(file), "."), "utf-8")
			c.Set(fiber.HeaderContentEncoding, enc.name)
			return nil
		}
	}
	return c.SendFile(file, false)
}

// accepts reports whether an Accept-Encoding header allows enc (a q=0
// entry refuses it; "*" allows it).
func accepts(header, enc string) bool {
	ok := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != enc && name != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		refused := q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000"
		if name == enc {
			return !refused
		}
		ok = !refused
	}
	return ok
}
