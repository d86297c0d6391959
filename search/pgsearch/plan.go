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

const kmPerDegree = search.EarthRadiusKm * math.Pi / 180

// distanceSQL is the haversine distance in km from (lat, lng) to the row.
func distanceSQL(lat, lng string) string {
	return "(2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(lat - " + lat + ") / 2), 2) + cos(radians(" + lat +
		")) * cos(radians(lat)) * power(sin(radians(lng - " + lng + ") / 2), 2)))))"
}

// chordSQL is the squared distance through the earth, on the unit sphere,
// from p to the row (geo_x, geo_y, geo_z; migrations/00007_search_perf.sql).
// It grows with the great-circle distance, so it filters by radius and sorts
// by distance exactly as the haversine distance would, for a few
// multiplications instead of nine trigonometric calls per row.
func chordSQL(b *builder, p search.Point) string {
	lat, lng := p.Lat*math.Pi/180, p.Lng*math.Pi/180
	var terms []string
	for _, c := range []struct {
		col string
		v   float64
	}{{"geo_x", math.Cos(lat) * math.Cos(lng)}, {"geo_y", math.Cos(lat) * math.Sin(lng)}, {"geo_z", math.Sin(lat)}} {
		d := "(" + c.col + " - " + b.arg(c.v) + "::float8)"
		terms = append(terms, d+" * "+d)
	}
	return "(" + strings.Join(terms, " + ") + ")"
}

// nearestPageSQL is the page of a search by distance (nearest first, then
// newest, then by id). Postgres 15 walks a GiST index nearest first only
// when the distance is the whole ORDER BY, so the nearest offset+limit
// matches come from that walk (n); every match nearer than the farthest of
// them is among them, and the matches exactly as far (ties, which the
// walk cut anywhere) are read again through the index, from a box around
// the point that holds them all. The page is those, in the full order.
func nearestPageSQL(b *builder, q search.Query, where string) string {
	lat, lng := q.Near.Lat*math.Pi/180, q.Near.Lng*math.Pi/180
	at := b.arg([]float64{math.Cos(lat) * math.Cos(lng), math.Cos(lat) * math.Sin(lng), math.Sin(lat)}) + "::float8[]"
	point, dist := "cube(ARRAY[geo_x, geo_y, geo_z])", "(cube(ARRAY[geo_x, geo_y, geo_z]) <-> cube("+at+"))"
	rows := "SELECT id, lat, lng, published_at, " + dist + " AS k0 FROM search_orders WHERE " + where
	limit := " LIMIT " + b.arg(q.PerPage) + " OFFSET " + b.arg((q.Page-1)*q.PerPage)
	return "WITH n AS MATERIALIZED (" + rows + " ORDER BY k0 LIMIT " + b.arg(q.Page*q.PerPage) + "), " +
		"far AS (SELECT max(k0) AS k FROM n), " +
		"c AS (SELECT * FROM n WHERE k0 < (SELECT k FROM far) UNION ALL " + rows +
		" AND " + point + " <@ cube_enlarge(cube(" + at + "), (SELECT k FROM far) * 1.000001 + 1e-12, 3) AND " + dist + " = (SELECT k FROM far)), " +
		"p AS (SELECT id, lat, lng, row_number() OVER (ORDER BY k0, published_at DESC, id DESC) AS rn FROM " +
		"(SELECT * FROM c ORDER BY k0, published_at DESC, id DESC" + limit + ") x) " + hitsSQL(b, q)
}

// knnSQL is the straight-line distance on the unit sphere from p to the row,
// written as the GiST index search_orders_knn_idx is
// (migrations/00063_search_knn.sql), so that ORDER BY it reads the nearest
// rows from the index first instead of sorting every row. It orders as the
// chord, and so as the great-circle distance.
func knnSQL(b *builder, p search.Point) string {
	lat, lng := p.Lat*math.Pi/180, p.Lng*math.Pi/180
	at := []float64{math.Cos(lat) * math.Cos(lng), math.Cos(lat) * math.Sin(lng), math.Sin(lat)}
	return "(cube(ARRAY[geo_x, geo_y, geo_z]) <-> cube(" + b.arg(at) + "::float8[]))"
}

// chordLimit is the squared unit-sphere chord of a great-circle distance.
func chordLimit(km float64) float64 {
	half := min(km/search.EarthRadiusKm, math.Pi) / 2
	return 4 * math.Sin(half) * math.Sin(half)
}

// Both statements of a plan return rows of (craft, province, deposit kind,
// count, doc, distance, rank); counts rows have no doc, hit rows no count.
const (
	groups = "SELECT craft, province_code, deposit_kind, "
	noHit  = ", NULL::jsonb, NULL::float8, 0::int8"
)

