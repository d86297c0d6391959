package bidding

import (
	"context"
	"math"
	"time"

	"github.com/google/uuid"

	"doorstep/server/contracts"
	"doorstep/server/market"
	"doorstep/server/orders"
	"doorstep/server/settlement"
	"doorstep/server/store"
)

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
	ID           uuid.UUID               `json:"id"`
	OrderID      uuid.UUID               `json:"order_id"`
	OrderTitle   string                  `json:"order_title"`
	OrderStatus  string                  `json:"order_status"`
	Company      orders.CompanyBadge     `json:"company"`
	Workshop     contracts.WorkshopBadge `json:"workshop"`
	Status       market.BidStatus        `json:"status"`
	StatusReason *market.Msg             `json:"status_reason,omitempty"` // in both languages; people's text as typed
	Quantity     int64                   `json:"quantity"`
	UnitPrice    int64                   `json:"unit_price"`
	Currency     string                  `json:"currency"`
	DeliveryDate time.Time               `json:"delivery_date"`
	Headcount    int                     `json:"headcount"`
	Message      string                  `json:"message"`
	Revision     int                     `json:"revision"`
	Quote        market.BidQuote         `json:"quote"`
	// BelowMinWageConfirmedAt: the workshop confirmed a price below the
	// minimum wage at this time (null: not below).
	BelowMinWageConfirmedAt *time.Time        `json:"below_min_wage_confirmed_at"`
	ContractID              *uuid.UUID        `json:"contract_id"`
	CreatedAt               time.Time         `json:"created_at"`
	UpdatedAt               time.Time         `json:"updated_at"`
	History                 []BidRevisionView `json:"history,omitempty"`
	// The caller's role and what they may do with the bid now (market.BidPolicyFor).
	Role    market.Role   `json:"role"`
	Actions market.BidCan `json:"actions"`
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

func trackRecord(r store.WorkshopTrackRecordsRow) TrackRecord {
	return TrackRecord{CompletedContracts: r.Completed, ActiveContracts: r.Active, OnTimeRate: ratio(r.OnTime, r.Completed),
		AcceptanceRate: ratio(r.AcceptedUnits, r.DeliveredUnits), Disputes: r.Disputes}
}

// trackRecords returns the record of each workshop in ids.
func trackRecords(ctx context.Context, db *store.DB, ids []uuid.UUID) (map[uuid.UUID]TrackRecord, error) {
	rows, err := db.WorkshopTrackRecords(ctx, ids)
	out := make(map[uuid.UUID]TrackRecord, len(rows))
	for _, r := range rows {
		out[r.WorkshopID] = trackRecord(r)
	}
	return out, err
}

// bidFacts are what the bid policy decides from.
func bidFacts(r store.ListBidViewsRow) market.BidFacts {
	return market.BidFacts{CompanyID: r.CompanyID, WorkshopID: r.WorkshopID, Status: market.BidStatus(r.Status),
		Bid:              market.Bid{Quantity: r.Quantity, UnitPrice: r.UnitPrice, DeliveryDate: r.DeliveryDate, Headcount: int(r.Headcount)},
		WorkshopVerified: r.WorkshopVerifiedAt != nil}
}

func bidView(a *market.Actor, r store.ListBidViewsRow, o market.Order, now time.Time, commissionBP int) BidView {
	p := market.BidPolicyFor(a, bidFacts(r), o, now)
	w := contracts.NewWorkshopBadge(r.WorkshopID, r.WorkshopName, r.WorkshopHost, r.WorkshopRegionCode, r.WorkshopVerifiedAt, r.WorkshopGuarantee)
	b := market.Bid{Quantity: r.Quantity, UnitPrice: r.UnitPrice, DeliveryDate: r.DeliveryDate}
	quote, _ := market.QuoteBid(o, b, r.WorkshopRegionCode, market.Guaranteed(w.Verified, w.CommunityGuarantee)) // stored bids were priced on the way in
	quote = quote.WithCommission(commissionBP)
	return BidView{ID: r.ID, OrderID: r.OrderID, OrderTitle: r.OrderTitle, OrderStatus: r.OrderStatus,
		Company: orders.CompanyBadge{ID: r.CompanyID, Name: r.CompanyName, Verified: r.CompanyVerifiedAt != nil}, Workshop: w,
		Status: market.BidStatus(r.Status), StatusReason: market.FromColumns(r.StatusReason, r.StatusReasonEn).OrNil(), Quantity: r.Quantity, UnitPrice: r.UnitPrice, Currency: o.Currency,
		DeliveryDate: r.DeliveryDate, Headcount: int(r.Headcount), Message: r.Message, Revision: int(r.Revision),
		Quote: quote, BelowMinWageConfirmedAt: r.BelowMinWageConfirmedAt, ContractID: r.ContractID, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		Role: p.Role, Actions: p.Actions}
}

