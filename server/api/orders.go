package api

import (
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/dbq"
)

var errNotCompany = market.E(market.CodeForbidden, "只有合作企业可以发布订单", "only partner companies can post orders")

// companyActor checks the caller is a company member; posting also needs the verified badge.
func (s *Server) companyActor(c *Call, needVerified bool) error {
	if c.Actor.OrgKind != market.KindCompany {
		return errNotCompany
	}
	if !needVerified {
		return nil
	}
	org, err := s.store.GetOrg(c.Ctx, c.Actor.OrgID)
	if err != nil {
		return err
	}
	if org.VerifiedAt == nil {
		return market.E(market.CodeForbidden, "企业通过平台认证后才能发布订单", "your company must be verified by platform staff before posting orders")
	}
	return nil
}

func (s *Server) createOrder(c *Call, req *market.OrderInput) (OrderView, error) {
	if err := s.companyActor(c, true); err != nil {
		return OrderView{}, err
	}
	o, err := market.ApplyOrderInput(market.Order{CompanyID: c.Actor.OrgID}, *req, true, s.now())
	if err != nil {
		return OrderView{}, err
	}
	quote, err := market.Quote(o)
	if err != nil {
		return OrderView{}, err
	}
	uid := c.Actor.User.ID
	err = s.store.WithTx(c.Ctx, func(tx pgx.Tx, q *dbq.Queries) error {
		if o, err = store.CreateOrder(c.Ctx, q, o, quote); err != nil {
			return err
		}
		return q.InsertOrderEvent(c.Ctx, dbq.InsertOrderEventParams{OrderID: o.ID, ActorID: &uid, ActorKind: "company",
			Action: "create", ToStatus: o.Status})
	})
	if err != nil {
		return OrderView{}, err
	}
	return s.viewOrder(c.Ctx, o)
}

// PreviewResponse lets the order form show live totals while it is incomplete.
type PreviewResponse struct {
	Quote  *market.OrderQuote `json:"quote"`
	Fields map[string]string  `json:"fields"`
}

// quoteFields are the inputs the quote depends on; with these valid the
// preview can compute even if, say, the title is still empty.
var quoteFields = []string{"quantity", "unit_price", "min_bid_quantity", "minutes_per_piece", "region_code",
	"materials.supply", "materials.value_per_unit", "materials.allowed_loss_bp", "deposit.kind", "deposit.amount", "deposit.rate_bp"}

func (s *Server) previewOrder(c *Call, req *market.OrderInput) (PreviewResponse, error) {
	if err := s.companyActor(c, false); err != nil {
		return PreviewResponse{}, err
	}
	o, err := market.ApplyOrderInput(market.Order{CompanyID: c.Actor.OrgID}, *req, true, s.now())
	resp := PreviewResponse{Fields: map[string]string{}}
	var me *market.Error
	if errors.As(err, &me) {
		for k, m := range me.Fields {
			resp.Fields[k] = m.In(c.Lang)
		}
	}
	for _, f := range quoteFields {
		if _, bad := resp.Fields[f]; bad {
			return resp, nil
		}
	}
	if q, err := market.Quote(o); err == nil {
		resp.Quote = &q
	}
	return resp, nil
}

// OrderEventView is one line of an order's history.
type OrderEventView struct {
	At         time.Time `json:"at"`
	ActorKind  string    `json:"actor_kind"`
	ActorName  string    `json:"actor_name"`
	Action     string    `json:"action"`
	FromStatus string    `json:"from_status"`
	ToStatus   string    `json:"to_status"`
	Reason     string    `json:"reason"`
}

// OrderDetail is an order page: history only for its company and staff.
type OrderDetail struct {
	OrderView
	History []OrderEventView `json:"history,omitempty"`
	Mine    bool             `json:"mine"`
	// For a workshop: its latest bid on the order and whether it was invited.
	MyBid   *BidView `json:"my_bid"`
	Invited bool     `json:"invited"`
	// For the company and staff: bids waiting for a decision.
	OpenBids int64 `json:"open_bids"`
}

