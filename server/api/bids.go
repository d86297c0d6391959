package api

import (
	"strconv"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/dbq"
)

var (
	errNotWorkshop  = market.E(market.CodeForbidden, "只有社区工坊可以报价", "only community workshops can bid")
	errDuplicateBid = market.E(market.CodeConflict, "您已对该订单报价，可修改或撤回原报价",
		"you already have an open bid on this order; revise or withdraw it")
	errBidClosed = market.E(market.CodeState, "报价已结束，不能再修改", "this bid is no longer open")
	errBidTaken  = market.E(market.CodeConflict, "该报价已被接受", "this bid has already been accepted")
	errNotBidder = market.E(market.CodeForbidden, "只有报价的工坊可以执行此操作", "only the workshop that bid can do this")
	errNotBuyer  = market.E(market.CodeForbidden, "只有发布订单的企业可以执行此操作", "only the company that posted the order can do this")
)

// BidRequest is a bid form: the order id (create, preview) or the bid id (revise).
type BidRequest struct {
	IDParam
	market.BidInput
}

// BidPreviewResponse gives the bid form live figures while it is being filled in.
type BidPreviewResponse struct {
	Quote  *market.BidQuote  `json:"quote"`
	Fields map[string]string `json:"fields"`
}

// bidContext is what checking and pricing a bid needs.
type bidContext struct {
	order      market.Order
	workshop   market.Org
	guaranteed bool
}

// workshopBidContext loads the order (as the caller may see it) and the
// caller's workshop.
func (s *Server) workshopBidContext(c *Call, orderID IDParam) (bidContext, error) {
	if c.Actor.OrgKind != market.KindWorkshop {
		return bidContext{}, errNotWorkshop
	}
	o, err := s.loadOrder(c, orderID)
	if err != nil {
		return bidContext{}, err
	}
	w, err := s.store.GetOrg(c.Ctx, c.Actor.OrgID)
	if err != nil {
		return bidContext{}, err
	}
	return bidContext{order: o, workshop: w, guaranteed: w.Guaranteed()}, nil
}

func (s *Server) previewBid(c *Call, req *BidRequest) (BidPreviewResponse, error) {
	bc, err := s.workshopBidContext(c, req.IDParam)
	if err != nil {
		return BidPreviewResponse{}, err
	}
	resp := BidPreviewResponse{Fields: map[string]string{}}
	b, err := market.CheckBid(bc.order, req.BidInput, s.now())
	if me, ok := err.(*market.Error); ok {
		for k, m := range me.Fields {
			resp.Fields[k] = m.In(c.Lang)
		}
		// Price the parts that are valid so the form shows figures early.
		if resp.Fields["quantity"] != "" || resp.Fields["unit_price"] != "" {
			return resp, nil
		}
		b = market.Bid{Quantity: req.Quantity, UnitPrice: req.UnitPrice}
	} else if err != nil {
		return resp, err
	}
	if q, err := market.QuoteBid(bc.order, b, bc.workshop.RegionCode, bc.guaranteed); err == nil {
		resp.Quote = &q
	}
	return resp, nil
}

func (s *Server) createBid(c *Call, req *BidRequest) (BidView, error) {
	bc, err := s.workshopBidContext(c, req.IDParam)
	if err != nil {
		return BidView{}, err
	}
	uid := c.Actor.User.ID
	var bidID uuid.UUID
	err = s.store.WithTx(c.Ctx, func(tx pgx.Tx, q *dbq.Queries) error {
		row, err := q.OrderByIDForUpdate(c.Ctx, bc.order.ID)
		if err != nil {
			return err
		}
		o := store.OrderFromRow(row)
		if err := market.CheckBiddable(o, s.now()); err != nil {
			return err
		}
		b, err := market.CheckBid(o, req.BidInput, s.now())
		if err != nil {
			return err
		}
		if _, err := market.QuoteBid(o, b, bc.workshop.RegionCode, bc.guaranteed); err != nil {
			return err
		}
		created, err := q.CreateBid(c.Ctx, dbq.CreateBidParams{OrderID: o.ID, WorkshopID: bc.workshop.ID, Quantity: b.Quantity,
			UnitPrice: b.UnitPrice, DeliveryDate: b.DeliveryDate, Headcount: int32(b.Headcount), Message: b.Message, CreatedBy: &uid})
		if store.IsUniqueViolation(err, "bids_open_key") {
			return errDuplicateBid
		}
		if err != nil {
			return err
		}
		bidID = created.ID
		return store.Notify(c.Ctx, q, store.Notification{OrgID: o.CompanyID, Kind: "bid.new",
			TitleZH: bc.workshop.Name + " 对“" + o.Title + "”报价 " + i64toa(b.Quantity) + " 件",
			TitleEN: bc.workshop.Name + " bid for " + i64toa(b.Quantity) + " units of " + o.Title,
			Link:    "/orders/" + o.ID.String()})
	})
	if err != nil {
		return BidView{}, err
	}
	return s.bidView(c, bidID, false)
}

