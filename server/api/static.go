package api

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"

	"doorstep/server/market"
)

// frontend serves the built web app from FRONTEND_DIR. Hashed files under
// /assets/ are cached for a year; index.html is served for page requests
// that match no file (client-side routes) and is never cached, so a deploy
// takes effect on the next load. Non-HTML misses stay 404.
func (s *Server) frontend(c *fiber.Ctx) error {
	if c.Method() != http.MethodGet && c.Method() != http.MethodHead {
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
		return c.SendFile(file, true)
	}
	if strings.HasPrefix(rel, "/assets/") || !strings.Contains(c.Get(fiber.HeaderAccept), "text/html") {
		return market.ErrNotFound
	}
	index := filepath.Join(root, "index.html")
	if _, err := os.Stat(index); err != nil {
		return market.E(market.CodeNotFound, "前端尚未构建：请运行 make build", "the web app is not built; run make build")
	}
	c.Set(fiber.HeaderCacheControl, "no-cache")
	return c.SendFile(index, true)
}
