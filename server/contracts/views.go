package contracts

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/access"
	"doorstep/server/market"
	"doorstep/server/orders"
	"doorstep/server/store"
)

// WorkshopBadge is a workshop as others see it next to a bid or contract.
type WorkshopBadge struct {
	ID                 uuid.UUID `json:"id"`
	Name               string    `json:"name"`
	Host               string    `json:"host"`
	RegionCode         string    `json:"region_code"`
	RegionName         string    `json:"region_name"`
	Verified           bool      `json:"verified"`
	CommunityGuarantee bool      `json:"community_guarantee"`
}

// NewWorkshopBadge builds the badge from the joined columns every view query selects.
func NewWorkshopBadge(id uuid.UUID, name, host, regionCode string, verifiedAt *time.Time, guarantee bool) WorkshopBadge {
	return WorkshopBadge{ID: id, Name: name, Host: host, RegionCode: regionCode, RegionName: market.RegionFullName(regionCode),
		Verified: verifiedAt != nil, CommunityGuarantee: guarantee}
}

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

// Funding is where a contract's funding stands: the company funds escrow
// and the workshop pays any deposit by FundingDueAt, or the contract lapses.
type Funding struct {
	DueAt          time.Time  `json:"due_at"`
	EscrowFundedAt *time.Time `json:"escrow_funded_at"`
	DepositPaidAt  *time.Time `json:"deposit_paid_at"`
	DepositOwed    bool       `json:"deposit_owed"` // a deposit is asked and not waived
}

// ContractView is a contract with its frozen terms, for both parties and staff.
type ContractView struct {
	ID                  uuid.UUID             `json:"id"`
	OrderID             uuid.UUID             `json:"order_id"`
	BidID               uuid.UUID             `json:"bid_id"`
	Title               string                `json:"title"`
	Craft               string                `json:"craft"`
	CraftNameZH         string                `json:"craft_name_zh"`
	CraftNameEN         string                `json:"craft_name_en"`
	Status              market.ContractStatus `json:"status"`
	Company             orders.CompanyBadge   `json:"company"`
	Workshop            WorkshopBadge         `json:"workshop"`
	Quantity            int64                 `json:"quantity"`
	UnitPrice           int64                 `json:"unit_price"`
	Currency            string                `json:"currency"`
	EscrowAmount        int64                 `json:"escrow_amount"`
	Deposit             market.BidDeposit     `json:"deposit"`
	CommissionBP        int                   `json:"commission_bp"`
	CommissionEstimate  int64                 `json:"commission_estimate"`
	WorkshopNetEstimate int64                 `json:"workshop_net_estimate"`
	Materials           ContractMaterials     `json:"materials"`
	Quality             market.QualityTerms   `json:"quality"`
	DueDate             time.Time             `json:"due_date"`
	Handover            Handover              `json:"handover"`
	// What the caller may do now, the limits and the next step, from
	// market.ContractPolicyFor: the page draws its buttons and banner from them.
	Role    market.Role           `json:"role"`
	Actions market.ContractCan    `json:"actions"`
	Limits  market.ContractLimits `json:"limits"`
	Next    market.NextStep       `json:"next"`
	// Reminders: set-up that does not block the next step (payout_account).
	Reminders []string `json:"reminders"`
	// DispatchMethods: how the company may send material under the terms.
	DispatchMethods []string `json:"dispatch_methods"`
	// Where the contract is, for the page's layout and progress: its stage,
	// the normal path and its step on it (-1 once lapsed or cancelled).
	Stage    market.ContractStage    `json:"stage"`
	Path     []market.ContractStatus `json:"path"`
	PathStep int                     `json:"path_step"`
	Funding  Funding                 `json:"funding"`
	// A cancellation one party asked for, waiting for the other.
	CancelRequestedBy *uuid.UUID  `json:"cancel_requested_by"`
	CancelReason      string      `json:"cancel_reason,omitempty"`
	EndReason         *market.Msg `json:"end_reason,omitempty"` // why it ended, in both languages
	ActivatedAt       *time.Time  `json:"activated_at"`
	EndedAt           *time.Time  `json:"ended_at"`
	// BelowMinWageConfirmedAt: awarded although below the minimum wage, with
	// the company's confirmation at this time (null: not below).
	BelowMinWageConfirmedAt *time.Time `json:"below_min_wage_confirmed_at"`
	CreatedAt               time.Time  `json:"created_at"`
	UpdatedAt               time.Time  `json:"updated_at"`
}

