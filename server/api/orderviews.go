package api

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/dbq"
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
	Status            string               `json:"status"`
	CloseReason       string               `json:"close_reason,omitempty"`
	StatusReason      string               `json:"status_reason,omitempty"`
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
}

func orderView(o market.Order, company CompanyBadge) OrderView {
	craft, _ := market.CraftByCode(o.Craft)
	quote, _ := market.Quote(o) // stored orders passed validation, so the quote computes
	return OrderView{
		ID: o.ID, Status: o.Status, CloseReason: o.CloseReason, StatusReason: o.StatusReason, Company: company,
		Title: o.Title, Description: o.Description, Craft: o.Craft, CraftNameZH: craft.NameZH, CraftNameEN: craft.NameEN,
		Tags: nonNilStrings(o.Tags), Quantity: o.Quantity, RemainingQuantity: o.RemainingQuantity, UnitPrice: o.UnitPrice,
		Currency: o.Currency, MinBidQuantity: o.MinBidQuantity, BiddingDeadline: o.BiddingDeadline,
		DeliveryDeadline: o.DeliveryDeadline, RegionCode: o.RegionCode, RegionName: market.RegionFullName(o.RegionCode),
		Address: o.Address, Lat: o.Lat, Lng: o.Lng, MinutesPerPiece: o.MinutesPerPiece, Materials: o.Materials,
		Deposit: o.Deposit, Quality: o.Quality, SamplePhotos: nonNilStrings(o.SamplePhotos), Totals: quote,
		SubmittedAt: o.SubmittedAt, PublishedAt: o.PublishedAt, CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt,
	}
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// badges caches company badges for one response.
type badges struct {
	s     *Server
	cache map[uuid.UUID]CompanyBadge
}

func (s *Server) badges() *badges { return &badges{s: s, cache: map[uuid.UUID]CompanyBadge{}} }

func (b *badges) get(ctx context.Context, id uuid.UUID) (CompanyBadge, error) {
	if v, ok := b.cache[id]; ok {
		return v, nil
	}
	r, err := b.s.store.Q.CompanyNameAndBadge(ctx, id)
	if err != nil {
		return CompanyBadge{}, err
	}
	v := CompanyBadge{ID: id, Name: r.Name, Verified: r.VerifiedAt != nil}
	b.cache[id] = v
	return v, nil
}

func (s *Server) viewOrder(ctx context.Context, o market.Order) (OrderView, error) {
	b, err := s.badges().get(ctx, o.CompanyID)
	return orderView(o, b), err
}

// loadOrder reads an order the actor may see: published orders are public;
// anything else only to its company and staff (404 to everyone else).
func (s *Server) loadOrder(c *Call, p IDParam) (market.Order, error) {
	id, err := p.uuid()
	if err != nil {
		return market.Order{}, err
	}
	row, err := s.store.Q.OrderByID(c.Ctx, id)
	if store.IsNoRows(err) {
		return market.Order{}, market.ErrNotFound
	}
	if err != nil {
		return market.Order{}, err
	}
	o := store.OrderFromRow(row)
	if market.IsPublic(o.Status) || ownsOrder(c, o) || c.Actor.IsStaff() {
		return o, nil
	}
	// A workshop that bid keeps seeing the order after it closes: its bid
	// and any contract point back to it.
	if c.Actor != nil && c.Actor.OrgKind == market.KindWorkshop {
		_, err := s.store.Q.LatestBidForWorkshop(c.Ctx, dbq.LatestBidForWorkshopParams{OrderID: o.ID, WorkshopID: c.Actor.OrgID})
		if err == nil {
			return o, nil
		}
		if !store.IsNoRows(err) {
			return market.Order{}, err
		}
	}
	return market.Order{}, market.ErrNotFound
}

func ownsOrder(c *Call, o market.Order) bool {
	return c.Actor != nil && c.Actor.OrgID == o.CompanyID
}

// loadOwnOrder is loadOrder for the posting company's members only.
func (s *Server) loadOwnOrder(c *Call, p IDParam) (uuid.UUID, error) {
	o, err := s.loadOrder(c, p)
	if err != nil {
		return uuid.Nil, err
	}
	if !ownsOrder(c, o) {
		if c.Actor.IsStaff() || market.IsPublic(o.Status) {
			return uuid.Nil, market.E(market.CodeForbidden, "只有发布订单的企业可以执行此操作", "only the company that posted the order can do this")
		}
		return uuid.Nil, market.ErrNotFound
	}
	return o.ID, nil
}
