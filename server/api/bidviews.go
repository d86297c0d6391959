package api

import (
	"context"
	"math"
	"slices"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/dbq"
)

// WorkshopBadge is a workshop as others see it next to a bid or contract.
type WorkshopBadge struct {
	ID                 uuid.UUID `json:"id"`
	Name               string    `json:"name"`
	Host               string    `json:"host"`
	RegionCode         string    `json:"region_code"`
	RegionName         string    `json:"region_name"`
	Verified           bool      `json:"verified"`
	CommunityGuarantee bool      `json:"community_guarantee"`
}

// newWorkshopBadge builds the badge from the joined columns every view query selects.
func newWorkshopBadge(id uuid.UUID, name, host, regionCode string, verifiedAt *time.Time, guarantee bool) WorkshopBadge {
	return WorkshopBadge{ID: id, Name: name, Host: host, RegionCode: regionCode, RegionName: market.RegionFullName(regionCode),
		Verified: verifiedAt != nil, CommunityGuarantee: guarantee}
}

// BidRevisionView is an earlier version of a bid.
type BidRevisionView struct {
	Revision     int       `json:"revision"`
	Quantity     int64     `json:"quantity"`
	UnitPrice    int64     `json:"unit_price"`
	DeliveryDate time.Time `json:"delivery_date"`
	Headcount    int       `json:"headcount"`
	Message      string    `json:"message"`
	CreatedAt    time.Time `json:"created_at"`
}

// BidView is a bid as its workshop, the order's company and staff see it.
type BidView struct {
	ID           uuid.UUID         `json:"id"`
	OrderID      uuid.UUID         `json:"order_id"`
	OrderTitle   string            `json:"order_title"`
	OrderStatus  string            `json:"order_status"`
	Company      CompanyBadge      `json:"company"`
	Workshop     WorkshopBadge     `json:"workshop"`
	Status       string            `json:"status"`
	StatusReason string            `json:"status_reason"`
	Quantity     int64             `json:"quantity"`
	UnitPrice    int64             `json:"unit_price"`
	Currency     string            `json:"currency"`
	DeliveryDate time.Time         `json:"delivery_date"`
	Headcount    int               `json:"headcount"`
	Message      string            `json:"message"`
	Revision     int               `json:"revision"`
	Quote        market.BidQuote   `json:"quote"`
	ContractID   *uuid.UUID        `json:"contract_id"`
	CreatedAt    time.Time         `json:"created_at"`
	UpdatedAt    time.Time         `json:"updated_at"`
	History      []BidRevisionView `json:"history,omitempty"`
}

// TrackRecord is a workshop's record, computed from its contracts. Rates
// are null until there is something to compute them from.
type TrackRecord struct {
	CompletedContracts int64    `json:"completed_contracts"`
	ActiveContracts    int64    `json:"active_contracts"`
	OnTimeRate         *float64 `json:"on_time_rate"`
	AcceptanceRate     *float64 `json:"acceptance_rate"`
	Disputes           int64    `json:"disputes"`
}

// BidComparison is one row of the company's comparison of bids.
type BidComparison struct {
	BidView
	DistanceKm    *float64    `json:"distance_km"`
	FitsRemaining bool        `json:"fits_remaining"`
	TrackRecord   TrackRecord `json:"track_record"`
}

func ratio(num, den int64) *float64 {
	if den <= 0 {
		return nil
	}
	r := math.Round(float64(num)/float64(den)*1000) / 1000
	return &r
}

func trackRecord(r dbq.WorkshopTrackRecordsRow) TrackRecord {
	return TrackRecord{CompletedContracts: r.Completed, ActiveContracts: r.Active, OnTimeRate: ratio(r.OnTime, r.Completed),
		AcceptanceRate: ratio(r.AcceptedUnits, r.DeliveredUnits), Disputes: r.Disputes}
}

// trackRecords returns the record of each workshop in ids.
func (s *Server) trackRecords(ctx context.Context, ids []uuid.UUID) (map[uuid.UUID]TrackRecord, error) {
	rows, err := s.store.Q.WorkshopTrackRecords(ctx, ids)
	out := make(map[uuid.UUID]TrackRecord, len(rows))
	for _, r := range rows {
		out[r.WorkshopID] = trackRecord(r)
	}
	return out, err
}

// orderCache reads each order once per response (bids are priced by their order's terms).
type orderCache map[uuid.UUID]market.Order

func (oc orderCache) get(ctx context.Context, q *dbq.Queries, id uuid.UUID) (market.Order, error) {
	if o, ok := oc[id]; ok {
		return o, nil
	}
	r, err := q.OrderByID(ctx, id)
	if err != nil {
		return market.Order{}, err
	}
	oc[id] = store.OrderFromRow(r)
	return oc[id], nil
}