// bidViews prices each bid by its order's terms, reading each order once.
func (s *Service) bidViews(ctx context.Context, db *store.DB, a *market.Actor, rows []store.ListBidViewsRow) ([]BidView, error) {
	cache := map[uuid.UUID]market.Order{}
	out := make([]BidView, 0, len(rows))
	for _, r := range rows {
		o, ok := cache[r.OrderID]
		if !ok {
			var err error
			if o, err = db.Order(ctx, r.OrderID); err != nil {
				return nil, err
			}
			cache[r.OrderID] = o
		}
		out = append(out, bidView(a, r, o, s.Now(), s.CommissionBP))
	}
	return out, nil
}

// visibleBid reads a bid with the actor's policy on it: its workshop, the
// order's company and staff see it; everyone else gets 404, so bids
// cannot be probed.
func (s *Service) visibleBid(ctx context.Context, a *market.Actor, id uuid.UUID) (store.ListBidViewsRow, market.BidPolicy, error) {
	db := s.Store.DB()
	row, err := db.BidView(ctx, id)
	if store.IsNoRows(err) {
		return store.ListBidViewsRow{}, market.BidPolicy{}, market.ErrNotFound
	}
	if err != nil {
		return store.ListBidViewsRow{}, market.BidPolicy{}, err
	}
	r := store.ListBidViewsRow(row) // the same columns: a change to one query that misses the other does not compile
	o, err := db.Order(ctx, r.OrderID)
	if err != nil {
		return r, market.BidPolicy{}, err
	}
	p := market.BidPolicyFor(a, bidFacts(r), o, s.Now())
	return r, p, p.VisibleErr()
}