// buildPlan turns a validated query (defaults applied) and its analysis into SQL.
func buildPlan(q search.Query, a search.Analysis) plan {
	var b builder
	f := addFilters(&b, q, a)
	where := b.where()
	p := plan{
		facets:    groups + "count(*)" + noHit + " FROM search_orders WHERE " + where + " GROUP BY 1, 2, 3",
		facetArgs: append([]any(nil), b.args...),
	}
	// Craft, region and deposit filters alone (the home page, browsing by
	// category) are answered from the counters instead of counting rows.
	if f.match == "" && q.PriceMin == nil && q.PriceMax == nil && q.DeadlineBefore == nil && f.chord == "" && !q.Company.Any() {
		p.facets = groups + "sum(n)::int8" + noHit + " FROM search_facet_counts WHERE n > 0 AND " + where + " GROUP BY 1, 2, 3"
	}
	if q.Sort == search.SortDistance {
		p.page = nearestPageSQL(&b, q, where)
		p.pageArgs = b.args
		return p
	}
	var keys, order []string
	for i, k := range sortKeys(q, &b, f) {
		name := "k" + strconv.Itoa(i)
		keys = append(keys, k.expr+" AS "+name)
		order = append(order, name+k.dir)
	}
	orderBy := " ORDER BY " + strings.Join(order, ", ")
	limit := " LIMIT " + b.arg(q.PerPage) + " OFFSET " + b.arg((q.Page-1)*q.PerPage)
	// Matches are sorted by their keys only; the docs and the distances shown
	// are read for the one page, not for every match. The page and the counts
	// are separate statements on purpose: run side by side they finish sooner
	// than one statement sharing a materialised match set, which costs more
	// to build than the second reading of the matches it saves (measured
	// again at 100,000 orders: 4.6 ms for 编织网兜 against 2.4 and 1.5 ms).
	at := position(q)
	p.page = "WITH p AS (SELECT id, " + at + "row_number() OVER (" + orderBy[1:] + ") AS rn FROM (SELECT id, " + at +
		strings.Join(keys, ", ") + " FROM search_orders WHERE " + where + orderBy + limit + ") x) " + hitsSQL(&b, q)
	p.pageArgs = b.args
	return p
}

// position is the columns a page carries for the distance shown: none
// without near, so that a page read from an index that lacks them needs no
// row.
func position(q search.Query) string {
	if q.Near == nil {
		return ""
	}
	return "lat, lng, "
}

// hitsSQL turns the page p (id, position, rn) into hit rows: the document
// and, with near, the distance shown.
func hitsSQL(b *builder, q search.Query) string {
	dist := "NULL::float8"
	if q.Near != nil {
		dist = distanceSQL(b.arg(q.Near.Lat)+"::float8", b.arg(q.Near.Lng)+"::float8")
	}
	return "SELECT '', '', '', 0, d.doc, " + dist + ", p.rn FROM p JOIN search_order_docs d ON d.id = p.id"
}

type filters struct {
	match, title, phrase, chord string
}

// addFilters adds the WHERE conditions: match is the text condition's
// tsquery placeholder, title its title-only tsquery literal, phrase the
// whole query's (empty for one word: it is the match), chord the squared
// chord expression when a radius filters.
func addFilters(b *builder, q search.Query, a search.Analysis) filters {
	var f filters
	match, title, phrase := queryTerms(a)
	if match != "" {
		f.match, f.title = b.arg(match)+"::tsquery", title
		b.conds = append(b.conds, "tokens @@ "+f.match)
		if len(a.Words) > 1 {
			f.phrase = phrase
		}
	}
	b.conds = append(b.conds, otherFilters(b, q, &f)...)
	return f
}

// otherFilters are the conditions besides the text: craft, region and
// deposit kind (countedFilters), price, deadline and radius.
func otherFilters(b *builder, q search.Query, f *filters) []string {
	conds := countedFilters(b, q)
	if q.PriceMin != nil {
		conds = append(conds, "unit_price >= "+b.arg(*q.PriceMin))
	}
	if q.PriceMax != nil {
		conds = append(conds, "unit_price <= "+b.arg(*q.PriceMax))
	}
	if q.DeadlineBefore != nil {
		conds = append(conds, "bidding_deadline <= "+b.arg(*q.DeadlineBefore))
	}
	conds = append(conds, companyFilters(b, q.Company)...)
	if q.Near != nil && q.RadiusKm > 0 {
		f.chord = chordSQL(b, *q.Near)
		conds = append(conds, boundingBox(b, *q.Near, q.RadiusKm), f.chord+" <= "+b.arg(chordLimit(q.RadiusKm))+"::float8")
	}
	return conds
}

