package pgsearch

import (
	"math"
	"strconv"
	"strings"

	"doorstep/search"
)

// builder collects SQL fragments and their bind parameters; values only ever
// travel as parameters, never inside the SQL text.
type builder struct {
	conds []string
	args  []any
}

func (b *builder) arg(v any) string {
	b.args = append(b.args, v)
	return "$" + strconv.Itoa(len(b.args))
}

func (b *builder) where() string {
	if len(b.conds) == 0 {
		return "TRUE"
	}
	return strings.Join(b.conds, " AND ")
}

// plan is the SQL of one search: counts per craft × province × deposit kind
// over the filtered set (their sums are the facets and the total) and the
// page's hits.
type plan struct {
	page, facets        string
	pageArgs, facetArgs []any
}

const kmPerDegree = 6371.0088 * math.Pi / 180

// distanceSQL is the haversine distance in km from (lat, lng) to the row.
func distanceSQL(lat, lng string) string {
	return "(2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(lat - " + lat + ") / 2), 2) + cos(radians(" + lat +
		")) * cos(radians(lat)) * power(sin(radians(lng - " + lng + ") / 2), 2)))))"
}

// Both statements of a plan return rows of (craft, province, deposit kind,
// count, doc, distance, rank); counts rows have no doc, hit rows no count.
const (
	groups = "SELECT craft, province_code, deposit_kind, "
	noHit  = ", NULL::jsonb, NULL::float8, 0::int8"
)

// buildPlan turns a validated query (defaults applied) into SQL.
func buildPlan(q search.Query) plan {
	var b builder
	f := addFilters(&b, q)
	where := b.where()
	p := plan{
		facets:    groups + "count(*)" + noHit + " FROM search_orders WHERE " + where + " GROUP BY 1, 2, 3",
		facetArgs: append([]any(nil), b.args...),
	}
	// Craft, region and deposit filters alone (the home page, browsing by
	// category) are answered from the counters instead of counting rows.
	if f.match == "" && q.PriceMin == nil && q.PriceMax == nil && q.DeadlineBefore == nil && f.dist == "" {
		p.facets = groups + "sum(n)::int8" + noHit + " FROM search_facet_counts WHERE n > 0 AND " + where + " GROUP BY 1, 2, 3"
	}
	dist := f.dist
	switch {
	case dist != "":
	case q.Near != nil: // distance shown or sorted on, not filtered
		dist = distanceSQL(b.arg(q.Near.Lat)+"::float8", b.arg(q.Near.Lng)+"::float8")
	default:
		dist = "NULL::float8"
	}
	var keys, order []string
	for i, k := range sortKeys(q, &b, f.match, f.title, dist) {
		name := "k" + strconv.Itoa(i)
		keys = append(keys, k.expr+" AS "+name)
		order = append(order, name+k.dir)
	}
	orderBy := " ORDER BY " + strings.Join(order, ", ")
	// Matches are sorted by their keys only; the (possibly out of line) docs
	// are read for the one page shown, not for every match. The page and the
	// counts are separate statements on purpose: run side by side they finish
	// sooner than one statement sharing a materialised match set, which costs
	// more to build than the second index scan it saves.
	p.page = "WITH p AS (SELECT id, dist, row_number() OVER (" + orderBy[1:] + ") AS rn FROM (SELECT id, " + dist +
		" AS dist, " + strings.Join(keys, ", ") + " FROM search_orders WHERE " + where + orderBy +
		" LIMIT " + b.arg(q.PerPage) + " OFFSET " + b.arg((q.Page-1)*q.PerPage) + ") x) " +
		"SELECT '', '', '', 0, s.doc, p.dist, p.rn FROM p JOIN search_orders s ON s.id = p.id"
	p.pageArgs = b.args
	return p
}

type filters struct{ match, title, dist string }

