package api

import (
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/dbq"
)

// acceptBid awards a bid: one transaction locks the order row, checks the
// bid still fits the remaining quantity, freezes the terms into a contract
// and lowers the remaining quantity; at zero the order closes and the other
// open bids are rejected. The order lock serialises concurrent accepts, so
// the order can never be over-allocated (and the CHECK on
// remaining_quantity would refuse it if it were).
func (s *Server) acceptBid(c *Call, req *IDParam) (ContractView, error) {
	row, err := s.visibleBid(c, *req)
	if err != nil {
		return ContractView{}, err
	}
	if c.Actor.OrgID != row.CompanyID {
		return ContractView{}, errNotBuyer
	}
	uid := c.Actor.User.ID
	var contractID uuid.UUID
	err = s.store.WithTx(c.Ctx, func(tx pgx.Tx, q *dbq.Queries) error {
		o, cur, err := lockOpenBid(c, q, row.OrderID, row.ID)
		if err != nil {
			return err
		}
		bid := market.Bid{Quantity: cur.Quantity, UnitPrice: cur.UnitPrice, DeliveryDate: cur.DeliveryDate,
			Headcount: int(cur.Headcount), Message: cur.Message}
		if err := market.CheckAwardable(o, bid, s.now()); err != nil {
			return err
		}
		w, err := q.OrgByID(c.Ctx, cur.WorkshopID)
		if err != nil {
			return err
		}
		terms, err := market.FreezeTerms(o, bid, store.OrgFromRow(w).Guaranteed(), s.cfg.CommissionBP)
		if err != nil {
			return err
		}
		k, err := q.CreateContract(c.Ctx, contractParams(o, cur, terms))
		if err != nil {
			return err
		}
		contractID = k.ID
		if _, err := q.SetBidStatus(c.Ctx, dbq.SetBidStatusParams{ID: cur.ID, Status: market.BidAccepted}); err != nil {
			return err
		}
		if _, err := q.DecrementRemaining(c.Ctx, dbq.DecrementRemainingParams{ID: o.ID, Quantity: cur.Quantity}); err != nil {
			return err
		}
		if err := store.Notify(c.Ctx, q, store.Notification{OrgID: cur.WorkshopID, Kind: "bid.accepted",
			TitleZH: "恭喜！您对“" + o.Title + "”的报价已被接受", TitleEN: "Your bid for " + o.Title + " was accepted",
			BodyZH: "合同已生成，等待企业托管货款。", BodyEN: "A contract was created; the company funds escrow next.",
			Link: "/contracts/" + k.ID.String()}); err != nil {
			return err
		}
		if o.RemainingQuantity-cur.Quantity > 0 {
			return s.store.OrderChanged(c.Ctx, tx, o.ID) // remaining quantity is in the search document
		}
		// Closing re-syncs search and ends the other open bids (store.SetStatus).
		_, _, err = s.store.TransitionOrder(c.Ctx, tx, o.ID, store.Transition{Action: market.ActFullyAwarded,
			ActorID: &uid, ActorKind: "company"}, s.now())
		return err
	})
	if err != nil {
		return ContractView{}, err
	}
	return s.contractView(c, contractID)
}

func contractParams(o market.Order, b dbq.Bid, t market.ContractTerms) dbq.CreateContractParams {
	return dbq.CreateContractParams{OrderID: o.ID, BidID: b.ID, CompanyID: o.CompanyID, WorkshopID: b.WorkshopID,
		Title: o.Title, Craft: o.Craft, Quantity: t.Quantity, UnitPrice: t.UnitPrice, Currency: t.Currency,
		EscrowAmount: t.EscrowAmount, DepositKind: t.Deposit.Kind, DepositAmount: t.Deposit.Amount,
		DepositWaived: t.Deposit.Waived, CommissionBp: int32(t.CommissionBP), MaterialSupply: t.Materials.Supply,
		MaterialValuePerUnit: t.Materials.ValuePerUnit, AllowedLossBp: int32(t.Materials.AllowedLossBP),
		AllowedLossUnits: t.AllowedLossUnits, QualityCriteria: t.Quality.Criteria, MaxDefectBp: int32(t.Quality.MaxDefectBP),
		InspectionDays: int32(t.Quality.InspectionDays), ReworkRounds: int32(t.Quality.ReworkRounds), DueDate: t.DueDate,
		HandoverRegionCode: o.RegionCode, HandoverAddress: o.Address, HandoverLat: o.Lat, HandoverLng: o.Lng}
}
