package settlement

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
)

// CompanyScorecard computes a company's public record from its contracts.
func CompanyScorecard(ctx context.Context, db *store.DB, id uuid.UUID) (market.CompanyScorecard, error) {
	r, err := db.CompanyScorecard(ctx, id)
	if err != nil {
		return market.CompanyScorecard{}, err
	}
	c := market.CompanyScorecard{ContractsSettled: r.Settled, RejectionRate: market.NewRate(r.Rejected, r.Delivered, r.Settled),
		FundedOnTime: market.NewRate(r.FundedOnTime, r.FundingDecided, r.Settled), DisputesLost: r.DisputesLost, Ratings: r.Ratings}
	if r.Inspections > 0 {
		c.MedianInspectionDays = market.RoundTo1(r.MedianInspectionDays)
	}
	if r.Ratings > 0 {
		c.AverageRating = market.RoundTo1(r.AvgRating)
	}
	return c, nil
}

// WorkshopScorecard computes a workshop's public record from its contracts.
func WorkshopScorecard(ctx context.Context, db *store.DB, id uuid.UUID) (market.WorkshopScorecard, error) {
	r, err := db.WorkshopScorecard(ctx, id)
	if err != nil {
		return market.WorkshopScorecard{}, err
	}
	w := market.WorkshopScorecard{ContractsCompleted: r.Settled, OnTimeRate: market.NewRate(r.OnTime, r.Settled, r.Settled),
		AcceptanceRate: market.NewRate(r.Accepted, r.Delivered, r.Settled), DisputesLost: r.DisputesLost, Ratings: r.Ratings}
	if r.Ratings > 0 {
		w.AverageRating = market.RoundTo1(r.AvgRating)
	}
	return w, nil
}

// PlatformStats are the staff's figures: money held now, money through the
// platform by month, and the queues.
type PlatformStats struct {
	EscrowHeld          int64         `json:"escrow_held"`
	DepositsHeld        int64         `json:"deposits_held"`
	PayoutsOwed         int64         `json:"payouts_owed"`
	RefundsOwed         int64         `json:"refunds_owed"`
	CommissionEarned    int64         `json:"commission_earned"`
	ReleasedThisMonth   int64         `json:"released_this_month"`
	DisputesOpen        int64         `json:"disputes_open"`
	ContractsOpen       int64         `json:"contracts_open"`
	ContractsSettled    int64         `json:"contracts_settled"`
	TransfersToMatch    int64         `json:"transfers_to_match"`
	DisbursementsToSend int64         `json:"disbursements_to_send"`
	Monthly             []MonthVolume `json:"monthly"`
}

// MonthVolume is money through the platform in one month (China time).
type MonthVolume struct {
	Month      string `json:"month"` // 2026-12
	Funded     int64  `json:"funded"`
	Released   int64  `json:"released"`
	Commission int64  `json:"commission"`
	Refunded   int64  `json:"refunded"`
}

// Stats reads the platform figures (staff), with the last 12 months.
func (s *Service) Stats(ctx context.Context) (PlatformStats, error) {
	db := s.Store.DB()
	m, err := db.PlatformMoney(ctx)
	if err != nil {
		return PlatformStats{}, err
	}
	c, err := db.PlatformCounts(ctx)
	if err != nil {
		return PlatformStats{}, err
	}
	now := s.Now().In(market.ChinaTime)
	from := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, market.ChinaTime).AddDate(0, -11, 0)
	rows, err := db.MonthlyVolume(ctx, from)
	out := PlatformStats{EscrowHeld: m.EscrowHeld, DepositsHeld: m.DepositsHeld, PayoutsOwed: m.PayoutsOwed, RefundsOwed: m.RefundsOwed,
		CommissionEarned: m.CommissionEarned, DisputesOpen: c.DisputesOpen, ContractsOpen: c.ContractsOpen, ContractsSettled: c.ContractsSettled,
		TransfersToMatch: c.TransfersToMatch, DisbursementsToSend: c.DisbursementsToSend, Monthly: []MonthVolume{}}
	byMonth := map[string]MonthVolume{}
	for _, r := range rows {
		byMonth[r.Month] = MonthVolume{Month: r.Month, Funded: r.Funded, Released: r.Released, Commission: r.Commission, Refunded: r.Refunded}
	}
	for i := range 12 { // every month, empty ones too, so the chart's axis is whole
		month := from.AddDate(0, i, 0).Format("2006-01")
		v := byMonth[month]
		v.Month = month
		out.Monthly = append(out.Monthly, v)
	}
	out.ReleasedThisMonth = out.Monthly[len(out.Monthly)-1].Released
	return out, err
}
