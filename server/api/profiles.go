package api

import (
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/dbq"
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
	OpenOrders         []OrderView    `json:"open_orders,omitempty"`
}

func (s *Server) getProfile(c *Call, req *IDParam) (Profile, error) {
	id, err := req.uuid()
	if err != nil {
		return Profile{}, err
	}
	o, err := s.store.GetOrg(c.Ctx, id)
	if err != nil {
		return Profile{}, err
	}
	p := Profile{ID: o.ID, Kind: o.Kind, Name: o.Name, RegionCode: o.RegionCode, RegionName: market.RegionFullName(o.RegionCode),
		Verified: o.VerifiedAt != nil, CommunityGuarantee: o.CommunityGuarantee, Host: o.Host, Crafts: nonNilStrings(o.Crafts),
		Headcount: o.Headcount, WeeklyCapacity: o.WeeklyCapacity, CreatedAt: o.CreatedAt}
	if o.Kind == market.KindWorkshop {
		records, err := s.trackRecords(c.Ctx, []uuid.UUID{o.ID})
		r := records[o.ID]
		p.TrackRecord = &r
		return p, err
	}
	rec, err := s.store.Q.CompanyRecord(c.Ctx, o.ID)
	if err != nil {
		return p, err
	}
	p.CompanyRecord = &CompanyRecord{OrdersPublished: rec.OrdersPublished, ContractsAwarded: rec.ContractsAwarded,
		ContractsSettled: rec.ContractsSettled, RejectionRate: ratio(rec.DeliveredUnits-rec.AcceptedUnits, rec.DeliveredUnits),
		Disputes: rec.Disputes}
	published := market.OrderPublished
	rows, err := s.store.Q.CompanyOrders(c.Ctx, dbq.CompanyOrdersParams{CompanyID: o.ID, Status: &published, Limit: 20})
	if err != nil {
		return p, err
	}
	badge := CompanyBadge{ID: o.ID, Name: o.Name, Verified: o.VerifiedAt != nil}
	p.OpenOrders = make([]OrderView, 0, len(rows))
	for _, r := range rows {
		v := orderView(store.OrderFromRow(r), badge)
		v.StatusReason = "" // staff notes are for the company and staff
		p.OpenOrders = append(p.OpenOrders, v)
	}
	return p, nil
}
