package store

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"doorstep/server/market"
	"doorstep/server/store/dbq"
)

// OrderFromRow converts a database row into the domain type.
func OrderFromRow(r dbq.Order) market.Order {
	return market.Order{
		ID: r.ID, CompanyID: r.CompanyID, Status: r.Status, CloseReason: deref(r.CloseReason), StatusReason: r.StatusReason,
		Title: r.Title, Description: r.Description, Craft: r.Craft, Tags: r.Tags, Quantity: r.Quantity,
		RemainingQuantity: r.RemainingQuantity, UnitPrice: r.UnitPrice, Currency: r.Currency, MinBidQuantity: r.MinBidQuantity,
		BiddingDeadline: r.BiddingDeadline, DeliveryDeadline: r.DeliveryDeadline, RegionCode: r.RegionCode,
		Address: r.Address, Lat: r.Lat, Lng: r.Lng, MinutesPerPiece: int(r.MinutesPerPiece),
		Materials: market.MaterialTerms{Supply: r.MaterialSupply, ValuePerUnit: r.MaterialValuePerUnit, AllowedLossBP: int(r.AllowedLossBp)},
		Deposit:   market.DepositTerms{Kind: r.DepositKind, Amount: r.DepositAmount, RateBP: int(r.DepositRateBp), Waivable: r.DepositWaivable},
		Quality: market.QualityTerms{Criteria: r.QualityCriteria, MaxDefectBP: int(r.MaxDefectBp),
			InspectionDays: int(r.InspectionDays), ReworkRounds: int(r.ReworkRounds)},
		SamplePhotos: r.SamplePhotos, SubmittedAt: r.SubmittedAt, PublishedAt: r.PublishedAt,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
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

// CreateOrder inserts a draft.
func CreateOrder(ctx context.Context, q *dbq.Queries, o market.Order, quote market.OrderQuote) (market.Order, error) {
	r, err := q.CreateOrder(ctx, dbq.CreateOrderParams{
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

// UpdateOrderTerms saves edited terms inside tx.
func (s *Store) UpdateOrderTerms(ctx context.Context, tx pgx.Tx, o market.Order, quote market.OrderQuote) (market.Order, error) {
	if err := s.OrderChanged(ctx, tx, o.ID); err != nil {
		return market.Order{}, err
	}
	r, err := s.Q.WithTx(tx).UpdateOrderTerms(ctx, dbq.UpdateOrderTermsParams{
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
	return OrderFromRow(r), err
}

// Transition is one order state change and who made it.
type Transition struct {
	Action    market.Action
	ActorID   *uuid.UUID // nil for the system
	ActorKind string     // company, staff or system
	Reason    string
}

// TransitionOrder locks the order, applies the state machine, saves the new
// status and records the event, all inside the caller's transaction.
func (s *Store) TransitionOrder(ctx context.Context, tx pgx.Tx, id uuid.UUID, t Transition, now time.Time) (before, after market.Order, err error) {
	row, err := s.Q.WithTx(tx).OrderByIDForUpdate(ctx, id)
	if IsNoRows(err) {
		return before, after, market.ErrNotFound
	}
	if err != nil {
		return before, after, err
	}
	before = OrderFromRow(row)
	to, closeReason, err := market.NextOrderStatus(before.Status, t.Action, before.HasAcceptedBid())
	if err != nil {
		return before, after, err
	}
	after, err = s.SetStatus(ctx, tx, before, to, closeReason, t, now)
	return before, after, err
}

// SetStatus saves a new status decided by the state machine and records the
// event. The caller holds the row lock.
func (s *Store) SetStatus(ctx context.Context, tx pgx.Tx, before market.Order, to, closeReason string, t Transition, now time.Time) (market.Order, error) {
	q := s.Q.WithTx(tx)
	if err := s.OrderChanged(ctx, tx, before.ID); err != nil {
		return market.Order{}, err
	}
	submitted, published := before.SubmittedAt, before.PublishedAt
	switch {
	case to == market.OrderPendingReview:
		submitted = &now
	case to == market.OrderPublished && before.Status == market.OrderPendingReview:
		published = &now
	}
	var cr *string
	if closeReason != "" {
		cr = &closeReason
	}
	r, err := q.SetOrderStatus(ctx, dbq.SetOrderStatusParams{ID: before.ID, Status: to, CloseReason: cr, StatusReason: t.Reason,
		SubmittedAt: submitted, PublishedAt: published})
	if err != nil {
		return market.Order{}, err
	}
	from := before.Status
	err = q.InsertOrderEvent(ctx, dbq.InsertOrderEventParams{OrderID: before.ID, ActorID: t.ActorID, ActorKind: t.ActorKind,
		Action: string(t.Action), FromStatus: &from, ToStatus: to, Reason: t.Reason})
	after := OrderFromRow(r)
	if status, why, ended := market.BidsEnded(t.Action, from, to); ended && err == nil {
		err = endOpenBids(ctx, q, after, status, why)
	}
	return after, err
}

// OrderHook runs inside every transaction that may change how an order
// appears publicly; serve uses it to enqueue the search sync job atomically.
type OrderHook func(ctx context.Context, tx pgx.Tx, orderID uuid.UUID) error

// OrderChanged calls the hook, if any.
func (s *Store) OrderChanged(ctx context.Context, tx pgx.Tx, id uuid.UUID) error {
	if s.OnOrderChange == nil {
		return nil
	}
	return s.OnOrderChange(ctx, tx, id)
}

// Notification is one in-app message to every member of an organisation.
type Notification struct {
	OrgID                            uuid.UUID
	Kind                             string
	TitleZH, TitleEN, BodyZH, BodyEN string
	Link                             string
}

// Notify records a notification inside the caller's transaction.
func Notify(ctx context.Context, q *dbq.Queries, n Notification) error {
	return q.CreateNotification(ctx, dbq.CreateNotificationParams{OrgID: n.OrgID, Kind: n.Kind, TitleZh: n.TitleZH,
		TitleEn: n.TitleEN, BodyZh: n.BodyZH, BodyEn: n.BodyEN, Link: n.Link})
}

// CompanyChanged re-syncs a company's public orders (its name or badge show on them).
func (s *Store) CompanyChanged(ctx context.Context, tx pgx.Tx, companyID uuid.UUID) error {
	if s.OnOrderChange == nil {
		return nil
	}
	ids, err := s.Q.WithTx(tx).PublicOrderIDsByCompany(ctx, companyID)
	for _, id := range ids {
		if err == nil {
			err = s.OnOrderChange(ctx, tx, id)
		}
	}
	return err
}
