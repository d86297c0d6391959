package meili

import (
	"context"
	"strconv"
	"strings"

	"github.com/meilisearch/meilisearch-go"

	"doorstep/search"
)

// Engine implements search.Engine on one Meilisearch index of orders.
type Engine struct{ *index }

var _ search.Engine = (*Engine)(nil)

// orders is the orders index's spec. The bigram fields find sub-words and
// digits inside Chinese (网兜 in 编织网兜, 2024 in 2024新款): the title's
// (cjk_title) rank with the title, the rest's (cjk) last, so that a word
// found only through them ranks by the field it came from.
var orders = &spec{
	noun: "document",
	searchable: []string{"title", "cjk_title", "tags", "craft_name_zh", "craft_name_en", "company_name", "description",
		"region_name", "cjk"},
	filterable: []string{"craft", "province_code", "city_code", "district_code", "unit_price", "bidding_deadline", "deposit_kind", "_geo",
		"company_contracts_settled", "company_rejection_pct", "company_funded_on_time_pct", "company_rating"},
	sortable:   []string{"unit_price", "bidding_deadline", "published_at", "_geo", "company_rejection_pct", "company_rating"},
	chinese:    []string{"title", "cjk_title", "tags", "craft_name_zh", "company_name", "description", "region_name", "cjk"},
	facets:     []string{"craft", "province_code", "deposit_kind"},
	facetNames: map[string]string{"craft": "craft", "province_code": "province", "deposit_kind": "deposit"},
	newest:     "published_at:desc",
	retrieved:  jsonFields[search.OrderDoc](),
}

// New returns an engine on the index indexUID. It does not connect:
// ApplySettings (or the first write) creates and configures the index.
func New(url, apiKey, indexUID string) (*Engine, error) {
	x, err := newIndex(url, apiKey, indexUID, orders)
	if err != nil {
		return nil, err
	}
	return &Engine{x}, nil
}

func (e *Engine) ApplySettings(ctx context.Context) error { return e.apply(ctx) }

func (e *Engine) Upsert(ctx context.Context, d ...search.OrderDoc) error {
	return e.upsert(ctx, orderDocs(d))
}

func (e *Engine) Delete(ctx context.Context, ids ...string) error { return e.delete(ctx, ids) }

func (e *Engine) Reindex(ctx context.Context, d []search.OrderDoc) error {
	return e.reindex(ctx, orderDocs(d))
}

// Search runs one query through search.Answer; facets come from
// Meilisearch's facetDistribution.
func (e *Engine) Search(ctx context.Context, q search.Query) (search.Result, error) {
	if err := q.Validate(); err != nil {
		return search.Result{}, err
	}
	q = q.WithDefaults()
	return answer(ctx, e.index, search.Analyze(q.Q, e.syn.Synonyms()), buildFilter(q),
		func(a search.Analysis) *meilisearch.SearchRequest { return buildSearchRequest(q, a) },
		func(h meilisearch.Hit) (search.Hit, error) { return fromHit(h, q.Near) })
}

// document is an OrderDoc as Meilisearch stores it. The two time fields
// shadow the embedded ones (encoding/json prefers the shallower field) as
// unix seconds with a microsecond fraction: plain numbers that filter and
// sort, and that still round-trip exactly.
type document struct {
	search.OrderDoc
	BiddingDeadline float64  `json:"bidding_deadline"`
	PublishedAt     float64  `json:"published_at"`
	Geo             geoPoint `json:"_geo"`
	// CJKTitle and CJK hold every bigram and word (search.IndexTokens,
	// folded to simplified Chinese) of the title and of the rest of the
	// searchable text, region included, as the Postgres engine's tokens.
	CJKTitle string `json:"cjk_title"`
	CJK      string `json:"cjk"`
	// The nullable scorecard figures shadow the embedded ones so that a
	// missing figure is left out of the stored document rather than sent as
	// null: Meilisearch places a document without a sort attribute after
	// every document with it (ascending or descending), and a comparison
	// filter never matches it — the rule of search/scores.go.
	RejectionPct *float64 `json:"company_rejection_pct,omitempty"`
	OnTimePct    *float64 `json:"company_funded_on_time_pct,omitempty"`
	Rating       *float64 `json:"company_rating,omitempty"`
}

