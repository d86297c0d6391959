package money

import (
	"context"
	"strconv"

	"doorstep/server/market"
	"doorstep/server/payments"
	"doorstep/server/store"
)

// transferReversed books what the provider took back from a payout (or a
// compensation) and queues it to be paid again, in one transaction. The
// provider reports the running total reversed, so the part to book is that
// total less what is booked already: a replay, or an older event arriving
// after a newer one, adds nothing. Keys carry the running total, so the
// same step is booked and queued once however often it is applied.
func (s *Service) transferReversed(ctx context.Context, db *store.DB, t payments.TransferFact) error {
	d, err := db.LockDisbursementByProviderRef(ctx, &t.Ref)
	if store.IsNoRows(err) {
		return nil // a transfer made outside the platform
	}
	if err != nil {
		return err
	}
	if d.Status != market.DisbursementSent && d.Status != market.DisbursementReversed {
		return nil
	}
	total := min(t.ReversedTotal, d.Amount)
	part := total - d.AmountReversed
	if part <= 0 {
		return nil
	}
	if _, err := db.SetDisbursementReversed(ctx, store.SetDisbursementReversedParams{ID: d.ID, AmountReversed: total,
		FailureReason: market.FailureTransferReversed}); err != nil {
		return err
	}
	step := d.ID.String() + ":" + strconv.FormatInt(total, 10)
	kind := market.DisbursementKind(d.Kind)
	did := d.ID
	if _, err := db.Post(ctx, store.Posting{ContractID: d.ContractID, Key: "disb:" + step + ":reversed", Provider: d.Provider,
		Currency: d.Currency, DisbursementID: &did, Movement: market.Reversed(kind, part)}); err != nil {
		return err
	}
	// The money is owed again: queue it to the same recipient, or it would
	// sit in the payable account with nobody to send it.
	k, err := db.ContractByID(ctx, d.ContractID)
	if err != nil {
		return err
	}
	return s.enqueue(ctx, db, k, store.CreateDisbursementParams{Kind: d.Kind, RecipientOrgID: d.RecipientOrgID, Amount: part,
		PaymentID: d.PaymentID, IdempotencyKey: d.Kind + ":reissue:" + step, ReissueOf: &did})
}
