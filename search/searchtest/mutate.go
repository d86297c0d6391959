package searchtest

import (
	"errors"
	"math"
	"strings"
	"testing"

	"doorstep/search"
)

// hostile is text a user (or an attacker) may type; none of it is an operator
// for any engine, so it either matches as words or matches nothing.
var hostile = []string{
	`"`, `\`, `\"`, `'`, `''`, `"网兜`, `网兜\`, `"网兜" OR craft = "beading"`, `网兜 OR 1=1`, `NOT 网兜`, `-网兜`,
	`_geoRadius(37.38, 117.97, 100000000)`, `_geoPoint(0,0):asc`, `'; DROP TABLE x; --`,
	`'; DROP TABLE search_orders; --`, `$1`, `%`, `:*`, `'a':*A & !b | c <-> d`, `()`, "\x00", "网兜\x00",
	"\xff\xfe网兜\xc3", "\xed\xa0\x80", strings.Repeat("编", 10000), strings.Repeat("a", 10000),
	strings.Repeat("网兜 ", 2000), strings.Repeat(`\"`, 5000), strings.Repeat("🧵", 3000),
}

func testHostile(t *testing.T, e search.Engine) {
	for _, q := range hostile {
		okOrInvalid(t, e, search.Query{Q: q})
		okOrInvalid(t, e, search.Query{Q: q, Crafts: []string{"weaving"}, Sort: search.SortPriceAsc})
		okOrInvalid(t, e, search.Query{Q: q, Crafts: []string{q}})
		okOrInvalid(t, e, search.Query{Q: q, Deposit: q})
		okOrInvalid(t, e, search.Query{Q: q, Region: q})
	}
	// Quotes and backslashes are separators: the words inside still match.
	expectSet(t, e, search.Query{Q: `"网兜"`}, Net)
	expectSet(t, e, search.Query{Q: `\网兜\`}, Net)
	expectSet(t, e, search.Query{Q: "网\xff兜"}, Net) // the invalid byte is dropped
	// A filter value is one value, never filter syntax.
	expectSet(t, e, search.Query{Crafts: []string{`weaving" OR craft = "beading`}})
	expectSet(t, e, search.Query{Crafts: []string{`weaving\`, `beading\"`}})
	expectSet(t, e, search.Query{Crafts: []string{`weaving') OR ('1'='1`}})
	// Everything is still there.
	expectSet(t, e, search.Query{}, all()...)
	expectSet(t, e, search.Query{Q: "网兜"}, Net)
}

func testInvalid(t *testing.T, e search.Engine) {
	i := func(v int64) *int64 { return &v }
	north := search.Point{Lat: 91, Lng: 0}
	for _, q := range []search.Query{
		{PerPage: search.MaxPerPage + 1},
		{Page: -1},
		{Page: search.MaxResultWindow, PerPage: 20},
		{Sort: "price; DROP TABLE x"},
		{Sort: search.SortDistance},
		{RadiusKm: 10},
		{Near: &Binzhou, RadiusKm: math.NaN()},
		{Near: &Binzhou, RadiusKm: -1},
		{Near: &north},
		{Region: "37"},
		{Region: `370000" OR 1=1`},
		{Deposit: "maybe"},
		{PriceMin: i(100), PriceMax: i(10)},
		{PriceMin: i(-1)},
		{Crafts: make([]string, search.MaxCrafts+1)},
	} {
		if _, err := try(t, e, q); !errors.Is(err, search.ErrInvalidQuery) {
			t.Errorf("Search(%s) = %v, want ErrInvalidQuery", describe(q), err)
		}
	}
}

func testDelete(t *testing.T, e search.Engine) {
	if err := e.Delete(ctx(t), PaperCut); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	expectSet(t, e, search.Query{Q: "剪纸"}, Basket)
	expectSet(t, e, search.Query{Q: "窗花"})
	expectSet(t, e, search.Query{}, Net, Beads, Sachet, HairClip, Basket, TShirt, Bracelet)
	// Unknown ids, repeated deletes and malformed ids are not errors.
	for _, ids := range [][]string{{PaperCut}, {"00000000-0000-4000-8000-0000000000ff"}, {"not-an-id", `x" OR 1=1`}, nil} {
		if err := e.Delete(ctx(t), ids...); err != nil {
			t.Errorf("Delete(%q): %v", ids, err)
		}
	}
	expectSet(t, e, search.Query{Deposit: "none"}, Net, Basket, TShirt)
}

func testUpsert(t *testing.T, e search.Engine) {
	old := Fixtures()[3] // Sachet: 刺绣香包, 300 fen
	v1, v2 := old, old
	v1.Title = "临时标题 网兜"
	v2.Title, v2.Description, v2.Tags, v2.UnitPrice = "十字绣抱枕", "十字绣抱枕面，绣好后缝合。", []string{"十字绣", "抱枕"}, 10
	// Within one call the later version of a document wins.
	if err := e.Upsert(ctx(t), v1, v2); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	expectSet(t, e, search.Query{Q: "香包"})
	expectSet(t, e, search.Query{Q: "抱枕"}, Sachet)
	expectSet(t, e, search.Query{Q: "十字绣"}, Sachet)
	expectSet(t, e, search.Query{Q: "网兜"}, Net)
	expectSet(t, e, search.Query{}, all()...) // replaced, not added
	expectOrder(t, e, search.Query{Sort: search.SortPriceAsc, PerPage: 2}, Sachet, HairClip)
	res := run(t, e, search.Query{Q: "抱枕"})
	if len(res.Hits) == 1 && (res.Hits[0].Doc.Title != v2.Title || res.Hits[0].Doc.UnitPrice != 10) {
		t.Errorf("upserted doc: %+v", res.Hits[0].Doc)
	}
}

func testReindex(t *testing.T, e search.Engine) {
	fx := Fixtures()
	net, beads := fx[0], fx[1]
	net.Title, net.Description = "编织购物袋", "编织环保购物袋，来料加工。"
	if err := e.Reindex(ctx(t), []search.OrderDoc{net, beads}); err != nil {
		t.Fatalf("Reindex: %v", err)
	}
	expectSet(t, e, search.Query{}, Net, Beads)
	expectSet(t, e, search.Query{Q: "网兜"})
	expectSet(t, e, search.Query{Q: "剪纸"})
	expectSet(t, e, search.Query{Q: "购物袋"}, Net)
	// The rebuilt index keeps its settings: filters, facets, geo sort.
	expectSet(t, e, search.Query{Region: "370000", Crafts: []string{"weaving", "beading"}}, Net)
	expectOrder(t, e, search.Query{Near: &Binzhou, Sort: search.SortDistance}, Net, Beads)
	// Writes after a reindex go to the live index.
	if err := e.Upsert(ctx(t), fx[2]); err != nil {
		t.Fatalf("Upsert after Reindex: %v", err)
	}
	expectSet(t, e, search.Query{Q: "剪纸"}, PaperCut)
	if err := e.Reindex(ctx(t), nil); err != nil {
		t.Fatalf("Reindex(nil): %v", err)
	}
	expectSet(t, e, search.Query{})
}
