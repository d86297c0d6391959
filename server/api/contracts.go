package api

import (
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store/dbq"
)

// ContractMaterials are the material terms frozen on a contract.
type ContractMaterials struct {
	market.MaterialTerms
	AllowedLossUnits int64 `json:"allowed_loss_units"`
}

// Handover is where the materials change hands (the order's address).
type Handover struct {
	Address    string  `json:"address"`
	RegionCode string  `json:"region_code"`
	RegionName string  `json:"region_name"`
	Lat        float64 `json:"lat"`
	Lng        float64 `json:"lng"`
}

// ContractView is a contract with its frozen terms, for both parties and staff.
type ContractView struct {
	ID                  uuid.UUID           `json:"id"`
	OrderID             uuid.UUID           `json:"order_id"`
	BidID               uuid.UUID           `json:"bid_id"`
	Title               string              `json:"title"`
	Craft               string              `json:"craft"`
	CraftNameZH         string              `json:"craft_name_zh"`
	CraftNameEN         string              `json:"craft_name_en"`
	Status              string              `json:"status"`
	Company             CompanyBadge        `json:"company"`
	Workshop            WorkshopBadge       `json:"workshop"`
	Quantity            int64               `json:"quantity"`
	UnitPrice           int64               `json:"unit_price"`
	Currency            string              `json:"currency"`
	EscrowAmount        int64               `json:"escrow_amount"`
	Deposit             market.BidDeposit   `json:"deposit"`
	CommissionBP        int                 `json:"commission_bp"`
	CommissionEstimate  int64               `json:"commission_estimate"`
	WorkshopNetEstimate int64               `json:"workshop_net_estimate"`
	Materials           ContractMaterials   `json:"materials"`
	Quality             market.QualityTerms `json:"quality"`
	DueDate             time.Time           `json:"due_date"`
	Handover            Handover            `json:"handover"`
	NextStep            string              `json:"next_step"`
	CreatedAt           time.Time           `json:"created_at"`
	UpdatedAt           time.Time           `json:"updated_at"`
}

func contractView(r dbq.ListContractViewsRow) ContractView {
	craft, _ := market.CraftByCode(r.Craft)
	deposit := market.BidDeposit{Kind: r.DepositKind, Amount: r.DepositAmount, Waived: r.DepositWaived}
	commission, net, _ := market.Commission(r.EscrowAmount, int(r.CommissionBp)) // bounds checked at award
	return ContractView{ID: r.ID, OrderID: r.OrderID, BidID: r.BidID, Title: r.Title, Craft: r.Craft,
		CraftNameZH: craft.NameZH, CraftNameEN: craft.NameEN, Status: r.Status,
		Company:  CompanyBadge{ID: r.CompanyID, Name: r.CompanyName, Verified: r.CompanyVerifiedAt != nil},
		Workshop: newWorkshopBadge(r.WorkshopID, r.WorkshopName, r.WorkshopHost, r.WorkshopRegionCode, r.WorkshopVerifiedAt, r.WorkshopGuarantee),
		Quantity: r.Quantity, UnitPrice: r.UnitPrice, Currency: r.Currency, EscrowAmount: r.EscrowAmount,
		Deposit: deposit, CommissionBP: int(r.CommissionBp), CommissionEstimate: commission, WorkshopNetEstimate: net,
		Materials: ContractMaterials{MaterialTerms: market.MaterialTerms{Supply: r.MaterialSupply,
			ValuePerUnit: r.MaterialValuePerUnit, AllowedLossBP: int(r.AllowedLossBp)}, AllowedLossUnits: r.AllowedLossUnits},
		Quality: market.QualityTerms{Criteria: r.QualityCriteria, MaxDefectBP: int(r.MaxDefectBp),
			InspectionDays: int(r.InspectionDays), ReworkRounds: int(r.ReworkRounds)},
		DueDate: r.DueDate, Handover: Handover{Address: r.HandoverAddress, RegionCode: r.HandoverRegionCode,
			RegionName: market.RegionFullName(r.HandoverRegionCode), Lat: r.HandoverLat, Lng: r.HandoverLng},
		NextStep: market.ContractNextStep(r.Status), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

// contractView reads a contract for its two parties and staff; 404 for anyone else.
func (s *Server) contractView(c *Call, id uuid.UUID) (ContractView, error) {
	rows, err := s.store.Q.ListContractViews(c.Ctx, dbq.ListContractViewsParams{ContractID: &id, Lim: 1})
	if err != nil {
		return ContractView{}, err
	}
	if len(rows) == 0 {
		return ContractView{}, market.ErrNotFound
	}
	r := rows[0]
	if !c.Actor.IsStaff() && c.Actor.OrgID != r.CompanyID && c.Actor.OrgID != r.WorkshopID {
		return ContractView{}, market.ErrNotFound
	}
	return contractView(r), nil
}

func (s *Server) getContract(c *Call, req *IDParam) (ContractView, error) {
	id, err := req.uuid()
	if err != nil {
		return ContractView{}, err
	}
	return s.contractView(c, id)
}

// ListContractsRequest filters the caller's contracts.
type ListContractsRequest struct {
	PageQuery
	Status  string `query:"status"`
	OrderID string `query:"order_id"`
}

// listContracts: each organisation sees its own contracts, staff all.
func (s *Server) listContracts(c *Call, req *ListContractsRequest) (Page[ContractView], error) {
	lim, off, err := req.limits()
	st, oid, ferr := listFilters(req.Status, market.ContractStatuses, req.OrderID)
	if err := market.MergeInvalid(err, ferr); err != nil {
		return Page[ContractView]{}, err
	}
	p := dbq.ListContractViewsParams{Lim: lim, Off: off, Status: st, OrderID: oid}
	switch {
	case c.Actor.IsStaff():
	case c.Actor.OrgKind == market.KindWorkshop:
		p.WorkshopID = &c.Actor.OrgID
	default:
		p.CompanyID = &c.Actor.OrgID
	}
	rows, err := s.store.Q.ListContractViews(c.Ctx, p)
	if err != nil {
		return Page[ContractView]{}, err
	}
	total, err := s.store.Q.CountContractViews(c.Ctx, dbq.CountContractViewsParams{CompanyID: p.CompanyID,
		WorkshopID: p.WorkshopID, OrderID: p.OrderID, Status: p.Status})
	out := Page[ContractView]{Items: make([]ContractView, 0, len(rows)), Total: total, Page: req.Page, PerPage: req.PerPage}
	for _, r := range rows {
		out.Items = append(out.Items, contractView(r))
	}
	return out, err
}
