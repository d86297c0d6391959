package searchtest

import (
	"cmp"
	"context"
	"errors"
	"math"
	"slices"
	"testing"

	"doorstep/search"
)

// RunWorkshops checks a workshop index. newEngine must return an engine on
// an empty index of its own.
func RunWorkshops(t *testing.T, newEngine func(t *testing.T) search.WorkshopEngine) {
	t.Run("read", func(t *testing.T) {
		e := loadWorkshops(t, newEngine, WorkshopFixtures())
		t.Run("text", func(t *testing.T) { testWorkshopText(t, e) })
		t.Run("partial", func(t *testing.T) {
			ws(e).expectPartial(t, search.WorkshopQuery{Q: "刺绣 上海"}, []string{"刺绣"}, Yunnanlu, Quancheng)
			ws(e).expectPartial(t, search.WorkshopQuery{Q: "编织 滨州 上海"}, []string{"编织", "滨州"}, Bilin)
			ws(e).expectSet(t, search.WorkshopQuery{Q: "串珠 编织 上海"}) // no workshop has two of the three
		})
		t.Run("relevance", func(t *testing.T) { testWorkshopRelevance(t, e) })
		t.Run("filters", func(t *testing.T) { testWorkshopFilters(t, e) })
		t.Run("sorts", func(t *testing.T) { testWorkshopSorts(t, e) })
		t.Run("scores", func(t *testing.T) { testWorkshopScores(t, e) })
		t.Run("geo", func(t *testing.T) { testWorkshopGeo(t, e) })
		t.Run("paging", func(t *testing.T) { testWorkshopPaging(t, e) })
		t.Run("hostile", func(t *testing.T) { testWorkshopHostile(t, e) })
		t.Run("invalid", func(t *testing.T) { testWorkshopInvalid(t, e) })
	})
	t.Run("delete", func(t *testing.T) { testWorkshopDelete(t, loadWorkshops(t, newEngine, WorkshopFixtures())) })
	t.Run("upsert", func(t *testing.T) { testWorkshopUpsert(t, loadWorkshops(t, newEngine, WorkshopFixtures())) })
	t.Run("reindex", func(t *testing.T) { testWorkshopReindex(t, loadWorkshops(t, newEngine, WorkshopFixtures())) })
}

func loadWorkshops(t *testing.T, newEngine func(t *testing.T) search.WorkshopEngine, docs []search.WorkshopDoc) search.WorkshopEngine {
	t.Helper()
	e := newEngine(t)
	for range 2 {
		if err := e.ApplyWorkshopSettings(ctx(t)); err != nil {
			t.Fatalf("ApplyWorkshopSettings: %v", err)
		}
	}
	if err := e.UpsertWorkshops(ctx(t), docs...); err != nil {
		t.Fatalf("UpsertWorkshops: %v", err)
	}
	return e
}

// workshopsIn is the checker of a workshop engine holding docs.
func workshopsIn(e search.WorkshopEngine, docs []search.WorkshopDoc) checker[search.WorkshopQuery, search.WorkshopHit] {
	return checker[search.WorkshopQuery, search.WorkshopHit]{
		search: func(c context.Context, q search.WorkshopQuery) (search.WorkshopResult, error) {
			return e.SearchWorkshops(c, q)
		},
		id: func(h search.WorkshopHit) string { return h.Doc.ID }, names: workshopNames,
		facets: func(want []string) map[string]map[string]int {
			return facetsOf(docs, want, func(d search.WorkshopDoc) string { return d.ID }, func(d search.WorkshopDoc) map[string][]string {
				return map[string][]string{"craft": d.Crafts, "province": {d.ProvinceCode}}
			})
		}}
}

// ws is the checker of a workshop engine holding WorkshopFixtures().
func ws(e search.WorkshopEngine) checker[search.WorkshopQuery, search.WorkshopHit] {
	return workshopsIn(e, WorkshopFixtures())
}

// WorkshopTextCases are the text cases over WorkshopFixtures().
func WorkshopTextCases() []TextCase { return slices.Clone(workshopText) }

