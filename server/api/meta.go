package api

import (
	"doorstep/server/accounts"
	"doorstep/server/market"
)

type CraftsResponse struct {
	Items []market.Craft `json:"items"`
}

func (s *Server) crafts(c *Call, _ *struct{}) (CraftsResponse, error) {
	c.Header("Cache-Control", "public, max-age=3600")
	return CraftsResponse{market.Crafts()}, nil
}

type RegionsResponse struct {
	Items []market.RegionNode `json:"items"`
}

func (s *Server) regions(c *Call, _ *struct{}) (RegionsResponse, error) {
	c.Header("Cache-Control", "public, max-age=86400")
	return RegionsResponse{market.RegionTree()}, nil
}

func (s *Server) publicStats(c *Call, _ *struct{}) (accounts.PublicStats, error) {
	return s.accounts.PublicStats(c.Ctx)
}

// MapConfig is what the location picker needs to draw a map.
type MapConfig struct {
	TileURL     string `json:"tile_url"` // {z}/{x}/{y} (and maybe {s}) placeholders, Leaflet style
	Attribution string `json:"attribution"`
}

func (s *Server) mapConfig(_ *Call, _ *struct{}) (MapConfig, error) {
	return MapConfig{TileURL: s.cfg.MapTileURL, Attribution: s.cfg.MapTileAttribution}, nil
}
