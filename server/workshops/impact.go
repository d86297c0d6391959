package workshops

import (
	"context"

	"github.com/google/uuid"

	"doorstep/server/market"
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

// PublicImpact is the platform's impact as anyone may see it: k-anonymous
// (k = market.ImpactK). A group of fewer than k residents is suppressed, and
// so is any figure that two published ones would reveal by subtraction.
type PublicImpact struct {
	K                int                  `json:"k"`
	Suppressed       bool                 `json:"suppressed"` // fewer than k residents in all: only the workshop count shows
	Workshops        int64                `json:"workshops"`
	ActiveResidents  int64                `json:"active_residents"`
	Earners          int                  `json:"earners"`
	PiecesRecorded   int64                `json:"pieces_recorded"`
	IncomePaid       int64                `json:"income_paid"`
	AvgMonthlyIncome int64                `json:"avg_monthly_income"`
	ByMonth          []market.ImpactGroup `json:"by_month"`
	ByCraft          []market.ImpactGroup `json:"by_craft"`
	ByGroup          []market.ImpactGroup `json:"by_group"`
}

// PlatformImpact is what staff see: the public figures and, under the same
// rule, per workshop.
type PlatformImpact struct {
	PublicImpact
	ByWorkshop []market.ImpactGroup `json:"by_workshop"`
}

// PublicImpact computes the public figures.
func (s *Service) PublicImpact(ctx context.Context) (PublicImpact, error) {
	p, err := s.platform(ctx)
	return p.PublicImpact, err
}

// PlatformImpact computes the staff figures.
func (s *Service) PlatformImpact(ctx context.Context, a *market.Actor) (PlatformImpact, error) {
	if !a.IsStaff() {
		return PlatformImpact{}, market.ErrForbidden
	}
	return s.platform(ctx)
}

func (s *Service) platform(ctx context.Context) (PlatformImpact, error) {
	k := market.ImpactK
	counts, lines, tags, err := s.Store.DB().PlatformImpact(ctx)
	if err != nil {
		return PlatformImpact{}, err
	}
	var byMonth, byCraft, byWorkshop []market.ImpactRow
	var income int64
	for _, l := range lines {
		r := l.ResidentID.String()
		byMonth = append(byMonth, market.ImpactRow{Resident: r, Group: l.Month, Pieces: l.Pieces, Income: l.Amount})
		byCraft = append(byCraft, market.ImpactRow{Resident: r, Group: l.Craft, Pieces: l.Pieces, Income: l.Amount})
		byWorkshop = append(byWorkshop, market.ImpactRow{Resident: r, Group: l.WorkshopName, Pieces: l.Pieces, Income: l.Amount})
		income += l.Amount
	}
	earners := market.DistinctResidents(byMonth)
	p := PlatformImpact{PublicImpact: PublicImpact{K: k, Workshops: counts.Workshops, ByMonth: []market.ImpactGroup{},
		ByCraft: []market.ImpactGroup{}, ByGroup: []market.ImpactGroup{}}, ByWorkshop: []market.ImpactGroup{}}
	if earners < k || counts.Active < int64(k) {
		p.Suppressed = true
		return p, nil
	}
	p.ActiveResidents, p.Earners, p.PiecesRecorded, p.IncomePaid = counts.Active, earners, counts.Pieces, income
	p.AvgMonthlyIncome = market.AverageMonthlyIncome(byMonth)
	p.ByMonth, p.ByCraft, p.ByWorkshop = market.GroupImpact(byMonth, k), market.GroupImpact(byCraft, k), market.GroupImpact(byWorkshop, k)
	for _, t := range market.ResidentTags {
		g := market.ImpactGroup{Key: t.Code}
		for _, a := range tags {
			if a.Tag == t.Code {
				g = market.ImpactGroup{Key: t.Code, Residents: int(a.Residents), Pieces: a.Pieces, Income: a.Income}
			}
		}
		p.ByGroup = append(p.ByGroup, market.TagImpact(g.Key, g.Residents, g.Pieces, g.Income, earners, k))
	}
	return p, nil
}