var workshopText = []TextCase{
	// Chinese sub-words: 串珠 inside the name 彩虹湖手工串珠坊 and the craft name 串珠
	{"串珠", []string{BeadHouse, Mingzhu}},
	{"手工串珠", []string{BeadHouse}},
	{"微工厂", []string{Bilin}},
	{"巧手", []string{Mingzhu}},
	{"绣娘", []string{Quancheng}},
	// host community, crafts in either language, region names
	{"社区", []string{Bilin, Mingzhu, Yunnanlu, Chuhe, BeadHouse}},
	{"党总支", []string{Bilin, Chuhe}},
	{"365", []string{Yunnanlu}},
	{"Beading", []string{BeadHouse, Mingzhu}},
	{"paper cutting", []string{Yunnanlu}},
	{"包装", []string{Bilin, Chuhe}},
	{"滨州", []string{Bilin, BeadHouse}},
	{"青岛", []string{Yunnanlu, Knot}},
	// several words: every one must match, in any field
	{"编织 滨州", []string{Bilin}},
	{"刺绣 青岛", []string{Yunnanlu}},
	{"刺绣，青岛！", []string{Yunnanlu}},
	// run together, synonyms, traditional characters in the query and in the index
	{"巧手串珠", []string{Mingzhu}},
	{"穿珠", []string{BeadHouse, Mingzhu}},
	{"刺繡", []string{Yunnanlu, Quancheng}},
	{"双墩", []string{Chuhe}}, // its host is written 長豐縣雙墩鎮
	{"雙墩", []string{Chuhe}},
	{"", allWorkshops()},
	{"  ，。！  ", allWorkshops()},
}

func testWorkshopText(t *testing.T, e search.WorkshopEngine) {
	for _, c := range workshopText {
		ws(e).expectSet(t, search.WorkshopQuery{Q: c.Q}, c.Want...)
	}

	// The document comes back whole.
	ws(e).expectWhole(t, search.WorkshopQuery{Q: "手工串珠"}, WorkshopFixtures()[4])
}

func testWorkshopRelevance(t *testing.T, e search.WorkshopEngine) {
	// BeadHouse is older but has 串珠 in its name; Mingzhu only as a craft.
	ws(e).expectOrder(t, search.WorkshopQuery{Q: "串珠"}, BeadHouse, Mingzhu)
	// Knot has 编织 in its name, Bilin only as a craft.
	ws(e).expectOrder(t, search.WorkshopQuery{Q: "编织"}, Knot, Bilin)
	// No text: newest first.
	ws(e).expectOrder(t, search.WorkshopQuery{}, Quancheng, Knot, Chuhe, Bilin, Mingzhu, BeadHouse, Yunnanlu)
}

