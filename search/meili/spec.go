package meili

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"doorstep/search"
)

// spec is what one index's settings and requests are made of.
type spec struct {
	noun       string   // what a document is, for errors ("order", "workshop")
	searchable []string // searchableAttributes, in ranking order
	filterable []string // filters are built only from these
	sortable   []string
	chinese    []string // searchable attributes in Chinese: cmn locale, no typos
	facets     []string
	facetNames map[string]string // Meilisearch attribute → API facet name
	newest     string            // the sort that ends every order, e.g. "published_at:desc"
	retrieved  []string          // the API document's fields: never the bigram fields
}

// settings are applied (idempotently) before any document. Typo tolerance
// stays on for English craft names ("embroidey") but is off for the Chinese
// fields: a one-character "typo" in a five-character Chinese word is a
// different word, and bigrams must match exactly to keep sub-word search
// precise. Numbers get no typos either (5000 must not find 5001). Synonyms
// are the craft synonyms (search.Synonyms), each term listed with all the
// others because Meilisearch applies a synonym one way only.
func (s *spec) settings(syn *search.Synonyms) *meilisearch.Settings {
	return &meilisearch.Settings{
		// sort first: an explicit sort (price, deadline, distance) orders the
		// matches outright, as in the Postgres engine; without one, relevance
		// decides and the newest-first sort breaks its ties.
		RankingRules:         []string{"sort", "words", "typo", "proximity", "attribute", "exactness", s.newest},
		SearchableAttributes: s.searchable,
		FilterableAttributes: s.filterable,
		SortableAttributes:   s.sortable,
		LocalizedAttributes:  []*meilisearch.LocalizedAttributes{{Locales: []string{"cmn"}, AttributePatterns: s.chinese}},
		TypoTolerance: &meilisearch.TypoTolerance{
			Enabled:             true,
			MinWordSizeForTypos: meilisearch.MinWordSizeForTypos{OneTypo: 5, TwoTypos: 9},
			DisableOnWords:      []string{},
			DisableOnAttributes: s.chinese,
			DisableOnNumbers:    true,
		},
		Pagination: &meilisearch.Pagination{MaxTotalHits: search.MaxResultWindow},
		Faceting: &meilisearch.Faceting{MaxValuesPerFacet: 100,
			SortFacetValuesBy: map[string]meilisearch.SortFacetType{"*": meilisearch.SortFacetTypeCount}},
		Synonyms: syn.Map(),
	}
}

// facetCounts renames Meilisearch's facetDistribution to the API's facet names.
func (s *spec) facetCounts(raw json.RawMessage) (map[string]map[string]int, error) {
	dist := map[string]map[string]int{}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &dist); err != nil {
			return nil, fmt.Errorf("meili: facetDistribution: %w", err)
		}
	}
	out := map[string]map[string]int{}
	for attr, name := range s.facetNames {
		out[name] = map[string]int{}
		for k, n := range dist[attr] {
			out[name][k] = n
		}
	}
	return out, nil
}

// request builds a search request for a validated query (defaults applied)
// and its analysis. page/hitsPerPage gives an exact total (up to
// maxTotalHits). The query is the analysed words separated by spaces (see
// search.Analysis.Text), with the Chinese locale, every word required
// (matchingStrategy "all", as in the Postgres engine; the partial fallback
// is search.Answer's, not a matching strategy's). With near, _geo is
// retrieved: Meilisearch adds _geoDistance to a hit only when the hit has
// its _geo and the sort has a _geoPoint.
func (s *spec) request(a search.Analysis, page, perPage int, sort []string, f *filter, near *search.Point) *meilisearch.SearchRequest {
	per := int64(perPage)
	req := &meilisearch.SearchRequest{
		Query:                a.Text(),
		Sort:                 sort,
		Facets:               s.facets,
		Page:                 int64(page),
		HitsPerPage:          &per,
		MatchingStrategy:     meilisearch.All,
		Locales:              []string{"cmn"},
		AttributesToRetrieve: s.retrieved,
	}
	if near != nil {
		req.AttributesToRetrieve = append(slices.Clone(s.retrieved), "_geo")
	}
	if expr := f.String(); expr != "" {
		req.Filter = expr
	}
	return req
}

