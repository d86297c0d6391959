package search

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParamError is an invalid search parameter; it wraps ErrInvalidQuery.
// Param is the API's name for it (per_page, near, radius_km, …).
type ParamError struct {
	Param, Reason string
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("%v: %s: %s", ErrInvalidQuery, e.Param, e.Reason)
}

func (e *ParamError) Unwrap() error { return ErrInvalidQuery }

func bad(param, format string, a ...any) error {
	return &ParamError{Param: param, Reason: fmt.Sprintf(format, a...)}
}

// common are the parameters every index's query has, with defaults applied.
type common struct {
	page, perPage int
	sort          string
	sorts         map[string]bool // the index's sort orders
	crafts        []string
	region        string
	near          *Point
	radiusKm      float64
}

// check applies the rules every index shares: paging within the result
// window, a known sort, at most MaxCrafts printable craft codes, a 6-digit
// region, a valid point, a radius only with a point, distance sort only with
// a point. Errors are *ParamError.
func (c common) check() error {
	switch {
	case c.page < 1:
		return bad("page", "must be at least 1")
	case c.perPage < 1 || c.perPage > MaxPerPage:
		return bad("per_page", "must be 1..%d", MaxPerPage)
	case int64(c.page)*int64(c.perPage) > MaxResultWindow:
		return bad("page", "too deep: at most %d results can be paged through", MaxResultWindow)
	case !c.sorts[c.sort]:
		return bad("sort", "unknown sort %q", truncate(strings.ToValidUTF8(c.sort, ""), 40))
	case len(c.crafts) > MaxCrafts:
		return bad("craft", "at most %d crafts", MaxCrafts)
	case c.region != "" && !sixDigits(c.region):
		return bad("region", "must be a 6-digit code")
	case c.near != nil && !validPoint(*c.near):
		return bad("near", "must be a valid lat,lng")
	case math.IsNaN(c.radiusKm) || c.radiusKm < 0 || c.radiusKm > MaxRadiusKm:
		return bad("radius_km", "must be 0..%d", MaxRadiusKm)
	case c.radiusKm > 0 && c.near == nil:
		return bad("near", "radius_km needs near")
	case c.sort == SortDistance && c.near == nil:
		return bad("sort", "distance sort needs near")
	}
	for _, craft := range c.crafts {
		if craft == "" || len(craft) > 64 || !utf8.ValidString(craft) || strings.ContainsFunc(craft, unicode.IsControl) {
			return bad("craft", "craft codes must be 1..64 bytes of printable text")
		}
	}
	return nil
}

// withDefaults fills what a caller may leave zero: page 1, DefaultPerPage, relevance.
func withDefaults(page, perPage *int, sort *string) {
	if *page == 0 {
		*page = 1
	}
	if *perPage == 0 {
		*perPage = DefaultPerPage
	}
	if *sort == "" {
		*sort = SortRelevance
	}
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
