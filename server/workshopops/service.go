// Package workshops is the workflow of a workshop's own operations: its
// roster of residents (with consented sensitive tags), material hand-outs
// and piece records per contract, the pay distribution to residents, and
// impact figures (the workshop's own, and k-anonymous platform ones).
//
// Who may act: a workshop's members (its coordinators) and nobody else, not
// even staff, who see only the aggregates everyone sees. Each method checks
// membership, and the store's queries join the caller's membership again.
package workshopops

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
)

// Service runs the workshop operations workflows.
type Service struct {
	Store *store.Store
	Now   func() time.Time
}

// member is the caller's user id when they belong to the workshop; anyone
// else (other organisations, staff, anonymous) gets not found, so the
// roster's existence is not revealed either.
func (s *Service) member(ctx context.Context, a *market.Actor, workshopID uuid.UUID) (uuid.UUID, error) {
	if a == nil || a.IsStaff() || a.OrgKind != market.KindWorkshop || a.OrgID != workshopID {
		return uuid.Nil, market.ErrNotFound
	}
	ok, err := s.Store.DB().IsWorkshopMember(ctx, workshopID, a.User.ID)
	if err != nil {
		return uuid.Nil, err
	}
	if !ok {
		return uuid.Nil, market.ErrNotFound
	}
	return a.User.ID, nil
}

// caller is the user id to hand to the store's membership-joined queries.
func caller(a *market.Actor) (uuid.UUID, error) {
	if a == nil || a.IsStaff() || a.OrgKind != market.KindWorkshop {
		return uuid.Nil, market.ErrNotFound
	}
	return a.User.ID, nil
}

// receivedMaterial is the material the workshop counted in for the
// contract (in product units), less what it gave back to the company.
func receivedMaterial(k store.OpsContract) int64 {
	return k.ReceivedUnits - k.ReturnedUnits
}

// ContractBrief is the contract as the workshop's operation pages head it.
type ContractBrief struct {
	ID           uuid.UUID             `json:"id"`
	Title        string                `json:"title"`
	Craft        string                `json:"craft"`
	CraftNameZH  string                `json:"craft_name_zh"`
	CraftNameEN  string                `json:"craft_name_en"`
	Status       market.ContractStatus `json:"status"`
	Quantity     int64                 `json:"quantity"`
	UnitPrice    int64                 `json:"unit_price"`
	WorkshopID   uuid.UUID             `json:"workshop_id"`
	WorkshopName string                `json:"workshop_name"`
	CompanyName  string                `json:"company_name"`
}

func brief(k store.OpsContract) ContractBrief {
	c, _ := market.CraftByCode(k.Craft)
	return ContractBrief{ID: k.ID, Title: k.Title, Craft: k.Craft, CraftNameZH: c.NameZH, CraftNameEN: c.NameEN,
		Status: market.ContractStatus(k.Status), Quantity: k.Quantity, UnitPrice: k.UnitPrice, WorkshopID: k.WorkshopID,
		WorkshopName: k.WorkshopName, CompanyName: k.CompanyName}
}

// opsContract reads a contract for a member of its workshop.
func (s *Service) opsContract(ctx context.Context, db *store.DB, a *market.Actor, id uuid.UUID) (store.OpsContract, uuid.UUID, error) {
	uid, err := caller(a)
	if err != nil {
		return store.OpsContract{}, uid, err
	}
	k, err := db.OpsContract(ctx, id, uid)
	if err == nil && k.WorkshopID != a.OrgID {
		err = market.ErrNotFound
	}
	return k, uid, err
}
