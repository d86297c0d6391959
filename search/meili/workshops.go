package meili

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"doorstep/search"
)

// Workshops implements search.WorkshopEngine on a Meilisearch index of its
// own ("workshops" in production), with the same guarantees as the orders
// index: explicit primary key, settings before documents, whitelisted and
// escaped filters, a CJK-bigram field for sub-word matches, and a reindex
// that builds aside and swaps.
type Workshops struct {
	e *Engine // the client, task waiting and version check; e.uid is the workshop index
}

var _ search.WorkshopEngine = (*Workshops)(nil)

// NewWorkshops returns the workshop index indexUID. It does not connect:
// ApplyWorkshopSettings (or the first write) creates and configures it.
func NewWorkshops(url, apiKey, indexUID string) (*Workshops, error) {
	e, err := New(url, apiKey, indexUID)
	if err != nil {
		return nil, err
	}
	return &Workshops{e: e}, nil
}

// Workshop index attributes. Filters are built only from workshopFilterable.
var (
	workshopSearchable = []string{"name", "cjk_name", "host", "craft_names_zh", "craft_names_en", "region_name", "cjk"}
	workshopFilterable = []string{"crafts", "province_code", "city_code", "district_code", "weekly_capacity",
		"verified", "community_guarantee", "_geo"}
	workshopSortable = []string{"weekly_capacity", "created_at", "_geo"}
	workshopChinese  = []string{"name", "cjk_name", "host", "craft_names_zh", "region_name", "cjk"}
	workshopFacets   = []string{"crafts", "province_code"}
)

// workshopSettings mirror the orders index (see settings): explicit sorts
// first, then relevance with the name's bigrams (cjk_name) ranked before the
// rest of the text (cjk), newest first on ties.
func workshopSettings() *meilisearch.Settings {
	return &meilisearch.Settings{
		RankingRules:         []string{"sort", "words", "typo", "proximity", "attribute", "exactness", "created_at:desc"},
		SearchableAttributes: workshopSearchable,
		FilterableAttributes: workshopFilterable,
		SortableAttributes:   workshopSortable,
		LocalizedAttributes:  []*meilisearch.LocalizedAttributes{{Locales: []string{"cmn"}, AttributePatterns: workshopChinese}},
		TypoTolerance: &meilisearch.TypoTolerance{
			Enabled:             true,
			MinWordSizeForTypos: meilisearch.MinWordSizeForTypos{OneTypo: 5, TwoTypos: 9},
			DisableOnWords:      []string{},
			DisableOnAttributes: workshopChinese,
			DisableOnNumbers:    true,
		},
		Pagination: &meilisearch.Pagination{MaxTotalHits: search.MaxResultWindow},
		Faceting: &meilisearch.Faceting{MaxValuesPerFacet: 100,
			SortFacetValuesBy: map[string]meilisearch.SortFacetType{"*": meilisearch.SortFacetTypeCount}},
	}
}

// workshopDocument is a WorkshopDoc as Meilisearch stores it: created_at as
// unix seconds (shadowing the embedded time), _geo, and two bigram fields:
// cjk_name (the name) and cjk (all searchable text, as the Postgres tokens).
type workshopDocument struct {
	search.WorkshopDoc
	CreatedAt float64  `json:"created_at"`
	Geo       geoPoint `json:"_geo"`
	CJKName   string   `json:"cjk_name"`
	CJK       string   `json:"cjk"`
}

// workshopRetrieved lists the WorkshopDoc fields a search returns (not the bigram fields).
var workshopRetrieved = func() []string {
	var names []string
	t := reflect.TypeFor[search.WorkshopDoc]()
	for i := range t.NumField() {
		names = append(names, strings.Split(t.Field(i).Tag.Get("json"), ",")[0])
	}
	return names
}()

func toWorkshopDocument(d search.WorkshopDoc) workshopDocument {
	for _, s := range []*[]string{&d.Crafts, &d.CraftNamesZH, &d.CraftNamesEN} {
		if *s == nil {
			*s = []string{}
		}
	}
	name, crafts, place := search.WorkshopText(d)
	return workshopDocument{
		WorkshopDoc: d,
		CreatedAt:   unixSeconds(d.CreatedAt),
		Geo:         geoPoint{Lat: d.Lat, Lng: d.Lng},
		CJKName:     strings.Join(search.IndexTokens(name), " "),
		CJK:         strings.Join(search.IndexTokens(name+"\n"+crafts+"\n"+place), " "),
	}
}

