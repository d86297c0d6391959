package market

import "time"

// Public impact figures are published per closed month (China time), never
// for the running month: a month's figures are computed once, after it has
// closed, and the workflow freezes them. Someone reading the figures before
// and after a payment therefore reads the same answer; the payment first
// shows after its month closes, inside that whole month's figures (among at
// least k residents) or not at all.
//
// Month figures are flows: each payment enters exactly one month. Two months'
// figures subtract to the difference between two months' pay, not to any one
// group's pay, so a change from the month before is published when both
// months are; when either is hidden, so is the change (it would reveal it).

// MonthLayout is how a month is written: "2026-03".
const MonthLayout = "2006-01"

// ImpactLine is one paid distribution line: the input of the month figures.
type ImpactLine struct {
	Resident, Workshop, WorkshopName, Month, Craft string
	Pieces, Income                                 int64
}

// ImpactTagMonth is one consented tag in one month: how many distinct
// residents with the tag were paid, and how much (aggregated by the store).
type ImpactTagMonth struct {
	Tag, Month     string
	Residents      int
	Pieces, Income int64
}

// ImpactAmounts are what a published figure, or a change, says.
type ImpactAmounts struct {
	Residents int   `json:"residents"`
	Pieces    int64 `json:"pieces"`
	Income    int64 `json:"income"`
}

// ImpactFigure is one group's figure in one month; Value is null when hidden.
type ImpactFigure struct {
	Key    string         `json:"key"`
	Value  *ImpactAmounts `json:"value"`
	Hidden ImpactHidden   `json:"hidden,omitempty"` // why Value is null
}

func figureOf(g ImpactGroup) ImpactFigure {
	if g.Suppressed {
		return ImpactFigure{Key: g.Key, Hidden: g.Hidden}
	}
	return ImpactFigure{Key: g.Key, Value: &ImpactAmounts{Residents: g.Residents, Pieces: g.Pieces, Income: g.Income}}
}

func figuresOf(gs []ImpactGroup) []ImpactFigure {
	out := make([]ImpactFigure, len(gs))
	for i, g := range gs {
		out[i] = figureOf(g)
	}
	return out
}

// ImpactMonth is one closed month's figures, as frozen when first computed.
type ImpactMonth struct {
	Month      string         `json:"month"`
	Workshops  *int           `json:"workshops"` // workshops that paid residents; null when Total is hidden
	Total      ImpactFigure   `json:"total"`
	ByCraft    []ImpactFigure `json:"by_craft"`
	ByGroup    []ImpactFigure `json:"by_group"` // every consented tag
	ByWorkshop []ImpactFigure `json:"by_workshop"`
}

// MonthStart is the first instant of t's month in China time: pay from then
// on belongs to the running month, which is never published.
func MonthStart(t time.Time) time.Time {
	c := t.In(ChinaTime)
	return time.Date(c.Year(), c.Month(), 1, 0, 0, 0, 0, ChinaTime)
}

// LastClosedMonth is the month before t's month in China time.
func LastClosedMonth(t time.Time) string {
	return MonthStart(t).AddDate(0, -1, 0).Format(MonthLayout)
}

// NextMonth is the month after m ("" when m is not a month).
func NextMonth(m string) string {
	t, err := time.Parse(MonthLayout, m)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 1, 0).Format(MonthLayout)
}

// ImpactMonths computes every month from first through last ("YYYY-MM";
// first "" starts at the earliest line's month), each month on its own:
//   - its total is hidden when fewer than k residents were paid in it;
//   - crafts and workshops partition the total, so GroupImpact hides each
//     group of fewer than k and then, by complementary suppression, the next
//     smallest until total − published hides k or more residents. Suppressing
//     more is chosen over rounding the total: the month total stays exact, and
//     a closed month never changes, so the choice is made once and holds;
//   - a tag shows only when its residents and the month's others (total − tag)
//     are both k or more (TagImpact).
//
// A month with no pay at all is listed too (hidden: fewer than k), so the
// months are consecutive and each has a month before it to compare with.
func ImpactMonths(lines []ImpactLine, tags []ImpactTagMonth, tagCodes []string, first, last string, k int) []ImpactMonth {
	if first == "" {
		for _, l := range lines {
			if first == "" || l.Month < first {
				first = l.Month
			}
		}
	}
	var out []ImpactMonth
	for m := first; m != "" && m <= last; m = NextMonth(m) {
		out = append(out, impactMonth(m, lines, tags, tagCodes, k))
	}
	return out
}

