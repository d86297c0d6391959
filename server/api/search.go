package api

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"doorstep/search"
	"doorstep/server/market"
)

// SearchOrdersRequest is the raw query string; every parameter is parsed by
// hand so a bad one gets a 400 that names it.
type SearchOrdersRequest struct {
	Q              string `query:"q"`
	Craft          string `query:"craft"`
	Region         string `query:"region"`
	PriceMin       string `query:"price_min"`
	PriceMax       string `query:"price_max"`
	DeadlineBefore string `query:"deadline_before"`
	Deposit        string `query:"deposit"`
	Near           string `query:"near"`
	RadiusKm       string `query:"radius_km"`
	Sort           string `query:"sort"`
	Page           string `query:"page"`
	PerPage        string `query:"per_page"`
	// The posting company's scorecard (search/scores.go): a rate or rating
	// filter leaves out companies with fewer than 3 settled contracts.
	CompanyRejectionMax string `query:"company_rejection_max"` // percent 0..100
	CompanyOnTimeMin    string `query:"company_on_time_min"`   // percent 0..100, escrow funded on time
	CompanyRatingMin    string `query:"company_rating_min"`    // 1..5
	CompanySettledMin   string `query:"company_settled_min"`   // settled contracts
}

// SearchHit is an order card: the indexed document plus the distance when near was given.
type SearchHit struct {
	search.OrderDoc
	DistanceKm *float64 `json:"distance_km,omitempty"`
}

type SearchOrdersResponse struct {
	Hits    []SearchHit               `json:"hits"`
	Total   int                       `json:"total"`
	Page    int                       `json:"page"`
	PerPage int                       `json:"per_page"`
	Facets  map[string]map[string]int `json:"facets"`
	SearchMeta
}

func (s *Server) searchOrders(c *Call, req *SearchOrdersRequest) (SearchOrdersResponse, error) {
	q, err := parseSearch(req)
	if err != nil {
		return SearchOrdersResponse{}, err
	}
	res, err := s.engine.Search(c.Ctx, q)
	if err != nil {
		return SearchOrdersResponse{}, searchError(err)
	}
	out := SearchOrdersResponse{Hits: make([]SearchHit, 0, len(res.Hits)), Total: res.Total, Page: q.Page, PerPage: q.PerPage, Facets: res.Facets,
		SearchMeta: searchMeta(res)}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, SearchHit{OrderDoc: h.Doc, DistanceKm: h.DistanceKm})
	}
	for _, k := range []string{"craft", "province", "deposit"} {
		if out.Facets == nil {
			out.Facets = map[string]map[string]int{}
		}
		if out.Facets[k] == nil {
			out.Facets[k] = map[string]int{}
		}
	}
	return out, nil
}

func parseSearch(r *SearchOrdersRequest) (search.Query, error) {
	var v market.Validator
	q := search.Query{Q: strings.TrimSpace(r.Q), Region: r.Region, Deposit: r.Deposit, Sort: r.Sort, Page: 1, PerPage: 20}
	v.Check(utf8.ValidString(r.Q) && utf8.RuneCountInString(r.Q) <= 100, "q", "搜索词需为100字以内的文本", "q must be text of at most 100 characters")
	if r.Craft != "" {
		for _, c := range strings.Split(r.Craft, ",") {
			v.Check(market.ValidCraft(c), "craft", "手工类别无效", "unknown craft")
			q.Crafts = append(q.Crafts, c)
		}
	}
	v.Check(r.Region == "" || market.ValidRegionCode(r.Region), "region", "行政区划代码无效", "unknown region code")
	q.PriceMin = parseMoney(&v, "price_min", r.PriceMin)
	q.PriceMax = parseMoney(&v, "price_max", r.PriceMax)
	if r.DeadlineBefore != "" {
		t, err := time.Parse(time.RFC3339, r.DeadlineBefore)
		if err != nil {
			t, err = time.ParseInLocation("2006-01-02", r.DeadlineBefore, market.ChinaTime)
			t = t.Add(24*time.Hour - time.Second) // the whole day counts
		}
		v.Check(err == nil, "deadline_before", "日期格式应为 2026-12-31", "use a date like 2026-12-31")
		q.DeadlineBefore = &t
	}
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
	if q.Sort == "" {
		q.Sort = search.SortRelevance
	}
	q.Company = search.CompanyFilter{
		RejectionMax: parsePercent(&v, "company_rejection_max", r.CompanyRejectionMax),
		OnTimeMin:    parsePercent(&v, "company_on_time_min", r.CompanyOnTimeMin),
		RatingMin:    parseRating(&v, "company_rating_min", r.CompanyRatingMin),
		SettledMin:   parseCount(&v, "company_settled_min", r.CompanySettledMin),
	}
	q.Page = parseInt(&v, "page", r.Page, 1, 1, search.MaxResultWindow)
	q.PerPage = parseInt(&v, "per_page", r.PerPage, search.DefaultPerPage, 1, search.MaxResultWindow)
	if err := v.Err(); err != nil {
		return q, err
	}
	return q, searchError(q.Validate()) // the bounds the engines apply, checked once
}

func parseMoney(v *market.Validator, field, s string) *int64 {
	if s == "" {
		return nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	v.Check(err == nil && n >= 0 && n <= market.MaxUnitPrice, field, "价格需为0到1亿之间的整数（分）", "must be a whole number of fen between 0 and 100000000")
	return &n
}

// parsePercent reads a scorecard percentage bound: a number 0..100 (one
// decimal is as fine as the scorecard's own figures).
func parsePercent(v *market.Validator, field, s string) *float64 {
	if s == "" {
		return nil
	}
	n, err := strconv.ParseFloat(s, 64)
	v.Check(err == nil && n >= 0 && n <= 100, field, "需为0到100之间的百分数", "must be a percentage from 0 to 100")
	return &n
}

// parseRating reads an average-rating bound, 1..5.
func parseRating(v *market.Validator, field, s string) *float64 {
	if s == "" {
		return nil
	}
	n, err := strconv.ParseFloat(s, 64)
	v.Check(err == nil && n >= search.MinRating && n <= search.MaxRating, field, "评分需在1到5之间", "must be a rating from 1 to 5")
	return &n
}

// parseCount reads a contract-count bound.
func parseCount(v *market.Validator, field, s string) *int64 {
	if s == "" {
		return nil
	}
	n := int64(parseInt(v, field, s, 0, 0, search.MaxSettledFilter))
	return &n
}

func parseInt(v *market.Validator, field, s string, def, min, max int) int {
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	v.Check(err == nil && n >= min && n <= max, field, "需为"+strconv.Itoa(min)+"到"+strconv.Itoa(max)+"之间的整数",
		"must be a whole number from "+strconv.Itoa(min)+" to "+strconv.Itoa(max))
	return n
}

func parseLatLng(s string) (float64, float64, bool) {
	parts := strings.Split(s, ",")
	if len(parts) != 2 {
		return 0, 0, false
	}
	lat, err1 := strconv.ParseFloat(strings.TrimSpace(parts[0]), 64)
	lng, err2 := strconv.ParseFloat(strings.TrimSpace(parts[1]), 64)
	return lat, lng, err1 == nil && err2 == nil && market.ValidLatLng(lat, lng)
}
