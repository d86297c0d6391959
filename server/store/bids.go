package store

import (
	"context"

	"doorstep/server/market"
	"doorstep/server/store/dbq"
)

// endOpenBids ends every open bid on an order (see market.BidsEnded) and
// tells each workshop why, inside the caller's transaction.
func endOpenBids(ctx context.Context, q *dbq.Queries, o market.Order, status string, why market.Msg) error {
	ended, err := q.CloseOpenBids(ctx, dbq.CloseOpenBidsParams{OrderID: o.ID, Status: status, StatusReason: why.ZH + " / " + why.EN})
	for _, b := range ended {
		if err != nil {
			break
		}
		err = Notify(ctx, q, Notification{OrgID: b.WorkshopID, Kind: "bid.order_closed",
			TitleZH: "订单“" + o.Title + "”已结束报价", TitleEN: "Bidding on " + o.Title + " has ended",
			BodyZH: why.ZH + "，您的报价已结束。", BodyEN: "Your bid has ended: " + why.EN + ".",
			Link: "/bids/" + b.ID.String()})
	}
	return err
}