func testWorkshopFilters(t *testing.T, e search.WorkshopEngine) {
	i := func(v int) *int { return &v }
	for _, c := range []struct {
		name string
		q    search.WorkshopQuery
		want []string
	}{
		{"craft", search.WorkshopQuery{Crafts: []string{"weaving"}}, []string{Bilin, Knot}},
		{"crafts (any)", search.WorkshopQuery{Crafts: []string{"weaving", "beading"}}, []string{Bilin, Knot, Mingzhu, BeadHouse}},
		{"second craft", search.WorkshopQuery{Crafts: []string{"packaging"}}, []string{Bilin, Chuhe}},
		{"craft and text", search.WorkshopQuery{Q: "社区", Crafts: []string{"beading"}}, []string{Mingzhu, BeadHouse}},
		{"unknown craft", search.WorkshopQuery{Crafts: []string{"knitting"}}, nil},
		{"province covers districts", search.WorkshopQuery{Region: "370000"}, []string{Bilin, BeadHouse, Yunnanlu, Knot, Quancheng}},
		{"city", search.WorkshopQuery{Region: "371600"}, []string{Bilin, BeadHouse}},
		{"city covers districts", search.WorkshopQuery{Region: "370200"}, []string{Yunnanlu, Knot}},
		{"district", search.WorkshopQuery{Region: "370202"}, []string{Yunnanlu}},
		{"county", search.WorkshopQuery{Region: "340121"}, []string{Chuhe}},
		{"empty region", search.WorkshopQuery{Region: "650000"}, nil},
		{"min capacity (inclusive)", search.WorkshopQuery{MinCapacity: i(3500)}, []string{Bilin, Mingzhu, Chuhe, Quancheng}},
		{"min capacity", search.WorkshopQuery{MinCapacity: i(3501)}, []string{Mingzhu, Chuhe}},
		{"min capacity 0", search.WorkshopQuery{MinCapacity: i(0)}, allWorkshops()},
		{"min capacity too high", search.WorkshopQuery{MinCapacity: i(search.MaxCapacity)}, nil},
		{"verified", search.WorkshopQuery{Verified: true}, []string{Bilin, Mingzhu, Yunnanlu, Knot, Quancheng}},
		{"guaranteed", search.WorkshopQuery{Guaranteed: true}, []string{Bilin, Yunnanlu, BeadHouse, Quancheng}},
		{"verified and guaranteed", search.WorkshopQuery{Verified: true, Guaranteed: true}, []string{Bilin, Yunnanlu, Quancheng}},
		{"text and guaranteed", search.WorkshopQuery{Q: "社区", Guaranteed: true}, []string{Bilin, Yunnanlu, BeadHouse}},
		{"combined", search.WorkshopQuery{Region: "370000", Crafts: []string{"embroidery"}, Verified: true}, []string{Yunnanlu, Quancheng}},
		{"combined with capacity", search.WorkshopQuery{Region: "370000", Crafts: []string{"embroidery"}, Verified: true, MinCapacity: i(2000)}, []string{Quancheng}},
	} {
		t.Run(c.name, func(t *testing.T) { ws(e).expectSet(t, c.q, c.want...) })
	}
}

func byDistanceFrom(p search.Point, ids ...string) []string {
	docs := WorkshopFixtures()
	slices.SortFunc(docs, func(a, b search.WorkshopDoc) int {
		return cmp.Compare(DistanceKm(p, search.Point{Lat: a.Lat, Lng: a.Lng}), DistanceKm(p, search.Point{Lat: b.Lat, Lng: b.Lng}))
	})
	var out []string
	for _, d := range docs {
		if len(ids) == 0 || slices.Contains(ids, d.ID) {
			out = append(out, d.ID)
		}
	}
	return out
}

func testWorkshopSorts(t *testing.T, e search.WorkshopEngine) {
	// Bilin and Quancheng both make 3500 a week: the newer comes first.
	ws(e).expectOrder(t, search.WorkshopQuery{Sort: search.SortCapacity}, Chuhe, Mingzhu, Quancheng, Bilin, Knot, Yunnanlu, BeadHouse)
	ws(e).expectOrder(t, search.WorkshopQuery{Sort: search.SortNewest}, Quancheng, Knot, Chuhe, Bilin, Mingzhu, BeadHouse, Yunnanlu)
	ws(e).expectOrder(t, search.WorkshopQuery{Sort: search.SortDistance, Near: &Binzhou}, byDistanceFrom(Binzhou)...)
	// A sort applies to the matches of a text query or filter, not instead of it.
	ws(e).expectOrder(t, search.WorkshopQuery{Q: "社区", Sort: search.SortCapacity}, Chuhe, Mingzhu, Bilin, Yunnanlu, BeadHouse)
	ws(e).expectOrder(t, search.WorkshopQuery{Crafts: []string{"beading"}, Sort: search.SortDistance, Near: &Binzhou}, BeadHouse, Mingzhu)
	ws(e).expectOrder(t, search.WorkshopQuery{Guaranteed: true, Sort: search.SortNewest}, Quancheng, Bilin, BeadHouse, Yunnanlu)
}