func impactMonth(month string, lines []ImpactLine, tags []ImpactTagMonth, tagCodes []string, k int) ImpactMonth {
	var byCraft, byWorkshop []ImpactRow
	workshops := map[string]bool{}
	total := ImpactGroup{Key: "total"}
	for _, l := range lines {
		if l.Month != month {
			continue
		}
		byCraft = append(byCraft, ImpactRow{Resident: l.Resident, Group: l.Craft, Pieces: l.Pieces, Income: l.Income})
		byWorkshop = append(byWorkshop, ImpactRow{Resident: l.Resident, Group: l.WorkshopName, Pieces: l.Pieces, Income: l.Income})
		workshops[l.Workshop] = true
		total.Pieces += l.Pieces
		total.Income += l.Income
	}
	total.Residents = DistinctResidents(byCraft)
	m := ImpactMonth{Month: month, ByGroup: []ImpactFigure{}}
	if total.Residents < k || total.Residents == 0 {
		total.suppress(HiddenForPrivacy)
	} else {
		n := len(workshops)
		m.Workshops = &n
	}
	m.Total = figureOf(total)
	m.ByCraft, m.ByWorkshop = figuresOf(GroupImpact(byCraft, k)), figuresOf(GroupImpact(byWorkshop, k))
	for _, code := range tagCodes {
		g := ImpactTagMonth{Tag: code}
		for _, t := range tags {
			if t.Tag == code && t.Month == month {
				g = t
			}
		}
		m.ByGroup = append(m.ByGroup, figureOf(TagImpact(code, g.Residents, g.Pieces, g.Income, total.Residents, k)))
	}
	return m
}

// ImpactChange is a month's figure with its change from the month before.
type ImpactChange struct {
	ImpactFigure
	Change       *ImpactAmounts `json:"change"`                  // this month − the month before; null when hidden
	ChangeHidden ImpactHidden   `json:"change_hidden,omitempty"` // why Change is null
}

// ImpactPeriod is a published month with the changes from the month before.
type ImpactPeriod struct {
	Month      string         `json:"month"`
	Workshops  *int           `json:"workshops"`
	Total      ImpactChange   `json:"total"`
	ByCraft    []ImpactChange `json:"by_craft"`
	ByGroup    []ImpactChange `json:"by_group"`
	ByWorkshop []ImpactChange `json:"-"` // staff only: published apart
}

// ImpactTotals add up the published months only. All months together
// partition all pay, so a grand total would give the hidden months as total −
// published months; and as it grows month by month, the growth would be each
// month's pay, hidden or not. Neither remedy for a partition works across
// time: complementary suppression would have to hide a month published
// before (readers keep old answers), and rounding leaves a hidden month as the
// difference of two rounded totals, give or take one rounding step. Totals of
// the published months change at a month's close by that month's published
// figures, or not at all.
type ImpactTotals struct {
	Months           int   `json:"months"`          // months published
	HiddenMonths     int   `json:"hidden_months"`   // closed months hidden: fewer than k residents paid
	ResidentMonths   int   `json:"resident_months"` // residents paid, summed over the published months
	Pieces           int64 `json:"pieces"`
	Income           int64 `json:"income"`
	AvgMonthlyIncome int64 `json:"avg_monthly_income"` // income per resident-month
}

// ImpactSeries adds to consecutive months (as ImpactMonths makes them) each
// figure's change from the month before, and the totals of the published ones.
func ImpactSeries(months []ImpactMonth) ([]ImpactPeriod, ImpactTotals) {
	out := make([]ImpactPeriod, 0, len(months))
	var t ImpactTotals
	for i, m := range months {
		var prev *ImpactMonth
		if i > 0 && NextMonth(months[i-1].Month) == m.Month {
			prev = &months[i-1]
		}
		var total, crafts, groups, workshops []ImpactFigure // the month before's
		if prev != nil {
			total, crafts, groups, workshops = []ImpactFigure{prev.Total}, prev.ByCraft, prev.ByGroup, prev.ByWorkshop
		}
		p := ImpactPeriod{Month: m.Month, Workshops: m.Workshops, Total: changes([]ImpactFigure{m.Total}, total)[0],
			ByCraft: changes(m.ByCraft, crafts), ByGroup: changes(m.ByGroup, groups), ByWorkshop: changes(m.ByWorkshop, workshops)}
		out = append(out, p)
		if v := m.Total.Value; v != nil {
			t.Months++
			t.ResidentMonths += v.Residents
			t.Pieces += v.Pieces
			t.Income += v.Income
		} else {
			t.HiddenMonths++
		}
	}
	if t.ResidentMonths > 0 {
		t.AvgMonthlyIncome = RoundHalfUpDiv(t.Income, int64(t.ResidentMonths))
	}
	return out, t
}

// changes pairs each figure with the same group's the month before (prev:
// none when there is no month before, or the group had no pay in it).
func changes(cur, prev []ImpactFigure) []ImpactChange {
	out := make([]ImpactChange, len(cur))
	for i, f := range cur {
		c := ImpactChange{ImpactFigure: f}
		var before *ImpactFigure
		for j := range prev {
			if prev[j].Key == f.Key {
				before = &prev[j]
			}
		}
		switch {
		case f.Value == nil:
			c.ChangeHidden = f.Hidden
		case before == nil:
			c.ChangeHidden = HiddenNoPrevious
		case before.Value == nil:
			c.ChangeHidden = HiddenPreviousHidden
		default:
			c.Change = &ImpactAmounts{Residents: f.Value.Residents - before.Value.Residents,
				Pieces: f.Value.Pieces - before.Value.Pieces, Income: f.Value.Income - before.Value.Income}
		}
		out[i] = c
	}
	return out
}
