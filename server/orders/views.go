package orders

import (
	"context"
	"slices"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/uploads"
)

// CompanyBadge is the posting company as the public sees it.
type CompanyBadge struct {
	ID       uuid.UUID `json:"id"`
	Name     string    `json:"name"`
	Verified bool      `json:"verified"`
}

// OrderView is an order with its computed totals and fair-pay figures.
type OrderView struct {
	ID                uuid.UUID            `json:"id"`
	Status            market.OrderStatus   `json:"status"`
	CloseReason       string               `json:"close_reason,omitempty"`
	StatusReason      *market.Msg          `json:"status_reason,omitempty"` // in both languages; people's text as typed
	AutoSuspended     bool                 `json:"auto_suspended"`
	Company           CompanyBadge         `json:"company"`
	Title             string               `json:"title"`
	Description       string               `json:"description"`
	Craft             string               `json:"craft"`
	CraftNameZH       string               `json:"craft_name_zh"`
	CraftNameEN       string               `json:"craft_name_en"`
	Tags              []string             `json:"tags"`
	Quantity          int64                `json:"quantity"`
	RemainingQuantity int64                `json:"remaining_quantity"`
	UnitPrice         int64                `json:"unit_price"`
	Currency          string               `json:"currency"`
	MinBidQuantity    int64                `json:"min_bid_quantity"`
	BiddingDeadline   time.Time            `json:"bidding_deadline"`
	DeliveryDeadline  time.Time            `json:"delivery_deadline"`
	RegionCode        string               `json:"region_code"`
	RegionName        string               `json:"region_name"`
	Address           string               `json:"address"`
	Lat               float64              `json:"lat"`
	Lng               float64              `json:"lng"`
	MinutesPerPiece   int                  `json:"minutes_per_piece"`
	Materials         market.MaterialTerms `json:"materials"`
	Deposit           market.DepositTerms  `json:"deposit"`
	Quality           market.QualityTerms  `json:"quality"`
	SamplePhotos      []string             `json:"sample_photos"`
	Totals            market.OrderQuote    `json:"totals"`
	SubmittedAt       *time.Time           `json:"submitted_at"`
	PublishedAt       *time.Time           `json:"published_at"`
	CreatedAt         time.Time            `json:"created_at"`
	UpdatedAt         time.Time            `json:"updated_at"`
	// The caller's role and what they may do now (market.OrderPolicyFor);
	// empty where a list does not carry them.
	Role    market.Role     `json:"role"`
	Actions market.OrderCan `json:"actions"`
	// Bids on it, in the company's own list (null elsewhere).
	Bids *BidCounts `json:"bids,omitempty"`
}

// BidCounts are an order's bids: waiting for a decision, and all of them.
type BidCounts struct {
	Open  int64 `json:"open"`
	Total int64 `json:"total"`
}

// For adds the caller's policy to the view.
func (v OrderView) For(p market.OrderPolicy) OrderView {
	v.Role, v.Actions = p.Role, p.Actions
	return v
}