// probes are the requests of a partial-match probe: one per word set, each
// asking only whether anything matches under the filter.
func (s *spec) probes(uid string, sets []search.Analysis, f *filter) []*meilisearch.SearchRequest {
	one := int64(1)
	out := make([]*meilisearch.SearchRequest, len(sets))
	for i, a := range sets {
		out[i] = &meilisearch.SearchRequest{IndexUID: uid, Query: a.Text(), Page: 1, HitsPerPage: &one,
			MatchingStrategy: meilisearch.All, Locales: []string{"cmn"}, AttributesToRetrieve: []string{primaryKey}}
		if expr := f.String(); expr != "" {
			out[i].Filter = expr
		}
	}
	return out
}

// sort orders as the Postgres engine does: the keys, then newest first.
// Relevance sends no sort, so the ranking rules (ending newest first) decide.
func (s *spec) sort(keys ...string) []string { return append(keys, s.newest) }

// geoSort is the ascending distance sort from p.
func geoSort(p search.Point) string {
	return "_geoPoint(" + num(p.Lat) + ", " + num(p.Lng) + "):asc"
}

// filter builds a filter expression from whitelisted attributes and values
// the caller formats as numbers or quotes with quote.
type filter struct {
	allowed []string
	and     []string
}

func (s *spec) filter() *filter { return &filter{allowed: s.filterable} }

// add appends attr op value; an attribute outside the whitelist is a bug,
// and is dropped rather than sent.
func (f *filter) add(attr, op, value string) {
	if slices.Contains(f.allowed, attr) {
		f.and = append(f.and, attr+" "+op+" "+value)
	}
}

// in matches any of vals (on an array attribute: any element).
func (f *filter) in(attr string, vals []string) {
	if len(vals) == 0 {
		return
	}
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = quote(v)
	}
	f.add(attr, "IN", "["+strings.Join(q, ", ")+"]")
}

// atLeast and atMost compare a number attribute with a bound (no-op when nil).
func (f *filter) atLeast(attr string, v *float64) {
	if v != nil {
		f.add(attr, ">=", num(*v))
	}
}

func (f *filter) atMost(attr string, v *float64) {
	if v != nil {
		f.add(attr, "<=", num(*v))
	}
}

func (f *filter) atLeastInt(attr string, v *int64) {
	if v != nil {
		f.add(attr, ">=", strconv.FormatInt(*v, 10))
	}
}

// region matches a 6-digit code at its level's column.
func (f *filter) region(code string) {
	if code != "" {
		f.add(search.RegionLevel(code)+"_code", "=", quote(code))
	}
}

// radius keeps documents within km of near (no-op without both).
func (f *filter) radius(near *search.Point, km float64) {
	if near != nil && km > 0 && slices.Contains(f.allowed, "_geo") {
		f.and = append(f.and, "_geoRadius("+num(near.Lat)+", "+num(near.Lng)+", "+num(km*1000)+")")
	}
}

func (f *filter) String() string { return strings.Join(f.and, " AND ") }

// quote makes a filter string literal: backslashes and double quotes are
// escaped, so a value can never end the string and add filter syntax.
func quote(s string) string {
	s = strings.ToValidUTF8(s, "")
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// jsonFields lists a struct's JSON field names: what a search retrieves.
func jsonFields[T any]() []string {
	var names []string
	t := reflect.TypeFor[T]()
	for i := range t.NumField() {
		names = append(names, strings.Split(t.Field(i).Tag.Get("json"), ",")[0])
	}
	return names
}

type geoPoint struct {
	Lat float64 `json:"lat"`
	Lng float64 `json:"lng"`
}

// decodeHit reads a hit into doc (a pointer to a document type) and returns
// Meilisearch's _geoDistance in metres when it sent one.
func decodeHit(h meilisearch.Hit, doc any) (geoDistance *float64, err error) {
	raw, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, doc); err != nil {
		return nil, err
	}
	var d struct {
		GeoDistance *float64 `json:"_geoDistance"`
	}
	err = json.Unmarshal(raw, &d)
	return d.GeoDistance, err
}

// distanceKm is the hit's distance from near: Meilisearch's own when it
// sorted by distance, else computed here the same way; nil without near.
func distanceKm(near *search.Point, at search.Point, geoDistance *float64) *float64 {
	if near == nil {
		return nil
	}
	km := search.DistanceKm(*near, at)
	if geoDistance != nil {
		km = *geoDistance / 1000
	}
	return &km
}

func unixSeconds(t time.Time) float64 { return float64(t.UnixMicro()) / 1e6 }

func fromUnixSeconds(s float64) time.Time { return time.UnixMicro(int64(math.Round(s * 1e6))).UTC() }