func orderDocs(d []search.OrderDoc) docs {
	return docs{n: len(d), at: func(i int) (string, any) { return d[i].ID, toDocument(d[i]) }}
}

func toDocument(d search.OrderDoc) document {
	rest := strings.Join([]string{strings.Join(d.Tags, "\n"), d.CraftNameZH, d.CraftNameEN,
		d.CompanyName, d.Description, d.RegionName}, "\n")
	return document{
		OrderDoc:        d,
		BiddingDeadline: unixSeconds(d.BiddingDeadline),
		PublishedAt:     unixSeconds(d.PublishedAt),
		Geo:             geoPoint{Lat: d.Lat, Lng: d.Lng},
		CJKTitle:        strings.Join(search.IndexTokens(d.Title), " "),
		CJK:             strings.Join(search.IndexTokens(rest), " "),
		RejectionPct:    d.CompanyRejectionPct,
		OnTimePct:       d.CompanyOnTimePct,
		Rating:          d.CompanyRating,
	}
}

// fromHit decodes a hit. The distance is Meilisearch's _geoDistance (metres)
// when it sorted by distance, else computed here the same way.
func fromHit(h meilisearch.Hit, near *search.Point) (search.Hit, error) {
	var d document
	geo, err := decodeHit(h, &d)
	if err != nil {
		return search.Hit{}, err
	}
	doc := d.OrderDoc
	doc.BiddingDeadline, doc.PublishedAt = fromUnixSeconds(d.BiddingDeadline), fromUnixSeconds(d.PublishedAt)
	doc.CompanyRejectionPct, doc.CompanyOnTimePct, doc.CompanyRating = d.RejectionPct, d.OnTimePct, d.Rating
	return search.Hit{Doc: doc, DistanceKm: distanceKm(near, search.Point{Lat: doc.Lat, Lng: doc.Lng}, geo)}, nil
}

// buildFilter turns a validated query into a Meilisearch filter expression.
func buildFilter(q search.Query) *filter {
	f := orders.filter()
	f.in("craft", q.Crafts)
	f.region(q.Region)
	if q.PriceMin != nil {
		f.add("unit_price", ">=", strconv.FormatInt(*q.PriceMin, 10))
	}
	if q.PriceMax != nil {
		f.add("unit_price", "<=", strconv.FormatInt(*q.PriceMax, 10))
	}
	if q.DeadlineBefore != nil {
		f.add("bidding_deadline", "<=", num(unixSeconds(*q.DeadlineBefore)))
	}
	if q.Deposit != "" {
		f.add("deposit_kind", "=", quote(q.Deposit))
	}
	c := q.Company // a document without the figure matches no comparison
	f.atMost("company_rejection_pct", c.RejectionMax)
	f.atLeast("company_funded_on_time_pct", c.OnTimeMin)
	f.atLeast("company_rating", c.RatingMin)
	f.atLeastInt("company_contracts_settled", c.SettledMin)
	f.radius(q.Near, q.RadiusKm)
	return f
}

// buildSort orders as the Postgres engine does.
func buildSort(q search.Query) []string {
	switch q.Sort {
	case search.SortPriceAsc:
		return orders.sort("unit_price:asc")
	case search.SortPriceDesc:
		return orders.sort("unit_price:desc")
	case search.SortDeadline:
		return orders.sort("bidding_deadline:asc")
	case search.SortCompanyRating: // documents without the figure come last
		return orders.sort("company_rating:desc")
	case search.SortCompanyRejection:
		return orders.sort("company_rejection_pct:asc")
	case search.SortNewest:
		return orders.sort()
	case search.SortDistance:
		if q.Near != nil {
			return orders.sort(geoSort(*q.Near))
		}
	}
	return nil
}

// buildSearchRequest builds the request for a validated query (defaults
// applied) and the words to search for.
func buildSearchRequest(q search.Query, a search.Analysis) *meilisearch.SearchRequest {
	return orders.request(a, q.Page, q.PerPage, buildSort(q), buildFilter(q), q.Near)
}
