package searchtest

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"doorstep/search"
)

// Workshop fixture ids, named after the workshop.
const (
	Bilin     = "20000000-0000-4000-8000-000000000001" // 碧林花园社区微工厂, Binzhou: weaving, packaging; verified, guaranteed
	Mingzhu   = "20000000-0000-4000-8000-000000000002" // 明珠花苑社区巧手坊, Shijiazhuang: beading, assembly; verified
	Yunnanlu  = "20000000-0000-4000-8000-000000000003" // 云南路社区手工作坊, Qingdao 市南区: paper cutting, embroidery, rhinestone; verified, guaranteed
	Chuhe     = "20000000-0000-4000-8000-000000000004" // 滁河社区幸福微坊, Changfeng: assembly, packaging, sewing; 20000 a week
	BeadHouse = "20000000-0000-4000-8000-000000000005" // 彩虹湖手工串珠坊, Binzhou (3.8 km away): beading; guaranteed
	Knot      = "20000000-0000-4000-8000-000000000006" // 中国结编织小组, Qingdao 市北区: weaving; verified
	Quancheng = "20000000-0000-4000-8000-000000000007" // 泉城绣娘工坊, Jinan: embroidery, sewing; verified, guaranteed
)

var workshopNames = map[string]string{Bilin: "Bilin", Mingzhu: "Mingzhu", Yunnanlu: "Yunnanlu", Chuhe: "Chuhe",
	BeadHouse: "BeadHouse", Knot: "Knot", Quancheng: "Quancheng"}

func allWorkshops() []string {
	return []string{Bilin, Mingzhu, Yunnanlu, Chuhe, BeadHouse, Knot, Quancheng}
}

var (
	jinan    = region{"370000", "370100", "370102", "山东省 济南市 历下区", 36.66, 117.05}
	qingdaoN = region{"370000", "370200", "370203", "山东省 青岛市 市北区", 36.09, 120.36}
	assembly = craft{"assembly", "组装", "Assembly"}
	packing  = craft{"packaging", "包装", "Packaging"}
)

// WorkshopFixtures returns seven workshops modelled on the seed stories.
// Capacities (two equal, to test the tie-break), creation times and
// distances are chosen so every ordering has one answer.
func WorkshopFixtures() []search.WorkshopDoc {
	d := func(id, name, host string, r region, dLat, dLng float64, crafts []craft, headcount, capacity int,
		verified, guaranteed bool, createdDaysAgo int) search.WorkshopDoc {
		doc := search.WorkshopDoc{
			ID: id, Name: name, Host: host,
			ProvinceCode: r.province, CityCode: r.city, DistrictCode: r.district, RegionName: r.name,
			Lat: r.lat + dLat, Lng: r.lng + dLng, Crafts: []string{}, CraftNamesZH: []string{}, CraftNamesEN: []string{},
			Headcount: headcount, WeeklyCapacity: capacity, Verified: verified, CommunityGuarantee: guaranteed,
			CreatedAt: Base.AddDate(0, 0, -createdDaysAgo),
		}
		names := strings.Fields(r.name)
		doc.ProvinceName, doc.CityName, doc.DistrictName = names[0], names[1], names[2]
		for _, c := range crafts {
			doc.Crafts = append(doc.Crafts, c.code)
			doc.CraftNamesZH = append(doc.CraftNamesZH, c.zh)
			doc.CraftNamesEN = append(doc.CraftNamesEN, c.en)
		}
		return doc
	}
	return []search.WorkshopDoc{
		d(Bilin, "碧林花园社区微工厂", "滨城区市西街道碧林花园社区党总支", binzhou, 0, 0,
			[]craft{weaving, packing}, 36, 3500, true, true, 10),
		d(Mingzhu, "明珠花苑社区巧手坊", "新华区赵佗路街道明珠花苑社区（德正社工）", shijiazhuang, 0, 0,
			[]craft{beading, assembly}, 72, 5000, true, false, 20),
		d(Yunnanlu, "云南路社区手工作坊", "市南区云南路社区党委（365便民工坊）", qingdao, 0, 0,
			[]craft{paperCut, embroidery, rhinestone}, 30, 1200, true, true, 30),
		d(Chuhe, "滁河社区幸福微坊", "长丰县双墩镇滁河社区党总支", changfeng, 0, 0,
			[]craft{assembly, packing, sewing}, 400, 20000, false, false, 5),
		// Older than Mingzhu: its name match, not its age, puts it first for 串珠.
		d(BeadHouse, "彩虹湖手工串珠坊", "滨城区彩虹湖社区居委会", binzhou, 0.03, 0.02,
			[]craft{beading}, 15, 800, false, true, 25),
		d(Knot, "中国结编织小组", "市北区辽宁路街道", qingdaoN, 0, 0,
			[]craft{weaving}, 20, 2000, true, false, 2),
		d(Quancheng, "泉城绣娘工坊", "历下区泉城路街道", jinan, 0, 0,
			[]craft{embroidery, sewing}, 50, 3500, true, true, 1),
	}
}

