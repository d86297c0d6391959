package search

import (
	"slices"
	"strings"
)

// Limits shared by both engines.
const (
	DefaultPerPage = 20
	MaxPerPage     = 50
	// MaxResultWindow is the deepest hit a page may reach: Meilisearch's
	// pagination.maxTotalHits, so both engines serve the same pages.
	MaxResultWindow = 10000
	MaxCrafts       = 20
	MaxRadiusKm     = 1000 // a province and more: a community workshop works nearby
)

var depositKinds = map[string]bool{"": true, "none": true, "fixed": true, "per_unit": true, "percent_of_material": true}

var sortOrders = map[string]bool{"": true, SortRelevance: true, SortPriceDesc: true, SortPriceAsc: true,
	SortDeadline: true, SortNewest: true, SortDistance: true, SortCompanyRating: true, SortCompanyRejection: true}

// OrderSorts are the sort orders an order search takes, for documentation.
func OrderSorts() []string { return keysOf(sortOrders) }

// WorkshopSorts are the sort orders a workshop search takes, for documentation.
func WorkshopSorts() []string { return keysOf(workshopSorts) }

// DepositKinds are the deposit filters an order search takes, for documentation.
func DepositKinds() []string { return keysOf(depositKinds) }

func keysOf(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		if k != "" {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// WithDefaults fills what a caller may leave zero: page 1, DefaultPerPage, relevance.
func (q Query) WithDefaults() Query {
	withDefaults(&q.Page, &q.PerPage, &q.Sort)
	return q
}

// Validate checks the rules every engine relies on (zero Page, PerPage and
// Sort mean the defaults). Q is never rejected: the analyser drops whatever
// it cannot use. Errors are *ParamError and wrap ErrInvalidQuery.
func (q Query) Validate() error {
	q = q.WithDefaults()
	err := common{page: q.Page, perPage: q.PerPage, sort: q.Sort, sorts: sortOrders, crafts: q.Crafts,
		region: q.Region, near: q.Near, radiusKm: q.RadiusKm}.check()
	switch {
	case err != nil:
		return err
	case !depositKinds[q.Deposit]:
		return bad("deposit", "unknown deposit kind %q", truncate(strings.ToValidUTF8(q.Deposit, ""), 40))
	case q.PriceMin != nil && *q.PriceMin < 0:
		return bad("price_min", "must not be negative")
	case q.PriceMax != nil && *q.PriceMax < 0:
		return bad("price_max", "must not be negative")
	case q.PriceMin != nil && q.PriceMax != nil && *q.PriceMin > *q.PriceMax:
		return bad("price_max", "below price_min")
	}
	return q.Company.check()
}
