package api

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/dbq"
)

// BidInviteRequest asks a workshop to bid on the company's order.
type BidInviteRequest struct {
	IDParam
	WorkshopID string `json:"workshop_id"`
	Message    string `json:"message"`
}

// BidInvitationView is one invited workshop and how it answered.
type BidInvitationView struct {
	OrderID   uuid.UUID     `json:"order_id"`
	Workshop  WorkshopBadge `json:"workshop"`
	Message   string        `json:"message"`
	CreatedAt time.Time     `json:"created_at"`
	BidStatus *string       `json:"bid_status"`
}

var errAlreadyInvited = market.E(market.CodeConflict, "已邀请过该工坊", "this workshop has already been invited")

func (s *Server) inviteWorkshop(c *Call, req *BidInviteRequest) (BidInvitationView, error) {
	orderID, err := s.loadOwnOrder(c, req.IDParam)
	if err != nil {
		return BidInvitationView{}, err
	}
	var v market.Validator
	wid, perr := uuid.Parse(req.WorkshopID)
	v.Check(perr == nil, "workshop_id", "请选择工坊", "workshop_id is not a valid id")
	msg := strings.TrimSpace(req.Message)
	v.Check(utf8.ValidString(msg) && utf8.RuneCountInString(msg) <= 500, "message", "留言最多500字", "message must be at most 500 characters")
	if err := v.Err(); err != nil {
		return BidInvitationView{}, err
	}
	w, err := s.store.GetOrg(c.Ctx, wid)
	if market.ErrorCode(err) == market.CodeNotFound || (err == nil && w.Kind != market.KindWorkshop) {
		return BidInvitationView{}, market.FieldError("workshop_id", "没有找到该工坊", "no such workshop")
	}
	if err != nil {
		return BidInvitationView{}, err
	}
	uid := c.Actor.User.ID
	err = s.store.WithTx(c.Ctx, func(tx pgx.Tx, q *dbq.Queries) error {
		row, err := q.OrderByIDForUpdate(c.Ctx, orderID)
		if err != nil {
			return err
		}
		o := store.OrderFromRow(row)
		if err := market.CheckBiddable(o, s.now()); err != nil {
			return err
		}
		n, err := q.CreateOrderInvitation(c.Ctx, dbq.CreateOrderInvitationParams{OrderID: o.ID, WorkshopID: w.ID, InvitedBy: &uid, Message: msg})
		if err != nil {
			return err
		}
		if n == 0 {
			return errAlreadyInvited
		}
		company, err := q.CompanyNameAndBadge(c.Ctx, o.CompanyID)
		if err != nil {
			return err
		}
		return store.Notify(c.Ctx, q, store.Notification{OrgID: w.ID, Kind: "bid.invited",
			TitleZH: company.Name + " 邀请您对“" + o.Title + "”报价", TitleEN: company.Name + " invites you to bid for " + o.Title,
			BodyZH: msg, BodyEN: msg, Link: "/orders/" + o.ID.String()})
	})
	if err != nil {
		return BidInvitationView{}, err
	}
	return BidInvitationView{OrderID: orderID, Workshop: newWorkshopBadge(w.ID, w.Name, w.Host, w.RegionCode, w.VerifiedAt, w.CommunityGuarantee), Message: msg, CreatedAt: s.now()}, nil
}

// OrderPageRequest is an order id with paging.
type OrderPageRequest struct {
	IDParam
	PageQuery
}

func (s *Server) listInvitations(c *Call, req *OrderPageRequest) (Page[BidInvitationView], error) {
	o, err := s.loadOrder(c, req.IDParam)
	if err != nil {
		return Page[BidInvitationView]{}, err
	}
	if !ownsOrder(c, o) && !c.Actor.IsStaff() {
		return Page[BidInvitationView]{}, errNotBuyer
	}
	lim, off, err := req.limits()
	if err != nil {
		return Page[BidInvitationView]{}, err
	}
	rows, err := s.store.Q.ListOrderInvitations(c.Ctx, dbq.ListOrderInvitationsParams{OrderID: o.ID, Lim: lim, Off: off})
	if err != nil {
		return Page[BidInvitationView]{}, err
	}
	total, err := s.store.Q.CountOrderInvitations(c.Ctx, o.ID)
	out := Page[BidInvitationView]{Items: make([]BidInvitationView, 0, len(rows)), Total: total, Page: req.Page, PerPage: req.PerPage}
	for _, r := range rows {
		out.Items = append(out.Items, BidInvitationView{OrderID: r.OrderID, Message: r.Message, CreatedAt: r.CreatedAt, BidStatus: optional(r.BidStatus),
			Workshop: newWorkshopBadge(r.WorkshopID, r.WorkshopName, r.WorkshopHost, r.WorkshopRegionCode, r.WorkshopVerifiedAt, r.WorkshopGuarantee)})
	}
	return out, err
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
