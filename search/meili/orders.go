package meili

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/meilisearch/meilisearch-go"

	"doorstep/search"
)

// Engine implements search.Engine on one Meilisearch index of orders.
type Engine struct{ *index }

var _ search.Engine = (*Engine)(nil)

// orders is the orders index's spec.
var orders = &spec{
	noun:       "document",
	searchable: []string{"title", "cjk", "tags", "craft_name_zh", "craft_name_en", "company_name", "description", "region_name"},
	filterable: []string{"craft", "province_code", "city_code", "district_code", "unit_price", "bidding_deadline", "deposit_kind", "_geo"},
	sortable:   []string{"unit_price", "bidding_deadline", "published_at", "_geo"},
	chinese:    []string{"title", "cjk", "tags", "craft_name_zh", "company_name", "description", "region_name"},
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

// Search runs one query; facets come from Meilisearch's facetDistribution.
func (e *Engine) Search(ctx context.Context, q search.Query) (search.Result, error) {
	if err := q.Validate(); err != nil {
		return search.Result{}, err
	}
	q = q.WithDefaults()
	resp, err := e.search(ctx, buildSearchRequest(q))
	if err != nil {
		return search.Result{}, err
	}
	return page(e.index, resp, func(h meilisearch.Hit) (search.Hit, error) { return fromHit(h, q.Near) })
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
	// CJK holds every bigram and word of the searchable text (see queryString).
	// The region is included too, as in the Postgres engine's tokens.
	CJK string `json:"cjk"`
}

func orderDocs(d []search.OrderDoc) docs {
	return docs{n: len(d), at: func(i int) (string, any) { return d[i].ID, toDocument(d[i]) }}
}

func toDocument(d search.OrderDoc) document {
	text := strings.Join([]string{d.Title, strings.Join(d.Tags, "\n"), d.CraftNameZH, d.CraftNameEN,
		d.CompanyName, d.Description, d.RegionName}, "\n")
	return document{
		OrderDoc:        d,
		BiddingDeadline: unixSeconds(d.BiddingDeadline),
		PublishedAt:     unixSeconds(d.PublishedAt),
		Geo:             geoPoint{Lat: d.Lat, Lng: d.Lng},
		CJK:             strings.Join(search.IndexTokens(text), " "),
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
	return search.Hit{Doc: doc, DistanceKm: distanceKm(near, search.Point{Lat: doc.Lat, Lng: doc.Lng}, geo)}, nil
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
	case search.SortNewest:
		return orders.sort()
	case search.SortDistance:
		if q.Near != nil {
			return orders.sort(geoSort(*q.Near))
		}
	}
	return nil
}

// buildSearchRequest builds the request for a validated query (defaults applied).
func buildSearchRequest(q search.Query) *meilisearch.SearchRequest {
	return orders.request(queryString(q.Q), q.Page, q.PerPage, buildSort(q), buildFilter(q))
}