// companyFilters are the conditions on the company's scorecard: a NULL
// figure (too few settled contracts) fails every comparison, so a rate or
// rating filter excludes it (search/scores.go).
func companyFilters(b *builder, f search.CompanyFilter) []string {
	var conds []string
	if f.RejectionMax != nil {
		conds = append(conds, "company_rejection_pct <= "+b.arg(*f.RejectionMax)+"::float8")
	}
	if f.OnTimeMin != nil {
		conds = append(conds, "company_on_time_pct >= "+b.arg(*f.OnTimeMin)+"::float8")
	}
	if f.RatingMin != nil {
		conds = append(conds, "company_rating >= "+b.arg(*f.RatingMin)+"::float8")
	}
	if f.SettledMin != nil {
		conds = append(conds, "company_settled >= "+b.arg(*f.SettledMin)+"::int8")
	}
	return conds
}

// countedFilters are the conditions on columns that both counter tables
// have (craft, region, deposit kind).
func countedFilters(b *builder, q search.Query) []string {
	var conds []string
	if len(q.Crafts) > 0 {
		conds = append(conds, "craft = ANY("+b.arg(q.Crafts)+"::text[])")
	}
	if q.Region != "" {
		col := map[string]string{"province": "province_code", "city": "city_code", "district": "district_code"}[search.RegionLevel(q.Region)]
		conds = append(conds, col+" = "+b.arg(q.Region))
	}
	if q.Deposit != "" {
		conds = append(conds, "deposit_kind = "+b.arg(q.Deposit))
	}
	return conds
}

type sortKey struct{ expr, dir string }

// sortKeys orders a search; every order ends newest first and then by id, so
// pages never overlap or skip.
func sortKeys(q search.Query, b *builder, f filters) []sortKey {
	tail := []sortKey{{"published_at", " DESC"}, {"id", " DESC"}}
	switch q.Sort {
	case search.SortRelevance:
		if f.match == "" {
			return tail
		}
		// Orders holding the query as one phrase first (Meilisearch's
		// proximity rule), then those with every word in the title (its
		// attribute rule), then ts_rank with weights D C B A = 0.1 0.2 0.4
		// 1.0, then the newest.
		keys := []sortKey{
			{"(tokens @@ " + b.arg(f.title) + "::tsquery)", " DESC"},
			{"ts_rank('{0.1, 0.2, 0.4, 1.0}', tokens, " + f.match + ")", " DESC"},
		}
		if f.phrase != "" {
			keys = append([]sortKey{{"(tokens @@ " + b.arg(f.phrase) + "::tsquery)", " DESC"}}, keys...)
		}
		return append(keys, tail...)
	case search.SortPriceAsc:
		return append([]sortKey{{"unit_price", ""}}, tail...)
	case search.SortPriceDesc:
		return append([]sortKey{{"unit_price", " DESC"}}, tail...)
	case search.SortDeadline:
		return append([]sortKey{{"bidding_deadline", ""}}, tail...)
	case search.SortCompanyRating: // without a rating (too few settled contracts) last
		return append([]sortKey{{"company_rating", " DESC NULLS LAST"}}, tail...)
	case search.SortCompanyRejection:
		return append([]sortKey{{"company_rejection_pct", " ASC NULLS LAST"}}, tail...)
	case search.SortDistance: // nearestPageSQL's order, for any other caller
		return append([]sortKey{{knnSQL(b, *q.Near), ""}}, tail...)
	}
	return tail
}

// boundingBox limits the rows to a box around the circle so the (lat, lng)
// index narrows them before the distance filter; near a pole or across the
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

// One-word searches (migrations/00007_search_perf.sql): search_term_counts
// has the total and the facets, and ranks the matches in tiers, so a page of
// a word found in a quarter of the orders reads a few index rows and the
// page's orders instead of every match.

// countedWord is the word whose counters answer q: one word of one variant
// (synonyms no order holds are pruned first) that is one token and not a
// one-character prefix, with no filter the counters do not have (price,
// deadline, radius, a city or district, the company's scorecard).
func countedWord(q search.Query, a search.Analysis) (string, bool) {
	if len(a.Words) != 1 || len(a.Words[0].Variants) != 1 || len(a.Words[0].Around) > 0 {
		return "", false
	}
	toks := search.Tokens(a.Words[0].Variants[0])
	if len(toks) != 1 || isPrefix(toks[0]) || q.PriceMin != nil || q.PriceMax != nil || q.DeadlineBefore != nil || q.Company.Any() ||
		q.RadiusKm > 0 || (q.Region != "" && search.RegionLevel(q.Region) != "province") {
		return "", false
	}
	return toks[0], true
}

