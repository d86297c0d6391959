package store

import (
	"context"

	"doorstep/server/market"
	"doorstep/server/store/dbq"
)

// EndOpenBids ends every open bid on an order that closed (fully awarded,
// cancelled or expired) and tells each workshop why, inside the caller's
// transaction.
func EndOpenBids(ctx context.Context, q *dbq.Queries, o market.Order, status, whyZH, whyEN string) error {
	ended, err := q.CloseOpenBids(ctx, dbq.CloseOpenBidsParams{OrderID: o.ID, Status: status, StatusReason: whyZH + " / " + whyEN})
	for _, b := range ended {
		if err != nil {
			break
		}
		err = Notify(ctx, q, Notification{OrgID: b.WorkshopID, Kind: "bid.order_closed",
			TitleZH: "订单“" + o.Title + "”已结束报价", TitleEN: "Bidding on " + o.Title + " has ended",
			BodyZH: whyZH + "，您的报价已结束。", BodyEN: "Your bid has ended: " + whyEN + ".",
			Link: "/bids/" + b.ID.String()})
	}
	return err
}
