package bidding

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"

	"doorstep/server/contracts"
	"doorstep/server/market"
	"doorstep/server/notify"
	"doorstep/server/orders"
	"doorstep/server/store"
)

// Accept awards a bid: one transaction locks the order row, then the bid
// (one statement, only for the order's own company), checks the bid still
// fits the remaining quantity, and in one more statement freezes the terms
// into a contract, accepts the bid and lowers the remaining quantity; at
// zero the order closes (orders.ApplyLocked) and the other open bids are
// rejected. The order lock serialises concurrent accepts, so the order can
// never be over-allocated (and the CHECK on remaining_quantity would refuse
// it if it were). The notifications are written in one insert and the jobs
// in one more, both in the transaction (store.Tx).
//
// Only a verified workshop can be awarded (it may bid before, to show
// interest), and a bid below the minimum wage needs the company's own
// confirmation (confirmBelowMinimumWage), recorded on the contract.
func (s *Service) Accept(ctx context.Context, a *market.Actor, id uuid.UUID, confirmBelowMinimumWage bool) (contracts.ContractView, error) {
	var contractID uuid.UUID
	var err error = market.ErrNotFound
	if a.OrgID != uuid.Nil && !a.IsStaff() {
		err = s.Store.Tx(ctx, func(db *store.DB) error {
			l, err := db.LockBidForAward(ctx, id, a.OrgID)
			if err != nil {
				return err
			}
			contractID, err = s.award(ctx, db, a, l, confirmBelowMinimumWage)
			return err
		})
	}
	if errors.Is(err, market.ErrNotFound) {
		return contracts.ContractView{}, s.refusal(ctx, a, id) // the bid is not the caller's company's to award
	}
	if err != nil {
		return contracts.ContractView{}, err
	}
	return s.Contracts.Get(ctx, a, contractID)
}

// award decides and writes an award under the locks of l.
func (s *Service) award(ctx context.Context, db *store.DB, a *market.Actor, l store.AwardLock, confirmBelowMinimumWage bool) (uuid.UUID, error) {
	o, cur, w := l.Order, l.Bid, l.Workshop
	bid := market.Bid{Quantity: cur.Quantity, UnitPrice: cur.UnitPrice, DeliveryDate: cur.DeliveryDate,
		Headcount: int(cur.Headcount), Message: cur.Message}
	facts := market.BidFacts{CompanyID: o.CompanyID, WorkshopID: cur.WorkshopID, Status: market.BidStatus(cur.Status), Bid: bid,
		WorkshopVerified: w.VerifiedAt != nil}
	if err := market.BidPolicyFor(a, facts, o, s.Now()).Actions.Accept.Err(); err != nil {
		return uuid.Nil, err // as it stands under the order's lock
	}
	q, err := market.QuoteBid(o, bid, w.RegionCode, w.Guaranteed())
	if err != nil {
		return uuid.Nil, err
	}
	if err := market.CheckFairPay(q, confirmBelowMinimumWage, true); err != nil {
		return uuid.Nil, err
	}
	terms, err := market.FreezeTerms(o, bid, w.Guaranteed(), s.CommissionBP)
	if err != nil {
		return uuid.Nil, err
	}
	params := contractParams(o, cur, terms)
	now := s.Now()
	params.FundingDueAt = now.Add(time.Duration(s.FundingDays) * 24 * time.Hour)
	uid := a.User.ID
	if q.BelowMinimumWage {
		params.BelowMinWageConfirmedAt, params.BelowMinWageConfirmedBy = &now, &uid
	}
	contractID, remaining, err := db.AwardBid(ctx, params)
	if err != nil {
		return uuid.Nil, err
	}
	if err := notify.Send(ctx, db, notify.Notice{Org: cur.WorkshopID, Kind: notify.BidAccepted,
		Data: notify.Data{Order: o.Title}, Link: "/contracts/" + contractID.String()}); err != nil {
		return uuid.Nil, err
	}
	if remaining > 0 {
		return contractID, nil
	}
	// Closing ends the other open bids with a notice (orders.SetStatus).
	o.RemainingQuantity = remaining
	_, err = orders.ApplyLocked(ctx, db, o, orders.Transition{Action: market.ActFullyAwarded, ActorID: &uid, ActorKind: "company"}, now)
	return contractID, err
}

// refusal is why the caller may not award bid id: not found when they may
// not see it, else the policy's reason.
func (s *Service) refusal(ctx context.Context, a *market.Actor, id uuid.UUID) error {
	_, p, err := s.visibleBid(ctx, a, id)
	if err != nil {
		return err
	}
	if err := p.Actions.Accept.Err(); err != nil {
		return err
	}
	return market.ErrNotFound // visible and awardable a moment ago, gone under the lock
}

func contractParams(o market.Order, b store.Bid, t market.ContractTerms) store.AwardBidParams {
	return store.AwardBidParams{OrderID: o.ID, BidID: b.ID, CompanyID: o.CompanyID, WorkshopID: b.WorkshopID,
		Title: o.Title, Craft: o.Craft, Quantity: t.Quantity, UnitPrice: t.UnitPrice, Currency: t.Currency,
		EscrowAmount: t.EscrowAmount, DepositKind: t.Deposit.Kind, DepositAmount: t.Deposit.Amount,
		DepositWaived: t.Deposit.Waived, CommissionBp: int32(t.CommissionBP), MaterialSupply: t.Materials.Supply,
		MaterialValuePerUnit: t.Materials.ValuePerUnit, AllowedLossBp: int32(t.Materials.AllowedLossBP),
		AllowedLossUnits: t.AllowedLossUnits, QualityCriteria: t.Quality.Criteria, MaxDefectBp: int32(t.Quality.MaxDefectBP),
		InspectionDays: int32(t.Quality.InspectionDays), ReworkRounds: int32(t.Quality.ReworkRounds), DueDate: t.DueDate,
		HandoverRegionCode: o.RegionCode, HandoverAddress: o.Address, HandoverLat: o.Lat, HandoverLng: o.Lng}
}
