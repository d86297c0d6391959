package money

import (
	"context"

	"doorstep/server/market"
	"doorstep/server/payments"
	"doorstep/server/store"
)

// Release pays out accepted work at the contract's frozen price and
// commission: gross leaves escrow, the platform books its commission and
// the workshop's net is queued as a payout. key names the decision (an
// inspection, an auto-acceptance, a dispute decision): the same key
// releases once, however often it is called. It returns the gross released.
func (s *Service) Release(ctx context.Context, db *store.DB, k store.Contract, units int64, key string) (int64, error) {
	if units <= 0 {
		return 0, nil
	}
	m, net, _, err := market.Release(units, k.UnitPrice, int(k.CommissionBp))
	if err != nil {
		return 0, err
	}
	posted, err := db.Post(ctx, store.Posting{ContractID: k.ID, Key: "release:" + key, Currency: k.Currency, Movement: m,
		Memo: market.FormatYuan(net) + " net"})
	if err != nil || !posted {
		return 0, err
	}
	if err := s.queuePayout(ctx, db, k, net, "payout:"+key); err != nil {
		return 0, err
	}
	gross, _ := market.MulChecked(units, k.UnitPrice)
	return gross, nil
}

// queuePayout queues the workshop's net of a release. A bank payout joins
// the contract's payout still waiting in the finance queue, so finance
// sends one transfer per contract per run instead of one per inspection; a
// Stripe payout goes out on its own (each transfer names the charge that
// funded it).
func (s *Service) queuePayout(ctx context.Context, db *store.DB, k store.Contract, net int64, key string) error {
	provider, err := s.disbursementProvider(ctx, db, market.DisbursePayout, k.WorkshopID, nil)
	if err != nil || net <= 0 {
		return err
	}
	if provider == payments.Manual {
		_, err := db.AddToQueuedPayout(ctx, store.AddToQueuedPayoutParams{AddAmount: net, ContractID: k.ID, RecipientOrgID: k.WorkshopID})
		if err == nil || !store.IsNoRows(err) {
			return err
		}
	}
	return s.queue(ctx, db, k, market.DisbursePayout, k.WorkshopID, net, nil, key)
}
