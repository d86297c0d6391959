package searchtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"doorstep/search"
)

// checker runs and checks the searches of one index (orders, workshops):
// the suite's readers are written once, for any query type Q and hit type H.
type checker[Q, H any] struct {
	search func(context.Context, Q) (search.Page[H], error)
	id     func(H) string
	names  map[string]string                             // fixture id → name, for messages
	facets func(want []string) map[string]map[string]int // the counts the matches must have
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return c
}

// try searches, turning a panic into a failure that names the query.
func (c checker[Q, H]) try(t *testing.T, q Q) (res search.Page[H], err error) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("Search(%s) panicked: %v", describe(q), p)
		}
	}()
	return c.search(ctx(t), q)
}

// run searches and fails the test on an error or an overfull page.
func (c checker[Q, H]) run(t *testing.T, q Q) search.Page[H] {
	t.Helper()
	res, err := c.try(t, q)
	if err != nil {
		t.Fatalf("Search(%s): %v", describe(q), err)
	}
	if per := int(reflect.ValueOf(q).FieldByName("PerPage").Int()); len(res.Hits) > max(per, search.DefaultPerPage) {
		t.Fatalf("Search(%s): %d hits on one page", describe(q), len(res.Hits))
	}
	return res
}

func (c checker[Q, H]) ids(res search.Page[H]) []string {
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = c.id(h)
	}
	return out
}

func (c checker[Q, H]) name(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		if out[i] = c.names[id]; out[i] == "" {
			out[i] = id
		}
	}
	return fmt.Sprint(out)
}

// expectSet checks the matching ids in any order, the total and the facet
// counts, which must equal the real counts over the expected documents, and
// that every word matched.
func (c checker[Q, H]) expectSet(t *testing.T, q Q, want ...string) search.Page[H] {
	t.Helper()
	return c.expectMatch(t, q, search.MatchAll, nil, want...)
}

// expectPartial is expectSet for a partial match: no document has every
// word; the hits have the words matched.
func (c checker[Q, H]) expectPartial(t *testing.T, q Q, matched []string, want ...string) search.Page[H] {
	t.Helper()
	return c.expectMatch(t, q, search.MatchPartial, matched, want...)
}

func (c checker[Q, H]) expectMatch(t *testing.T, q Q, match string, matched []string, want ...string) search.Page[H] {
	t.Helper()
	reflect.ValueOf(&q).Elem().FieldByName("PerPage").SetInt(search.MaxPerPage)
	res := c.run(t, q)
	if res.Match != match || (matched != nil && !slices.Equal(res.MatchedWords, matched)) || !res.TotalExact {
		t.Errorf("Search(%s): match %q on %q (total exact %v), want %q on %q", describe(q), res.Match, res.MatchedWords,
			res.TotalExact, match, matched)
	}
	got := slices.Sorted(slices.Values(c.ids(res)))
	if w := slices.Sorted(slices.Values(want)); !slices.Equal(got, w) {
		t.Errorf("Search(%s) = %s, want %s", describe(q), c.name(got), c.name(w))
	}
	if res.Total != len(want) {
		t.Errorf("Search(%s): total %d, want %d", describe(q), res.Total, len(want))
	}
	for dim, counts := range c.facets(want) {
		got := map[string]int{}
		for k, n := range res.Facets[dim] {
			if n != 0 {
				got[k] = n
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(counts) { // fmt sorts map keys
			t.Errorf("Search(%s): facet %s = %v, want %v", describe(q), dim, got, counts)
		}
	}
	return res
}

// expectOrder checks the exact order of the first page.
func (c checker[Q, H]) expectOrder(t *testing.T, q Q, want ...string) {
	t.Helper()
	if got := c.ids(c.run(t, q)); !slices.Equal(got, want) {
		t.Errorf("Search(%s) = %s, want %s", describe(q), c.name(got), c.name(want))
	}
}

// expectWhole checks that q finds one hit whose document is doc, whole,
// and without a distance (no near).
func (c checker[Q, H]) expectWhole(t *testing.T, q Q, doc any) {
	t.Helper()
	res := c.run(t, q)
	if len(res.Hits) != 1 {
		return // expectSet reports it
	}
	hit := reflect.ValueOf(res.Hits[0])
	got, _ := json.Marshal(hit.FieldByName("Doc").Interface())
	want, _ := json.Marshal(doc)
	if string(got) != string(want) {
		t.Errorf("hit doc round trip:\n got %s\nwant %s", got, want)
	}
	if d := hit.FieldByName("DistanceKm"); !d.IsNil() {
		t.Errorf("distance without near: %v", d.Elem())
	}
}

// expectDistances checks that q (with Near = from) finds n hits, each with
// its distance from from.
func (c checker[Q, H]) expectDistances(t *testing.T, q Q, from search.Point, n int) {
	t.Helper()
	res := c.run(t, q)
	if len(res.Hits) != n {
		t.Fatalf("Search(%s): %d hits, want all %d", describe(q), len(res.Hits), n)
	}
	for _, h := range res.Hits {
		v := reflect.ValueOf(h)
		doc := v.FieldByName("Doc")
		want := DistanceKm(from, search.Point{Lat: doc.FieldByName("Lat").Float(), Lng: doc.FieldByName("Lng").Float()})
		// Meilisearch reports whole metres; allow that and 0.5% for the earth model.
		if d, _ := v.FieldByName("DistanceKm").Interface().(*float64); d == nil || math.Abs(*d-want) > 0.005*want+0.002 {
			t.Errorf("%s: distance_km %v, want ≈ %.3f", c.name([]string{c.id(h)}), d, want)
		}
	}
}

// okOrInvalid is what hostile input may produce: results or ErrInvalidQuery.
func (c checker[Q, H]) okOrInvalid(t *testing.T, q Q) {
	t.Helper()
	if _, err := c.try(t, q); err != nil && !errors.Is(err, search.ErrInvalidQuery) {
		t.Errorf("Search(%s): engine error %v", describe(q), err)
	}
}

// facetsOf counts, over the docs whose id is in want, each document's facet
// values (keys returns them by facet name).
func facetsOf[D any](docs []D, want []string, id func(D) string, keys func(D) map[string][]string) map[string]map[string]int {
	exp := map[string]map[string]int{}
	for _, d := range docs {
		for dim, vals := range keys(d) {
			if exp[dim] == nil {
				exp[dim] = map[string]int{}
			}
			if slices.Contains(want, id(d)) {
				for _, v := range vals {
					exp[dim][v]++
				}
			}
		}
	}
	return exp
}

// describe prints the fields of a query that are set, shortening a long Q.
func describe(q any) string {
	v := reflect.ValueOf(q)
	var parts []string
	for i := range v.NumField() {
		f := v.Field(i)
		if f.IsZero() {
			continue
		}
		if f.Kind() == reflect.Pointer {
			f = f.Elem()
		}
		s := fmt.Sprint(f.Interface())
		if len(s) > 40 {
			s = fmt.Sprintf("%s…(%d bytes)", strings.ToValidUTF8(s[:40], ""), len(s))
		}
		parts = append(parts, fmt.Sprintf("%s=%q", v.Type().Field(i).Name, s))
	}
	return strings.Join(parts, " ")
}
