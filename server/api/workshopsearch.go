package api

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"doorstep/search"
	"doorstep/server/market"
)

// SearchWorkshopsRequest is the raw query string of GET /search/workshops;
// every parameter is parsed by hand so a bad one gets a 400 that names it.
type SearchWorkshopsRequest struct {
	Q           string `query:"q"`
	Craft       string `query:"craft"` // craft codes, comma-separated (any of them)
	Region      string `query:"region"`
	Near        string `query:"near"` // lat,lng
	RadiusKm    string `query:"radius_km"`
	MinCapacity string `query:"min_capacity"` // weekly pieces
	Verified    string `query:"verified"`     // 1: verified workshops only
	Guaranteed  string `query:"guaranteed"`   // 1: workshops with a community guarantee only
	Sort        string `query:"sort"`         // relevance | distance | capacity | newest | completed | on_time | acceptance | rating
	// The workshop's scorecard (search/scores.go): a rate or rating filter
	// leaves out workshops with fewer than 3 completed contracts.
	CompletedMin  string `query:"completed_min"`  // contracts completed
	OnTimeMin     string `query:"on_time_min"`    // percent 0..100
	AcceptanceMin string `query:"acceptance_min"` // percent 0..100
	RatingMin     string `query:"rating_min"`     // 1..5
	Page          string `query:"page"`
	PerPage       string `query:"per_page"`
}

// WorkshopSearchHit is a workshop card (docs/api-bidding.md, WorkshopHit).
type WorkshopSearchHit struct {
	ID                 string   `json:"id"`
	Name               string   `json:"name"`
	Host               string   `json:"host"`
	RegionCode         string   `json:"region_code"`
	RegionName         string   `json:"region_name"`
	Crafts             []string `json:"crafts"`
	Headcount          int      `json:"headcount"`
	WeeklyCapacity     int      `json:"weekly_capacity"`
	Verified           bool     `json:"verified"`
	CommunityGuarantee bool     `json:"community_guarantee"`
	CompletedContracts int      `json:"completed_contracts"`
	// Scorecard figures, null below 3 completed contracts (or without basis).
	OnTimePct     *float64 `json:"on_time_pct"`
	AcceptancePct *float64 `json:"acceptance_pct"`
	Rating        *float64 `json:"rating"`
	DistanceKm    *float64 `json:"distance_km,omitempty"`
}

type SearchWorkshopsResponse struct {
	Hits    []WorkshopSearchHit       `json:"hits"`
	Total   int                       `json:"total"`
	Page    int                       `json:"page"`
	PerPage int                       `json:"per_page"`
	Facets  map[string]map[string]int `json:"facets"` // craft and province: code → workshops
	SearchMeta
}

func (s *Server) searchWorkshops(c *Call, req *SearchWorkshopsRequest) (SearchWorkshopsResponse, error) {
	q, err := parseWorkshopSearch(req)
	if err != nil {
		return SearchWorkshopsResponse{}, err
	}
	res, err := s.workshops.SearchWorkshops(c.Ctx, q)
	if err != nil {
		return SearchWorkshopsResponse{}, searchError(err)
	}
	out := SearchWorkshopsResponse{Hits: make([]WorkshopSearchHit, 0, len(res.Hits)), Total: res.Total,
		Page: q.Page, PerPage: q.PerPage, Facets: map[string]map[string]int{"craft": {}, "province": {}}, SearchMeta: searchMeta(res)}
	for _, h := range res.Hits {
		d := h.Doc
		out.Hits = append(out.Hits, WorkshopSearchHit{ID: d.ID, Name: d.Name, Host: d.Host, RegionCode: d.DistrictCode,
			RegionName: d.RegionName, Crafts: nonNilStrings(d.Crafts), Headcount: d.Headcount, WeeklyCapacity: d.WeeklyCapacity,
			Verified: d.Verified, CommunityGuarantee: d.CommunityGuarantee, CompletedContracts: d.CompletedContracts,
			OnTimePct: d.OnTimePct, AcceptancePct: d.AcceptancePct, Rating: d.Rating, DistanceKm: wholeKm(h.DistanceKm)})
	}
	for k := range out.Facets {
		for code, n := range res.Facets[k] {
			if n > 0 {
				out.Facets[k][code] = n
			}
		}
	}
	return out, nil
}