func testWorkshopGeo(t *testing.T, e search.WorkshopEngine) {
	ws(e).expectSet(t, search.WorkshopQuery{Near: &Binzhou, RadiusKm: 50}, Bilin, BeadHouse)
	ws(e).expectSet(t, search.WorkshopQuery{Near: &Binzhou, RadiusKm: 300}, Bilin, BeadHouse, Quancheng, Yunnanlu, Knot)
	ws(e).expectSet(t, search.WorkshopQuery{Near: &Binzhou, RadiusKm: 1}, Bilin)
	ws(e).expectSet(t, search.WorkshopQuery{Near: &Binzhou, RadiusKm: 50, Q: "串珠"}, BeadHouse)
	ws(e).expectSet(t, search.WorkshopQuery{Near: &Binzhou, RadiusKm: 300, Crafts: []string{"embroidery"}}, Quancheng, Yunnanlu)
	ws(e).expectOrder(t, search.WorkshopQuery{Near: &Binzhou, RadiusKm: 300, Sort: search.SortDistance},
		Bilin, BeadHouse, Quancheng, Yunnanlu, Knot)
	// Near alone adds distances to every hit and filters nothing.
	ws(e).expectDistances(t, search.WorkshopQuery{Near: &Binzhou, PerPage: search.MaxPerPage}, Binzhou, len(WorkshopFixtures()))
}

func testWorkshopPaging(t *testing.T, e search.WorkshopEngine) {
	q := search.WorkshopQuery{Sort: search.SortCapacity, PerPage: 2, Page: 2}
	res := ws(e).run(t, q)
	if got := ws(nil).name(ws(nil).ids(res)); got != ws(nil).name([]string{Quancheng, Bilin}) || res.Total != 7 {
		t.Errorf("page 2 of 4: %s total %d, want [Quancheng Bilin] total 7", got, res.Total)
	}
	q.Page = 4
	if res = ws(e).run(t, q); ws(nil).name(ws(nil).ids(res)) != ws(nil).name([]string{BeadHouse}) {
		t.Errorf("last page: %s", ws(nil).name(ws(nil).ids(res)))
	}
	q.Page = 5
	if res = ws(e).run(t, q); len(res.Hits) != 0 || res.Total != 7 {
		t.Errorf("beyond the last page: %d hits, total %d; want none, total 7", len(res.Hits), res.Total)
	}
	if res.Facets["province"]["370000"] != 5 {
		t.Errorf("beyond the last page: facets %v", res.Facets)
	}
	res = ws(e).run(t, search.WorkshopQuery{Q: "串珠", PerPage: 1, Page: 3})
	if len(res.Hits) != 0 || res.Total != 2 {
		t.Errorf("text query beyond the last page: %d hits, total %d", len(res.Hits), res.Total)
	}
	res = ws(e).run(t, search.WorkshopQuery{})
	if len(res.Hits) != 7 || res.Total != 7 {
		t.Errorf("defaults: %d hits, total %d", len(res.Hits), res.Total)
	}
}