func fromWorkshopHit(h meilisearch.Hit, near *search.Point) (search.WorkshopHit, error) {
	raw, err := json.Marshal(h)
	if err != nil {
		return search.WorkshopHit{}, err
	}
	var d struct {
		workshopDocument
		GeoDistance *float64 `json:"_geoDistance"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		return search.WorkshopHit{}, err
	}
	doc := d.WorkshopDoc
	doc.CreatedAt = fromUnixSeconds(d.CreatedAt)
	hit := search.WorkshopHit{Doc: doc}
	if near != nil {
		km := search.DistanceKm(*near, search.Point{Lat: doc.Lat, Lng: doc.Lng})
		if d.GeoDistance != nil {
			km = *d.GeoDistance / 1000
		}
		hit.DistanceKm = &km
	}
	return hit, nil
}

// workshopClause joins a whitelisted attribute, an operator and a value the
// caller quoted or formatted; anything else is a bug and is dropped.
func workshopClause(attr, op, value string) string {
	if !slices.Contains(workshopFilterable, attr) {
		return ""
	}
	return attr + " " + op + " " + value
}

// buildWorkshopFilter turns a validated query into a filter expression.
func buildWorkshopFilter(q search.WorkshopQuery) string {
	var and []string
	if len(q.Crafts) > 0 {
		vals := make([]string, len(q.Crafts))
		for i, c := range q.Crafts {
			vals[i] = quote(c)
		}
		// IN on an array attribute matches a workshop offering any of them.
		and = append(and, workshopClause("crafts", "IN", "["+strings.Join(vals, ", ")+"]"))
	}
	if q.Region != "" {
		and = append(and, workshopClause(search.RegionLevel(q.Region)+"_code", "=", quote(q.Region)))
	}
	if q.MinCapacity != nil {
		and = append(and, workshopClause("weekly_capacity", ">=", strconv.Itoa(*q.MinCapacity)))
	}
	if q.Verified {
		and = append(and, workshopClause("verified", "=", "true"))
	}
	if q.Guaranteed {
		and = append(and, workshopClause("community_guarantee", "=", "true"))
	}
	if q.Near != nil && q.RadiusKm > 0 {
		and = append(and, "_geoRadius("+num(q.Near.Lat)+", "+num(q.Near.Lng)+", "+num(q.RadiusKm*1000)+")")
	}
	and = slices.DeleteFunc(and, func(s string) bool { return s == "" })
	return strings.Join(and, " AND ")
}

// buildWorkshopSort orders as the Postgres engine does; relevance sends no
// sort, so the ranking rules (ending in created_at:desc) decide.
func buildWorkshopSort(q search.WorkshopQuery) []string {
	const newest = "created_at:desc"
	switch q.Sort {
	case search.SortCapacity:
		return []string{"weekly_capacity:desc", newest}
	case search.SortNewest:
		return []string{newest}
	case search.SortDistance:
		if q.Near != nil {
			return []string{"_geoPoint(" + num(q.Near.Lat) + ", " + num(q.Near.Lng) + "):asc", newest}
		}
	}
	return nil
}

// buildWorkshopRequest builds the request for a validated query (defaults applied).
func buildWorkshopRequest(q search.WorkshopQuery) *meilisearch.SearchRequest {
	per := int64(q.PerPage)
	req := &meilisearch.SearchRequest{
		Query:                queryString(q.Q),
		Sort:                 buildWorkshopSort(q),
		Facets:               workshopFacets,
		Page:                 int64(q.Page),
		HitsPerPage:          &per,
		MatchingStrategy:     meilisearch.All,
		Locales:              []string{"cmn"},
		AttributesToRetrieve: workshopRetrieved,
	}
	if f := buildWorkshopFilter(q); f != "" {
		req.Filter = f
	}
	return req
}

// ApplyWorkshopSettings checks the server version, creates the index with
// its primary key if needed and applies the settings (cheap to repeat).
func (w *Workshops) ApplyWorkshopSettings(ctx context.Context) error {
	if err := w.e.checkVersion(ctx); err != nil {
		return err
	}
	if err := w.configure(ctx, w.e.uid); err != nil {
		return err
	}
	w.e.mu.Lock()
	w.e.ready = true
	w.e.mu.Unlock()
	return nil
}

// ensure applies the settings once per process before the first write.
func (w *Workshops) ensure(ctx context.Context) error {
	w.e.mu.Lock()
	ready := w.e.ready
	w.e.mu.Unlock()
	if ready {
		return nil
	}
	return w.ApplyWorkshopSettings(ctx)
}

func (w *Workshops) configure(ctx context.Context, uid string) error {
	e := w.e
	err := e.wait(ctx)(e.client.CreateIndexWithContext(ctx, &meilisearch.IndexConfig{Uid: uid, PrimaryKey: primaryKey}))
	var te *taskError
	if err != nil && !(errors.As(err, &te) && te.Code == "index_already_exists") {
		return err
	}
	return e.wait(ctx)(e.client.Index(uid).UpdateSettingsWithContext(ctx, workshopSettings()))
}

// UpsertWorkshops adds or replaces documents by id; within one call the later version wins.
func (w *Workshops) UpsertWorkshops(ctx context.Context, docs ...search.WorkshopDoc) error {
	if len(docs) == 0 {
		return nil
	}
	if err := w.ensure(ctx); err != nil {
		return err
	}
	return w.add(ctx, w.e.uid, docs)
}

func (w *Workshops) add(ctx context.Context, uid string, docs []search.WorkshopDoc) error {
	pk := primaryKey
	for start := 0; start < len(docs); start += batchSize {
		batch := make([]workshopDocument, 0, min(batchSize, len(docs)-start))
		for _, d := range docs[start:min(start+batchSize, len(docs))] {
			if !uidPattern.MatchString(d.ID) {
				return fmt.Errorf("meili: invalid workshop id %q", d.ID)
			}
			batch = append(batch, toWorkshopDocument(d))
		}
		opts := &meilisearch.DocumentOptions{PrimaryKey: &pk}
		if err := w.e.wait(ctx)(w.e.client.Index(uid).AddDocumentsWithContext(ctx, batch, opts)); err != nil {
			return err
		}
	}
	return nil
}

// DeleteWorkshop removes a document; an id Meilisearch could never have
// stored is skipped rather than sent.
func (w *Workshops) DeleteWorkshop(ctx context.Context, id string) error {
	if !uidPattern.MatchString(id) {
		return nil
	}
	if err := w.ensure(ctx); err != nil {
		return err
	}
	return w.e.wait(ctx)(w.e.client.Index(w.e.uid).DeleteDocumentsWithContext(ctx, []string{id}, nil))
}

// ReindexWorkshops builds <uid>_<unix nanoseconds> with the settings and all
// documents, swaps it with the live index and deletes the old one.
func (w *Workshops) ReindexWorkshops(ctx context.Context, docs []search.WorkshopDoc) (err error) {
	if err := w.ApplyWorkshopSettings(ctx); err != nil { // the live index must exist to be swapped
		return err
	}
	e := w.e
	tmp := e.uid + "_" + strconv.FormatInt(time.Now().UnixNano(), 10)
	defer func() {
		cleanup, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		defer cancel()
		if derr := e.wait(cleanup)(e.client.DeleteIndexWithContext(cleanup, tmp)); derr != nil && err == nil {
			err = derr
		}
	}()
	if err := w.configure(ctx, tmp); err != nil {
		return err
	}
	if err := w.add(ctx, tmp, docs); err != nil {
		return err
	}
	return e.wait(ctx)(e.client.SwapIndexesWithContext(ctx, []*meilisearch.SwapIndexesParams{{Indexes: []string{e.uid, tmp}}}))
}

// SearchWorkshops runs one query; facets come from facetDistribution.
func (w *Workshops) SearchWorkshops(ctx context.Context, q search.WorkshopQuery) (search.WorkshopResult, error) {
	if err := q.Validate(); err != nil {
		return search.WorkshopResult{}, err
	}
	q = q.WithDefaults()
	req := buildWorkshopRequest(q)
	resp, err := w.e.client.Index(w.e.uid).SearchWithContext(ctx, req.Query, req)
	if err != nil {
		var me *meilisearch.Error
		if errors.As(err, &me) && me.StatusCode == http.StatusBadRequest {
			return search.WorkshopResult{}, fmt.Errorf("%w: %s", search.ErrInvalidQuery, me.MeilisearchApiError.Message)
		}
		return search.WorkshopResult{}, fmt.Errorf("meili: %w", err)
	}
	res := search.WorkshopResult{Hits: make([]search.WorkshopHit, 0, len(resp.Hits)), Total: int(resp.TotalHits)}
	for _, h := range resp.Hits {
		hit, err := fromWorkshopHit(h, q.Near)
		if err != nil {
			return search.WorkshopResult{}, fmt.Errorf("meili: decode hit: %w", err)
		}
		res.Hits = append(res.Hits, hit)
	}
	dist := map[string]map[string]int{}
	if len(resp.FacetDistribution) > 0 {
		if err := json.Unmarshal(resp.FacetDistribution, &dist); err != nil {
			return search.WorkshopResult{}, fmt.Errorf("meili: facetDistribution: %w", err)
		}
	}
	res.Facets = map[string]map[string]int{"craft": {}, "province": {}}
	for attr, name := range map[string]string{"crafts": "craft", "province_code": "province"} {
		for k, n := range dist[attr] {
			res.Facets[name][k] = n
		}
	}
	return res, nil
}
