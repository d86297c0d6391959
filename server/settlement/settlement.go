// Package settlement closes contracts (DESIGN.md "Money", "Close"): unused
// escrow back to the company, the deposit back to the workshop less only
// documented missing material, every movement in the ledger; a settled
// contract holds nothing. Settlement runs as one River job per contract and
// is idempotent: run twice, the second run changes nothing.
package settlement

import (
	"context"
	"errors"
	"time"

	"github.com/google/uuid"

	"doorstep/server/access"
	"doorstep/server/market"
	"doorstep/server/money"
	"doorstep/server/notify"
	"doorstep/server/store"
)

// Service runs settlements.
type Service struct {
	Store *store.Store
	Money *money.Service
	Now   func() time.Time
}

// WaitUntil is returned while a dispute window is still open: the workshop
// may yet dispute a rejection, so the money waits.
type WaitUntil struct{ At time.Time }

func (w WaitUntil) Error() string {
	return "settlement waits for dispute windows until " + w.At.Format(time.RFC3339)
}

var errNotSettling = market.E(market.CodeState, "合同尚未进入结算（还有交付、返工或申诉未完成）",
	"the contract is not ready to settle (deliveries, rework or disputes are pending)")

// Settle settles a contract in settling once it is due (the settlement
// job): it waits for open dispute windows (returning WaitUntil) and for
// pending work (a dispute decision or inspection starts settlement again).
// A settled contract is left as it is.
func (s *Service) Settle(ctx context.Context, contractID uuid.UUID) error {
	return s.Store.Tx(ctx, func(db *store.DB) error {
		k, err := db.LockContract(ctx, contractID)
		if store.IsNoRows(err) {
			return market.ErrNotFound
		}
		if err != nil {
			return err
		}
		switch market.ContractStatus(k.Status) {
		case market.ContractSettled:
			return nil
		case market.ContractSettling:
		default:
			return errNotSettling
		}
		pending, err := db.PendingWork(ctx, store.PendingWorkParams{ContractID: k.ID, Now: s.Now()})
		if err != nil {
			return err
		}
		if pending.OpenDisputes > 0 || pending.Uninspected > 0 || pending.ReworkLeft > 0 {
			return nil // the dispute decision starts settlement again
		}
		if until, err := s.disputeWindowsEnd(ctx, db, k.ID); err != nil || !until.IsZero() {
			if err == nil {
				err = WaitUntil{At: until}
			}
			return err
		}
		return s.settle(ctx, db, k, nil)
	})
}

// SettleNow settles a contract at once (finance staff): the policy allows
// it once nothing is pending and no rejection can still be disputed, since
// a dispute after settlement would have no escrow left to pay from.
func (s *Service) SettleNow(ctx context.Context, a *market.Actor, contractID uuid.UUID) error {
	return s.Store.Tx(ctx, func(db *store.DB) error {
		k, p, err := access.LockContract(ctx, db, a, contractID, s.Now())
		if err != nil {
			return err
		}
		if p.Facts.Status == market.ContractSettled && p.Role.HandlesMoney() {
			return nil // settled already: a repeated request changes nothing
		}
		if err := p.Actions.Settle.Err(); err != nil {
			return err
		}
		return s.settle(ctx, db, k, a)
	})
}

func (s *Service) disputeWindowsEnd(ctx context.Context, db *store.DB, id uuid.UUID) (time.Time, error) {
	deliveries, err := db.ContractDeliveries(ctx, id)
	var until time.Time
	for _, d := range deliveries {
		if market.DeliveryStatus(d.Status) == market.DeliveryAccepted && d.Rejected != nil && *d.Rejected > 0 && d.DisputeDueAt != nil &&
			d.DisputeDueAt.After(s.Now()) && d.DisputeDueAt.After(until) {
			until = *d.DisputeDueAt
		}
	}
	return until, err
}

func (s *Service) settle(ctx context.Context, db *store.DB, k store.Contract, by *market.Actor) error {
	bal, err := db.Balances(ctx, k.ID)
	if err != nil {
		return err
	}
	res, err := market.Settle(market.SettlementInput{EscrowHeld: bal[market.AccEscrow], DepositHeld: bal[market.AccDeposit],
		Received: k.ReceivedUnits, Returned: k.ReturnedUnits, Delivered: k.DeliveredUnits, AllowedLossUnits: k.AllowedLossUnits,
		MaterialValuePerUnit: k.MaterialValuePerUnit, OwnMaterials: k.MaterialSupply == market.SupplyWorkshopSources})
	if err != nil {
		return err
	}
	escrow, deposit := market.SettleMovements(res)
	if len(escrow.Lines) > 0 {
		if _, err := db.Post(ctx, store.Posting{ContractID: k.ID, Key: "settle:" + k.ID.String() + ":escrow", Currency: k.Currency, Movement: escrow}); err != nil {
			return err
		}
		if err := s.Money.RefundTo(ctx, db, k, market.PurposeEscrow, res.EscrowRefund, "settled"); err != nil {
			return err
		}
	}
	if len(deposit.Lines) > 0 {
		if _, err := db.Post(ctx, store.Posting{ContractID: k.ID, Key: "settle:" + k.ID.String() + ":deposit", Currency: k.Currency, Movement: deposit}); err != nil {
			return err
		}
		if err := s.Money.Compensate(ctx, db, k, res.Deduction); err != nil {
			return err
		}
		if err := s.Money.RefundTo(ctx, db, k, market.PurposeDeposit, res.DepositRefund, "settled"); err != nil {
			return err
		}
	}
	to, err := market.NextContractStatus(market.ContractStatus(k.Status), market.ContractSettle)
	if err != nil {
		return err
	}
	reason := market.ReasonSettled
	if by != nil {
		reason = market.ReasonSettledByStaff
		if err := db.InsertAudit(ctx, store.Audit{Actor: by.User, Action: "contract.settle", TargetType: "contract", TargetID: k.ID.String(),
			After: res}); err != nil {
			return err
		}
	}
	zh, en := reason.Columns()
	if k, err = db.SetContractStatus(ctx, store.SetContractStatusParams{ID: k.ID, Status: string(to), Reason: zh, ReasonEn: en}); err != nil {
		return err
	}
	if err := db.MarkSettled(ctx, k.ID); err != nil {
		return err
	}
	// Both scorecards are in the search indexes: the workshop's document and
	// the company's public orders are re-synced (jobs in this transaction).
	if err := db.ScorecardsChanged(ctx, k.CompanyID, k.WorkshopID); err != nil {
		return err
	}
	return money.NotifyParties(ctx, db, k, notify.ContractSettled, notify.Data{Order: k.Title, Amount: res.DepositRefund})
}

// IsWait reports whether err asks to wait, and until when.
func IsWait(err error) (time.Time, bool) {
	var w WaitUntil
	if errors.As(err, &w) {
		return w.At, true
	}
	return time.Time{}, false
}
