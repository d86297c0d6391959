package bidding

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/orders"
	"doorstep/server/settlement"
	"doorstep/server/store"
)

// CompanyRecord is a company's public record: what it posted, awarded and
// paid, and how often it refused deliveries — the figures DESIGN.md makes
// public so the deposit scam has nowhere to hide.
type CompanyRecord struct {
	OrdersPublished  int64    `json:"orders_published"`
	ContractsAwarded int64    `json:"contracts_awarded"`
	ContractsSettled int64    `json:"contracts_settled"`
	RejectionRate    *float64 `json:"rejection_rate"`
	Disputes         int64    `json:"disputes"`
}

// Profile is an organisation's public page. Contact details, credit code,
// street address and map point are not part of it.
type Profile struct {
	ID                 uuid.UUID      `json:"id"`
	Kind               string         `json:"kind"`
	Name               string         `json:"name"`
	RegionCode         string         `json:"region_code"`
	RegionName         string         `json:"region_name"`
	Verified           bool           `json:"verified"`
	CommunityGuarantee bool           `json:"community_guarantee"`
	Host               string         `json:"host,omitempty"`
	Crafts             []string       `json:"crafts"`
	Headcount          int            `json:"headcount"`
	WeeklyCapacity     int            `json:"weekly_capacity"`
	CreatedAt          time.Time      `json:"created_at"`
	TrackRecord        *TrackRecord   `json:"track_record,omitempty"`
	CompanyRecord      *CompanyRecord `json:"company_record,omitempty"`
	// Scorecards computed from settled contracts; rates need at least
	// market.MinSettledForRates of them.
	WorkshopScorecard *market.WorkshopScorecard `json:"workshop_scorecard,omitempty"`
	CompanyScorecard  *market.CompanyScorecard  `json:"company_scorecard,omitempty"`
	OpenOrders        []orders.OrderView        `json:"open_orders,omitempty"`
}

// Profile reads an organisation's public profile and track record.
func (s *Service) Profile(ctx context.Context, id uuid.UUID) (Profile, error) {
	db := s.Store.DB()
	o, err := db.Org(ctx, id)
	if err != nil {
		return Profile{}, err
	}
	crafts := o.Crafts
	if crafts == nil {
		crafts = []string{}
	}
	p := Profile{ID: o.ID, Kind: o.Kind, Name: o.Name, RegionCode: o.RegionCode, RegionName: market.RegionFullName(o.RegionCode),
		Verified: o.VerifiedAt != nil, CommunityGuarantee: o.CommunityGuarantee, Host: o.Host, Crafts: crafts,
		Headcount: o.Headcount, WeeklyCapacity: o.WeeklyCapacity, CreatedAt: o.CreatedAt}
	if o.Kind == market.KindWorkshop {
		records, err := trackRecords(ctx, db, []uuid.UUID{o.ID})
		if err != nil {
			return p, err
		}
		r := records[o.ID]
		p.TrackRecord = &r
		sc, err := settlement.WorkshopScorecard(ctx, db, o.ID)
		p.WorkshopScorecard = &sc
		return p, err
	}
	sc, err := settlement.CompanyScorecard(ctx, db, o.ID)
	if err != nil {
		return p, err
	}
	p.CompanyScorecard = &sc
	rec, err := db.CompanyRecord(ctx, o.ID)
	if err != nil {
		return p, err
	}
	p.CompanyRecord = &CompanyRecord{OrdersPublished: rec.OrdersPublished, ContractsAwarded: rec.ContractsAwarded,
		ContractsSettled: rec.ContractsSettled, RejectionRate: ratio(rec.DeliveredUnits-rec.AcceptedUnits, rec.DeliveredUnits),
		Disputes: rec.Disputes}
	published := string(market.OrderPublished)
	list, err := db.CompanyOrders(ctx, store.CompanyOrdersParams{CompanyID: o.ID, Status: &published, Limit: 20})
	if err != nil {
		return p, err
	}
	badge := orders.CompanyBadge{ID: o.ID, Name: o.Name, Verified: o.VerifiedAt != nil}
	p.OpenOrders = make([]orders.OrderView, 0, len(list))
	for _, ord := range list {
		v := orders.NewOrderView(ord, badge)
		v.StatusReason = nil // staff notes are for the company and staff
		p.OpenOrders = append(p.OpenOrders, v)
	}
	return p, nil
}
