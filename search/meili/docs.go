package meili

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"doorstep/search"
)

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

type geoPoint struct {
	Lat float64 `json:"lat"`
	Lng float64 `json:"lng"`
}

// retrieved lists the OrderDoc fields a search returns: not cjk, which is
// large and only there to be searched.
var retrieved = func() []string {
	var names []string
	t := reflect.TypeFor[search.OrderDoc]()
	for i := range t.NumField() {
		names = append(names, strings.Split(t.Field(i).Tag.Get("json"), ",")[0])
	}
	return names
}()

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

func unixSeconds(t time.Time) float64 { return float64(t.UnixMicro()) / 1e6 }

func fromUnixSeconds(s float64) time.Time { return time.UnixMicro(int64(math.Round(s * 1e6))).UTC() }

// fromHit decodes a hit. The distance is Meilisearch's _geoDistance (metres)
// when it sorted by distance, else computed here the same way.
func fromHit(h meilisearch.Hit, near *search.Point) (search.Hit, error) {
	raw, err := json.Marshal(h)
	if err != nil {
		return search.Hit{}, err
	}
	var d struct {
		document
		GeoDistance *float64 `json:"_geoDistance"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		return search.Hit{}, err
	}
	doc := d.OrderDoc
	doc.BiddingDeadline, doc.PublishedAt = fromUnixSeconds(d.BiddingDeadline), fromUnixSeconds(d.PublishedAt)
	hit := search.Hit{Doc: doc}
	if near != nil {
		km := search.DistanceKm(*near, search.Point{Lat: doc.Lat, Lng: doc.Lng})
		if d.GeoDistance != nil {
			km = *d.GeoDistance / 1000
		}
		hit.DistanceKm = &km
	}
	return hit, nil
}