// NewOrderView builds the view of an order posted by company.
func NewOrderView(o market.Order, company CompanyBadge) OrderView {
	craft, _ := market.CraftByCode(o.Craft)
	quote, _ := market.Quote(o) // stored orders passed validation, so the quote computes
	return OrderView{
		ID: o.ID, Status: o.Status, CloseReason: o.CloseReason, StatusReason: o.StatusReason.OrNil(), AutoSuspended: o.AutoSuspended, Company: company,
		Title: o.Title, Description: o.Description, Craft: o.Craft, CraftNameZH: craft.NameZH, CraftNameEN: craft.NameEN,
		Tags: nonNil(o.Tags), Quantity: o.Quantity, RemainingQuantity: o.RemainingQuantity, UnitPrice: o.UnitPrice,
		Currency: o.Currency, MinBidQuantity: o.MinBidQuantity, BiddingDeadline: o.BiddingDeadline,
		DeliveryDeadline: o.DeliveryDeadline, RegionCode: o.RegionCode, RegionName: market.RegionFullName(o.RegionCode),
		Address: o.Address, Lat: o.Lat, Lng: o.Lng, MinutesPerPiece: o.MinutesPerPiece, Materials: o.Materials,
		Deposit: o.Deposit, Quality: o.Quality, SamplePhotos: nonNil(o.SamplePhotos), Totals: quote,
		SubmittedAt: o.SubmittedAt, PublishedAt: o.PublishedAt, CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt,
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Badges caches company badges for one response.
type Badges struct {
	db    *store.DB
	cache map[uuid.UUID]CompanyBadge
}

func NewBadges(db *store.DB) *Badges { return &Badges{db: db, cache: map[uuid.UUID]CompanyBadge{}} }

func (b *Badges) Get(ctx context.Context, id uuid.UUID) (CompanyBadge, error) {
	if v, ok := b.cache[id]; ok {
		return v, nil
	}
	r, err := b.db.CompanyNameAndBadge(ctx, id)
	if err != nil {
		return CompanyBadge{}, err
	}
	v := CompanyBadge{ID: id, Name: r.Name, Verified: r.VerifiedAt != nil}
	b.cache[id] = v
	return v, nil
}

// View builds the view of one order for the actor, with the actor's policy.
func (s *Service) View(ctx context.Context, a *market.Actor, o market.Order) (OrderView, error) {
	b, err := NewBadges(s.Store.DB()).Get(ctx, o.CompanyID)
	if err != nil {
		return OrderView{}, err
	}
	_, p, err := s.Order(ctx, a, o.ID)
	return NewOrderView(o, b).For(p), err
}

// OrderEventView is one line of an order's history.
type OrderEventView struct {
	At         time.Time   `json:"at"`
	ActorKind  string      `json:"actor_kind"`
	ActorName  string      `json:"actor_name"`
	Action     string      `json:"action"`
	FromStatus string      `json:"from_status"`
	ToStatus   string      `json:"to_status"`
	Reason     *market.Msg `json:"reason,omitempty"`
}

// Detail is an order page without its bidding part: history only for its
// company and staff.
type Detail struct {
	OrderView
	// The uploaded sample photos (sample_photos holds the links of older orders).
	SamplePhotoUploads []uploads.View   `json:"sample_photo_uploads"`
	History            []OrderEventView `json:"history,omitempty"`
	Mine               bool             `json:"mine"`
}

// Detail reads an order page for the actor.
func (s *Service) Detail(ctx context.Context, a *market.Actor, id uuid.UUID) (market.Order, Detail, error) {
	o, p, err := s.Order(ctx, a, id)
	if err != nil {
		return o, Detail{}, err
	}
	b, err := NewBadges(s.Store.DB()).Get(ctx, o.CompanyID)
	if err != nil {
		return o, Detail{}, err
	}
	d := Detail{OrderView: NewOrderView(o, b).For(p), Mine: p.Role == market.RoleCompany}
	if d.SamplePhotoUploads, err = uploads.PhotosOf(ctx, s.Store.DB(), uploads.KindOrderSample, o.ID); err != nil {
		return o, d, err
	}
	if !d.Mine && !p.Role.Staff() {
		d.StatusReason = nil // moderation notes are for the company and staff
		return o, d, nil
	}
	rows, err := s.Store.DB().OrderEvents(ctx, o.ID)
	if err != nil {
		return o, d, err
	}
	d.History = make([]OrderEventView, 0, len(rows))
	for _, r := range rows {
		var from string
		if r.FromStatus != nil {
			from = *r.FromStatus
		}
		d.History = append(d.History, OrderEventView{At: r.At, ActorKind: r.ActorKind, ActorName: r.ActorName,
			Action: r.Action, FromStatus: from, ToStatus: r.ToStatus, Reason: market.FromColumns(r.Reason, r.ReasonEn).OrNil()})
	}
	return o, d, nil
}

// OrdersPage adds per-status counts for the company's tabs.
type OrdersPage struct {
	market.Page[OrderView]
	Counts map[string]int64 `json:"counts"`
}

// ListOwn is a company's own orders; the public finds orders through search.
func (s *Service) ListOwn(ctx context.Context, a *market.Actor, status string, pq market.PageQuery) (OrdersPage, error) {
	if err := s.companyActor(ctx, a, false); err != nil {
		return OrdersPage{}, err
	}
	limit, offset, err := pq.Limits()
	if err != nil {
		return OrdersPage{}, err
	}
	var st *string
	if status != "" {
		if !validStatus(status) {
			return OrdersPage{}, market.FieldError("status", "状态无效", "unknown status")
		}
		st = &status
	}
	db := s.Store.DB()
	list, err := db.CompanyOrders(ctx, store.CompanyOrdersParams{CompanyID: a.OrgID, Status: st, Limit: limit, Offset: offset})
	if err != nil {
		return OrdersPage{}, err
	}
	total, err := db.CountCompanyOrders(ctx, store.CountCompanyOrdersParams{CompanyID: a.OrgID, Status: st})
	if err != nil {
		return OrdersPage{}, err
	}
	counts, err := db.CompanyOrderStatusCounts(ctx, a.OrgID)
	if err != nil {
		return OrdersPage{}, err
	}
	page := OrdersPage{Page: market.NewPage(pq, total, make([]OrderView, 0, len(list))), Counts: map[string]int64{}}
	ids := make([]uuid.UUID, len(list))
	for i, o := range list {
		ids[i] = o.ID
	}
	bidRows, err := db.BidCountsByOrder(ctx, ids)
	if err != nil {
		return page, err
	}
	bids := make(map[uuid.UUID]*BidCounts, len(bidRows))
	for _, c := range bidRows {
		bids[c.OrderID] = &BidCounts{Open: c.Open, Total: c.Total}
	}
	b := NewBadges(db)
	for _, o := range list {
		badge, err := b.Get(ctx, o.CompanyID)
		if err != nil {
			return page, err
		}
		v := NewOrderView(o, badge).For(market.OrderPolicyFor(a, o, market.OrderFacts{}, s.Now()))
		if v.Bids = bids[o.ID]; v.Bids == nil {
			v.Bids = &BidCounts{}
		}
		page.Items = append(page.Items, v)
	}
	for _, r := range counts {
		page.Counts[r.Status] = r.N
	}
	return page, nil
}

func validStatus(s string) bool { return slices.Contains(market.OrderStatuses, market.OrderStatus(s)) }