func (s *Server) reviseBid(c *Call, req *BidRequest) (BidView, error) {
	row, err := s.visibleBid(c, req.IDParam)
	if err != nil {
		return BidView{}, err
	}
	if c.Actor.OrgID != row.WorkshopID {
		return BidView{}, errNotBidder
	}
	w, err := s.store.GetOrg(c.Ctx, row.WorkshopID) // before the transaction: no second connection while holding the order lock
	if err != nil {
		return BidView{}, err
	}
	err = s.store.WithTx(c.Ctx, func(tx pgx.Tx, q *dbq.Queries) error {
		o, _, err := lockOpenBid(c, q, row.OrderID, row.ID)
		if err != nil {
			return err
		}
		if err := market.CheckBiddable(o, s.now()); err != nil {
			return err
		}
		b, err := market.CheckBid(o, req.BidInput, s.now())
		if err != nil {
			return err
		}
		if _, err := market.QuoteBid(o, b, w.RegionCode, w.Guaranteed()); err != nil {
			return err
		}
		if err := q.InsertBidRevision(c.Ctx, row.ID); err != nil {
			return err
		}
		if _, err := q.ReviseBid(c.Ctx, dbq.ReviseBidParams{ID: row.ID, Quantity: b.Quantity, UnitPrice: b.UnitPrice,
			DeliveryDate: b.DeliveryDate, Headcount: int32(b.Headcount), Message: b.Message}); err != nil {
			return err
		}
		return store.Notify(c.Ctx, q, store.Notification{OrgID: o.CompanyID, Kind: "bid.revised",
			TitleZH: row.WorkshopName + " 修改了对“" + o.Title + "”的报价",
			TitleEN: row.WorkshopName + " revised its bid for " + o.Title, Link: "/orders/" + o.ID.String()})
	})
	if err != nil {
		return BidView{}, err
	}
	return s.bidView(c, row.ID, true)
}

func (s *Server) withdrawBid(c *Call, req *IDParam) (BidView, error) {
	row, err := s.visibleBid(c, *req)
	if err != nil {
		return BidView{}, err
	}
	if c.Actor.OrgID != row.WorkshopID {
		return BidView{}, errNotBidder
	}
	return s.closeBid(c, row, market.BidWithdrawn, "", store.Notification{OrgID: row.CompanyID, Kind: "bid.withdrawn",
		TitleZH: row.WorkshopName + " 撤回了对“" + row.OrderTitle + "”的报价",
		TitleEN: row.WorkshopName + " withdrew its bid for " + row.OrderTitle, Link: "/orders/" + row.OrderID.String()})
}

func (s *Server) rejectBid(c *Call, req *ReasonRequest) (BidView, error) {
	row, err := s.visibleBid(c, req.IDParam)
	if err != nil {
		return BidView{}, err
	}
	if c.Actor.OrgID != row.CompanyID {
		return BidView{}, errNotBuyer
	}
	reason, err := checkReason(req.Reason, true)
	if err != nil {
		return BidView{}, err
	}
	return s.closeBid(c, row, market.BidRejected, reason, store.Notification{OrgID: row.WorkshopID, Kind: "bid.rejected",
		TitleZH: "您对“" + row.OrderTitle + "”的报价未被接受", TitleEN: "Your bid for " + row.OrderTitle + " was not accepted",
		BodyZH: "原因：" + reason, BodyEN: "Reason: " + reason, Link: "/bids/" + row.ID.String()})
}

// lockOpenBid locks the order, then the bid (one lock order for every bid
// write, so concurrent writers cannot deadlock) and checks the bid is open.
func lockOpenBid(c *Call, q *dbq.Queries, orderID, bidID uuid.UUID) (market.Order, dbq.Bid, error) {
	orow, err := q.OrderByIDForUpdate(c.Ctx, orderID)
	if err != nil {
		return market.Order{}, dbq.Bid{}, err
	}
	b, err := q.BidByIDForUpdate(c.Ctx, bidID)
	if err != nil {
		return market.Order{}, dbq.Bid{}, err
	}
	switch b.Status {
	case market.BidSubmitted:
		return store.OrderFromRow(orow), b, nil
	case market.BidAccepted:
		return market.Order{}, b, errBidTaken
	}
	return market.Order{}, b, errBidClosed
}

// closeBid ends an open bid as withdrawn or rejected and tells the other party.
func (s *Server) closeBid(c *Call, row dbq.ListBidViewsRow, status, reason string, notice store.Notification) (BidView, error) {
	err := s.store.WithTx(c.Ctx, func(tx pgx.Tx, q *dbq.Queries) error {
		if _, _, err := lockOpenBid(c, q, row.OrderID, row.ID); err != nil {
			return err
		}
		if _, err := q.SetBidStatus(c.Ctx, dbq.SetBidStatusParams{ID: row.ID, Status: status, StatusReason: reason}); err != nil {
			return err
		}
		return store.Notify(c.Ctx, q, notice)
	})
	if err != nil {
		return BidView{}, err
	}
	return s.bidView(c, row.ID, true)
}

func i64toa(n int64) string { return strconv.FormatInt(n, 10) }
