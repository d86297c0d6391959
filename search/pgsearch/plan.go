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

// plan is the SQL of one search: a page of hits, and counts per craft ×
// province × deposit kind over the same filters (facets and total add them up).
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

// buildPlan turns a validated query (defaults applied) into SQL.
func buildPlan(q search.Query) plan {
	var b builder
	match, title := queryTerms(search.Tokens(q.Q))
	var matchPH string
	if match != "" {
		matchPH = b.arg(match) + "::tsquery"
		b.conds = append(b.conds, "tokens @@ "+matchPH)
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
	var dist string
	if q.Near != nil && q.RadiusKm > 0 {
		dist = distanceSQL(b.arg(q.Near.Lat)+"::float8", b.arg(q.Near.Lng)+"::float8")
		b.conds = append(b.conds, boundingBox(&b, *q.Near, q.RadiusKm), dist+" <= "+b.arg(q.RadiusKm)+"::float8")
	}
	where := b.where()
	const groups = "SELECT craft, province_code, deposit_kind, "
	p := plan{
		facets:    groups + "count(*) FROM search_orders WHERE " + where + " GROUP BY 1, 2, 3",
		facetArgs: append([]any(nil), b.args...),
	}
	// Craft, region and deposit filters alone (the home page, browsing by
	// category) are answered from the counters instead of counting rows.
	if match == "" && q.PriceMin == nil && q.PriceMax == nil && q.DeadlineBefore == nil && dist == "" {
		p.facets = groups + "sum(n)::int8 FROM search_facet_counts WHERE n > 0 AND " + where + " GROUP BY 1, 2, 3"
	}

	if q.Near != nil && dist == "" { // distance shown or sorted on, not filtered
		dist = distanceSQL(b.arg(q.Near.Lat)+"::float8", b.arg(q.Near.Lng)+"::float8")
	}
	if dist == "" {
		dist = "NULL::float8"
	}
	keys := sortKeys(q, &b, matchPH, title, dist)
	// The filtered set is sorted by id and keys only; the (possibly out of
	// line) docs are read for the one page shown, not for every match.
	var inner, innerOrder, outerOrder []string
	for i, k := range keys {
		name := "k" + strconv.Itoa(i)
		inner = append(inner, k.expr+" AS "+name)
		innerOrder = append(innerOrder, k.expr+k.dir)
		outerOrder = append(outerOrder, "p."+name+k.dir)
	}
	p.page = "SELECT s.doc, p.dist FROM (SELECT id, " + dist + " AS dist, " + strings.Join(inner, ", ") +
		" FROM search_orders WHERE " + where + " ORDER BY " + strings.Join(innerOrder, ", ") +
		" LIMIT " + b.arg(q.PerPage) + " OFFSET " + b.arg((q.Page-1)*q.PerPage) +
		") p JOIN search_orders s ON s.id = p.id ORDER BY " + strings.Join(outerOrder, ", ")
	p.pageArgs = b.args
	return p
}

type sortKey struct{ expr, dir string }

// sortKeys orders a search; every order ends newest first and then by id, so
// pages never overlap or skip.
func sortKeys(q search.Query, b *builder, matchPH, title, dist string) []sortKey {
	tail := []sortKey{{"published_at", " DESC"}, {"id", " DESC"}}
	switch q.Sort {
	case search.SortRelevance:
		if matchPH == "" {
			return tail
		}
		// Orders matching every word in the title first, then ts_rank with
		// weights D C B A = 0.1 0.2 0.4 1.0, then the newest.
		return append([]sortKey{
			{"(tokens @@ " + b.arg(title) + "::tsquery)", " DESC"},
			{"ts_rank('{0.1, 0.2, 0.4, 1.0}', tokens, " + matchPH + ")", " DESC"},
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

// boundingBox limits the rows to a box around the circle so the GiST index
// on point(lng, lat) narrows them before the haversine filter; near a pole or
// across the antimeridian the box spans every longitude.
func boundingBox(b *builder, c search.Point, km float64) string {
	dLat := km / kmPerDegree
	minLng, maxLng := -180.0, 180.0
	if cos := math.Cos((math.Abs(c.Lat) + dLat) * math.Pi / 180); cos > 0.01 {
		if dLng := dLat / cos; c.Lng-dLng >= -180 && c.Lng+dLng <= 180 {
			minLng, maxLng = c.Lng-dLng, c.Lng+dLng
		}
	}
	return "point(lng, lat) <@ box(point(" + b.arg(minLng) + "::float8, " + b.arg(c.Lat-dLat) + "::float8), point(" +
		b.arg(maxLng) + "::float8, " + b.arg(c.Lat+dLat) + "::float8))"
}