// RunWorkshops checks a workshop index. newEngine must return an engine on
// an empty index of its own.
func RunWorkshops(t *testing.T, newEngine func(t *testing.T) search.WorkshopEngine) {
	t.Run("read", func(t *testing.T) {
		e := loadWorkshops(t, newEngine, WorkshopFixtures())
		t.Run("text", func(t *testing.T) { testWorkshopText(t, e) })
		t.Run("relevance", func(t *testing.T) { testWorkshopRelevance(t, e) })
		t.Run("filters", func(t *testing.T) { testWorkshopFilters(t, e) })
		t.Run("sorts", func(t *testing.T) { testWorkshopSorts(t, e) })
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

// describeValue prints the set fields, shortening a long Q.
func describeValue(q search.WorkshopQuery) string {
	if len(q.Q) > 40 {
		q.Q = fmt.Sprintf("%s…(%d bytes)", strings.ToValidUTF8(q.Q[:40], ""), len(q.Q))
	}
	var parts []string
	if q.Q != "" {
		parts = append(parts, fmt.Sprintf("Q=%q", q.Q))
	}
	if len(q.Crafts) > 0 {
		parts = append(parts, fmt.Sprintf("Crafts=%.80q", q.Crafts))
	}
	if q.Region != "" {
		parts = append(parts, fmt.Sprintf("Region=%.40q", q.Region))
	}
	if q.Near != nil {
		parts = append(parts, fmt.Sprintf("Near=%v,%v", q.Near.Lat, q.Near.Lng))
	}
	if q.RadiusKm != 0 {
		parts = append(parts, fmt.Sprintf("RadiusKm=%v", q.RadiusKm))
	}
	if q.MinCapacity != nil {
		parts = append(parts, fmt.Sprintf("MinCapacity=%d", *q.MinCapacity))
	}
	if q.Verified {
		parts = append(parts, "Verified")
	}
	if q.Guaranteed {
		parts = append(parts, "Guaranteed")
	}
	if q.Sort != "" {
		parts = append(parts, fmt.Sprintf("Sort=%.40q", q.Sort))
	}
	if q.Page != 0 || q.PerPage != 0 {
		parts = append(parts, fmt.Sprintf("Page=%d PerPage=%d", q.Page, q.PerPage))
	}
	return strings.Join(parts, " ")
}

func tryW(t *testing.T, e search.WorkshopEngine, q search.WorkshopQuery) (res search.WorkshopResult, err error) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("SearchWorkshops(%s) panicked: %v", describeValue(q), p)
		}
	}()
	return e.SearchWorkshops(ctx(t), q)
}

func runW(t *testing.T, e search.WorkshopEngine, q search.WorkshopQuery) search.WorkshopResult {
	t.Helper()
	res, err := tryW(t, e, q)
	if err != nil {
		t.Fatalf("SearchWorkshops(%s): %v", describeValue(q), err)
	}
	if len(res.Hits) > max(q.PerPage, search.DefaultPerPage) {
		t.Fatalf("SearchWorkshops(%s): %d hits on one page", describeValue(q), len(res.Hits))
	}
	return res
}