// wordCountsSQL returns rows of (tier, craft, province, deposit kind, count
// under the filters, count in all orders, orders in the table), one grouping
// at a time: a tier's row has only the tier, a craft's only the craft, and so
// on. The table size is the planner's estimate; it only chooses plans.
func wordCountsSQL(q search.Query, word string) (string, []any) {
	var b builder
	lexeme := b.arg(word)
	b.conds = countedFilters(&b, q)
	return "SELECT tier, craft, province_code, deposit_kind, coalesce(sum(n) FILTER (WHERE " + b.where() + "), 0)::int8, " +
		"sum(n)::int8, (SELECT reltuples::int8 FROM pg_class WHERE oid = 'search_orders'::regclass) " +
		"FROM search_term_counts WHERE lexeme = " + lexeme +
		" GROUP BY GROUPING SETS ((tier), (craft), (province_code), (deposit_kind))", b.args
}

// tierCount is how many orders hold a word in one tier: n under the filters,
// all without them.
type tierCount struct {
	tier   int
	n, all int64
}

// window is the part of a page that one tier fills: its hits offset..offset+limit
// in newest-first order. walk reads the tier by walking the published_at
// index; otherwise the orders holding the word in the tier's title and B
// fields come from the weights index (or, for a tier of neither, every order
// holding the word from the word index), and the tier's are sorted.
type window struct {
	tier, offset, limit int
	walk                bool
}

// indexed is the part of a tier the weights index finds: its title and B bits.
func indexed(tier int) int { return tier & 6 }

// windows cuts the page [offset, offset+limit) of the ranked matches into
// tiers (7 first) and picks the cheaper way to read each: walking newest
// first visits about (offset+limit) × orders / n rows, the weights index the
// orders of every tier that has the tier's title and B bits.
func windows(tiers []tierCount, offset, limit int, orders int64) []window {
	var ws []window
	for _, t := range tiers { // sorted by tier, highest first
		if limit == 0 {
			break
		}
		if t.n == 0 {
			continue
		}
		if int64(offset) >= t.n {
			offset -= int(t.n)
			continue
		}
		w := window{tier: t.tier, offset: offset, limit: min(limit, int(t.n)-offset)}
		// Measured at 100,000 orders, a walked row and an order read through
		// the index cost about the same (1.5-3 µs): the walk reads rows in
		// index order, one page each, the index reads them in page order but
		// every one of them, and sorts them.
		walked := float64(w.offset+w.limit) * float64(orders) / float64(t.n)
		var read int64
		for _, u := range tiers {
			if indexed(u.tier)&indexed(t.tier) == indexed(t.tier) {
				read += u.all
			}
		}
		w.walk = orders > 0 && walked < float64(read)
		ws = append(ws, w)
		limit -= w.limit
		offset = 0
	}
	return ws
}

// tierPageSQL is the page of a one-word relevance search: each window's
// members newest first, tiers in rank order. Every window tests the rows'
// tsvector with the tier's weighted tsquery, hidden from the GIN index by the
// cast, which also gives it the planner's default 1/3 selectivity: alone (a
// walk) the planner walks the published_at index; with the weights index's
// conditions it reads those, and the matches are sorted outside an OFFSET 0
// fence so that they are never walked.
func tierPageSQL(q search.Query, word string, ws []window) (string, []any) {
	var b builder
	filters := countedFilters(&b, q)
	at := position(q)
	var lexeme string
	parts := make([]string, 0, len(ws))
	for _, w := range ws {
		conds := []string{"(tokens @@ " + b.arg(tierQuery(word, w.tier)) + "::tsquery)::int >= 1"}
		if !w.walk {
			if lexeme == "" {
				var l strings.Builder
				writeLexeme(&l, word)
				lexeme = b.arg(l.String()) + "::tsquery"
			}
			if w.tier&4 != 0 {
				conds = append(conds, "ts_filter(tokens, '{a}') @@ "+lexeme)
			}
			if w.tier&2 != 0 {
				conds = append(conds, "ts_filter(tokens, '{b}') @@ "+lexeme)
			}
			if indexed(w.tier) == 0 {
				conds = append(conds, "tokens @@ "+lexeme)
			}
		}
		where := strings.Join(append(conds, filters...), " AND ")
		from := "search_orders WHERE " + where
		if !w.walk {
			from = "(SELECT id, " + at + "published_at FROM search_orders WHERE " + where + " OFFSET 0) m"
		}
		parts = append(parts, "(SELECT id, "+at+"published_at, "+strconv.Itoa(w.tier)+" AS tier FROM "+from+
			" ORDER BY published_at DESC, id DESC LIMIT "+b.arg(w.limit)+" OFFSET "+b.arg(w.offset)+")")
	}
	return "WITH p AS (SELECT id, " + at + "row_number() OVER (ORDER BY tier DESC, published_at DESC, id DESC) AS rn FROM (" +
		strings.Join(parts, " UNION ALL ") + ") u) " + hitsSQL(&b, q), b.args
}