func (s *Server) getOrder(c *Call, req *IDParam) (OrderDetail, error) {
	o, err := s.loadOrder(c, *req)
	if err != nil {
		return OrderDetail{}, err
	}
	v, err := s.viewOrder(c.Ctx, o)
	if err != nil {
		return OrderDetail{}, err
	}
	d := OrderDetail{OrderView: v, Mine: ownsOrder(c, o)}
	if !d.Mine && !c.Actor.IsStaff() {
		d.StatusReason = "" // moderation notes are for the company and staff
	}
	if err := s.addBidding(c, o, &d); err != nil {
		return d, err
	}
	if d.Mine || c.Actor.IsStaff() {
		rows, err := s.store.Q.OrderEvents(c.Ctx, o.ID)
		if err != nil {
			return d, err
		}
		d.History = make([]OrderEventView, 0, len(rows))
		for _, r := range rows {
			d.History = append(d.History, OrderEventView{At: r.At, ActorKind: r.ActorKind, ActorName: r.ActorName,
				Action: r.Action, FromStatus: deref(r.FromStatus), ToStatus: r.ToStatus, Reason: r.Reason})
		}
	}
	return d, nil
}

type ListOrdersRequest struct {
	PageQuery
	Mine   string `query:"mine"`
	Status string `query:"status"`
}

// OrdersPage adds per-status counts for the company's tabs.
type OrdersPage struct {
	Page[OrderView]
	Counts map[string]int64 `json:"counts"`
}

func validStatus(s string) bool {
	for _, x := range market.OrderStatuses {
		if s == x {
			return true
		}
	}
	return false
}

// listOrders is a company's own orders; the public finds orders through search.
func (s *Server) listOrders(c *Call, req *ListOrdersRequest) (OrdersPage, error) {
	if err := s.companyActor(c, false); err != nil {
		return OrdersPage{}, err
	}
	limit, offset, err := req.limits()
	if err != nil {
		return OrdersPage{}, err
	}
	var status *string
	if req.Status != "" {
		if !validStatus(req.Status) {
			return OrdersPage{}, market.FieldError("status", "状态无效", "unknown status")
		}
		status = &req.Status
	}
	rows, err := s.store.Q.CompanyOrders(c.Ctx, dbq.CompanyOrdersParams{CompanyID: c.Actor.OrgID, Status: status, Limit: limit, Offset: offset})
	if err != nil {
		return OrdersPage{}, err
	}
	total, err := s.store.Q.CountCompanyOrders(c.Ctx, dbq.CountCompanyOrdersParams{CompanyID: c.Actor.OrgID, Status: status})
	if err != nil {
		return OrdersPage{}, err
	}
	counts, err := s.store.Q.CompanyOrderStatusCounts(c.Ctx, c.Actor.OrgID)
	if err != nil {
		return OrdersPage{}, err
	}
	page := OrdersPage{Page: Page[OrderView]{Items: make([]OrderView, 0, len(rows)), Total: total, Page: req.Page, PerPage: req.PerPage},
		Counts: map[string]int64{}}
	b := s.badges()
	for _, r := range rows {
		o := store.OrderFromRow(r)
		badge, err := b.get(c.Ctx, o.CompanyID)
		if err != nil {
			return page, err
		}
		page.Items = append(page.Items, orderView(o, badge))
	}
	for _, r := range counts {
		page.Counts[r.Status] = r.N
	}
	return page, nil
}

type UpdateOrderRequest struct {
	IDParam
	market.OrderInput
}

