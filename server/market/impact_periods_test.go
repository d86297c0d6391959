package market

import (
	"fmt"
	"testing"
	"time"
)

var testTags = []string{TagElderly, TagDisabled, TagLowIncome, TagCaregiver}

// paid is one resident's pay in one month, with the resident's tags.
type paid struct {
	resident, workshop, craft, month string
	income                           int64
	tags                             []string
}

func crowd(prefix, workshop, craft, month string, n int, income int64, tags ...string) []paid {
	out := make([]paid, n)
	for i := range out {
		out[i] = paid{fmt.Sprintf("%s%d", prefix, i), workshop, craft, month, income, tags}
	}
	return out
}

// inputs turn pay into what the store reads: lines, and per tag and month
// the aggregate the SQL computes (distinct residents, sums).
func inputs(ps []paid) ([]ImpactLine, []ImpactTagMonth) {
	var lines []ImpactLine
	agg := map[[2]string]*ImpactTagMonth{}
	seen := map[[3]string]bool{}
	var order [][2]string
	for _, p := range ps {
		lines = append(lines, ImpactLine{Resident: p.resident, Workshop: p.workshop, WorkshopName: "工坊" + p.workshop,
			Month: p.month, Craft: p.craft, Pieces: 10, Income: p.income})
		for _, t := range p.tags {
			k := [2]string{t, p.month}
			if agg[k] == nil {
				agg[k] = &ImpactTagMonth{Tag: t, Month: p.month}
				order = append(order, k)
			}
			if !seen[[3]string{t, p.month, p.resident}] {
				seen[[3]string{t, p.month, p.resident}] = true
				agg[k].Residents++
			}
			agg[k].Pieces += 10
			agg[k].Income += p.income
		}
	}
	tags := make([]ImpactTagMonth, len(order))
	for i, k := range order {
		tags[i] = *agg[k]
	}
	return lines, tags
}

func figureByKey(fs []ImpactFigure, key string) ImpactFigure {
	for _, f := range fs {
		if f.Key == key {
			return f
		}
	}
	return ImpactFigure{Key: "absent"}
}

func shown(f ImpactFigure, residents int) bool {
	return f.Value != nil && f.Value.Residents == residents
}

func TestImpactMonths(t *testing.T) {
	t.Parallel()
	var ps []paid
	ps = append(ps, crowd("a", "A", "weaving", "2026-01", 4, 30000, TagDisabled)...) // a month of 4
	ps = append(ps, crowd("b", "A", "weaving", "2026-03", 8, 30000, TagCaregiver)...)
	ps = append(ps, crowd("c", "B", "bamboo", "2026-03", 4, 20000, TagCaregiver, TagDisabled)...)
	ps = append(ps, crowd("d", "A", "weaving", "2026-03", 6, 25000, TagLowIncome)...)
	ps = append(ps, crowd("e", "A", "weaving", "2026-04", 9, 30000)...) // the running month at the test's clock
	lines, tags := inputs(ps)
	months := ImpactMonths(lines, tags, testTags, "", "2026-03", ImpactK)
	if len(months) != 3 || months[0].Month != "2026-01" || months[1].Month != "2026-02" || months[2].Month != "2026-03" {
		t.Fatalf("months: %+v", months)
	}
	// Given a first month (the one after the last frozen), earlier lines are not its business.
	if ms := ImpactMonths(lines, tags, testTags, "2026-03", "2026-04", ImpactK); len(ms) != 2 || ms[0].Month != "2026-03" || ms[1].Total.Value == nil {
		t.Errorf("from March: %+v", ms)
	}
	jan, feb, mar := months[0], months[1], months[2]
	cases := []struct {
		name string
		f    ImpactFigure
		want ImpactHidden // "" published
		n    int
	}{
		{"a month of 4", jan.Total, HiddenForPrivacy, 0},
		{"its craft", figureByKey(jan.ByCraft, "weaving"), HiddenForPrivacy, 0},
		{"its 4 disabled", figureByKey(jan.ByGroup, TagDisabled), HiddenForPrivacy, 0},
		{"a month without pay", feb.Total, HiddenForPrivacy, 0},
		{"a month of 18", mar.Total, "", 18},
		{"a craft of 4", figureByKey(mar.ByCraft, "bamboo"), HiddenForPrivacy, 0},
		// total − weaving would be bamboo's 4: weaving (14) is hidden with it.
		{"the craft it would reveal", figureByKey(mar.ByCraft, "weaving"), HiddenComplementary, 0},
		{"a workshop of 4", figureByKey(mar.ByWorkshop, "工坊B"), HiddenForPrivacy, 0},
		{"the workshop it would reveal", figureByKey(mar.ByWorkshop, "工坊A"), HiddenComplementary, 0},
		{"12 caregivers of 18", figureByKey(mar.ByGroup, TagCaregiver), "", 12},
		{"6 on low income of 18", figureByKey(mar.ByGroup, TagLowIncome), "", 6},
		{"4 disabled", figureByKey(mar.ByGroup, TagDisabled), HiddenForPrivacy, 0},
		{"no elderly", figureByKey(mar.ByGroup, TagElderly), HiddenForPrivacy, 0},
	}
	for _, c := range cases {
		if c.want == "" && !shown(c.f, c.n) || c.want != "" && (c.f.Value != nil || c.f.Hidden != c.want) {
			t.Errorf("%s: %+v (value %+v), want hidden %q / %d residents", c.name, c.f, c.f.Value, c.want, c.n)
		}
	}
	if jan.Workshops != nil || mar.Workshops == nil || *mar.Workshops != 2 {
		t.Errorf("workshops: %v %v", jan.Workshops, mar.Workshops)
	}
	if v := mar.Total.Value; v == nil || v.Income != 8*30000+4*20000+6*25000 {
		t.Errorf("March total: %+v", v)
	}
	// 16 caregivers of 18 would leave 2 outside the group: hidden for them.
	lines, tags = inputs(append(crowd("h", "A", "weaving", "2026-03", 16, 100, TagCaregiver), crowd("i", "A", "weaving", "2026-03", 2, 100)...))
	if f := figureByKey(ImpactMonths(lines, tags, testTags, "2026-03", "2026-03", ImpactK)[0].ByGroup, TagCaregiver); f.Hidden != HiddenComplementary {
		t.Errorf("16 of 18 caregivers shown: total − caregivers reveals 2: %+v", f)
	}
	if ImpactMonths(nil, nil, testTags, "", "2026-03", ImpactK) != nil {
		t.Error("months without any pay")
	}
}