func testWorkshopHostile(t *testing.T, e search.WorkshopEngine) {
	one := 1
	for _, q := range hostile {
		ws(e).okOrInvalid(t, search.WorkshopQuery{Q: q})
		ws(e).okOrInvalid(t, search.WorkshopQuery{Q: q, Crafts: []string{"weaving"}, Sort: search.SortCapacity, Verified: true})
		ws(e).okOrInvalid(t, search.WorkshopQuery{Q: q, Crafts: []string{q}})
		ws(e).okOrInvalid(t, search.WorkshopQuery{Q: q, Region: q, MinCapacity: &one})
		ws(e).okOrInvalid(t, search.WorkshopQuery{Q: q, Sort: q})
		ws(e).okOrInvalid(t, search.WorkshopQuery{Q: q, Near: &Binzhou, RadiusKm: 100, Sort: search.SortDistance, Guaranteed: true})
	}
	// Quotes, backslashes and operators are separators: the words inside still match.
	ws(e).expectSet(t, search.WorkshopQuery{Q: `"串珠"`}, BeadHouse, Mingzhu)
	ws(e).expectSet(t, search.WorkshopQuery{Q: `\串珠\`}, BeadHouse, Mingzhu)
	ws(e).expectSet(t, search.WorkshopQuery{Q: "串\xff珠"}, BeadHouse, Mingzhu) // the invalid byte is dropped
	ws(e).expectSet(t, search.WorkshopQuery{Q: "串珠 OR 刺绣"})                   // OR is a word: every word must match, no workshop has all
	ws(e).expectSet(t, search.WorkshopQuery{Q: "_geoRadius(37.38, 117.97, 100000000)"})
	// A filter value is one value, never filter syntax.
	ws(e).expectSet(t, search.WorkshopQuery{Crafts: []string{`weaving" OR crafts = "beading`}})
	ws(e).expectSet(t, search.WorkshopQuery{Crafts: []string{`weaving\`, `beading\"`}})
	ws(e).expectSet(t, search.WorkshopQuery{Crafts: []string{`weaving') OR ('1'='1`}})
	ws(e).expectSet(t, search.WorkshopQuery{Crafts: []string{`weaving"] OR verified = true OR crafts IN ["x`}})
	// Everything is still there.
	ws(e).expectSet(t, search.WorkshopQuery{}, allWorkshops()...)
}

func testWorkshopInvalid(t *testing.T, e search.WorkshopEngine) {
	i := func(v int) *int { return &v }
	north := search.Point{Lat: 91, Lng: 0}
	for _, c := range []struct {
		q     search.WorkshopQuery
		param string
	}{
		{search.WorkshopQuery{PerPage: search.MaxPerPage + 1}, "per_page"},
		{search.WorkshopQuery{Page: -1}, "page"},
		{search.WorkshopQuery{Page: search.MaxResultWindow, PerPage: 20}, "page"},
		{search.WorkshopQuery{Sort: "capacity; DROP TABLE x"}, "sort"},
		{search.WorkshopQuery{Sort: search.SortPriceAsc}, "sort"}, // an order sort, not a workshop one
		{search.WorkshopQuery{Sort: search.SortDistance}, "sort"},
		{search.WorkshopQuery{RadiusKm: 10}, "near"},
		{search.WorkshopQuery{Near: &Binzhou, RadiusKm: math.NaN()}, "radius_km"},
		{search.WorkshopQuery{Near: &Binzhou, RadiusKm: -1}, "radius_km"},
		{search.WorkshopQuery{Near: &north}, "near"},
		{search.WorkshopQuery{Region: "37"}, "region"},
		{search.WorkshopQuery{Region: `370000" OR 1=1`}, "region"},
		{search.WorkshopQuery{MinCapacity: i(-1)}, "min_capacity"},
		{search.WorkshopQuery{Crafts: make([]string, search.MaxCrafts+1)}, "craft"},
		{search.WorkshopQuery{Crafts: []string{"a\x00"}}, "craft"},
	} {
		_, err := ws(e).try(t, c.q)
		var pe *search.ParamError
		if !errors.Is(err, search.ErrInvalidQuery) || !errors.As(err, &pe) || pe.Param != c.param {
			t.Errorf("SearchWorkshops(%s) = %v, want ErrInvalidQuery naming %s", describe(c.q), err, c.param)
		}
	}
}

func testWorkshopDelete(t *testing.T, e search.WorkshopEngine) {
	if err := e.DeleteWorkshop(ctx(t), Yunnanlu); err != nil {
		t.Fatalf("DeleteWorkshop: %v", err)
	}
	ws(e).expectSet(t, search.WorkshopQuery{Q: "刺绣"}, Quancheng)
	ws(e).expectSet(t, search.WorkshopQuery{Q: "剪纸"})
	ws(e).expectSet(t, search.WorkshopQuery{}, Bilin, Mingzhu, Chuhe, BeadHouse, Knot, Quancheng)
	// Unknown ids, repeated deletes and malformed ids are not errors.
	for _, id := range []string{Yunnanlu, "20000000-0000-4000-8000-0000000000ff", "not-an-id", `x" OR 1=1`, ""} {
		if err := e.DeleteWorkshop(ctx(t), id); err != nil {
			t.Errorf("DeleteWorkshop(%q): %v", id, err)
		}
	}
	ws(e).expectSet(t, search.WorkshopQuery{Region: "370000"}, Bilin, BeadHouse, Knot, Quancheng)
}

func testWorkshopUpsert(t *testing.T, e search.WorkshopEngine) {
	old := WorkshopFixtures()[3] // Chuhe: assembly, packaging, sewing; not verified
	v1, v2 := old, old
	v1.Name = "临时名称 串珠"
	v2.Name, v2.Crafts, v2.CraftNamesZH, v2.CraftNamesEN = "滁河社区十字绣坊", []string{"embroidery"}, []string{"刺绣"}, []string{"Embroidery"}
	v2.Verified, v2.WeeklyCapacity, v2.CreatedAt = true, 100, Base
	// Within one call the later version of a document wins.
	if err := e.UpsertWorkshops(ctx(t), v1, v2); err != nil {
		t.Fatalf("UpsertWorkshops: %v", err)
	}
	docs := WorkshopFixtures()
	docs[3] = v2
	workshopsIn(e, docs).expectSet(t, search.WorkshopQuery{Q: "幸福"})
	workshopsIn(e, docs).expectSet(t, search.WorkshopQuery{Q: "十字绣"}, Chuhe)
	workshopsIn(e, docs).expectSet(t, search.WorkshopQuery{Q: "串珠"}, BeadHouse, Mingzhu)
	workshopsIn(e, docs).expectSet(t, search.WorkshopQuery{Crafts: []string{"packaging"}}, Bilin)
	workshopsIn(e, docs).expectSet(t, search.WorkshopQuery{Crafts: []string{"embroidery"}}, Yunnanlu, Quancheng, Chuhe)
	workshopsIn(e, docs).expectSet(t, search.WorkshopQuery{Verified: true}, Bilin, Mingzhu, Yunnanlu, Chuhe, Knot, Quancheng)
	workshopsIn(e, docs).expectSet(t, search.WorkshopQuery{}, allWorkshops()...) // replaced, not added
	ws(e).expectOrder(t, search.WorkshopQuery{Sort: search.SortNewest, PerPage: 2}, Chuhe, Quancheng)
	ws(e).expectOrder(t, search.WorkshopQuery{Sort: search.SortCapacity, Verified: true}, Mingzhu, Quancheng, Bilin, Knot, Yunnanlu, Chuhe)
	res := ws(e).run(t, search.WorkshopQuery{Q: "十字绣"})
	if len(res.Hits) == 1 && (res.Hits[0].Doc.Name != v2.Name || res.Hits[0].Doc.WeeklyCapacity != 100 || !res.Hits[0].Doc.CreatedAt.Equal(Base)) {
		t.Errorf("upserted doc: %+v", res.Hits[0].Doc)
	}
}

func testWorkshopReindex(t *testing.T, e search.WorkshopEngine) {
	fx := WorkshopFixtures()
	bilin, mingzhu := fx[0], fx[1]
	bilin.Name = "碧林花园编织合作社"
	if err := e.ReindexWorkshops(ctx(t), []search.WorkshopDoc{bilin, mingzhu}); err != nil {
		t.Fatalf("ReindexWorkshops: %v", err)
	}
	ws(e).expectSet(t, search.WorkshopQuery{}, Bilin, Mingzhu)
	ws(e).expectSet(t, search.WorkshopQuery{Q: "微工厂"})
	ws(e).expectSet(t, search.WorkshopQuery{Q: "合作社"}, Bilin)
	ws(e).expectSet(t, search.WorkshopQuery{Q: "刺绣"})
	// The rebuilt index keeps its settings: filters, facets, geo sort.
	ws(e).expectSet(t, search.WorkshopQuery{Region: "370000", Crafts: []string{"weaving", "beading"}, Verified: true}, Bilin)
	ws(e).expectOrder(t, search.WorkshopQuery{Near: &Binzhou, Sort: search.SortDistance}, Bilin, Mingzhu)
	ws(e).expectOrder(t, search.WorkshopQuery{Sort: search.SortCapacity}, Mingzhu, Bilin)
	// Writes after a reindex go to the live index.
	if err := e.UpsertWorkshops(ctx(t), fx[2]); err != nil {
		t.Fatalf("UpsertWorkshops after ReindexWorkshops: %v", err)
	}
	ws(e).expectSet(t, search.WorkshopQuery{Q: "剪纸"}, Yunnanlu)
	if err := e.ReindexWorkshops(ctx(t), nil); err != nil {
		t.Fatalf("ReindexWorkshops(nil): %v", err)
	}
	ws(e).expectSet(t, search.WorkshopQuery{})
}
