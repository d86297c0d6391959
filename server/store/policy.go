package store

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"doorstep/server/market"
	"doorstep/server/store/dbq"
)

// ContractPolicyFacts reads what market.ContractPolicyFor decides from, for
// each contract id (one statement for all of them), keyed by id; an id with
// no contract is missing from the map.
func (d *DB) ContractPolicyFacts(ctx context.Context, ids ...uuid.UUID) (map[uuid.UUID]market.ContractFacts, error) {
	rows, err := d.q.ContractPolicyFacts(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[uuid.UUID]market.ContractFacts, len(rows))
	for _, r := range rows {
		out[r.Contract.ID] = contractFacts(r.Contract, r)
	}
	return out, nil
}

// ContractFacts reads one contract and its facts (ErrNoRows when there is
// none); inside a transaction that locked the contract they are current.
func (d *DB) ContractFacts(ctx context.Context, id uuid.UUID) (Contract, market.ContractFacts, error) {
	rows, err := d.q.ContractPolicyFacts(ctx, []uuid.UUID{id})
	if err != nil {
		return Contract{}, market.ContractFacts{}, err
	}
	if len(rows) == 0 {
		return Contract{}, market.ContractFacts{}, pgx.ErrNoRows
	}
	return rows[0].Contract, contractFacts(rows[0].Contract, rows[0]), nil
}

func contractFacts(k Contract, r dbq.ContractPolicyFactsRow) market.ContractFacts {
	deposit := k.DepositAmount
	if k.DepositWaived {
		deposit = 0
	}
	return market.ContractFacts{ID: k.ID, CompanyID: k.CompanyID, WorkshopID: k.WorkshopID, Status: market.ContractStatus(k.Status),
		OwnMaterials: k.MaterialSupply == market.SupplyWorkshopSources, Supply: k.MaterialSupply, Quantity: k.Quantity, AllowedLoss: k.AllowedLossUnits,
		Dispatched: k.DispatchedUnits, Received: k.ReceivedUnits, Returned: k.ReturnedUnits, Delivered: k.DeliveredUnits,
		Accepted: k.AcceptedUnits, Rejected: k.RejectedUnits, Rework: k.ReworkUnits, Disputed: k.DisputedUnits,
		AwaitingInspection: r.AwaitingInspection, InspectDueAt: someTime(r.InspectDueAt), InspectDeliveryID: someID(r.InspectDeliveryID),
		ReworkDeliveryID: someID(r.ReworkDeliveryID), ReceiveDispatchID: someID(r.ReceiveDispatchID), OpenDisputeID: someID(r.OpenDisputeID),
		UnreceivedSends: int(r.UnreceivedSends), OpenDisputes: int(r.OpenDisputes), DisputeWindowEnd: someTime(r.DisputeWindowEnd),
		FundingDueAt: k.FundingDueAt, DueDate: k.DueDate, CancelRequestedBy: k.CancelRequestedBy,
		Escrow: market.FundingFacts{Required: k.EscrowAmount, Held: r.EscrowHeld,
			Open: openPayment(r.EscrowPaymentID, r.EscrowPaymentProvider, r.EscrowPaymentReference, r.EscrowPaymentAmount)},
		Deposit: market.FundingFacts{Required: deposit, Held: r.DepositHeld,
			Open: openPayment(r.DepositPaymentID, r.DepositPaymentProvider, r.DepositPaymentReference, r.DepositPaymentAmount)},
		CompanyRated: r.CompanyRated, WorkshopRated: r.WorkshopRated, Distributed: r.Distributed,
		WorkshopPayoutReady: r.WorkshopPayoutReady}
}

func openPayment(id *uuid.UUID, provider, reference *string, amount *int64) *market.OpenPayment {
	if id == nil || provider == nil || reference == nil || amount == nil {
		return nil
	}
	return &market.OpenPayment{ID: *id, Provider: *provider, Reference: *reference, Amount: *amount}
}

func someTime(t time.Time) *time.Time {
	if t.Year() <= 1 {
		return nil
	}
	return &t
}

func someID(id uuid.UUID) *uuid.UUID {
	if id == uuid.Nil {
		return nil
	}
	return &id
}
