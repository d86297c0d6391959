package meili

import (
	"strings"
	"testing"
	"unicode/utf8"

	"doorstep/search"
)

// FuzzBuildFilter: whatever values a query carries, the filter sent to
// Meilisearch has the structure the same query with harmless values has
// (every value stays inside its quotes) and is valid UTF-8. Run it with
//
//	go test -run '^$' -fuzz '^FuzzBuildFilter$' -fuzztime 30s ./search/meili/
func FuzzBuildFilter(f *testing.F) {
	f.Add("weaving", "beading", "371602", "none", int64(30), 37.38, 117.97, 50.0)
	f.Add(`weaving" OR craft = "beading`, `\`, `") OR ("`, `\"`, int64(-1), 0.0, 0.0, 0.0)
	f.Add("\xff\"\xfe", strings.Repeat(`\"`, 50), "370000", "", int64(9223372036854775807), -90.0, 180.0, 20000.0)
	f.Fuzz(func(t *testing.T, c1, c2, region, deposit string, price int64, lat, lng, km float64) {
		near := &search.Point{Lat: lat, Lng: lng}
		q := search.Query{Crafts: []string{c1, c2}, Region: region, Deposit: deposit, PriceMin: &price, Near: near, RadiusKm: km}
		safe := q
		safe.Crafts = []string{"a", "b"}
		if deposit != "" {
			safe.Deposit = "x"
		}
		got := buildFilter(q).String()
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 filter %q", got)
		}
		if s, want := skeleton(got), skeleton(buildFilter(safe).String()); s != want {
			t.Fatalf("a value escaped its quotes: %q\n want %q\nfilter %q", s, want, got)
		}
		w := buildWorkshopFilter(search.WorkshopQuery{Crafts: []string{c1, c2}, Region: region}).String()
		if s, want := skeleton(w), skeleton(buildWorkshopFilter(search.WorkshopQuery{Crafts: []string{"a", "b"}, Region: region}).String()); s != want {
			t.Fatalf("a workshop value escaped its quotes: %q\n want %q", s, want)
		}
	})
}
