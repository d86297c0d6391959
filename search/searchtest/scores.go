package searchtest

import (
	"errors"
	"testing"

	"doorstep/search"
)

// Scorecard figures of the fixtures (issue 13). Every figure is distinct, a
// few sit exactly on a filter's bound, and some documents have none (fewer
// than search.MinSettled settled contracts, no delivered pieces, no rating),
// so the null rule of search/scores.go has one answer: excluded by a filter
// on the figure, last (newest first) in a sort by it.
type companyScores struct {
	settled                   int64
	rejection, onTime, rating *float64
}

func f(v float64) *float64 { return &v }

var fixtureCompanyScores = map[string]companyScores{
	Net:      {12, f(2), f(100), f(4.8)},
	Beads:    {5, f(5), f(80), f(4.2)}, // exactly at company_rejection_max=5
	PaperCut: {2, nil, nil, nil},       // too few settled contracts: no figures
	Sachet:   {8, f(12.5), f(62.5), f(3.1)},
	HairClip: {0, nil, nil, nil},
	Basket:   {3, f(0), f(100), nil}, // no rating yet
	TShirt:   {20, f(5.1), f(95), f(4.5)},
	Bracelet: {4, nil, f(75), f(2.5)}, // no piece delivered yet: no rejection rate
}

func withCompanyScores(d search.OrderDoc) search.OrderDoc {
	s := fixtureCompanyScores[d.ID]
	d.CompanySettled, d.CompanyRejectionPct, d.CompanyOnTimePct, d.CompanyRating = s.settled, s.rejection, s.onTime, s.rating
	return d
}

type workshopScores struct {
	completed                  int
	onTime, acceptance, rating *float64
}

var fixtureWorkshopScores = map[string]workshopScores{
	Bilin:     {10, f(90), f(98.5), f(4.7)},
	Mingzhu:   {4, f(75), f(99), f(4.2)},
	Yunnanlu:  {2, nil, nil, nil}, // too few completed contracts
	Chuhe:     {6, f(100), f(92), nil},
	BeadHouse: {0, nil, nil, nil},
	Knot:      {3, f(66.7), f(100), f(3.9)},
	Quancheng: {15, f(86.7), f(97), f(4.9)},
}

func withWorkshopScores(d search.WorkshopDoc) search.WorkshopDoc {
	s := fixtureWorkshopScores[d.ID]
	d.CompletedContracts, d.OnTimePct, d.AcceptancePct, d.Rating = s.completed, s.onTime, s.acceptance, s.rating
	return d
}

func testScores(t *testing.T, e search.Engine) {
	pct := func(v float64) *float64 { return &v }
	n := func(v int64) *int64 { return &v }
	// A rate filter keeps the companies with the rate within bounds (bounds
	// included) and leaves out those without one.
	expectSet(t, e, search.Query{Company: search.CompanyFilter{RejectionMax: pct(5)}}, Net, Beads, Basket)
	expectSet(t, e, search.Query{Company: search.CompanyFilter{RejectionMax: pct(0)}}, Basket)
	expectSet(t, e, search.Query{Company: search.CompanyFilter{RejectionMax: pct(100)}}, Net, Beads, Sachet, Basket, TShirt)
	expectSet(t, e, search.Query{Company: search.CompanyFilter{OnTimeMin: pct(90)}}, Net, Basket, TShirt)
	expectSet(t, e, search.Query{Company: search.CompanyFilter{OnTimeMin: pct(0)}}, Net, Beads, Sachet, Basket, TShirt, Bracelet)
	expectSet(t, e, search.Query{Company: search.CompanyFilter{RatingMin: pct(4.5)}}, Net, TShirt)
	expectSet(t, e, search.Query{Company: search.CompanyFilter{SettledMin: n(5)}}, Net, Beads, Sachet, TShirt)
	expectSet(t, e, search.Query{Company: search.CompanyFilter{SettledMin: n(0)}}, all()...)
	expectSet(t, e, search.Query{Company: search.CompanyFilter{RejectionMax: pct(5), OnTimeMin: pct(90), SettledMin: n(3)}}, Net, Basket)
	// with text (a one-word search, which otherwise reads the word's
	// counters), other filters and the partial fallback
	expectSet(t, e, search.Query{Q: "串珠", Company: search.CompanyFilter{RejectionMax: pct(5)}}, Beads)
	expectSet(t, e, search.Query{Q: "编织", Company: search.CompanyFilter{RatingMin: pct(4)}}, Net)
	expectSet(t, e, search.Query{Crafts: []string{"weaving", "sewing"}, Region: "370000", Company: search.CompanyFilter{RejectionMax: pct(5)}}, Net, Basket)
	orders(e).expectPartial(t, search.Query{Q: "串珠 上海", Company: search.CompanyFilter{RatingMin: pct(4)}}, []string{"串珠"}, Beads)

	// Sorts: best first, then the documents without the figure, newest first.
	expectOrder(t, e, search.Query{Sort: search.SortCompanyRating}, Net, TShirt, Beads, Sachet, Bracelet, Basket, PaperCut, HairClip)
	expectOrder(t, e, search.Query{Sort: search.SortCompanyRejection}, Basket, Net, Beads, TShirt, Sachet, PaperCut, HairClip, Bracelet)
	expectOrder(t, e, search.Query{Q: "串珠", Sort: search.SortCompanyRating}, Beads, Bracelet)
	expectOrder(t, e, search.Query{Q: "串珠", Sort: search.SortCompanyRejection}, Beads, Bracelet)
	expectOrder(t, e, search.Query{Sort: search.SortCompanyRating, Company: search.CompanyFilter{RejectionMax: pct(5)}}, Net, Beads, Basket)
	// paging through a sort with missing figures: pages never overlap
	var paged []string
	for p := 1; p <= 3; p++ {
		paged = append(paged, ids(run(t, e, search.Query{Sort: search.SortCompanyRejection, Page: p, PerPage: 3}))...)
	}
	if want := []string{Basket, Net, Beads, TShirt, Sachet, PaperCut, HairClip, Bracelet}; names(paged) != names(want) {
		t.Errorf("company_rejection paged: %s, want %s", names(paged), names(want))
	}

	// The figures come back as they were indexed, null ones as null.
	orders(e).expectWhole(t, search.Query{Q: "童装"}, Fixtures()[6])
	orders(e).expectWhole(t, search.Query{Q: "剪纸窗花"}, Fixtures()[2])

	// Out of range: invalid, naming the parameter.
	for param, q := range map[string]search.Query{
		"company_rejection_max": {Company: search.CompanyFilter{RejectionMax: pct(-1)}},
		"company_on_time_min":   {Company: search.CompanyFilter{OnTimeMin: pct(101)}},
		"company_rating_min":    {Company: search.CompanyFilter{RatingMin: pct(0.5)}},
		"company_settled_min":   {Company: search.CompanyFilter{SettledMin: n(-1)}},
		"sort":                  {Sort: "company_rating_asc"},
	} {
		_, err := try(t, e, q)
		expectInvalid(t, err, param, describe(q))
	}
}