func wids(res search.WorkshopResult) []string {
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.Doc.ID
	}
	return out
}

func wnames(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		if out[i] = workshopNames[id]; out[i] == "" {
			out[i] = id
		}
	}
	return fmt.Sprint(out)
}

// expectWorkshops checks the matching ids in any order, the total and the
// facet counts, which must equal the real counts over the expected workshops.
func expectWorkshops(t *testing.T, e search.WorkshopEngine, q search.WorkshopQuery, want ...string) {
	t.Helper()
	expectWorkshopsIn(t, e, WorkshopFixtures(), q, want...)
}

// expectWorkshopsIn is expectWorkshops when the index holds docs.
func expectWorkshopsIn(t *testing.T, e search.WorkshopEngine, docs []search.WorkshopDoc, q search.WorkshopQuery, want ...string) {
	t.Helper()
	q.PerPage = 100
	res := runW(t, e, q)
	got := slices.Sorted(slices.Values(wids(res)))
	if w := slices.Sorted(slices.Values(want)); !slices.Equal(got, w) {
		t.Errorf("SearchWorkshops(%s) = %s, want %s", describeValue(q), wnames(got), wnames(w))
	}
	if res.Total != len(want) {
		t.Errorf("SearchWorkshops(%s): total %d, want %d", describeValue(q), res.Total, len(want))
	}
	exp := map[string]map[string]int{"craft": {}, "province": {}}
	for _, d := range docs {
		if slices.Contains(want, d.ID) {
			for _, c := range d.Crafts {
				exp["craft"][c]++
			}
			exp["province"][d.ProvinceCode]++
		}
	}
	checkFacetCounts(t, describeValue(q), res.Facets, exp)
}