// maxWeeklyCapacity is the largest capacity a workshop can register (market.applyOrg).
const maxWeeklyCapacity = 10000000

func parseWorkshopSearch(r *SearchWorkshopsRequest) (search.WorkshopQuery, error) {
	var v market.Validator
	q := search.WorkshopQuery{Q: strings.TrimSpace(r.Q), Region: r.Region, Sort: r.Sort}
	v.Check(utf8.ValidString(r.Q) && utf8.RuneCountInString(r.Q) <= 100, "q", "搜索词需为100字以内的文本", "q must be text of at most 100 characters")
	if r.Craft != "" {
		crafts := strings.Split(r.Craft, ",")
		v.Check(len(crafts) <= search.MaxCrafts, "craft", "手工类别过多", "too many crafts")
		for _, c := range crafts {
			v.Check(market.ValidCraft(c), "craft", "手工类别无效", "unknown craft")
		}
		if !v.Has("craft") {
			q.Crafts = crafts
		}
	}
	v.Check(r.Region == "" || market.ValidRegionCode(r.Region), "region", "行政区划代码无效", "unknown region code")
	if r.Near != "" {
		lat, lng, ok := parseLatLng(r.Near)
		v.Check(ok, "near", "位置格式应为 纬度,经度", "near must be lat,lng")
		q.Near = &search.Point{Lat: lat, Lng: lng}
	}
	if r.RadiusKm != "" {
		km, err := strconv.ParseFloat(r.RadiusKm, 64)
		v.Check(err == nil && km > 0, "radius_km", "半径应为大于0的公里数", "radius_km must be a number of km above 0")
		q.RadiusKm = km
	}
	if r.MinCapacity != "" {
		n := parseInt(&v, "min_capacity", r.MinCapacity, 0, 0, maxWeeklyCapacity)
		q.MinCapacity = &n
	}
	q.Verified = parseFlag(&v, "verified", r.Verified)
	q.Guaranteed = parseFlag(&v, "guaranteed", r.Guaranteed)
	if q.Sort == "" {
		q.Sort = search.SortRelevance
	}
	q.Scores = search.WorkshopFilter{
		CompletedMin:  parseCount(&v, "completed_min", r.CompletedMin),
		OnTimeMin:     parsePercent(&v, "on_time_min", r.OnTimeMin),
		AcceptanceMin: parsePercent(&v, "acceptance_min", r.AcceptanceMin),
		RatingMin:     parseRating(&v, "rating_min", r.RatingMin),
	}
	q.Page = parseInt(&v, "page", r.Page, 1, 1, search.MaxResultWindow)
	q.PerPage = parseInt(&v, "per_page", r.PerPage, search.DefaultPerPage, 1, search.MaxResultWindow)
	if err := v.Err(); err != nil {
		return search.WorkshopQuery{}, err
	}
	return q, searchError(q.Validate()) // the bounds the engines apply, checked once
}

// parseFlag reads an on/off filter: 1 or true turns it on; empty, 0 or false leave it off.
func parseFlag(v *market.Validator, field, s string) bool {
	switch s {
	case "1", "true":
		return true
	case "", "0", "false":
		return false
	}
	v.Check(false, field, "需为 1 或 0", "must be 1 or 0")
	return false
}

// wholeKm rounds a public distance to whole kilometres (at least 1), so that
// a few searches from different points cannot pin down a workshop's map point.
func wholeKm(d *float64) *float64 {
	if d == nil {
		return nil
	}
	km := max(1, math.Round(*d))
	return &km
}