// addFilters adds the WHERE conditions: match is the text condition's
// tsquery placeholder, title its title-only tsquery literal, dist the distance
// expression when a radius filters.
func addFilters(b *builder, q search.Query) filters {
	var f filters
	match, title := queryTerms(search.Tokens(q.Q))
	if match != "" {
		f.match, f.title = b.arg(match)+"::tsquery", title
		b.conds = append(b.conds, "tokens @@ "+f.match)
	}
	if len(q.Crafts) > 0 {
		b.conds = append(b.conds, "craft = ANY("+b.arg(q.Crafts)+"::text[])")
	}
	if q.Region != "" {
		col := map[string]string{"province": "province_code", "city": "city_code", "district": "district_code"}[search.RegionLevel(q.Region)]
		b.conds = append(b.conds, col+" = "+b.arg(q.Region))
	}
	if q.PriceMin != nil {
		b.conds = append(b.conds, "unit_price >= "+b.arg(*q.PriceMin))
	}
	if q.PriceMax != nil {
		b.conds = append(b.conds, "unit_price <= "+b.arg(*q.PriceMax))
	}
	if q.DeadlineBefore != nil {
		b.conds = append(b.conds, "bidding_deadline <= "+b.arg(*q.DeadlineBefore))
	}
	if q.Deposit != "" {
		b.conds = append(b.conds, "deposit_kind = "+b.arg(q.Deposit))
	}
	if q.Near != nil && q.RadiusKm > 0 {
		f.dist = distanceSQL(b.arg(q.Near.Lat)+"::float8", b.arg(q.Near.Lng)+"::float8")
		b.conds = append(b.conds, boundingBox(b, *q.Near, q.RadiusKm), f.dist+" <= "+b.arg(q.RadiusKm)+"::float8")
	}
	return f
}

type sortKey struct{ expr, dir string }

// sortKeys orders a search; every order ends newest first and then by id, so
// pages never overlap or skip.
func sortKeys(q search.Query, b *builder, match, title, dist string) []sortKey {
	tail := []sortKey{{"published_at", " DESC"}, {"id", " DESC"}}
	switch q.Sort {
	case search.SortRelevance:
		if match == "" {
			return tail
		}
		// Orders matching every word in the title first, then ts_rank with
		// weights D C B A = 0.1 0.2 0.4 1.0, then the newest.
		return append([]sortKey{
			{"(tokens @@ " + b.arg(title) + "::tsquery)", " DESC"},
			{"ts_rank('{0.1, 0.2, 0.4, 1.0}', tokens, " + match + ")", " DESC"},
		}, tail...)
	case search.SortPriceAsc:
		return append([]sortKey{{"unit_price", ""}}, tail...)
	case search.SortPriceDesc:
		return append([]sortKey{{"unit_price", " DESC"}}, tail...)
	case search.SortDeadline:
		return append([]sortKey{{"bidding_deadline", ""}}, tail...)
	case search.SortDistance:
		return append([]sortKey{{dist, ""}}, tail...)
	}
	return tail
}

// boundingBox limits the rows to a box around the circle so the (lat, lng)
// index narrows them before the haversine filter; near a pole or across the
// antimeridian the box spans every longitude. Plain column ranges (not a
// GiST box) let the planner estimate the row count from column statistics:
// a geometric operator's fixed guess made it sort 8,000 rows to count them.
func boundingBox(b *builder, c search.Point, km float64) string {
	dLat := km / kmPerDegree
	minLng, maxLng := -180.0, 180.0
	if cos := math.Cos((math.Abs(c.Lat) + dLat) * math.Pi / 180); cos > 0.01 {
		if dLng := dLat / cos; c.Lng-dLng >= -180 && c.Lng+dLng <= 180 {
			minLng, maxLng = c.Lng-dLng, c.Lng+dLng
		}
	}
	return "lat BETWEEN " + b.arg(c.Lat-dLat) + "::float8 AND " + b.arg(c.Lat+dLat) + "::float8 AND lng BETWEEN " +
		b.arg(minLng) + "::float8 AND " + b.arg(maxLng) + "::float8"
}