// checkFacetCounts compares facets, ignoring zero counts.
func checkFacetCounts(t *testing.T, q string, facets, exp map[string]map[string]int) {
	t.Helper()
	for dim, counts := range exp {
		got := map[string]int{}
		for k, n := range facets[dim] {
			if n != 0 {
				got[k] = n
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(counts) { // fmt sorts map keys
			t.Errorf("SearchWorkshops(%s): facet %s = %v, want %v", q, dim, got, counts)
		}
	}
}

func expectWorkshopOrder(t *testing.T, e search.WorkshopEngine, q search.WorkshopQuery, want ...string) {
	t.Helper()
	if got := wids(runW(t, e, q)); !slices.Equal(got, want) {
		t.Errorf("SearchWorkshops(%s) = %s, want %s", describeValue(q), wnames(got), wnames(want))
	}
}

func okOrInvalidW(t *testing.T, e search.WorkshopEngine, q search.WorkshopQuery) {
	t.Helper()
	if _, err := tryW(t, e, q); err != nil && !errors.Is(err, search.ErrInvalidQuery) {
		t.Errorf("SearchWorkshops(%s): engine error %v", describeValue(q), err)
	}
}

func testWorkshopText(t *testing.T, e search.WorkshopEngine) {
	for _, c := range []struct {
		q    string
		want []string
	}{
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
		{"刺绣 上海", nil},
		{"", allWorkshops()},
		{"  ，。！  ", allWorkshops()},
	} {
		expectWorkshops(t, e, search.WorkshopQuery{Q: c.q}, c.want...)
	}

	// The document comes back whole.
	res := runW(t, e, search.WorkshopQuery{Q: "手工串珠"})
	if len(res.Hits) == 1 {
		got, _ := json.Marshal(res.Hits[0].Doc)
		want, _ := json.Marshal(WorkshopFixtures()[4])
		if string(got) != string(want) {
			t.Errorf("hit doc round trip:\n got %s\nwant %s", got, want)
		}
		if res.Hits[0].DistanceKm != nil {
			t.Errorf("distance without near: %v", *res.Hits[0].DistanceKm)
		}
	}
}

func testWorkshopRelevance(t *testing.T, e search.WorkshopEngine) {
	// BeadHouse is older but has 串珠 in its name; Mingzhu only as a craft.
	expectWorkshopOrder(t, e, search.WorkshopQuery{Q: "串珠"}, BeadHouse, Mingzhu)
	// Knot has 编织 in its name, Bilin only as a craft.
	expectWorkshopOrder(t, e, search.WorkshopQuery{Q: "编织"}, Knot, Bilin)
	// No text: newest first.
	expectWorkshopOrder(t, e, search.WorkshopQuery{}, Quancheng, Knot, Chuhe, Bilin, Mingzhu, BeadHouse, Yunnanlu)
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
		t.Run(c.name, func(t *testing.T) { expectWorkshops(t, e, c.q, c.want...) })
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
	expectWorkshopOrder(t, e, search.WorkshopQuery{Sort: search.SortCapacity}, Chuhe, Mingzhu, Quancheng, Bilin, Knot, Yunnanlu, BeadHouse)
	expectWorkshopOrder(t, e, search.WorkshopQuery{Sort: search.SortNewest}, Quancheng, Knot, Chuhe, Bilin, Mingzhu, BeadHouse, Yunnanlu)
	expectWorkshopOrder(t, e, search.WorkshopQuery{Sort: search.SortDistance, Near: &Binzhou}, byDistanceFrom(Binzhou)...)
	// A sort applies to the matches of a text query or filter, not instead of it.
	expectWorkshopOrder(t, e, search.WorkshopQuery{Q: "社区", Sort: search.SortCapacity}, Chuhe, Mingzhu, Bilin, Yunnanlu, BeadHouse)
	expectWorkshopOrder(t, e, search.WorkshopQuery{Crafts: []string{"beading"}, Sort: search.SortDistance, Near: &Binzhou}, BeadHouse, Mingzhu)
	expectWorkshopOrder(t, e, search.WorkshopQuery{Guaranteed: true, Sort: search.SortNewest}, Quancheng, Bilin, BeadHouse, Yunnanlu)
}

func testWorkshopGeo(t *testing.T, e search.WorkshopEngine) {
	expectWorkshops(t, e, search.WorkshopQuery{Near: &Binzhou, RadiusKm: 50}, Bilin, BeadHouse)
	expectWorkshops(t, e, search.WorkshopQuery{Near: &Binzhou, RadiusKm: 300}, Bilin, BeadHouse, Quancheng, Yunnanlu, Knot)
	expectWorkshops(t, e, search.WorkshopQuery{Near: &Binzhou, RadiusKm: 1}, Bilin)
	expectWorkshops(t, e, search.WorkshopQuery{Near: &Binzhou, RadiusKm: 50, Q: "串珠"}, BeadHouse)
	expectWorkshops(t, e, search.WorkshopQuery{Near: &Binzhou, RadiusKm: 300, Crafts: []string{"embroidery"}}, Quancheng, Yunnanlu)
	expectWorkshopOrder(t, e, search.WorkshopQuery{Near: &Binzhou, RadiusKm: 300, Sort: search.SortDistance},
		Bilin, BeadHouse, Quancheng, Yunnanlu, Knot)
	// Near alone adds distances to every hit and filters nothing.
	byID := map[string]search.WorkshopDoc{}
	for _, d := range WorkshopFixtures() {
		byID[d.ID] = d
	}
	res := runW(t, e, search.WorkshopQuery{Near: &Binzhou, PerPage: 100})
	if len(res.Hits) != len(byID) {
		t.Fatalf("near without radius: %d hits, want all %d", len(res.Hits), len(byID))
	}
	for _, h := range res.Hits {
		d := byID[h.Doc.ID]
		want := DistanceKm(Binzhou, search.Point{Lat: d.Lat, Lng: d.Lng})
		// Meilisearch reports whole metres; allow that and 0.5% for the earth model.
		if h.DistanceKm == nil || math.Abs(*h.DistanceKm-want) > 0.005*want+0.002 {
			t.Errorf("%s: distance_km %v, want ≈ %.3f", wnames([]string{h.Doc.ID}), h.DistanceKm, want)
		}
	}
}

func testWorkshopPaging(t *testing.T, e search.WorkshopEngine) {
	q := search.WorkshopQuery{Sort: search.SortCapacity, PerPage: 2, Page: 2}
	res := runW(t, e, q)
	if got := wnames(wids(res)); got != wnames([]string{Quancheng, Bilin}) || res.Total != 7 {
		t.Errorf("page 2 of 4: %s total %d, want [Quancheng Bilin] total 7", got, res.Total)
	}
	q.Page = 4
	if res = runW(t, e, q); wnames(wids(res)) != wnames([]string{BeadHouse}) {
		t.Errorf("last page: %s", wnames(wids(res)))
	}
	q.Page = 5
	if res = runW(t, e, q); len(res.Hits) != 0 || res.Total != 7 {
		t.Errorf("beyond the last page: %d hits, total %d; want none, total 7", len(res.Hits), res.Total)
	}
	if res.Facets["province"]["370000"] != 5 {
		t.Errorf("beyond the last page: facets %v", res.Facets)
	}
	res = runW(t, e, search.WorkshopQuery{Q: "串珠", PerPage: 1, Page: 3})
	if len(res.Hits) != 0 || res.Total != 2 {
		t.Errorf("text query beyond the last page: %d hits, total %d", len(res.Hits), res.Total)
	}
	res = runW(t, e, search.WorkshopQuery{})
	if len(res.Hits) != 7 || res.Total != 7 {
		t.Errorf("defaults: %d hits, total %d", len(res.Hits), res.Total)
	}
}

func testWorkshopHostile(t *testing.T, e search.WorkshopEngine) {
	one := 1
	for _, q := range hostile {
		okOrInvalidW(t, e, search.WorkshopQuery{Q: q})
		okOrInvalidW(t, e, search.WorkshopQuery{Q: q, Crafts: []string{"weaving"}, Sort: search.SortCapacity, Verified: true})
		okOrInvalidW(t, e, search.WorkshopQuery{Q: q, Crafts: []string{q}})
		okOrInvalidW(t, e, search.WorkshopQuery{Q: q, Region: q, MinCapacity: &one})
		okOrInvalidW(t, e, search.WorkshopQuery{Q: q, Sort: q})
		okOrInvalidW(t, e, search.WorkshopQuery{Q: q, Near: &Binzhou, RadiusKm: 100, Sort: search.SortDistance, Guaranteed: true})
	}
	// Quotes, backslashes and operators are separators: the words inside still match.
	expectWorkshops(t, e, search.WorkshopQuery{Q: `"串珠"`}, BeadHouse, Mingzhu)
	expectWorkshops(t, e, search.WorkshopQuery{Q: `\串珠\`}, BeadHouse, Mingzhu)
	expectWorkshops(t, e, search.WorkshopQuery{Q: "串\xff珠"}, BeadHouse, Mingzhu) // the invalid byte is dropped
	expectWorkshops(t, e, search.WorkshopQuery{Q: "串珠 OR 刺绣"})                   // OR is a word: every word must match, no workshop has all
	expectWorkshops(t, e, search.WorkshopQuery{Q: "_geoRadius(37.38, 117.97, 100000000)"})
	// A filter value is one value, never filter syntax.
	expectWorkshops(t, e, search.WorkshopQuery{Crafts: []string{`weaving" OR crafts = "beading`}})
	expectWorkshops(t, e, search.WorkshopQuery{Crafts: []string{`weaving\`, `beading\"`}})
	expectWorkshops(t, e, search.WorkshopQuery{Crafts: []string{`weaving') OR ('1'='1`}})
	expectWorkshops(t, e, search.WorkshopQuery{Crafts: []string{`weaving"] OR verified = true OR crafts IN ["x`}})
	// Everything is still there.
	expectWorkshops(t, e, search.WorkshopQuery{}, allWorkshops()...)
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
		_, err := tryW(t, e, c.q)
		var pe *search.ParamError
		if !errors.Is(err, search.ErrInvalidQuery) || !errors.As(err, &pe) || pe.Param != c.param {
			t.Errorf("SearchWorkshops(%s) = %v, want ErrInvalidQuery naming %s", describeValue(c.q), err, c.param)
		}
	}
}

func testWorkshopDelete(t *testing.T, e search.WorkshopEngine) {
	if err := e.DeleteWorkshop(ctx(t), Yunnanlu); err != nil {
		t.Fatalf("DeleteWorkshop: %v", err)
	}
	expectWorkshops(t, e, search.WorkshopQuery{Q: "刺绣"}, Quancheng)
	expectWorkshops(t, e, search.WorkshopQuery{Q: "剪纸"})
	expectWorkshops(t, e, search.WorkshopQuery{}, Bilin, Mingzhu, Chuhe, BeadHouse, Knot, Quancheng)
	// Unknown ids, repeated deletes and malformed ids are not errors.
	for _, id := range []string{Yunnanlu, "20000000-0000-4000-8000-0000000000ff", "not-an-id", `x" OR 1=1`, ""} {
		if err := e.DeleteWorkshop(ctx(t), id); err != nil {
			t.Errorf("DeleteWorkshop(%q): %v", id, err)
		}
	}
	expectWorkshops(t, e, search.WorkshopQuery{Region: "370000"}, Bilin, BeadHouse, Knot, Quancheng)
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
	expectWorkshopsIn(t, e, docs, search.WorkshopQuery{Q: "幸福"})
	expectWorkshopsIn(t, e, docs, search.WorkshopQuery{Q: "十字绣"}, Chuhe)
	expectWorkshopsIn(t, e, docs, search.WorkshopQuery{Q: "串珠"}, BeadHouse, Mingzhu)
	expectWorkshopsIn(t, e, docs, search.WorkshopQuery{Crafts: []string{"packaging"}}, Bilin)
	expectWorkshopsIn(t, e, docs, search.WorkshopQuery{Crafts: []string{"embroidery"}}, Yunnanlu, Quancheng, Chuhe)
	expectWorkshopsIn(t, e, docs, search.WorkshopQuery{Verified: true}, Bilin, Mingzhu, Yunnanlu, Chuhe, Knot, Quancheng)
	expectWorkshopsIn(t, e, docs, search.WorkshopQuery{}, allWorkshops()...) // replaced, not added
	expectWorkshopOrder(t, e, search.WorkshopQuery{Sort: search.SortNewest, PerPage: 2}, Chuhe, Quancheng)
	expectWorkshopOrder(t, e, search.WorkshopQuery{Sort: search.SortCapacity, Verified: true}, Mingzhu, Quancheng, Bilin, Knot, Yunnanlu, Chuhe)
	res := runW(t, e, search.WorkshopQuery{Q: "十字绣"})
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
	expectWorkshops(t, e, search.WorkshopQuery{}, Bilin, Mingzhu)
	expectWorkshops(t, e, search.WorkshopQuery{Q: "微工厂"})
	expectWorkshops(t, e, search.WorkshopQuery{Q: "合作社"}, Bilin)
	expectWorkshops(t, e, search.WorkshopQuery{Q: "刺绣"})
	// The rebuilt index keeps its settings: filters, facets, geo sort.
	expectWorkshops(t, e, search.WorkshopQuery{Region: "370000", Crafts: []string{"weaving", "beading"}, Verified: true}, Bilin)
	expectWorkshopOrder(t, e, search.WorkshopQuery{Near: &Binzhou, Sort: search.SortDistance}, Bilin, Mingzhu)
	expectWorkshopOrder(t, e, search.WorkshopQuery{Sort: search.SortCapacity}, Mingzhu, Bilin)
	// Writes after a reindex go to the live index.
	if err := e.UpsertWorkshops(ctx(t), fx[2]); err != nil {
		t.Fatalf("UpsertWorkshops after ReindexWorkshops: %v", err)
	}
	expectWorkshops(t, e, search.WorkshopQuery{Q: "剪纸"}, Yunnanlu)
	if err := e.ReindexWorkshops(ctx(t), nil); err != nil {
		t.Fatalf("ReindexWorkshops(nil): %v", err)
	}
	expectWorkshops(t, e, search.WorkshopQuery{})
}
