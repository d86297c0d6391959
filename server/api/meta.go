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

// RegionsRequest picks part of the division tree; with neither field, the provinces.
type RegionsRequest struct {
	// Parent is a province or city code: everything under it (cities with their districts, or districts).
	Parent string `query:"parent"`
	// Q is part of a division's name: the matching divisions (at most 20) with their full paths and what lies under them.
	Q string `query:"q"`
}

// regionSearchLimit keeps a one-character search's answer small.
const regionSearchLimit = 20

// regions answers from data that changes only with a deploy: cached for a
// day, then revalidated with the data's version as ETag (a 304 costs a
// round trip and no body).
func (s *Server) regions(c *Call, req *RegionsRequest) (RegionsResponse, error) {
	c.Header("Cache-Control", "public, max-age=86400")
	c.Header("ETag", `"`+market.RegionsVersion()+`"`)
	switch {
	case req.Q != "":
		return RegionsResponse{market.SearchRegions(req.Q, regionSearchLimit)}, nil
	case req.Parent != "":
		nodes, ok := market.RegionChildren(req.Parent)
		if !ok {
			return RegionsResponse{}, market.FieldError("parent", "没有这个省份或城市", "no such province or city")
		}
		if nodes == nil {
			nodes = []market.RegionNode{}
		}
		return RegionsResponse{nodes}, nil
	}
	return RegionsResponse{market.RegionProvinces()}, nil
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