func bidView(r dbq.ListBidViewsRow, o market.Order) BidView {
	w := newWorkshopBadge(r.WorkshopID, r.WorkshopName, r.WorkshopHost, r.WorkshopRegionCode, r.WorkshopVerifiedAt, r.WorkshopGuarantee)
	b := market.Bid{Quantity: r.Quantity, UnitPrice: r.UnitPrice, DeliveryDate: r.DeliveryDate}
	quote, _ := market.QuoteBid(o, b, r.WorkshopRegionCode, w.Verified && w.CommunityGuarantee) // stored bids were priced on the way in
	return BidView{ID: r.ID, OrderID: r.OrderID, OrderTitle: r.OrderTitle, OrderStatus: r.OrderStatus,
		Company: CompanyBadge{ID: r.CompanyID, Name: r.CompanyName, Verified: r.CompanyVerifiedAt != nil}, Workshop: w,
		Status: r.Status, StatusReason: r.StatusReason, Quantity: r.Quantity, UnitPrice: r.UnitPrice, Currency: o.Currency,
		DeliveryDate: r.DeliveryDate, Headcount: int(r.Headcount), Message: r.Message, Revision: int(r.Revision),
		Quote: quote, ContractID: r.ContractID, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

func (s *Server) bidViews(ctx context.Context, rows []dbq.ListBidViewsRow) ([]BidView, error) {
	oc := orderCache{}
	out := make([]BidView, 0, len(rows))
	for _, r := range rows {
		o, err := oc.get(ctx, s.store.Q, r.OrderID)
		if err != nil {
			return nil, err
		}
		out = append(out, bidView(r, o))
	}
	return out, nil
}

// visibleBid reads a bid the caller may see: its workshop, the order's
// company and staff. Everyone else gets 404, so bids cannot be probed.
func (s *Server) visibleBid(c *Call, p IDParam) (dbq.ListBidViewsRow, error) {
	id, err := p.uuid()
	if err != nil {
		return dbq.ListBidViewsRow{}, err
	}
	rows, err := s.store.Q.ListBidViews(c.Ctx, dbq.ListBidViewsParams{BidID: &id, Lim: 1})
	if err != nil {
		return dbq.ListBidViewsRow{}, err
	}
	if len(rows) == 0 {
		return dbq.ListBidViewsRow{}, market.ErrNotFound
	}
	r := rows[0]
	if c.Actor.IsStaff() || c.Actor.OrgID == r.WorkshopID || c.Actor.OrgID == r.CompanyID {
		return r, nil
	}
	return dbq.ListBidViewsRow{}, market.ErrNotFound
}

// bidView reads one bid for the caller, with its history when asked.
func (s *Server) bidView(c *Call, id uuid.UUID, withHistory bool) (BidView, error) {
	r, err := s.visibleBid(c, IDParam{ID: id.String()})
	if err != nil {
		return BidView{}, err
	}
	views, err := s.bidViews(c.Ctx, []dbq.ListBidViewsRow{r})
	if err != nil {
		return BidView{}, err
	}
	v := views[0]
	if withHistory {
		revs, err := s.store.Q.BidRevisions(c.Ctx, id)
		if err != nil {
			return v, err
		}
		v.History = make([]BidRevisionView, 0, len(revs))
		for _, h := range revs {
			v.History = append(v.History, BidRevisionView{Revision: int(h.Revision), Quantity: h.Quantity, UnitPrice: h.UnitPrice,
				DeliveryDate: h.DeliveryDate, Headcount: int(h.Headcount), Message: h.Message, CreatedAt: h.CreatedAt})
		}
	}
	return v, nil
}

func (s *Server) getBid(c *Call, req *IDParam) (BidView, error) {
	id, err := req.uuid()
	if err != nil {
		return BidView{}, err
	}
	return s.bidView(c, id, true)
}

// ListBidsRequest filters the caller's bids.
type ListBidsRequest struct {
	PageQuery
	Mine    string `query:"mine"`
	Status  string `query:"status"`
	OrderID string `query:"order_id"`
}

// listFilters validates a list's optional status (one of statuses) and order_id.
func listFilters(status string, statuses []string, orderID string) (st *string, oid *uuid.UUID, err error) {
	var v market.Validator
	if status != "" {
		v.Check(slices.Contains(statuses, status), "status", "未知的状态", "unknown status")
		st = &status
	}
	if orderID != "" {
		id, perr := uuid.Parse(orderID)
		v.Check(perr == nil, "order_id", "订单编号无效", "order_id is not a valid id")
		oid = &id
	}
	return st, oid, v.Err()
}

// listBids: a workshop sees its own bids, a company the bids on its orders, staff all.
func (s *Server) listBids(c *Call, req *ListBidsRequest) (Page[BidView], error) {
	lim, off, err := req.limits()
	st, oid, ferr := listFilters(req.Status, market.BidStatuses, req.OrderID)
	if err := market.MergeInvalid(err, ferr); err != nil {
		return Page[BidView]{}, err
	}
	p := dbq.ListBidViewsParams{Status: st, OrderID: oid, Lim: lim, Off: off}
	switch {
	case c.Actor.IsStaff():
	case c.Actor.OrgKind == market.KindWorkshop:
		p.WorkshopID = &c.Actor.OrgID
	default:
		p.CompanyID = &c.Actor.OrgID
	}
	page, _, err := s.bidPage(c, p, req.PageQuery)
	return page, err
}

// bidPage reads one page of bids; the rows come back too for callers that add to the views.
func (s *Server) bidPage(c *Call, p dbq.ListBidViewsParams, pq PageQuery) (Page[BidView], []dbq.ListBidViewsRow, error) {
	rows, err := s.store.Q.ListBidViews(c.Ctx, p)
	if err != nil {
		return Page[BidView]{}, nil, err
	}
	total, err := s.store.Q.CountBidViews(c.Ctx, dbq.CountBidViewsParams{OrderID: p.OrderID, WorkshopID: p.WorkshopID,
		CompanyID: p.CompanyID, Status: p.Status})
	if err != nil {
		return Page[BidView]{}, nil, err
	}
	items, err := s.bidViews(c.Ctx, rows)
	return Page[BidView]{Items: items, Total: total, Page: pq.Page, PerPage: pq.PerPage}, rows, err
}

// OrderBidsRequest lists the bids on one order.
type OrderBidsRequest struct {
	IDParam
	PageQuery
	Status string `query:"status"`
}

// listOrderBids is the company's comparison view: every bid on its order
// with distance to the hand-over point and each workshop's track record.
func (s *Server) listOrderBids(c *Call, req *OrderBidsRequest) (Page[BidComparison], error) {
	o, err := s.loadOrder(c, req.IDParam)
	if err != nil {
		return Page[BidComparison]{}, err
	}
	if !ownsOrder(c, o) && !c.Actor.IsStaff() {
		return Page[BidComparison]{}, errNotBuyer // workshops never see each other's bids
	}
	lim, off, err := req.limits()
	st, _, ferr := listFilters(req.Status, market.BidStatuses, "")
	if err := market.MergeInvalid(err, ferr); err != nil {
		return Page[BidComparison]{}, err
	}
	page, rows, err := s.bidPage(c, dbq.ListBidViewsParams{OrderID: &o.ID, Status: st, Lim: lim, Off: off}, req.PageQuery)
	if err != nil {
		return Page[BidComparison]{}, err
	}
	ids := make([]uuid.UUID, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.WorkshopID)
	}
	records, err := s.trackRecords(c.Ctx, ids)
	if err != nil {
		return Page[BidComparison]{}, err
	}
	out := Page[BidComparison]{Items: make([]BidComparison, 0, len(rows)), Total: page.Total, Page: page.Page, PerPage: page.PerPage}
	for i, r := range rows {
		cmp := BidComparison{BidView: page.Items[i], TrackRecord: records[r.WorkshopID],
			FitsRemaining: r.Quantity <= o.RemainingQuantity}
		if r.WorkshopLat != nil && r.WorkshopLng != nil {
			d := math.Round(market.DistanceKm(o.Lat, o.Lng, *r.WorkshopLat, *r.WorkshopLng)*10) / 10
			cmp.DistanceKm = &d
		}
		out.Items = append(out.Items, cmp)
	}
	return out, nil
}

// addBidding fills the bidding part of an order page for the caller.
func (s *Server) addBidding(c *Call, o market.Order, d *OrderDetail) error {
	var err error
	switch {
	case d.Mine || c.Actor.IsStaff():
		d.OpenBids, err = s.store.Q.CountOpenBids(c.Ctx, o.ID)
	case c.Actor != nil && c.Actor.OrgKind == market.KindWorkshop:
		q := s.store.Q
		if d.Invited, err = q.IsInvited(c.Ctx, dbq.IsInvitedParams{OrderID: o.ID, WorkshopID: c.Actor.OrgID}); err != nil {
			return err
		}
		id, err := q.LatestBidForWorkshop(c.Ctx, dbq.LatestBidForWorkshopParams{OrderID: o.ID, WorkshopID: c.Actor.OrgID})
		if store.IsNoRows(err) {
			return nil
		}
		if err != nil {
			return err
		}
		v, err := s.bidView(c, id, false)
		d.MyBid = &v
		return err
	}
	return err
}
