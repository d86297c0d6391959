package search

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits shared by both engines.
const (
	DefaultPerPage = 20
	MaxPerPage     = 100
	// MaxResultWindow is the deepest hit a page may reach: Meilisearch's
	// pagination.maxTotalHits, so both engines serve the same pages.
	MaxResultWindow = 10000
	MaxCrafts       = 20
	MaxRadiusKm     = 20000 // half the earth's circumference
)

var depositKinds = map[string]bool{"": true, "none": true, "fixed": true, "per_unit": true, "percent_of_material": true}

var sortOrders = map[string]bool{"": true, SortRelevance: true, SortPriceDesc: true, SortPriceAsc: true,
	SortDeadline: true, SortNewest: true, SortDistance: true}

// WithDefaults fills what a caller may leave zero: page 1, DefaultPerPage, relevance.
func (q Query) WithDefaults() Query {
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

// Validate checks the rules every engine relies on (zero Page, PerPage and
// Sort mean the defaults). Q is never rejected: the tokenizer drops whatever
// it cannot use. Errors wrap ErrInvalidQuery.
func (q Query) Validate() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrInvalidQuery}, a...)...)
	}
	q = q.WithDefaults()
	switch {
	case q.Page < 1:
		return bad("page must be at least 1")
	case q.PerPage < 1 || q.PerPage > MaxPerPage:
		return bad("per_page must be 1..%d", MaxPerPage)
	case int64(q.Page)*int64(q.PerPage) > MaxResultWindow:
		return bad("page too deep: at most %d results can be paged through", MaxResultWindow)
	case !sortOrders[q.Sort]:
		return bad("unknown sort %q", q.Sort)
	case !depositKinds[q.Deposit]:
		return bad("unknown deposit kind %q", q.Deposit)
	case len(q.Crafts) > MaxCrafts:
		return bad("at most %d crafts", MaxCrafts)
	case q.Region != "" && !sixDigits(q.Region):
		return bad("region must be a 6-digit code")
	case q.PriceMin != nil && *q.PriceMin < 0, q.PriceMax != nil && *q.PriceMax < 0:
		return bad("prices must not be negative")
	case q.PriceMin != nil && q.PriceMax != nil && *q.PriceMin > *q.PriceMax:
		return bad("price_min above price_max")
	case q.Near != nil && !validPoint(*q.Near):
		return bad("near must be a valid lat,lng")
	case math.IsNaN(q.RadiusKm) || q.RadiusKm < 0 || q.RadiusKm > MaxRadiusKm:
		return bad("radius must be 0..%d km", MaxRadiusKm)
	case q.RadiusKm > 0 && q.Near == nil:
		return bad("radius needs near")
	case q.Sort == SortDistance && q.Near == nil:
		return bad("distance sort needs near")
	}
	for _, c := range q.Crafts {
		if c == "" || len(c) > 64 || !utf8.ValidString(c) || strings.ContainsFunc(c, unicode.IsControl) {
			return bad("craft codes must be 1..64 bytes of printable text")
		}
	}
	return nil
}

// RegionLevel tells which code column a region filter matches: a code ending
// 0000 is a province, one ending 00 a city (prefecture), anything else a district.
func RegionLevel(code string) string {
	switch {
	case len(code) == 6 && code[2:] == "0000":
		return "province"
	case len(code) == 6 && code[4:] == "00":
		return "city"
	}
	return "district"
}

func sixDigits(s string) bool {
	if len(s) != 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func validPoint(p Point) bool {
	// NaN fails every comparison, so it is rejected here too.
	return p.Lat >= -90 && p.Lat <= 90 && p.Lng >= -180 && p.Lng <= 180
}