func TestImpactSeries(t *testing.T) {
	t.Parallel()
	var ps []paid
	ps = append(ps, crowd("a", "A", "weaving", "2026-01", 6, 30000, TagCaregiver)...)
	ps = append(ps, crowd("x", "A", "weaving", "2026-01", 6, 20000)...)
	ps = append(ps, crowd("a", "A", "weaving", "2026-02", 7, 35000, TagCaregiver)...)
	ps = append(ps, crowd("x", "A", "weaving", "2026-02", 6, 20000)...)
	ps = append(ps, crowd("b", "B", "bamboo", "2026-02", 5, 10000)...)
	ps = append(ps, crowd("c", "A", "weaving", "2026-03", 3, 30000)...) // a hidden month
	ps = append(ps, crowd("a", "A", "weaving", "2026-04", 8, 30000, TagCaregiver)...)
	ps = append(ps, crowd("x", "A", "weaving", "2026-04", 5, 20000)...)
	lines, tags := inputs(ps)
	periods, totals := ImpactSeries(ImpactMonths(lines, tags, testTags, "", "2026-04", ImpactK))
	if len(periods) != 4 {
		t.Fatalf("%d periods", len(periods))
	}
	change := func(p ImpactPeriod, part, key string) ImpactChange {
		list := map[string][]ImpactChange{"craft": p.ByCraft, "group": p.ByGroup, "total": {p.Total}}[part]
		for _, c := range list {
			if c.Key == key {
				return c
			}
		}
		return ImpactChange{ChangeHidden: "absent"}
	}
	cases := []struct {
		name   string
		c      ImpactChange
		hidden ImpactHidden
		want   ImpactAmounts
	}{
		{"the first month", periods[0].Total, HiddenNoPrevious, ImpactAmounts{}},
		{"February's total", periods[1].Total, "", ImpactAmounts{Residents: 6, Pieces: 60, Income: 7*35000 + 6*20000 + 5*10000 - 6*30000 - 6*20000}},
		{"February's caregivers", change(periods[1], "group", TagCaregiver), "", ImpactAmounts{Residents: 1, Pieces: 10, Income: 7*35000 - 6*30000}},
		{"a craft new in February", change(periods[1], "craft", "bamboo"), HiddenNoPrevious, ImpactAmounts{}},
		{"the hidden month", periods[2].Total, HiddenForPrivacy, ImpactAmounts{}},
		{"the month after a hidden one", periods[3].Total, HiddenPreviousHidden, ImpactAmounts{}},
		{"its caregivers", change(periods[3], "group", TagCaregiver), HiddenPreviousHidden, ImpactAmounts{}},
	}
	for _, c := range cases {
		if c.hidden != "" && (c.c.Change != nil || c.c.ChangeHidden != c.hidden) || c.hidden == "" && (c.c.Change == nil || *c.c.Change != c.want) {
			t.Errorf("%s: change %+v hidden %q; want %q %+v", c.name, c.c.Change, c.c.ChangeHidden, c.hidden, c.want)
		}
	}
	// Totals: January, February and April; March (3 residents) is left out.
	want := ImpactTotals{Months: 3, HiddenMonths: 1, ResidentMonths: 12 + 18 + 13, Pieces: 430,
		Income: 6*30000 + 6*20000 + 7*35000 + 6*20000 + 5*10000 + 8*30000 + 5*20000}
	want.AvgMonthlyIncome = RoundHalfUpDiv(want.Income, 43)
	if totals != want {
		t.Errorf("totals %+v, want %+v", totals, want)
	}
}

func TestClosedMonthInChinaTime(t *testing.T) {
	t.Parallel()
	cases := []struct {
		utc        string
		last, next string
	}{
		{"2026-03-31T15:59:59Z", "2026-02", "2026-03"}, // 23:59:59 on 31 March in China
		{"2026-03-31T16:00:00Z", "2026-03", "2026-04"}, // midnight, 1 April
		{"2027-01-01T00:00:00Z", "2026-12", "2027-01"},
	}
	for _, c := range cases {
		at, _ := time.Parse(time.RFC3339, c.utc)
		if got := LastClosedMonth(at); got != c.last || NextMonth(got) != c.next || MonthStart(at).Format(MonthLayout) != c.next {
			t.Errorf("%s: last closed %s, start %s", c.utc, got, MonthStart(at))
		}
	}
	if NextMonth("2026-13") != "" {
		t.Error("not a month")
	}
}
