// Package search finds published orders. One small Engine interface has two
// implementations that pass the same conformance suite (search/searchtest):
// Meilisearch (production) and an embedded Postgres engine (the default when
// MEILI_URL is not set). See DESIGN.md, "Search".
package search

import (
	"context"
	"errors"
	"time"
)

// OrderDoc is the searchable form of a published order. Only published
// orders are ever in an index; the sync job deletes anything else.
type OrderDoc struct {
	ID                string    `json:"id"`
	Title             string    `json:"title"`
	Description       string    `json:"description"`
	Craft             string    `json:"craft"`
	CraftNameZH       string    `json:"craft_name_zh"`
	CraftNameEN       string    `json:"craft_name_en"`
	Tags              []string  `json:"tags"`
	CompanyID         string    `json:"company_id"`
	CompanyName       string    `json:"company_name"`
	CompanyVerified   bool      `json:"company_verified"`
	ProvinceCode      string    `json:"province_code"` // e.g. 370000
	CityCode          string    `json:"city_code"`     // e.g. 371600
	DistrictCode      string    `json:"district_code"` // e.g. 371602
	RegionName        string    `json:"region_name"`   // e.g. 山东省 滨州市 滨城区
	Lat               float64   `json:"lat"`
	Lng               float64   `json:"lng"`
	UnitPrice         int64     `json:"unit_price"` // fen per piece
	Quantity          int64     `json:"quantity"`
	RemainingQuantity int64     `json:"remaining_quantity"`
	MinBidQuantity    int64     `json:"min_bid_quantity"`
	BiddingDeadline   time.Time `json:"bidding_deadline"`
	DeliveryDeadline  time.Time `json:"delivery_deadline"`
	DepositKind       string    `json:"deposit_kind"`    // none | fixed | per_unit | percent_of_material
	DepositMinBid     int64     `json:"deposit_min_bid"` // deposit owed for the minimum bid quantity (fen)
	DepositWaivable   bool      `json:"deposit_waivable"`
	HourlyEquivalent  int64     `json:"hourly_equivalent"`
	BelowMinimumWage  bool      `json:"below_minimum_wage"`
	PublishedAt       time.Time `json:"published_at"`
	// The posting company's scorecard (search/scores.go): its settled
	// contracts, and figures that are null below MinSettled of them.
	CompanySettled      int64    `json:"company_contracts_settled"`
	CompanyRejectionPct *float64 `json:"company_rejection_pct"`      // rejected ÷ delivered pieces, percent
	CompanyOnTimePct    *float64 `json:"company_funded_on_time_pct"` // escrow funded on time, percent
	CompanyRating       *float64 `json:"company_rating"`             // average rating 1..5
}

// Sort orders.
const (
	SortRelevance = "relevance"
	SortPriceDesc = "price_desc"
	SortPriceAsc  = "price_asc"
	SortDeadline  = "deadline" // soonest bidding deadline first
	SortNewest    = "newest"   // most recently published first
	SortDistance  = "distance" // needs Near
)

// Point is a map position.
type Point struct{ Lat, Lng float64 }

// Query is a validated search request (validation lives in the API layer,
// Validate below is the shared rule set).
type Query struct {
	Q              string        // free text, Chinese and/or Latin; empty = everything
	Crafts         []string      // craft codes (OR)
	Region         string        // 6-digit code at any level: a province covers its cities and districts
	PriceMin       *int64        // unit price bounds, fen, inclusive
	PriceMax       *int64        //
	DeadlineBefore *time.Time    // bidding deadline at or before
	Deposit        string        // "" (any) | none | fixed | per_unit | percent_of_material
	Company        CompanyFilter // the posting company's scorecard (search/scores.go)
	Near           *Point        // distance origin: adds DistanceKm to hits; needed for radius and distance sort
	RadiusKm       float64       // 0 = no radius filter
	Sort           string        // one of the Sort* constants; "" = relevance
	Page, PerPage  int           // 1-based; PerPage 1..100
}

// Hit is one result.
type Hit struct {
	Doc        OrderDoc `json:"doc"`
	DistanceKm *float64 `json:"distance_km,omitempty"`
}

// Page is one page of hits with facet counts over the whole filtered set;
// every index returns one (orders: Result, workshops: WorkshopResult).
type Page[H any] struct {
	Hits []H `json:"hits"`
	// Total counts the matches up to MaxResultWindow; above it Total is
	// MaxResultWindow and TotalExact false (Meilisearch counts no further).
	Total      int  `json:"total"`
	TotalExact bool `json:"total_exact"`
	// Match is MatchAll, or MatchPartial when no document had every word
	// and the hits are those having MatchedWords (see Answer).
	Match        string                    `json:"match"`
	Words        []string                  `json:"words"`         // the query's words as searched
	MatchedWords []string                  `json:"matched_words"` // the words every hit has
	Facets       map[string]map[string]int `json:"facets"`
}

// Result is a page of orders. Facets: "craft" by craft code, "province" by
// province code, "deposit" by kind.
type Result = Page[Hit]

// Engine is a search backend.
type Engine interface {
	Name() string
	// ApplySettings prepares the index (idempotent; safe to call at every start).
	ApplySettings(ctx context.Context) error
	Upsert(ctx context.Context, docs ...OrderDoc) error
	Delete(ctx context.Context, ids ...string) error
	Search(ctx context.Context, q Query) (Result, error)
	// Reindex rebuilds the whole index from docs without a window where searches see an empty index.
	Reindex(ctx context.Context, docs []OrderDoc) error
	Health(ctx context.Context) error
}

// ErrInvalidQuery wraps query problems the caller should report as 400.
var ErrInvalidQuery = errors.New("invalid search query")

// ErrUnavailable: the search engine could not be reached or failed (an
// outage, not a bad query); the API answers 503 so clients retry.
var ErrUnavailable = errors.New("search engine unavailable")