func testWorkshopScores(t *testing.T, e search.WorkshopEngine) {
	pct := func(v float64) *float64 { return &v }
	n := func(v int64) *int64 { return &v }
	w := ws(e)
	w.expectSet(t, search.WorkshopQuery{Scores: search.WorkshopFilter{OnTimeMin: pct(90)}}, Chuhe, Bilin)
	w.expectSet(t, search.WorkshopQuery{Scores: search.WorkshopFilter{AcceptanceMin: pct(98.5)}}, Knot, Mingzhu, Bilin)
	w.expectSet(t, search.WorkshopQuery{Scores: search.WorkshopFilter{RatingMin: pct(4.5)}}, Quancheng, Bilin)
	w.expectSet(t, search.WorkshopQuery{Scores: search.WorkshopFilter{CompletedMin: n(3)}}, Bilin, Mingzhu, Chuhe, Knot, Quancheng)
	w.expectSet(t, search.WorkshopQuery{Scores: search.WorkshopFilter{OnTimeMin: pct(0)}}, Bilin, Mingzhu, Chuhe, Knot, Quancheng)
	w.expectSet(t, search.WorkshopQuery{Scores: search.WorkshopFilter{CompletedMin: n(0)}}, allWorkshops()...)
	w.expectSet(t, search.WorkshopQuery{Q: "串珠", Scores: search.WorkshopFilter{AcceptanceMin: pct(90)}}, Mingzhu)
	w.expectSet(t, search.WorkshopQuery{Crafts: []string{"packaging"}, Scores: search.WorkshopFilter{RatingMin: pct(1)}}, Bilin)

	w.expectOrder(t, search.WorkshopQuery{Sort: search.SortRating}, Quancheng, Bilin, Mingzhu, Knot, Chuhe, BeadHouse, Yunnanlu)
	w.expectOrder(t, search.WorkshopQuery{Sort: search.SortOnTime}, Chuhe, Bilin, Quancheng, Mingzhu, Knot, BeadHouse, Yunnanlu)
	w.expectOrder(t, search.WorkshopQuery{Sort: search.SortAcceptance}, Knot, Mingzhu, Bilin, Quancheng, Chuhe, BeadHouse, Yunnanlu)
	w.expectOrder(t, search.WorkshopQuery{Sort: search.SortCompleted}, Quancheng, Bilin, Chuhe, Mingzhu, Knot, Yunnanlu, BeadHouse)
	w.expectOrder(t, search.WorkshopQuery{Q: "串珠", Sort: search.SortRating}, Mingzhu, BeadHouse)
	w.expectOrder(t, search.WorkshopQuery{Region: "370000", Sort: search.SortRating, Scores: search.WorkshopFilter{CompletedMin: n(1)}},
		Quancheng, Bilin, Knot, Yunnanlu)

	w.expectWhole(t, search.WorkshopQuery{Q: "碧林"}, WorkshopFixtures()[0])

	for param, q := range map[string]search.WorkshopQuery{
		"on_time_min":    {Scores: search.WorkshopFilter{OnTimeMin: pct(-0.1)}},
		"acceptance_min": {Scores: search.WorkshopFilter{AcceptanceMin: pct(100.5)}},
		"rating_min":     {Scores: search.WorkshopFilter{RatingMin: pct(6)}},
		"completed_min":  {Scores: search.WorkshopFilter{CompletedMin: n(-2)}},
	} {
		_, err := w.try(t, q)
		expectInvalid(t, err, param, describe(q))
	}
}

// expectInvalid checks that err is the invalid-parameter error naming param.
func expectInvalid(t *testing.T, err error, param, what string) {
	t.Helper()
	var pe *search.ParamError
	if !errors.Is(err, search.ErrInvalidQuery) || !errors.As(err, &pe) || pe.Param != param {
		t.Errorf("Search(%s): %v, want an invalid %s", what, err, param)
	}
}
