package searchtest

import (
	"cmp"
	"slices"
	"testing"

	"doorstep/search"
)

func all() []string {
	return []string{Net, Beads, PaperCut, Sachet, HairClip, Basket, TShirt, Bracelet}
}

// TextCase is a query and the fixtures every engine must find for it.
type TextCase struct {
	Q    string
	Want []string
}

// OrderTextCases are the text cases over Fixtures() (also read by the
// Meilisearch tokenizer model in search/meili).
func OrderTextCases() []TextCase { return append(slices.Clone(orderText), languageText...) }

var orderText = []TextCase{
	// Chinese sub-words: jieba keeps 编织网兜 as one word, bigrams find its parts
	{"网兜", []string{Net}},
	{"串珠", []string{Beads, Bracelet}},
	{"窗花", []string{PaperCut}},
	{"编织网兜", []string{Net}},
	{"手工串珠饰品", []string{Beads}},
	// Chinese mixed with Latin letters and digits, full-width forms, case
	{"A4纸", []string{HairClip}},
	{"ａ４纸卡", []string{HairClip}},
	{"2024", []string{HairClip}},
	{"xl", []string{TShirt}},
	{"T恤", []string{TShirt}},
	{"Beading", []string{Beads, Bracelet}},
	{"paper cutting", []string{PaperCut}},
	// several words: every one must match, in any field
	{"编织", []string{Net, Basket}},
	{"编织 滨州", []string{Net}},
	{"滨州，编织！", []string{Net}},
	{"", all()},
	{"  ，。！  ", all()}, // no tokens: match everything
}

func testText(t *testing.T, e search.Engine) {
	for _, c := range orderText {
		expectSet(t, e, search.Query{Q: c.Q}, c.Want...)
	}

	// The document comes back whole.
	orders(e).expectWhole(t, search.Query{Q: "网兜"}, Fixtures()[0])
}

func testRelevance(t *testing.T, e search.Engine) {
	// Basket is newer but has 剪纸 only in its description: the title match comes first.
	expectOrder(t, e, search.Query{Q: "剪纸"}, PaperCut, Basket)
	expectOrder(t, e, search.Query{Q: "编织"}, Net, Basket)
	// No text: newest first.
	expectOrder(t, e, search.Query{}, Basket, Net, Beads, PaperCut, Sachet, HairClip, TShirt, Bracelet)
}

func testFilters(t *testing.T, e search.Engine) {
	i := func(v int64) *int64 { return &v }
	before := Base.AddDate(0, 0, 10)
	for _, c := range []struct {
		name string
		q    search.Query
		want []string
	}{
		{"craft", search.Query{Crafts: []string{"weaving"}}, []string{Net, Basket}},
		{"crafts", search.Query{Crafts: []string{"weaving", "beading"}}, []string{Net, Basket, Beads, Bracelet}},
		{"craft and text", search.Query{Q: "剪纸", Crafts: []string{"weaving"}}, []string{Basket}},
		{"unknown craft", search.Query{Crafts: []string{"knitting"}}, nil},
		{"province", search.Query{Region: "370000"}, []string{Net, HairClip, PaperCut, Basket}},
		{"city", search.Query{Region: "371600"}, []string{Net, HairClip}},
		{"other city", search.Query{Region: "370200"}, []string{PaperCut, Basket}},
		{"district", search.Query{Region: "130105"}, []string{Beads, TShirt}},
		{"county", search.Query{Region: "340121"}, []string{Sachet, Bracelet}},
		{"empty region", search.Query{Region: "650000"}, nil},
		{"price range", search.Query{PriceMin: i(30), PriceMax: i(100)}, []string{Net, Beads, Bracelet}},
		{"price bounds inclusive", search.Query{PriceMin: i(35), PriceMax: i(60)}, []string{Net, Bracelet}},
		{"price min", search.Query{PriceMin: i(150)}, []string{Basket, Sachet}},
		{"deadline before (inclusive)", search.Query{DeadlineBefore: &before}, []string{Net, Beads, HairClip, TShirt}},
		{"deposit none", search.Query{Deposit: "none"}, []string{Net, PaperCut, Basket, TShirt}},
		{"deposit fixed", search.Query{Deposit: "fixed"}, []string{Beads, Bracelet}},
		{"combined", search.Query{Region: "370000", Deposit: "none", PriceMax: i(100)}, []string{Net}},
	} {
		t.Run(c.name, func(t *testing.T) { expectSet(t, e, c.q, c.want...) })
	}
}

