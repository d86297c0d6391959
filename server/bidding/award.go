package bidding

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/contracts"
	"doorstep/server/market"
	"doorstep/server/notify"
	"doorstep/server/orders"
	"doorstep/server/store"
)

// Accept awards a bid: one transaction locks the order row, checks the bid
// still fits the remaining quantity, freezes the terms into a contract and
// lowers the remaining quantity; at zero the order closes (orders.Apply)
// and the other open bids are rejected. The order lock serialises
// concurrent accepts, so the order can never be over-allocated (and the
// CHECK on remaining_quantity would refuse it if it were).
//
// Only a verified workshop can be awarded (it may bid before, to show
// interest), and a bid below the minimum wage needs the company's own
// confirmation (confirmBelowMinimumWage), recorded on the contract.
func (s *Service) Accept(ctx context.Context, a *market.Actor, id uuid.UUID, confirmBelowMinimumWage bool) (contracts.ContractView, error) {
	row, p, err := s.visibleBid(ctx, a, id)
	if err != nil {
		return contracts.ContractView{}, err
	}
	if p.Role != market.RoleCompany {
		return contracts.ContractView{}, p.Actions.Accept.Err() // staff and the bidder may see the bid, not award it
	}
	uid := a.User.ID
	var contractID uuid.UUID
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		o, err := db.LockOrder(ctx, row.OrderID)
		if err != nil {
			return err
		}
		cur, err := db.BidByIDForUpdate(ctx, row.ID)
		if err != nil {
			return err
		}
		w, err := db.Org(ctx, cur.WorkshopID)
		if err != nil {
			return err
		}
		bid := market.Bid{Quantity: cur.Quantity, UnitPrice: cur.UnitPrice, DeliveryDate: cur.DeliveryDate,
			Headcount: int(cur.Headcount), Message: cur.Message}
		facts := market.BidFacts{CompanyID: o.CompanyID, WorkshopID: cur.WorkshopID, Status: market.BidStatus(cur.Status), Bid: bid,
			WorkshopVerified: w.VerifiedAt != nil}
		if err := market.BidPolicyFor(a, facts, o, s.Now()).Actions.Accept.Err(); err != nil {
			return err // as it stands under the order's lock
		}
		q, err := market.QuoteBid(o, bid, w.RegionCode, w.Guaranteed())
		if err != nil {
			return err
		}
		if err := market.CheckFairPay(q, confirmBelowMinimumWage, true); err != nil {
			return err
		}
		terms, err := market.FreezeTerms(o, bid, w.Guaranteed(), s.CommissionBP)
		if err != nil {
			return err
		}
		params := contractParams(o, cur, terms)
		params.FundingDueAt = s.Now().Add(time.Duration(s.FundingDays) * 24 * time.Hour)
		if q.BelowMinimumWage {
			now := s.Now()
			params.BelowMinWageConfirmedAt, params.BelowMinWageConfirmedBy = &now, &uid
		}
		k, err := db.CreateContract(ctx, params)
		if err != nil {
			return err
		}
		contractID = k.ID
		if _, err := db.SetBidStatus(ctx, store.SetBidStatusParams{ID: cur.ID, Status: string(market.BidAccepted)}); err != nil {
			return err
		}
		after, err := db.DecrementRemaining(ctx, o.ID, cur.Quantity)
		if err != nil {
			return err
		}
		if err := notify.Send(ctx, db, notify.Notice{Org: cur.WorkshopID, Kind: notify.BidAccepted,
			Data: notify.Data{Order: o.Title}, Link: "/contracts/" + k.ID.String()}); err != nil {
			return err
		}
		if after.RemainingQuantity > 0 {
			return nil
		}
		// Closing ends the other open bids with a notice (orders.SetStatus).
		_, _, err = orders.Apply(ctx, db, o.ID, orders.Transition{Action: market.ActFullyAwarded, ActorID: &uid, ActorKind: "company"}, s.Now())
		return err
	})
	if err != nil {
		return contracts.ContractView{}, err
	}
	return s.Contracts.Get(ctx, a, contractID)
}

func contractParams(o market.Order, b store.Bid, t market.ContractTerms) store.CreateContractParams {
	return store.CreateContractParams{OrderID: o.ID, BidID: b.ID, CompanyID: o.CompanyID, WorkshopID: b.WorkshopID,
		Title: o.Title, Craft: o.Craft, Quantity: t.Quantity, UnitPrice: t.UnitPrice, Currency: t.Currency,
		EscrowAmount: t.EscrowAmount, DepositKind: t.Deposit.Kind, DepositAmount: t.Deposit.Amount,
		DepositWaived: t.Deposit.Waived, CommissionBp: int32(t.CommissionBP), MaterialSupply: t.Materials.Supply,
		MaterialValuePerUnit: t.Materials.ValuePerUnit, AllowedLossBp: int32(t.Materials.AllowedLossBP),
		AllowedLossUnits: t.AllowedLossUnits, QualityCriteria: t.Quality.Criteria, MaxDefectBp: int32(t.Quality.MaxDefectBP),
		InspectionDays: int32(t.Quality.InspectionDays), ReworkRounds: int32(t.Quality.ReworkRounds), DueDate: t.DueDate,
		HandoverRegionCode: o.RegionCode, HandoverAddress: o.Address, HandoverLat: o.Lat, HandoverLng: o.Lng}
}