// Bid reads one bid for the actor, with its history when asked.
func (s *Service) Bid(ctx context.Context, a *market.Actor, id uuid.UUID, withHistory bool) (BidView, error) {
	r, _, err := s.visibleBid(ctx, a, id)
	if err != nil {
		return BidView{}, err
	}
	db := s.Store.DB()
	views, err := s.bidViews(ctx, db, a, []store.ListBidViewsRow{r})
	if err != nil {
		return BidView{}, err
	}
	v := views[0]
	if withHistory {
		revs, err := db.BidRevisions(ctx, id)
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

// List: a workshop sees its own bids, a company the bids on its orders, staff all.
func (s *Service) List(ctx context.Context, a *market.Actor, status, orderID string, pq market.PageQuery) (market.Page[BidView], error) {
	lim, off, err := pq.Limits()
	st, oid, ferr := market.ListFilters(status, market.BidStatuses, orderID)
	if err := market.MergeInvalid(err, ferr); err != nil {
		return market.Page[BidView]{}, err
	}
	p := store.ListBidViewsParams{Status: st, OrderID: oid, Lim: lim, Off: off}
	switch {
	case a.IsStaff():
	case a.OrgKind == market.KindWorkshop:
		p.WorkshopID = &a.OrgID
	default:
		p.CompanyID = &a.OrgID
	}
	page, _, err := s.bidPage(ctx, a, p, pq)
	return page, err
}

// bidPage reads one page of bids; the rows come back too for callers that add to the views.
func (s *Service) bidPage(ctx context.Context, a *market.Actor, p store.ListBidViewsParams, pq market.PageQuery) (market.Page[BidView], []store.ListBidViewsRow, error) {
	db := s.Store.DB()
	rows, err := db.ListBidViews(ctx, p)
	if err != nil {
		return market.Page[BidView]{}, nil, err
	}
	total, err := db.CountBidViews(ctx, store.CountBidViewsParams{OrderID: p.OrderID, WorkshopID: p.WorkshopID,
		CompanyID: p.CompanyID, Status: p.Status})
	if err != nil {
		return market.Page[BidView]{}, nil, err
	}
	items, err := s.bidViews(ctx, db, a, rows)
	return market.NewPage(pq, total, items), rows, err
}

// Compare is the company's comparison view: every bid on its order with
// distance to the hand-over point and each workshop's track record.
func (s *Service) Compare(ctx context.Context, a *market.Actor, orderID uuid.UUID, status string, pq market.PageQuery) (market.Page[BidComparison], error) {
	o, op, err := s.Orders.Order(ctx, a, orderID)
	if err != nil {
		return market.Page[BidComparison]{}, err
	}
	if err := op.Actions.ViewBids.Err(); err != nil {
		return market.Page[BidComparison]{}, err // workshops never see each other's bids
	}
	lim, off, err := pq.Limits()
	st, _, ferr := market.ListFilters(status, market.BidStatuses, "")
	if err := market.MergeInvalid(err, ferr); err != nil {
		return market.Page[BidComparison]{}, err
	}
	page, rows, err := s.bidPage(ctx, a, store.ListBidViewsParams{OrderID: &o.ID, Status: st, Lim: lim, Off: off}, pq)
	if err != nil {
		return market.Page[BidComparison]{}, err
	}
	ids := make([]uuid.UUID, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.WorkshopID)
	}
	records, err := trackRecords(ctx, s.Store.DB(), ids)
	if err != nil {
		return market.Page[BidComparison]{}, err
	}
	out := market.NewPage(pq, page.Total, make([]BidComparison, 0, len(rows)))
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

// OrderDetail is an order page with its bidding part for the actor.
type OrderDetail struct {
	orders.Detail
	// For a workshop: its latest bid on the order and whether it was invited.
	MyBid   *BidView `json:"my_bid"`
	Invited bool     `json:"invited"`
	// For the company and staff: bids waiting for a decision.
	OpenBids int64 `json:"open_bids"`
	// The posting company's record, beside its terms.
	CompanyScorecard market.CompanyScorecard `json:"company_scorecard"`
	// For the company: the escrow still to fund across the order's contracts.
	Funding *contracts.OrderFunding `json:"funding"`
}

// OrderPage reads an order page for the actor.
func (s *Service) OrderPage(ctx context.Context, a *market.Actor, id uuid.UUID) (OrderDetail, error) {
	o, detail, err := s.Orders.Detail(ctx, a, id)
	if err != nil {
		return OrderDetail{}, err
	}
	d := OrderDetail{Detail: detail}
	db := s.Store.DB()
	if d.CompanyScorecard, err = settlement.CompanyScorecard(ctx, db, o.CompanyID); err != nil {
		return d, err
	}
	switch {
	case d.Role == market.RoleCompany:
		if d.OpenBids, err = db.CountOpenBids(ctx, o.ID); err != nil {
			return d, err
		}
		d.Funding, err = s.Contracts.OrderFunding(ctx, a, o.ID)
	case d.Actions.ViewBids.Allowed:
		d.OpenBids, err = db.CountOpenBids(ctx, o.ID)
	case a != nil && a.OrgKind == market.KindWorkshop:
		if d.Invited, err = db.IsInvited(ctx, store.IsInvitedParams{OrderID: o.ID, WorkshopID: a.OrgID}); err != nil {
			return d, err
		}
		bidID, err := db.LatestBidForWorkshop(ctx, store.LatestBidForWorkshopParams{OrderID: o.ID, WorkshopID: a.OrgID})
		if store.IsNoRows(err) {
			return d, nil
		}
		if err != nil {
			return d, err
		}
		v, err := s.Bid(ctx, a, bidID, false)
		d.MyBid = &v
		return d, err
	}
	return d, err
}
