package contracts

import (
	"context"

	"github.com/google/uuid"

	"doorstep/server/access"
	"doorstep/server/market"
	"doorstep/server/store"
)

// OrderFunding is what a company still has to put into escrow for an
// order it split between workshops: the total, and each contract's part
// with the bank transfer already on its way (its reference), so one page
// shows everything to pay instead of the last contract's figure.
type OrderFunding struct {
	Owed      int64             `json:"owed"` // fen still to fund across the order's contracts
	Contracts []ContractFunding `json:"contracts"`
}

// ContractFunding is one contract's part of it.
type ContractFunding struct {
	ContractID   uuid.UUID           `json:"contract_id"`
	WorkshopName string              `json:"workshop_name"`
	Quantity     int64               `json:"quantity"`
	Owed         int64               `json:"owed"`
	Payment      *market.OpenPayment `json:"payment"` // the transfer on its way, if any
	CanFund      bool                `json:"can_fund"`
}

// OrderFunding sums the escrow the company still owes on an order's
// contracts awaiting funding (the company's own; nil for anyone else).
func (s *Service) OrderFunding(ctx context.Context, a *market.Actor, orderID uuid.UUID) (*OrderFunding, error) {
	db := s.Store.DB()
	st := string(market.ContractAwaitingFunding)
	rows, err := db.ListContractViews(ctx, store.ListContractViewsParams{OrderID: &orderID, Status: &st, Lim: 200})
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	ids := make([]uuid.UUID, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	policies, err := access.Contracts(ctx, db, a, ids, s.Now())
	if err != nil {
		return nil, err
	}
	out := &OrderFunding{Contracts: []ContractFunding{}}
	for _, r := range rows {
		p := policies[r.ID]
		if p.Role != market.RoleCompany {
			return nil, nil
		}
		owed := p.Facts.Escrow.Owed()
		out.Owed += owed
		out.Contracts = append(out.Contracts, ContractFunding{ContractID: r.ID, WorkshopName: r.WorkshopName, Quantity: r.Quantity,
			Owed: owed, Payment: p.Facts.Escrow.Open, CanFund: p.Actions.Fund.Allowed})
	}
	return out, nil
}
