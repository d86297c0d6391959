package meili

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/meilisearch/meilisearch-go"

	"doorstep/search"
)

// Attribute lists. Filters are built only from filterableAttributes.
var (
	searchableAttributes = []string{"title", "cjk", "tags", "craft_name_zh", "craft_name_en", "company_name", "description", "region_name"}
	filterableAttributes = []string{"craft", "province_code", "city_code", "district_code", "unit_price", "bidding_deadline", "deposit_kind", "_geo"}
	sortableAttributes   = []string{"unit_price", "bidding_deadline", "published_at", "_geo"}
	chineseAttributes    = []string{"title", "cjk", "tags", "craft_name_zh", "company_name", "description", "region_name"}
	facetAttributes      = []string{"craft", "province_code", "deposit_kind"}
)

// settings are applied (idempotently) before any document. Typo tolerance
// stays on for English craft names ("embroidey") but is off for the Chinese
// fields: a one-character "typo" in a five-character Chinese word is a
// different word, and bigrams must match exactly to keep sub-word search
// precise. Numbers get no typos either (5000 must not find 5001).
func settings() *meilisearch.Settings {
	return &meilisearch.Settings{
		// sort first: an explicit sort (price, deadline, distance) orders the
		// matches outright, as in the Postgres engine; without one, relevance
		// decides and published_at:desc breaks its ties (newest first).
		RankingRules:         []string{"sort", "words", "typo", "proximity", "attribute", "exactness", "published_at:desc"},
		SearchableAttributes: searchableAttributes,
		FilterableAttributes: filterableAttributes,
		SortableAttributes:   sortableAttributes,
		LocalizedAttributes:  []*meilisearch.LocalizedAttributes{{Locales: []string{"cmn"}, AttributePatterns: chineseAttributes}},
		TypoTolerance: &meilisearch.TypoTolerance{
			Enabled:             true,
			MinWordSizeForTypos: meilisearch.MinWordSizeForTypos{OneTypo: 5, TwoTypos: 9},
			DisableOnWords:      []string{},
			DisableOnAttributes: chineseAttributes,
			DisableOnNumbers:    true,
		},
		Pagination: &meilisearch.Pagination{MaxTotalHits: search.MaxResultWindow},
		Faceting: &meilisearch.Faceting{MaxValuesPerFacet: 100,
			SortFacetValuesBy: map[string]meilisearch.SortFacetType{"*": meilisearch.SortFacetTypeCount}},
	}
}

// queryString is what Meilisearch searches for: the query's own tokens (CJK
// bigrams, lower-cased words), space-separated. jieba keeps 编织网兜 as one
// word and Meilisearch only matches word prefixes, so 网兜 would miss it; the
// cjk field holds every bigram of the document, so a bigram query matches
// there whatever jieba made of the title. Sending the tokens alone (not the
// original text as well) keeps "all words must match" to exactly the
// Postgres engine's rule, and tokens hold no quotes or minus signs, so
// Meilisearch's phrase and negation operators can never be triggered.
// Single CJK characters go last: Meilisearch treats only the last word as a
// prefix, which lets 纸 in "A4纸" match the bigram 纸卡.
func queryString(q string) string {
	toks := search.Tokens(q)
	slices.SortStableFunc(toks, func(a, b string) int { return boolInt(singleCJK(a)) - boolInt(singleCJK(b)) })
	return strings.Join(toks, " ")
}

func singleCJK(tok string) bool {
	r, n := utf8.DecodeRuneInString(tok)
	return n == len(tok) && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// quote makes a filter string literal: backslashes and double quotes are
// escaped, so a value can never end the string and add filter syntax.
func quote(s string) string {
	s = strings.ToValidUTF8(s, "")
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// clause joins a whitelisted attribute to an operator and a value that the
// caller has quoted or formatted as a number. Anything else is a bug, and
// is dropped rather than sent.
func clause(attr, op, value string) string {
	if !slices.Contains(filterableAttributes, attr) {
		return ""
	}
	return attr + " " + op + " " + value
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// buildFilter turns a validated query into a Meilisearch filter expression.
func buildFilter(q search.Query) string {
	var and []string
	if len(q.Crafts) > 0 {
		vals := make([]string, len(q.Crafts))
		for i, c := range q.Crafts {
			vals[i] = quote(c)
		}
		and = append(and, clause("craft", "IN", "["+strings.Join(vals, ", ")+"]"))
	}
	if q.Region != "" {
		and = append(and, clause(search.RegionLevel(q.Region)+"_code", "=", quote(q.Region)))
	}
	if q.PriceMin != nil {
		and = append(and, clause("unit_price", ">=", strconv.FormatInt(*q.PriceMin, 10)))
	}
	if q.PriceMax != nil {
		and = append(and, clause("unit_price", "<=", strconv.FormatInt(*q.PriceMax, 10)))
	}
	if q.DeadlineBefore != nil {
		and = append(and, clause("bidding_deadline", "<=", num(unixSeconds(*q.DeadlineBefore))))
	}
	if q.Deposit != "" {
		and = append(and, clause("deposit_kind", "=", quote(q.Deposit)))
	}
	if q.Near != nil && q.RadiusKm > 0 {
		and = append(and, "_geoRadius("+num(q.Near.Lat)+", "+num(q.Near.Lng)+", "+num(q.RadiusKm*1000)+")")
	}
	and = slices.DeleteFunc(and, func(s string) bool { return s == "" })
	return strings.Join(and, " AND ")
}

// buildSort orders as the Postgres engine does; relevance sends no sort, so
// the ranking rules (ending in published_at:desc) decide.
func buildSort(q search.Query) []string {
	const newest = "published_at:desc"
	switch q.Sort {
	case search.SortPriceAsc:
		return []string{"unit_price:asc", newest}
	case search.SortPriceDesc:
		return []string{"unit_price:desc", newest}
	case search.SortDeadline:
		return []string{"bidding_deadline:asc", newest}
	case search.SortNewest:
		return []string{newest}
	case search.SortDistance:
		if q.Near != nil {
			return []string{"_geoPoint(" + num(q.Near.Lat) + ", " + num(q.Near.Lng) + "):asc", newest}
		}
	}
	return nil
}

// buildSearchRequest builds the request for a validated query (defaults applied).
func buildSearchRequest(q search.Query) *meilisearch.SearchRequest {
	per := int64(q.PerPage)
	req := &meilisearch.SearchRequest{
		Query:                queryString(q.Q),
		Sort:                 buildSort(q),
		Facets:               facetAttributes,
		Page:                 int64(q.Page),
		HitsPerPage:          &per, // page/hitsPerPage gives an exact total (up to maxTotalHits)
		MatchingStrategy:     meilisearch.All,
		Locales:              []string{"cmn"},
		AttributesToRetrieve: retrieved,
	}
	if f := buildFilter(q); f != "" {
		req.Filter = f
	}
	return req
}
