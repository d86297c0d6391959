package meili

import (
	"context"
	"strconv"
	"strings"

	"github.com/meilisearch/meilisearch-go"

	"doorstep/search"
)

// Workshops implements search.WorkshopEngine on a Meilisearch index of its
// own ("workshops" in production), on the same index core as the orders.
type Workshops struct{ *index }

var _ search.WorkshopEngine = (*Workshops)(nil)

// workshops is the workshop index's spec: the name's bigrams (cjk_name)
// rank right after the name, the rest of the text's (cjk) last.
var workshops = &spec{
	noun:       "workshop",
	searchable: []string{"name", "cjk_name", "host", "craft_names_zh", "craft_names_en", "region_name", "cjk"},
	filterable: []string{"crafts", "province_code", "city_code", "district_code", "weekly_capacity",
		"verified", "community_guarantee", "_geo", "completed_contracts", "on_time_pct", "acceptance_pct", "rating"},
	sortable:   []string{"weekly_capacity", "created_at", "_geo", "completed_contracts", "on_time_pct", "acceptance_pct", "rating"},
	chinese:    []string{"name", "cjk_name", "host", "craft_names_zh", "region_name", "cjk"},
	facets:     []string{"crafts", "province_code"},
	facetNames: map[string]string{"crafts": "craft", "province_code": "province"},
	newest:     "created_at:desc",
	retrieved:  jsonFields[search.WorkshopDoc](),
}

// NewWorkshops returns the workshop index indexUID. It does not connect:
// ApplyWorkshopSettings (or the first write) creates and configures it.
func NewWorkshops(url, apiKey, indexUID string) (*Workshops, error) {
	x, err := newIndex(url, apiKey, indexUID, workshops)
	if err != nil {
		return nil, err
	}
	return &Workshops{x}, nil
}

func (w *Workshops) ApplyWorkshopSettings(ctx context.Context) error { return w.apply(ctx) }

func (w *Workshops) UpsertWorkshops(ctx context.Context, d ...search.WorkshopDoc) error {
	return w.upsert(ctx, workshopDocs(d))
}

func (w *Workshops) DeleteWorkshop(ctx context.Context, id string) error {
	return w.delete(ctx, []string{id})
}

func (w *Workshops) ReindexWorkshops(ctx context.Context, d []search.WorkshopDoc) error {
	return w.reindex(ctx, workshopDocs(d))
}

// SearchWorkshops runs one query through search.Answer.
func (w *Workshops) SearchWorkshops(ctx context.Context, q search.WorkshopQuery) (search.WorkshopResult, error) {
	if err := q.Validate(); err != nil {
		return search.WorkshopResult{}, err
	}
	q = q.WithDefaults()
	return answer(ctx, w.index, search.Analyze(q.Q, w.syn.Synonyms()), buildWorkshopFilter(q),
		func(a search.Analysis) *meilisearch.SearchRequest { return buildWorkshopRequest(q, a) },
		func(h meilisearch.Hit) (search.WorkshopHit, error) { return fromWorkshopHit(h, q.Near) })
}

// workshopDocument is a WorkshopDoc as Meilisearch stores it: created_at as
// unix seconds (shadowing the embedded time), _geo, and two bigram fields
// (folded to simplified Chinese): cjk_name (the name) and cjk (the crafts,
// host and region).
type workshopDocument struct {
	search.WorkshopDoc
	CreatedAt float64  `json:"created_at"`
	Geo       geoPoint `json:"_geo"`
	CJKName   string   `json:"cjk_name"`
	CJK       string   `json:"cjk"`
	// The nullable figures shadow the embedded ones, left out when null
	// (as on orders' documents).
	OnTimePct     *float64 `json:"on_time_pct,omitempty"`
	AcceptancePct *float64 `json:"acceptance_pct,omitempty"`
	Rating        *float64 `json:"rating,omitempty"`
}

func workshopDocs(d []search.WorkshopDoc) docs {
	return docs{n: len(d), at: func(i int) (string, any) { return d[i].ID, toWorkshopDocument(d[i]) }}
}

func toWorkshopDocument(d search.WorkshopDoc) workshopDocument {
	for _, s := range []*[]string{&d.Crafts, &d.CraftNamesZH, &d.CraftNamesEN} {
		if *s == nil {
			*s = []string{}
		}
	}
	name, crafts, place := search.WorkshopText(d)
	return workshopDocument{
		WorkshopDoc:   d,
		CreatedAt:     unixSeconds(d.CreatedAt),
		Geo:           geoPoint{Lat: d.Lat, Lng: d.Lng},
		CJKName:       strings.Join(search.IndexTokens(name), " "),
		CJK:           strings.Join(search.IndexTokens(crafts+"\n"+place), " "),
		OnTimePct:     d.OnTimePct,
		AcceptancePct: d.AcceptancePct,
		Rating:        d.Rating,
	}
}

func fromWorkshopHit(h meilisearch.Hit, near *search.Point) (search.WorkshopHit, error) {
	var d workshopDocument
	geo, err := decodeHit(h, &d)
	if err != nil {
		return search.WorkshopHit{}, err
	}
	doc := d.WorkshopDoc
	doc.CreatedAt = fromUnixSeconds(d.CreatedAt)
	doc.OnTimePct, doc.AcceptancePct, doc.Rating = d.OnTimePct, d.AcceptancePct, d.Rating
	return search.WorkshopHit{Doc: doc, DistanceKm: distanceKm(near, search.Point{Lat: doc.Lat, Lng: doc.Lng}, geo)}, nil
}

// buildWorkshopFilter turns a validated query into a filter expression.
func buildWorkshopFilter(q search.WorkshopQuery) *filter {
	f := workshops.filter()
	f.in("crafts", q.Crafts) // IN on an array attribute: a workshop offering any of them
	f.region(q.Region)
	if q.MinCapacity != nil {
		f.add("weekly_capacity", ">=", strconv.Itoa(*q.MinCapacity))
	}
	if q.Verified {
		f.add("verified", "=", "true")
	}
	if q.Guaranteed {
		f.add("community_guarantee", "=", "true")
	}
	sc := q.Scores // a document without the figure matches no comparison
	f.atLeastInt("completed_contracts", sc.CompletedMin)
	f.atLeast("on_time_pct", sc.OnTimeMin)
	f.atLeast("acceptance_pct", sc.AcceptanceMin)
	f.atLeast("rating", sc.RatingMin)
	f.radius(q.Near, q.RadiusKm)
	return f
}

// buildWorkshopSort orders as the Postgres engine does.
func buildWorkshopSort(q search.WorkshopQuery) []string {
	switch q.Sort {
	case search.SortCapacity:
		return workshops.sort("weekly_capacity:desc")
	case search.SortCompleted:
		return workshops.sort("completed_contracts:desc")
	case search.SortOnTime: // documents without the figure come last
		return workshops.sort("on_time_pct:desc")
	case search.SortAcceptance:
		return workshops.sort("acceptance_pct:desc")
	case search.SortRating:
		return workshops.sort("rating:desc")
	case search.SortNewest:
		return workshops.sort()
	case search.SortDistance:
		if q.Near != nil {
			return workshops.sort(geoSort(*q.Near))
		}
	}
	return nil
}

// buildWorkshopRequest builds the request for a validated query (defaults
// applied) and the words to search for.
func buildWorkshopRequest(q search.WorkshopQuery, a search.Analysis) *meilisearch.SearchRequest {
	return workshops.request(a, q.Page, q.PerPage, buildWorkshopSort(q), buildWorkshopFilter(q), q.Near)
}
