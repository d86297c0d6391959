package store

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgtype"

	"doorstep/server/events"
	"doorstep/server/market"
	"doorstep/server/store/dbq"
)

// Posting is one ledger transaction to book: a balanced movement on a
// contract's accounts, under a deterministic key.
type Posting struct {
	ContractID     uuid.UUID
	Key            string // unique: the same key is booked once, ever
	Memo           string
	Provider       string // whose clearing account the movement touches
	Currency       string
	PaymentID      *uuid.UUID
	DisbursementID *uuid.UUID
	Movement       market.Movement
}

// Post books a movement. It reports false (and changes nothing) when the
// key was booked before, so retries are harmless. The database refuses an
// unbalanced transaction at commit and a negative held balance at once.
func (d *DB) Post(ctx context.Context, p Posting) (bool, error) {
	if err := p.Movement.Check(); err != nil {
		return false, err
	}
	contract := p.ContractID
	txID, err := d.q.InsertLedgerTransaction(ctx, dbq.InsertLedgerTransactionParams{ContractID: &contract,
		Kind: p.Movement.Kind, PostingKey: p.Key, Memo: p.Memo, PaymentID: p.PaymentID, DisbursementID: p.DisbursementID})
	if IsNoRows(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	for _, l := range p.Movement.Lines {
		acc := dbq.EnsureLedgerAccountParams{Kind: string(l.Account), Currency: p.Currency}
		if l.Account.PerContract() {
			acc.ContractID = &contract
		} else if l.Account == market.AccProviderClearing {
			acc.Provider = p.Provider
		}
		id, err := d.q.EnsureLedgerAccount(ctx, acc)
		if err != nil {
			return false, err
		}
		if err := d.q.InsertLedgerEntry(ctx, dbq.InsertLedgerEntryParams{TransactionID: txID, AccountID: id, Amount: l.Amount}); err != nil {
			return false, err
		}
	}
	return true, nil
}

// Balances reads a contract's account balances by kind (missing kinds are zero).
func (d *DB) Balances(ctx context.Context, contractID uuid.UUID) (map[market.AccountKind]int64, error) {
	rows, err := d.q.ContractBalances(ctx, &contractID)
	out := make(map[market.AccountKind]int64, len(rows))
	for _, r := range rows {
		out[market.AccountKind(r.Kind)] += r.Balance
	}
	return out, err
}

// NextPaymentReference numbers bank-transfer references per day.
func (d *DB) NextPaymentReference(ctx context.Context, day time.Time) (int32, error) {
	return d.q.NextPaymentReference(ctx, pgtype.Date{Time: day, Valid: true})
}

// IncrementRemaining gives quantity back to an order (a lapsed or cancelled
// contract); the caller holds the order's row lock.
func (d *DB) IncrementRemaining(ctx context.Context, id uuid.UUID, quantity int64) (market.Order, error) {
	r, err := d.q.IncrementRemaining(ctx, dbq.IncrementRemainingParams{ID: id, Quantity: quantity})
	return d.changedOrder(OrderFromRow(r), err)
}

// ContractChanged records that a workshop's track record may have changed
// (its workshop index document counts completed contracts).
func (d *DB) ContractChanged(workshopID uuid.UUID) error {
	return d.Emit(events.OrgChanged{OrgID: workshopID, Workshop: true})
}

// PublicOrderIDsByCompany lists the company's public orders (their index
// documents carry the company's figures).
func (d *DB) PublicOrderIDsByCompany(ctx context.Context, companyID uuid.UUID) ([]uuid.UUID, error) {
	return d.q.PublicOrderIDsByCompany(ctx, companyID)
}

// ScorecardsChanged records that both parties' scorecards may have changed
// (a contract settled, a rating became visible): the workshop's document and
// every public order of the company, which carries the company's figures,
// are re-indexed by sync jobs inserted in this transaction.
func (d *DB) ScorecardsChanged(ctx context.Context, companyID, workshopID uuid.UUID) error {
	ids, err := d.q.PublicOrderIDsByCompany(ctx, companyID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := d.Emit(events.OrderRescored{OrderID: id}); err != nil {
			return err
		}
	}
	return d.ContractChanged(workshopID)
}