// updateOrder edits terms. Editing a published order sends it back to review
// (out of public view); once a bid is accepted the terms are frozen.
func (s *Server) updateOrder(c *Call, req *UpdateOrderRequest) (OrderView, error) {
	id, err := s.loadOwnOrder(c, req.IDParam)
	if err != nil {
		return OrderView{}, err
	}
	uid := c.Actor.User.ID
	var out market.Order
	err = s.store.WithTx(c.Ctx, func(tx pgx.Tx, q *dbq.Queries) error {
		row, err := q.OrderByIDForUpdate(c.Ctx, id)
		if err != nil {
			return err
		}
		cur := store.OrderFromRow(row)
		to, _, err := market.NextOrderStatus(cur.Status, market.ActEditTerms, cur.HasAcceptedBid())
		if err != nil {
			return err
		}
		edited, err := market.ApplyOrderInput(cur, req.OrderInput, false, s.now())
		if err != nil {
			return err
		}
		quote, err := market.Quote(edited)
		if err != nil {
			return err
		}
		if out, err = s.store.UpdateOrderTerms(c.Ctx, tx, edited, quote); err != nil {
			return err
		}
		if to != cur.Status {
			out, err = s.store.SetStatus(c.Ctx, tx, out, to, "", store.Transition{Action: market.ActEditTerms, ActorID: &uid, ActorKind: "company",
				Reason: "条款已修改，重新审核 / terms changed, back to review"}, s.now())
			return err // open bids, made on the old terms, end with it (store.SetStatus)
		}
		// Edits without a status change are history too: staff see what
		// happened between a rejection and the resubmission.
		return q.InsertOrderEvent(c.Ctx, dbq.InsertOrderEventParams{OrderID: id, ActorID: &uid, ActorKind: "company",
			Action: string(market.ActEditTerms), FromStatus: &cur.Status, ToStatus: cur.Status, Reason: changedFields(req.OrderInput)})
	})
	if err != nil {
		return OrderView{}, err
	}
	return s.viewOrder(c.Ctx, out)
}

type ReasonRequest struct {
	IDParam
	Reason string `json:"reason"`
}

func (s *Server) submitOrder(c *Call, req *ReasonRequest) (OrderView, error) {
	return s.companyTransition(c, req, market.ActSubmit, func(cur market.Order) error {
		// Terms may have gone stale since the draft was saved (e.g. the deadline passed).
		_, err := market.ApplyOrderInput(cur, market.OrderInput{}, false, s.now())
		return err
	})
}

func (s *Server) cancelOrder(c *Call, req *ReasonRequest) (OrderView, error) {
	return s.companyTransition(c, req, market.ActCancel, nil)
}

func (s *Server) companyTransition(c *Call, req *ReasonRequest, act market.Action, check func(market.Order) error) (OrderView, error) {
	id, err := s.loadOwnOrder(c, req.IDParam)
	if err != nil {
		return OrderView{}, err
	}
	reason, err := checkReason(req.Reason, false)
	if err != nil {
		return OrderView{}, err
	}
	uid := c.Actor.User.ID
	var out market.Order
	err = s.store.WithTx(c.Ctx, func(tx pgx.Tx, q *dbq.Queries) error {
		if check != nil {
			row, err := q.OrderByIDForUpdate(c.Ctx, id)
			if err != nil {
				return err
			}
			if err := check(store.OrderFromRow(row)); err != nil {
				return err
			}
		}
		_, out, err = s.store.TransitionOrder(c.Ctx, tx, id, store.Transition{Action: act, ActorID: &uid, ActorKind: "company", Reason: reason}, s.now())
		return err
	})
	if err != nil {
		return OrderView{}, err
	}
	return s.viewOrder(c.Ctx, out)
}

// changedFields names the edited fields for the order history.
func changedFields(in market.OrderInput) string {
	b, _ := json.Marshal(in)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	var names []string
	for k, v := range m {
		if v != nil {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	return "修改 / changed: " + strings.Join(names, ", ")
}

// checkReason trims and bounds a reason; required ones may not be empty.
func checkReason(r string, required bool) (string, error) {
	r = strings.TrimSpace(r)
	n := len([]rune(r))
	if required && n < 2 {
		return r, market.FieldError("reason", "请填写原因", "a reason is required")
	}
	if n > 500 {
		return r, market.FieldError("reason", "原因不能超过500字", "reason must be at most 500 characters")
	}
	return r, nil
}
