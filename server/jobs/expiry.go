package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/dbq"
)

// ExpireOrdersArgs closes orders whose bidding deadline has passed. It runs
// every minute; each order closes in its own transaction, so one failure
// does not hold back the rest and a retry simply picks up what is left.
type ExpireOrdersArgs struct{}

func (ExpireOrdersArgs) Kind() string { return "expire_orders" }

type ExpireOrdersWorker struct {
	river.WorkerDefaults[ExpireOrdersArgs]
	Store *store.Store
	Log   *slog.Logger
	Now   func() time.Time
}

func (w *ExpireOrdersWorker) Work(ctx context.Context, _ *river.Job[ExpireOrdersArgs]) error {
	n, err := ExpireDueOrders(ctx, w.Store, w.Now())
	if n > 0 {
		w.Log.InfoContext(ctx, "orders expired", "count", n)
	}
	return err
}

// ExpireDueOrders closes every order past its bidding deadline and tells its company.
func ExpireDueOrders(ctx context.Context, st *store.Store, now time.Time) (int, error) {
	ids, err := st.Q.DueForExpiry(ctx, dbq.DueForExpiryParams{Now: now, AwardCutoff: now.Add(-market.AwardWindowAfter), Lim: 500})
	if err != nil {
		return 0, err
	}
	closed := 0
	for _, id := range ids {
		err := st.WithTx(ctx, func(tx pgx.Tx, q *dbq.Queries) error {
			_, after, err := st.TransitionOrder(ctx, tx, id, store.Transition{Action: market.ActExpire, ActorKind: "system",
				Reason: "报名截止 / bidding deadline passed"}, now)
			if err != nil {
				return err
			}
			return store.Notify(ctx, q, store.Notification{OrgID: after.CompanyID, Kind: "order.expired",
				TitleZH: "订单报名已截止：" + after.Title, TitleEN: "Bidding closed: " + after.Title, Link: "/orders/" + id.String()})
		})
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
