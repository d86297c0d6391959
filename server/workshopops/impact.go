package workshopops

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
)

// Impact counts income when it reaches a resident: a paid distribution line,
// in the month it was paid (China time), under its contract's craft.

// WorkshopImpact is a workshop's own dashboard. Its coordinators see their
// residents' tags anyway, so the figures here are not suppressed.
type WorkshopImpact struct {
	ActiveResidents  int64                `json:"active_residents"`
	Residents        int64                `json:"residents"`
	Earners          int                  `json:"earners"`
	PiecesRecorded   int64                `json:"pieces_recorded"`
	IncomePaid       int64                `json:"income_paid"`
	AvgMonthlyIncome int64                `json:"avg_monthly_income"` // per resident-month with income
	ByMonth          []market.ImpactGroup `json:"by_month"`
	ByCraft          []market.ImpactGroup `json:"by_craft"`
	ByGroup          []market.ImpactGroup `json:"by_group"` // consented tags
}

// WorkshopImpact reads the dashboard of the caller's workshop.
func (s *Service) WorkshopImpact(ctx context.Context, a *market.Actor, workshopID uuid.UUID) (WorkshopImpact, error) {
	uid, err := s.member(ctx, a, workshopID)
	if err != nil {
		return WorkshopImpact{}, err
	}
	active, total, pieces, lines, err := s.Store.DB().WorkshopImpact(ctx, workshopID, uid)
	if err != nil {
		return WorkshopImpact{}, err
	}
	var byMonth, byCraft, byTag []market.ImpactRow
	v := WorkshopImpact{ActiveResidents: active, Residents: total, PiecesRecorded: pieces}
	for _, l := range lines {
		r := l.ResidentID.String()
		byMonth = append(byMonth, market.ImpactRow{Resident: r, Group: l.Month, Pieces: l.Pieces, Income: l.Amount})
		byCraft = append(byCraft, market.ImpactRow{Resident: r, Group: l.Craft, Pieces: l.Pieces, Income: l.Amount})
		for _, t := range l.Tags {
			byTag = append(byTag, market.ImpactRow{Resident: r, Group: t, Pieces: l.Pieces, Income: l.Amount})
		}
		v.IncomePaid += l.Amount
	}
	v.Earners = market.DistinctResidents(byMonth)
	v.AvgMonthlyIncome = market.AverageMonthlyIncome(byMonth)
	v.ByMonth, v.ByCraft, v.ByGroup = market.GroupImpact(byMonth, 0), market.GroupImpact(byCraft, 0), market.GroupImpact(byTag, 0)
	return v, nil
}

// PublicImpact is the platform's impact as anyone may see it: closed months
// only, k-anonymous (k = market.ImpactK). The running month is never
// published, so payments do not move any figure until their month has closed;
// each month's figures are then frozen (see market.ImpactMonths for what is
// hidden, and market.ImpactTotals for why the totals cover published months).
type PublicImpact struct {
	K          int                   `json:"k"`
	Suppressed bool                  `json:"suppressed"` // no month published yet
	Through    string                `json:"through"`    // the last closed month, "YYYY-MM"
	Totals     market.ImpactTotals   `json:"totals"`
	Periods    []market.ImpactPeriod `json:"periods"` // oldest first, consecutive
}

// PlatformImpact is what staff see: the public figures and, under the same
// rule, each month's figures per workshop.
type PlatformImpact struct {
	PublicImpact
	ByWorkshop []WorkshopsMonth `json:"by_workshop"` // as periods
}

// WorkshopsMonth is one closed month's figures per workshop (by name).
type WorkshopsMonth struct {
	Month     string                `json:"month"`
	Workshops []market.ImpactChange `json:"workshops"`
}

// PublicImpact computes the public figures.
func (s *Service) PublicImpact(ctx context.Context) (PublicImpact, error) {
	return s.platform(ctx)
}

// PlatformImpact computes the staff figures.
func (s *Service) PlatformImpact(ctx context.Context, a *market.Actor) (PlatformImpact, error) {
	if !a.IsStaff() {
		return PlatformImpact{}, market.ErrForbidden
	}
	p, err := s.platform(ctx)
	v := PlatformImpact{PublicImpact: p, ByWorkshop: make([]WorkshopsMonth, len(p.Periods))}
	for i, m := range p.Periods {
		v.ByWorkshop[i] = WorkshopsMonth{Month: m.Month, Workshops: m.ByWorkshop}
	}
	return v, err
}

func (s *Service) platform(ctx context.Context) (PublicImpact, error) {
	now := s.Now()
	last := market.LastClosedMonth(now)
	months, err := s.closedMonths(ctx, last, market.MonthStart(now))
	if err != nil {
		return PublicImpact{}, err
	}
	for len(months) > 0 && months[len(months)-1].Month > last {
		months = months[:len(months)-1] // frozen by a reader whose clock ran ahead: not closed here yet
	}
	periods, totals := market.ImpactSeries(months)
	return PublicImpact{K: market.ImpactK, Suppressed: totals.Months == 0, Through: last, Totals: totals, Periods: periods}, nil
}

// closedMonths are the frozen months through last, freezing first those
// that have closed since the last reading (before: the running month's start).
func (s *Service) closedMonths(ctx context.Context, last string, before time.Time) ([]market.ImpactMonth, error) {
	months, err := s.frozenMonths(ctx)
	if err != nil || (len(months) > 0 && months[len(months)-1].Month >= last) {
		return months, err
	}
	first, from := "", time.Time{}
	if len(months) > 0 {
		first = market.NextMonth(months[len(months)-1].Month)
		if from, err = time.ParseInLocation(market.MonthLayout, first, market.ChinaTime); err != nil {
			return nil, err
		}
	}
	lines, tagRows, err := s.Store.DB().ClosedImpactInputs(ctx, from, before)
	if err != nil {
		return nil, err
	}
	in := make([]market.ImpactLine, len(lines))
	for i, l := range lines {
		in[i] = market.ImpactLine{Resident: l.ResidentID.String(), Workshop: l.WorkshopID.String(), WorkshopName: l.WorkshopName,
			Month: l.Month, Craft: l.Craft, Pieces: l.Pieces, Income: l.Amount}
	}
	tags := make([]market.ImpactTagMonth, len(tagRows))
	for i, t := range tagRows {
		tags[i] = market.ImpactTagMonth{Tag: t.Tag, Month: t.Month, Residents: int(t.Residents), Pieces: t.Pieces, Income: t.Income}
	}
	codes := make([]string, len(market.ResidentTags))
	for i, t := range market.ResidentTags {
		codes[i] = t.Code
	}
	fresh := market.ImpactMonths(in, tags, codes, first, last, market.ImpactK)
	if len(fresh) == 0 {
		return months, nil
	}
	frozen := map[string]json.RawMessage{}
	for _, m := range fresh {
		if frozen[m.Month], err = json.Marshal(m); err != nil {
			return nil, err
		}
	}
	if err := s.Store.Tx(ctx, func(db *store.DB) error { return db.FreezeImpactMonths(ctx, frozen) }); err != nil {
		return nil, err
	}
	return s.frozenMonths(ctx) // what was frozen first, should another reader have raced this one
}

func (s *Service) frozenMonths(ctx context.Context) ([]market.ImpactMonth, error) {
	rows, err := s.Store.DB().ImpactMonths(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]market.ImpactMonth, len(rows))
	for i, r := range rows {
		if err := json.Unmarshal(r.Figures, &out[i]); err != nil {
			return nil, fmt.Errorf("impact month %s: %w", r.Month, err)
		}
	}
	return out, nil
}
