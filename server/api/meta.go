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
