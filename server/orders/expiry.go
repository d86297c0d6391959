package orders

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/notify"
	"doorstep/server/store"
)

// ExpireDue closes every order past its bidding deadline (and award window)
// and tells its company. Each order closes in its own transaction, so one
// failure does not hold back the rest and a retry picks up what is left.
func (s *Service) ExpireDue(ctx context.Context) (int, error) {
	now := s.Now()
	ids, err := s.Store.DB().DueForExpiry(ctx, store.DueForExpiryParams{Now: now, AwardCutoff: now.Add(-market.AwardWindowAfter), Lim: 500})
	if err != nil {
		return 0, err
	}
	closed := 0
	for _, id := range ids {
		err := s.expire(ctx, id, now)
		if market.ErrorCode(err) == market.CodeState { // changed under us (e.g. cancelled): nothing to do
			continue
		}
		if err != nil {
			return closed, err
		}
		closed++
	}
	return closed, nil
}

func (s *Service) expire(ctx context.Context, id uuid.UUID, now time.Time) error {
	return s.Store.Tx(ctx, func(db *store.DB) error {
		_, after, err := Apply(ctx, db, id, Transition{Action: market.ActExpire, ActorKind: "system",
			Reason: market.ReasonBiddingClosed}, now)
		if err != nil {
			return err
		}
		return notify.Send(ctx, db, notify.Notice{Org: after.CompanyID, Kind: notify.OrderExpired,
			Data: notify.Data{Order: after.Title}, Link: "/orders/" + id.String()})
	})
}
