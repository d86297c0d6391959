package api_test

import (
	"strings"
	"testing"

	"doorstep/server/config"
)

// TestMapTilesAndCSP: the picker gets the configured tile server, and the CSP
// allows images from that host only (not any https: image).
func TestMapTilesAndCSP(t *testing.T) {
	e := newEnv(t)
	r := e.mustStatus(req{method: "GET", path: "/api/v1/meta/map"}, 200)
	if r.str("tile_url") != config.DefaultMapTileURL || r.str("attribution") == "" {
		t.Fatalf("map config: %s", r.raw)
	}
	csp := r.header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "img-src 'self' data: blob: https://tile.openstreetmap.org;") || strings.Contains(csp, " https:;") {
		t.Errorf("CSP must allow the tile host's images only: %s", csp)
	}

	own := newEnv(t, func(c *config.Config) { c.MapTileURL = "https://{s}.tiles.example.cn/{z}/{x}/{y}.png" })
	r = own.mustStatus(req{method: "GET", path: "/api/v1/meta/map"}, 200)
	if r.str("tile_url") != "https://{s}.tiles.example.cn/{z}/{x}/{y}.png" ||
		!strings.Contains(r.header.Get("Content-Security-Policy"), "img-src 'self' data: blob: https://*.tiles.example.cn;") {
		t.Errorf("configured tiles: %s %s", r.raw, r.header.Get("Content-Security-Policy"))
	}

	// Every district comes with the centre the picker opens on.
	regions := e.mustStatus(req{method: "GET", path: "/api/v1/meta/regions?parent=371600"}, 200)
	if !strings.Contains(regions.raw, `"code":"371602","name":"滨城区","lat":37.4307,"lng":118.0193`) {
		t.Errorf("regions lack centres: %.300s", regions.raw)
	}
}

func TestMapTileURLValidated(t *testing.T) {
	for _, bad := range []string{"tiles.example.cn/{z}/{x}/{y}.png", "https://tiles.example.cn/tile.png", "javascript:alert(1)//{z}{x}{y}"} {
		_, err := config.Load(func(k string) (string, bool) { return bad, k == "MAP_TILE_URL" })
		if err == nil || !strings.Contains(err.Error(), "MAP_TILE_URL") {
			t.Errorf("%q accepted: %v", bad, err)
		}
	}
}
