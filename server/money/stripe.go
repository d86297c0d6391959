package money

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"doorstep/server/events"
	"doorstep/server/market"
	"doorstep/server/payments"
	"doorstep/server/store"
)

// CreateCharge creates the provider charge of a card payment (a job, after
// the payment's transaction committed). The idempotency key is derived from
// (contract, purpose, sequence): a retry returns the same PaymentIntent.
func (s *Service) CreateCharge(ctx context.Context, paymentID uuid.UUID) error {
	db := s.Store.DB()
	p, err := db.PaymentByID(ctx, paymentID)
	if err != nil || p.ProviderRef != nil || p.Status != market.PaymentPending {
		return err
	}
	k, err := db.ContractByID(ctx, p.ContractID)
	if err != nil {
		return err
	}
	ch, err := s.Provider.Charge(ctx, payments.ChargeRequest{Amount: p.Amount, Currency: p.Currency, TransferGroup: k.ID.String(),
		Description:    p.Reference + " " + k.Title,
		Metadata:       map[string]string{"contract_id": k.ID.String(), "payment_id": p.ID.String(), "purpose": p.Purpose},
		IdempotencyKey: fmt.Sprintf("pi:%s:%s:%d", k.ID, p.Purpose, p.Seq)})
	if err != nil {
		return err
	}
	return db.SetPaymentIntent(ctx, store.SetPaymentIntentParams{ID: p.ID, ProviderRef: &ch.ID, ClientSecret: &ch.ClientSecret})
}

var errBadWebhook = market.E(market.CodeInvalid, "webhook 签名无效", "webhook signature does not verify")

// ReceiveWebhook verifies a webhook over its raw body and stores the event
// once by its id; a job applies it. A replay is acknowledged and changes nothing.
func (s *Service) ReceiveWebhook(ctx context.Context, payload []byte, signature string) error {
	ev, err := s.Provider.ParseWebhook(payload, signature)
	if errors.Is(err, payments.ErrBadSignature) {
		return errBadWebhook
	}
	if err != nil {
		return market.E(market.CodeInvalid, "无法解析事件", "the event could not be read")
	}
	if !json.Valid(payload) {
		return market.E(market.CodeInvalid, "无法解析事件", "the event could not be read")
	}
	return s.Store.Tx(ctx, func(db *store.DB) error {
		n, err := db.InsertStripeEvent(ctx, store.InsertStripeEventParams{ID: ev.EventID, Type: ev.EventType, Payload: payload})
		if err != nil || n == 0 {
			return err // n == 0: seen before
		}
		return db.Emit(events.ProviderEventReceived{EventID: ev.EventID})
	})
}

// ProcessEvent applies a stored event, once: the event row is locked and
// marked processed in the same transaction as its effects. The money state
// follows these events, never the browser's redirect.
func (s *Service) ProcessEvent(ctx context.Context, eventID string) error {
	return s.Store.Tx(ctx, func(db *store.DB) error {
		row, err := db.LockStripeEvent(ctx, eventID)
		if err != nil || row.ProcessedAt != nil {
			return err
		}
		ev, err := s.Provider.DecodeEvent(row.Payload) // verified when it arrived
		if err != nil {
			return err
		}
		if err := s.apply(ctx, db, ev); err != nil {
			return err
		}
		return db.MarkStripeEventProcessed(ctx, eventID)
	})
}

// apply makes a fact's state change; each is idempotent and ignores facts
// that arrive after a later state (out of order delivery).
func (s *Service) apply(ctx context.Context, db *store.DB, f payments.Fact) error {
	switch f.Kind {
	case payments.FactPaymentSucceeded:
		p, err := s.paymentOf(ctx, db, f.Payment)
		if err != nil || p == nil || p.Status.Received() {
			return err // already recorded
		}
		received := f.Payment.Received
		out, err := db.SetPaymentOutcome(ctx, store.SetPaymentOutcomeParams{ID: p.ID, Status: market.PaymentOutcome(p.Amount, received),
			AmountReceived: &received, ProviderRef: &f.Payment.Ref, ProviderCharge: &f.Payment.ChargeRef})
		if err != nil {
			return err
		}
		return s.receive(ctx, db, out, received)
	case payments.FactPaymentFailed:
		p, err := s.paymentOf(ctx, db, f.Payment)
		if err != nil || p == nil || p.Status != market.PaymentPending {
			return err // a payment that succeeded stays succeeded
		}
		return paymentFailed(ctx, db, *p, market.CardFailure(f.Payment.FailureCode, f.Payment.FailureMessage))
	case payments.FactRefundsSent:
		for _, id := range f.Refunds {
			d, err := db.LockDisbursementByProviderRef(ctx, &id)
			if store.IsNoRows(err) {
				continue // a refund made outside the platform, or not recorded yet (the send job records it)
			}
			if err != nil {
				return err
			}
			ref := id
			if err := s.sent(ctx, db, d, &ref, "", nil); err != nil {
				return err
			}
		}
		return nil
	case payments.FactAccountUpdated:
		acc, err := db.SetPayoutsEnabled(ctx, store.SetPayoutsEnabledParams{StripeAccount: &f.Account.Ref, PayoutsEnabled: f.Account.PayoutsEnabled})
		if store.IsNoRows(err) || err != nil || !acc.PayoutsEnabled {
			return ignoreNoRows(err)
		}
		ids, err := db.QueuedDisbursementsFor(ctx, acc.OrgID)
		for _, id := range ids {
			if err == nil {
				err = db.Emit(events.DisbursementQueued{DisbursementID: id}) // waiting payouts can go now
			}
		}
		return err
	case payments.FactTransferReversed:
		return s.transferReversed(ctx, db, *f.Transfer)
	}
	return nil // other events are stored, not acted on
}

func ignoreNoRows(err error) error {
	if store.IsNoRows(err) {
		return nil
	}
	return err
}

// paymentOf finds the payment a provider's payment fact is about, by the
// PaymentIntent id the platform stored (or, if the event outran the job that
// stores it, by the payment id in metadata). The metadata the platform
// wrote must match the row it created: an event naming another contract is
// ignored.
func (s *Service) paymentOf(ctx context.Context, db *store.DB, pi *payments.PaymentFact) (*store.Payment, error) {
	if pi == nil {
		return nil, nil
	}
	p, err := db.LockPaymentByProviderRef(ctx, &pi.Ref)
	if store.IsNoRows(err) {
		id, perr := uuid.Parse(pi.Metadata["payment_id"])
		if perr != nil {
			return nil, nil
		}
		p, err = db.LockPayment(ctx, id)
		if store.IsNoRows(err) || (err == nil && p.ProviderRef != nil && *p.ProviderRef != pi.Ref) {
			return nil, nil
		}
	}
	if err != nil {
		return nil, err
	}
	if pi.Metadata["contract_id"] != p.ContractID.String() || pi.Metadata["purpose"] != p.Purpose {
		return nil, nil
	}
	return &p, nil
}