func testSorts(t *testing.T, e search.Engine) {
	expectOrder(t, e, search.Query{Sort: search.SortPriceAsc}, HairClip, TShirt, Net, Bracelet, Beads, PaperCut, Basket, Sachet)
	expectOrder(t, e, search.Query{Sort: search.SortPriceDesc}, Sachet, Basket, PaperCut, Beads, Bracelet, Net, TShirt, HairClip)
	expectOrder(t, e, search.Query{Sort: search.SortDeadline}, HairClip, Beads, TShirt, Net, Bracelet, Sachet, PaperCut, Basket)
	expectOrder(t, e, search.Query{Sort: search.SortNewest}, Basket, Net, Beads, PaperCut, Sachet, HairClip, TShirt, Bracelet)
	byDistance := Fixtures()
	slices.SortFunc(byDistance, func(a, b search.OrderDoc) int {
		return cmp.Compare(DistanceKm(Binzhou, search.Point{Lat: a.Lat, Lng: a.Lng}), DistanceKm(Binzhou, search.Point{Lat: b.Lat, Lng: b.Lng}))
	})
	var nearest []string
	for _, d := range byDistance {
		nearest = append(nearest, d.ID)
	}
	expectOrder(t, e, search.Query{Sort: search.SortDistance, Near: &Binzhou}, nearest...)
	// A sort applies to the matches of a text query, not instead of it.
	expectOrder(t, e, search.Query{Q: "编织", Sort: search.SortPriceDesc}, Basket, Net)
	expectOrder(t, e, search.Query{Crafts: []string{"beading"}, Sort: search.SortPriceAsc}, Bracelet, Beads)
}

func testGeo(t *testing.T, e search.Engine) {
	expectSet(t, e, search.Query{Near: &Binzhou, RadiusKm: 50}, Net, HairClip)
	expectSet(t, e, search.Query{Near: &Binzhou, RadiusKm: 300}, Net, HairClip, PaperCut, Basket)
	expectSet(t, e, search.Query{Near: &Binzhou, RadiusKm: 50, Q: "发夹"}, HairClip)
	expectSet(t, e, search.Query{Near: &Binzhou, RadiusKm: 1}, Net)
	expectOrder(t, e, search.Query{Near: &Binzhou, RadiusKm: 50, Sort: search.SortDistance}, Net, HairClip)

	orders(e).expectDistances(t, search.Query{Near: &Binzhou, PerPage: search.MaxPerPage}, Binzhou, len(Fixtures()))
}

func testPaging(t *testing.T, e search.Engine) {
	q := search.Query{Sort: search.SortPriceAsc, PerPage: 2, Page: 2}
	res := run(t, e, q)
	if got := names(ids(res)); got != names([]string{Net, Bracelet}) || res.Total != 8 {
		t.Errorf("page 2 of 2: %s total %d, want [Net Bracelet] total 8", got, res.Total)
	}
	q.Page = 4
	if res = run(t, e, q); names(ids(res)) != names([]string{Basket, Sachet}) {
		t.Errorf("last page: %s", names(ids(res)))
	}
	q.Page = 5
	if res = run(t, e, q); len(res.Hits) != 0 || res.Total != 8 {
		t.Errorf("beyond the last page: %d hits, total %d; want none, total 8", len(res.Hits), res.Total)
	}
	res = run(t, e, search.Query{Q: "串珠", PerPage: 1, Page: 3})
	if len(res.Hits) != 0 || res.Total != 2 {
		t.Errorf("text query beyond the last page: %d hits, total %d", len(res.Hits), res.Total)
	}
	res = run(t, e, search.Query{}) // zero Page and PerPage mean page 1 of the default size
	if len(res.Hits) != 8 || res.Total != 8 {
		t.Errorf("defaults: %d hits, total %d", len(res.Hits), res.Total)
	}
}