func contractView(r store.ListContractViewsRow, p market.ContractPolicy) ContractView {
	craft, _ := market.CraftByCode(r.Craft)
	deposit := market.BidDeposit{Kind: r.DepositKind, Amount: r.DepositAmount, Waived: r.DepositWaived}
	commission, net, _ := market.Commission(r.EscrowAmount, int(r.CommissionBp)) // bounds checked at award
	status := market.ContractStatus(r.Status)
	return ContractView{ID: r.ID, OrderID: r.OrderID, BidID: r.BidID, Title: r.Title, Craft: r.Craft,
		CraftNameZH: craft.NameZH, CraftNameEN: craft.NameEN, Status: status,
		Company:  orders.CompanyBadge{ID: r.CompanyID, Name: r.CompanyName, Verified: r.CompanyVerifiedAt != nil},
		Workshop: NewWorkshopBadge(r.WorkshopID, r.WorkshopName, r.WorkshopHost, r.WorkshopRegionCode, r.WorkshopVerifiedAt, r.WorkshopGuarantee),
		Quantity: r.Quantity, UnitPrice: r.UnitPrice, Currency: r.Currency, EscrowAmount: r.EscrowAmount,
		Deposit: deposit, CommissionBP: int(r.CommissionBp), CommissionEstimate: commission, WorkshopNetEstimate: net,
		Materials: ContractMaterials{MaterialTerms: market.MaterialTerms{Supply: r.MaterialSupply,
			ValuePerUnit: r.MaterialValuePerUnit, AllowedLossBP: int(r.AllowedLossBp)}, AllowedLossUnits: r.AllowedLossUnits},
		Quality: market.QualityTerms{Criteria: r.QualityCriteria, MaxDefectBP: int(r.MaxDefectBp),
			InspectionDays: int(r.InspectionDays), ReworkRounds: int(r.ReworkRounds)},
		DueDate: r.DueDate, Handover: Handover{Address: r.HandoverAddress, RegionCode: r.HandoverRegionCode,
			RegionName: market.RegionFullName(r.HandoverRegionCode), Lat: r.HandoverLat, Lng: r.HandoverLng},
		Role: p.Role, Actions: p.Actions, Limits: p.Limits, Next: p.Next, Reminders: p.Reminders, DispatchMethods: p.DispatchMethods,
		Stage: status.Stage(), Path: market.ContractPath, PathStep: status.PathStep(), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		Funding: Funding{DueAt: r.FundingDueAt, EscrowFundedAt: r.EscrowFundedAt, DepositPaidAt: r.DepositPaidAt,
			DepositOwed: r.DepositAmount > 0 && !r.DepositWaived},
		CancelRequestedBy: r.CancelRequestedBy, CancelReason: r.CancelReason, EndReason: market.FromColumns(r.EndReason, r.EndReasonEn).OrNil(),
		ActivatedAt: r.ActivatedAt, EndedAt: r.EndedAt, BelowMinWageConfirmedAt: r.BelowMinWageConfirmedAt}
}

// Get reads a contract for its two parties and staff; 404 for anyone else.
func (s *Service) Get(ctx context.Context, a *market.Actor, id uuid.UUID) (ContractView, error) {
	row, err := s.Store.DB().ContractView(ctx, id)
	if store.IsNoRows(err) {
		return ContractView{}, market.ErrNotFound
	}
	if err != nil {
		return ContractView{}, err
	}
	r := store.ListContractViewsRow(row) // the same columns: a change to one query that misses the other does not compile
	_, p, err := access.Contract(ctx, s.Store.DB(), a, id, s.Now())
	if err != nil {
		return ContractView{}, err
	}
	return contractView(r, p), nil
}

// List: each organisation sees its own contracts, staff all.
func (s *Service) List(ctx context.Context, a *market.Actor, status, orderID string, pq market.PageQuery) (market.Page[ContractView], error) {
	lim, off, err := pq.Limits()
	st, oid, ferr := market.ListFilters(status, market.ContractStatuses, orderID)
	if err := market.MergeInvalid(err, ferr); err != nil {
		return market.Page[ContractView]{}, err
	}
	p := store.ListContractViewsParams{Lim: lim, Off: off, Status: st, OrderID: oid}
	switch {
	case a.IsStaff():
	case a.OrgKind == market.KindWorkshop:
		p.WorkshopID = &a.OrgID
	default:
		p.CompanyID = &a.OrgID
	}
	db := s.Store.DB()
	rows, err := db.ListContractViews(ctx, p)
	if err != nil {
		return market.Page[ContractView]{}, err
	}
	total, err := db.CountContractViews(ctx, store.CountContractViewsParams{CompanyID: p.CompanyID,
		WorkshopID: p.WorkshopID, OrderID: p.OrderID, Status: p.Status})
	if err != nil {
		return market.Page[ContractView]{}, err
	}
	ids := make([]uuid.UUID, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	policies, err := access.Contracts(ctx, db, a, ids, s.Now())
	out := market.NewPage(pq, total, make([]ContractView, 0, len(rows)))
	for _, r := range rows {
		out.Items = append(out.Items, contractView(r, policies[r.ID]))
	}
	return out, err
}
