package search

import (
	"context"
	"math"
	"strings"
	"time"
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
	CompletedContracts int       `json:"completed_contracts"` // settled contracts
	CreatedAt          time.Time `json:"created_at"`
	// The scorecard's figures (search/scores.go): null below MinSettled
	// completed contracts.
	OnTimePct     *float64 `json:"on_time_pct"`    // last delivery by the due date ÷ settled, percent
	AcceptancePct *float64 `json:"acceptance_pct"` // accepted ÷ delivered pieces, percent
	Rating        *float64 `json:"rating"`         // average rating 1..5
}

// SortCapacity orders workshops by weekly capacity, largest first.
const SortCapacity = "capacity"

// MaxCapacity bounds a capacity filter (a workshop's capacity is an int32 column).
const MaxCapacity = math.MaxInt32

var workshopSorts = map[string]bool{"": true, SortRelevance: true, SortDistance: true, SortCapacity: true, SortNewest: true,
	SortCompleted: true, SortOnTime: true, SortAcceptance: true, SortRating: true}

// WorkshopQuery is a workshop search. Zero Page, PerPage and Sort mean the
// defaults, as in Query.
type WorkshopQuery struct {
	Q           string         // free text over name, host, crafts and region; empty = everything
	Crafts      []string       // craft codes (OR): a workshop matches if it offers any of them
	Region      string         // 6-digit code at any level: a province covers its cities and districts
	Near        *Point         // distance origin: adds DistanceKm to hits; needed for radius and distance sort
	RadiusKm    float64        // 0 = no radius filter
	MinCapacity *int           // weekly capacity at least this
	Verified    bool           // only verified workshops
	Guaranteed  bool           // only workshops with a community guarantee
	Scores      WorkshopFilter // the workshop's scorecard (search/scores.go)
	Sort        string         // relevance | distance | capacity | newest | completed | on_time | acceptance | rating; "" = relevance
	Page        int            // 1-based
	PerPage     int            // 1..MaxPerPage
}

// WorkshopHit is one result.
type WorkshopHit struct {
	Doc        WorkshopDoc `json:"doc"`
	DistanceKm *float64    `json:"distance_km,omitempty"`
}

// WorkshopResult is a page of workshops: "craft" counts workshops per craft
// code (a workshop with two crafts counts in both), "province" per province code.
type WorkshopResult = Page[WorkshopHit]

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

// WithDefaults fills what a caller may leave zero: page 1, DefaultPerPage, relevance.
func (q WorkshopQuery) WithDefaults() WorkshopQuery {
	withDefaults(&q.Page, &q.PerPage, &q.Sort)
	return q
}

// Validate checks the rules every engine relies on. Q is never rejected: the
// analyser drops whatever it cannot use. Errors are *ParamError, naming the
// failing parameter, and wrap ErrInvalidQuery.
func (q WorkshopQuery) Validate() error {
	q = q.WithDefaults()
	err := common{page: q.Page, perPage: q.PerPage, sort: q.Sort, sorts: workshopSorts, crafts: q.Crafts,
		region: q.Region, near: q.Near, radiusKm: q.RadiusKm}.check()
	if err == nil && q.MinCapacity != nil && (*q.MinCapacity < 0 || *q.MinCapacity > MaxCapacity) {
		return bad("min_capacity", "must be 0..%d", MaxCapacity)
	}
	if err == nil {
		err = q.Scores.check()
	}
	return err
}

// WorkshopText is the searchable text of a workshop by weight: the name, then
// what it does and who hosts it, then where it is. Both engines index these
// same fields, so a word matches in either or in neither.
func WorkshopText(d WorkshopDoc) (name, crafts, place string) {
	crafts = strings.Join(append(append(append([]string(nil), d.CraftNamesZH...), d.CraftNamesEN...), d.Host), "\n")
	return d.Name, crafts, d.RegionName
}
