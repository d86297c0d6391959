package search

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// WorkshopDoc is the searchable form of a community workshop: companies find
// workshops to invite by craft, region, capacity and distance. Only workshop
// organisations are ever in the index; the sync job deletes anything else.
type WorkshopDoc struct {
	ID           string  `json:"id"`
	Name         string  `json:"name"`
	Host         string  `json:"host"`          // host community, e.g. 碧林花园社区党总支
	ProvinceCode string  `json:"province_code"` // e.g. 370000
	CityCode     string  `json:"city_code"`     // e.g. 371600
	DistrictCode string  `json:"district_code"` // the workshop's own region code, e.g. 371602
	ProvinceName string  `json:"province_name"` // e.g. 山东省
	CityName     string  `json:"city_name"`     // e.g. 滨州市
	DistrictName string  `json:"district_name"` // e.g. 滨城区
	RegionName   string  `json:"region_name"`   // e.g. 山东省 滨州市 滨城区
	Lat          float64 `json:"lat"`
	Lng          float64 `json:"lng"`
	// Crafts are craft codes; the names are in the same order, for searching.
	Crafts             []string  `json:"crafts"`
	CraftNamesZH       []string  `json:"craft_names_zh"`
	CraftNamesEN       []string  `json:"craft_names_en"`
	Headcount          int       `json:"headcount"`
	WeeklyCapacity     int       `json:"weekly_capacity"` // pieces a week
	Verified           bool      `json:"verified"`
	CommunityGuarantee bool      `json:"community_guarantee"`
	CompletedContracts int       `json:"completed_contracts"`
	CreatedAt          time.Time `json:"created_at"`
}

// SortCapacity orders workshops by weekly capacity, largest first.
const SortCapacity = "capacity"

// MaxCapacity bounds a capacity filter (a workshop's capacity is an int32 column).
const MaxCapacity = math.MaxInt32

var workshopSorts = map[string]bool{"": true, SortRelevance: true, SortDistance: true, SortCapacity: true, SortNewest: true}

// WorkshopQuery is a workshop search. Zero Page, PerPage and Sort mean the
// defaults, as in Query.
type WorkshopQuery struct {
	Q           string   // free text over name, host, crafts and region; empty = everything
	Crafts      []string // craft codes (OR): a workshop matches if it offers any of them
	Region      string   // 6-digit code at any level: a province covers its cities and districts
	Near        *Point   // distance origin: adds DistanceKm to hits; needed for radius and distance sort
	RadiusKm    float64  // 0 = no radius filter
	MinCapacity *int     // weekly capacity at least this
	Verified    bool     // only verified workshops
	Guaranteed  bool     // only workshops with a community guarantee
	Sort        string   // relevance | distance | capacity | newest; "" = relevance
	Page        int      // 1-based
	PerPage     int      // 1..MaxPerPage
}

// WorkshopHit is one result.
type WorkshopHit struct {
	Doc        WorkshopDoc `json:"doc"`
	DistanceKm *float64    `json:"distance_km,omitempty"`
}

// WorkshopResult is one page of hits with facet counts over the whole
// filtered set: "craft" counts workshops per craft code (a workshop with two
// crafts counts in both), "province" per province code.
type WorkshopResult struct {
	Hits   []WorkshopHit             `json:"hits"`
	Total  int                       `json:"total"`
	Facets map[string]map[string]int `json:"facets"`
}

// WorkshopEngine is the workshop index of a search backend. It is separate
// from Engine (orders) so each can change alone; its method names do not
// clash, so one type may implement both.
type WorkshopEngine interface {
	// ApplyWorkshopSettings prepares the index (idempotent; safe at every start).
	ApplyWorkshopSettings(ctx context.Context) error
	UpsertWorkshops(ctx context.Context, docs ...WorkshopDoc) error
	DeleteWorkshop(ctx context.Context, id string) error
	SearchWorkshops(ctx context.Context, q WorkshopQuery) (WorkshopResult, error)
	// ReindexWorkshops rebuilds the whole index from docs without a window
	// where searches see an empty index.
	ReindexWorkshops(ctx context.Context, docs []WorkshopDoc) error
}

// ParamError is an invalid search parameter; it wraps ErrInvalidQuery.
// Param is the API's name for it (per_page, near, radius_km, …).
type ParamError struct {
	Param, Reason string
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("%v: %s: %s", ErrInvalidQuery, e.Param, e.Reason)
}

func (e *ParamError) Unwrap() error { return ErrInvalidQuery }

// WithDefaults fills what a caller may leave zero: page 1, DefaultPerPage, relevance.
func (q WorkshopQuery) WithDefaults() WorkshopQuery {
	if q.Page == 0 {
		q.Page = 1
	}
	if q.PerPage == 0 {
		q.PerPage = DefaultPerPage
	}
	if q.Sort == "" {
		q.Sort = SortRelevance
	}
	return q
}

// Validate checks the rules every engine relies on. Q is never rejected: the
// tokenizer drops whatever it cannot use. Errors are *ParamError, naming the
// failing parameter, and wrap ErrInvalidQuery.
func (q WorkshopQuery) Validate() error {
	bad := func(param, format string, a ...any) error {
		return &ParamError{Param: param, Reason: fmt.Sprintf(format, a...)}
	}
	q = q.WithDefaults()
	switch {
	case q.Page < 1:
		return bad("page", "must be at least 1")
	case q.PerPage < 1 || q.PerPage > MaxPerPage:
		return bad("per_page", "must be 1..%d", MaxPerPage)
	case int64(q.Page)*int64(q.PerPage) > MaxResultWindow:
		return bad("page", "too deep: at most %d results can be paged through", MaxResultWindow)
	case !workshopSorts[q.Sort]:
		return bad("sort", "unknown sort %q", truncate(strings.ToValidUTF8(q.Sort, ""), 40))
	case len(q.Crafts) > MaxCrafts:
		return bad("craft", "at most %d crafts", MaxCrafts)
	case q.Region != "" && !sixDigits(q.Region):
		return bad("region", "must be a 6-digit code")
	case q.Near != nil && !validPoint(*q.Near):
		return bad("near", "must be a valid lat,lng")
	case math.IsNaN(q.RadiusKm) || q.RadiusKm < 0 || q.RadiusKm > MaxRadiusKm:
		return bad("radius_km", "must be 0..%d", MaxRadiusKm)
	case q.RadiusKm > 0 && q.Near == nil:
		return bad("near", "radius_km needs near")
	case q.Sort == SortDistance && q.Near == nil:
		return bad("sort", "distance sort needs near")
	case q.MinCapacity != nil && (*q.MinCapacity < 0 || *q.MinCapacity > MaxCapacity):
		return bad("min_capacity", "must be 0..%d", MaxCapacity)
	}
	for _, c := range q.Crafts {
		if c == "" || len(c) > 64 || !utf8.ValidString(c) || strings.ContainsFunc(c, unicode.IsControl) {
			return bad("craft", "craft codes must be 1..64 bytes of printable text")
		}
	}
	return nil
}

// WorkshopText is the searchable text of a workshop by weight: the name, then
// what it does and who hosts it, then where it is. Both engines index these
// same fields, so a word matches in either or in neither.
func WorkshopText(d WorkshopDoc) (name, crafts, place string) {
	crafts = strings.Join(append(append(append([]string(nil), d.CraftNamesZH...), d.CraftNamesEN...), d.Host), "\n")
	return d.Name, crafts, d.RegionName
}
