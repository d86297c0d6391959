package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/events"
	"doorstep/server/market"
	"doorstep/server/store/dbq"
)

// OrderFromRow converts a database row into the domain type.
func OrderFromRow(r dbq.Order) market.Order {
	return market.Order{
		ID: r.ID, CompanyID: r.CompanyID, Status: market.OrderStatus(r.Status), CloseReason: deref(r.CloseReason), StatusReason: market.FromColumns(r.StatusReason, r.StatusReasonEn),
		Title: r.Title, Description: r.Description, Craft: r.Craft, Tags: r.Tags, Quantity: r.Quantity,
		RemainingQuantity: r.RemainingQuantity, UnitPrice: r.UnitPrice, Currency: r.Currency, MinBidQuantity: r.MinBidQuantity,
		BiddingDeadline: r.BiddingDeadline, DeliveryDeadline: r.DeliveryDeadline, RegionCode: r.RegionCode,
		Address: r.Address, Lat: r.Lat, Lng: r.Lng, MinutesPerPiece: int(r.MinutesPerPiece),
		Materials: market.MaterialTerms{Supply: r.MaterialSupply, ValuePerUnit: r.MaterialValuePerUnit, AllowedLossBP: int(r.AllowedLossBp)},
		Deposit:   market.DepositTerms{Kind: r.DepositKind, Amount: r.DepositAmount, RateBP: int(r.DepositRateBp), Waivable: r.DepositWaivable},
		Quality: market.QualityTerms{Criteria: r.QualityCriteria, MaxDefectBP: int(r.MaxDefectBp),
			InspectionDays: int(r.InspectionDays), ReworkRounds: int(r.ReworkRounds)},
		SamplePhotos: r.SamplePhotos, SubmittedAt: r.SubmittedAt, PublishedAt: r.PublishedAt, AutoSuspended: r.AutoSuspended,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
}

func ordersFromRows(rows []dbq.Order) []market.Order {
	out := make([]market.Order, len(rows))
	for i, r := range rows {
		out[i] = OrderFromRow(r)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func minWage(q market.OrderQuote) *int64 {
	if q.MinHourlyWage == 0 {
		return nil
	}
	return &q.MinHourlyWage
}

// Order reads an order, or market.ErrNotFound.
func (d *DB) Order(ctx context.Context, id uuid.UUID) (market.Order, error) {
	return orderOrNotFound(d.q.OrderByID(ctx, id))
}

// LockOrder reads an order and locks its row until the transaction ends.
// Every write about an order's bids and quantity takes this lock first.
func (d *DB) LockOrder(ctx context.Context, id uuid.UUID) (market.Order, error) {
	return orderOrNotFound(d.q.OrderByIDForUpdate(ctx, id))
}

func orderOrNotFound(r dbq.Order, err error) (market.Order, error) {
	if IsNoRows(err) {
		return market.Order{}, market.ErrNotFound
	}
	return OrderFromRow(r), err
}

// changedOrder records that an order's public face may have changed.
func (d *DB) changedOrder(o market.Order, err error) (market.Order, error) {
	if err != nil {
		return o, err
	}
	return o, d.Emit(events.OrderChanged{OrderID: o.ID})
}

// CreateOrder inserts a draft (drafts are not public: no event).
func (d *DB) CreateOrder(ctx context.Context, o market.Order, quote market.OrderQuote) (market.Order, error) {
	r, err := d.q.CreateOrder(ctx, dbq.CreateOrderParams{
		CompanyID: o.CompanyID, Title: o.Title, Description: o.Description, Craft: o.Craft, Tags: nonNil(o.Tags),
		Quantity: o.Quantity, UnitPrice: o.UnitPrice, Currency: o.Currency, MinBidQuantity: o.MinBidQuantity,
		BiddingDeadline: o.BiddingDeadline, DeliveryDeadline: o.DeliveryDeadline, RegionCode: o.RegionCode,
		Address: o.Address, Lat: o.Lat, Lng: o.Lng, MinutesPerPiece: int32(o.MinutesPerPiece),
		MaterialSupply: o.Materials.Supply, MaterialValuePerUnit: o.Materials.ValuePerUnit, AllowedLossBp: int32(o.Materials.AllowedLossBP),
		DepositKind: o.Deposit.Kind, DepositAmount: o.Deposit.Amount, DepositRateBp: int32(o.Deposit.RateBP), DepositWaivable: o.Deposit.Waivable,
		QualityCriteria: o.Quality.Criteria, MaxDefectBp: int32(o.Quality.MaxDefectBP), InspectionDays: int32(o.Quality.InspectionDays),
		ReworkRounds: int32(o.Quality.ReworkRounds), SamplePhotos: nonNil(o.SamplePhotos),
		HourlyEquivalent: quote.HourlyEquivalent, MinHourlyWage: minWage(quote), BelowMinimumWage: quote.BelowMinimumWage,
	})
	return OrderFromRow(r), err
}

// UpdateOrderTerms saves edited terms.
func (d *DB) UpdateOrderTerms(ctx context.Context, o market.Order, quote market.OrderQuote) (market.Order, error) {
	r, err := d.q.UpdateOrderTerms(ctx, dbq.UpdateOrderTermsParams{
		ID: o.ID, Title: o.Title, Description: o.Description, Craft: o.Craft, Tags: nonNil(o.Tags),
		Quantity: o.Quantity, RemainingQuantity: o.RemainingQuantity, UnitPrice: o.UnitPrice, Currency: o.Currency,
		MinBidQuantity: o.MinBidQuantity, BiddingDeadline: o.BiddingDeadline, DeliveryDeadline: o.DeliveryDeadline,
		RegionCode: o.RegionCode, Address: o.Address, Lat: o.Lat, Lng: o.Lng, MinutesPerPiece: int32(o.MinutesPerPiece),
		MaterialSupply: o.Materials.Supply, MaterialValuePerUnit: o.Materials.ValuePerUnit, AllowedLossBp: int32(o.Materials.AllowedLossBP),
		DepositKind: o.Deposit.Kind, DepositAmount: o.Deposit.Amount, DepositRateBp: int32(o.Deposit.RateBP), DepositWaivable: o.Deposit.Waivable,
		QualityCriteria: o.Quality.Criteria, MaxDefectBp: int32(o.Quality.MaxDefectBP), InspectionDays: int32(o.Quality.InspectionDays),
		ReworkRounds: int32(o.Quality.ReworkRounds), SamplePhotos: nonNil(o.SamplePhotos),
		HourlyEquivalent: quote.HourlyEquivalent, MinHourlyWage: minWage(quote), BelowMinimumWage: quote.BelowMinimumWage,
	})
	return d.changedOrder(OrderFromRow(r), err)
}

// OrderStatusChange is a new status decided by the state machine, with the
// timestamps it sets.
type OrderStatusChange struct {
	ID                       uuid.UUID
	Status                   market.OrderStatus
	CloseReason              string
	Reason                   market.Msg
	SubmittedAt, PublishedAt *time.Time
	AutoSuspended            bool // taken down by reports, waiting for staff
}

// SetOrderStatus saves a status decided by market.NextOrderStatus; the
// caller holds the row lock.
func (d *DB) SetOrderStatus(ctx context.Context, c OrderStatusChange) (market.Order, error) {
	var cr *string
	if c.CloseReason != "" {
		cr = &c.CloseReason
	}
	zh, en := c.Reason.Columns()
	r, err := d.q.SetOrderStatus(ctx, dbq.SetOrderStatusParams{ID: c.ID, Status: string(c.Status), CloseReason: cr,
		StatusReason: zh, SubmittedAt: c.SubmittedAt, PublishedAt: c.PublishedAt, AutoSuspended: c.AutoSuspended, StatusReasonEn: en})
	return d.changedOrder(OrderFromRow(r), err)
}

// AwardLock is what an award decides on, as it stands under the order's
// and the bid's row locks.
type AwardLock struct {
	Order    market.Order
	Bid      Bid
	Workshop market.Org
}

// LockBidForAward locks the order row, then the bid row (the lock order of
// every bid write), in one statement, and reads the bidding workshop.
// Only the order's own company (companyID) gets them; anyone else gets
// market.ErrNotFound without having taken a lock.
func (d *DB) LockBidForAward(ctx context.Context, bidID, companyID uuid.UUID) (AwardLock, error) {
	r, err := d.q.LockBidForAward(ctx, dbq.LockBidForAwardParams{BidID: bidID, CompanyID: companyID})
	if IsNoRows(err) {
		return AwardLock{}, market.ErrNotFound
	}
	return AwardLock{Order: OrderFromRow(r.Order), Bid: r.Bid, Workshop: OrgFromRow(r.Org)}, err
}

// AwardBid writes an award in one statement: the contract, the bid
// accepted, the order's remaining quantity lowered by the contract's. The
// caller holds the locks of LockBidForAward; the CHECK on
// remaining_quantity is the last line of defence against over-allocation.
// It returns the contract's id and the quantity still open.
func (d *DB) AwardBid(ctx context.Context, p AwardBidParams) (contractID uuid.UUID, remaining int64, err error) {
	r, err := d.q.AwardBid(ctx, p)
	if err != nil {
		return uuid.Nil, 0, err
	}
	return r.ContractID, r.RemainingQuantity, d.Emit(events.OrderChanged{OrderID: p.OrderID})
}

// AwardBidParams are an award's contract terms (the bid and order ids among them).
type AwardBidParams = dbq.AwardBidParams

// CompanyOrders lists a company's orders, newest first.
func (d *DB) CompanyOrders(ctx context.Context, p CompanyOrdersParams) ([]market.Order, error) {
	rows, err := d.q.CompanyOrders(ctx, p)
	return ordersFromRows(rows), err
}

type CompanyOrdersParams = dbq.CompanyOrdersParams
