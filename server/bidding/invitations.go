package bidding

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"doorstep/server/contracts"
	"doorstep/server/market"
	"doorstep/server/notify"
	"doorstep/server/store"
)

// BidInvitationView is one invited workshop and how it answered.
type BidInvitationView struct {
	OrderID   uuid.UUID               `json:"order_id"`
	Workshop  contracts.WorkshopBadge `json:"workshop"`
	Message   string                  `json:"message"`
	CreatedAt time.Time               `json:"created_at"`
	BidStatus *string                 `json:"bid_status"`
}

var errAlreadyInvited = market.E(market.CodeConflict, "已邀请过该工坊", "this workshop has already been invited")

// Invite asks a workshop to bid on the company's published order.
func (s *Service) Invite(ctx context.Context, a *market.Actor, orderID uuid.UUID, workshopID, message string) (BidInvitationView, error) {
	if _, p, err := s.Orders.Order(ctx, a, orderID); err != nil {
		return BidInvitationView{}, err
	} else if err := p.Actions.Invite.Err(); err != nil {
		return BidInvitationView{}, err
	}
	var v market.Validator
	wid, perr := uuid.Parse(workshopID)
	v.Check(perr == nil, "workshop_id", "请选择工坊", "workshop_id is not a valid id")
	msg := strings.TrimSpace(message)
	v.Check(utf8.ValidString(msg) && utf8.RuneCountInString(msg) <= 500, "message", "留言最多500字", "message must be at most 500 characters")
	if err := v.Err(); err != nil {
		return BidInvitationView{}, err
	}
	w, err := s.Store.DB().Org(ctx, wid)
	if market.ErrorCode(err) == market.CodeNotFound || (err == nil && w.Kind != market.KindWorkshop) {
		return BidInvitationView{}, market.FieldError("workshop_id", "没有找到该工坊", "no such workshop")
	}
	if err != nil {
		return BidInvitationView{}, err
	}
	uid := a.User.ID
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		o, err := db.LockOrder(ctx, orderID)
		if err != nil {
			return err
		}
		if err := market.CheckBiddable(o, s.Now()); err != nil {
			return err
		}
		n, err := db.CreateOrderInvitation(ctx, store.CreateOrderInvitationParams{OrderID: o.ID, WorkshopID: w.ID, InvitedBy: &uid, Message: msg})
		if err != nil {
			return err
		}
		if n == 0 {
			return errAlreadyInvited
		}
		company, err := db.CompanyNameAndBadge(ctx, o.CompanyID)
		if err != nil {
			return err
		}
		return notify.Send(ctx, db, notify.Notice{Org: w.ID, Kind: notify.BidInvited,
			Data: notify.Data{Org: company.Name, Order: o.Title, Reason: msg}, Link: "/orders/" + o.ID.String()})
	})
	if err != nil {
		return BidInvitationView{}, err
	}
	return BidInvitationView{OrderID: orderID, Workshop: contracts.NewWorkshopBadge(w.ID, w.Name, w.Host, w.RegionCode, w.VerifiedAt,
		w.CommunityGuarantee), Message: msg, CreatedAt: s.Now()}, nil
}

// Invitations lists the workshops invited to an order (its company and staff).
func (s *Service) Invitations(ctx context.Context, a *market.Actor, orderID uuid.UUID, pq market.PageQuery) (market.Page[BidInvitationView], error) {
	o, p, err := s.Orders.Order(ctx, a, orderID)
	if err != nil {
		return market.Page[BidInvitationView]{}, err
	}
	if err := p.Actions.ViewBids.Err(); err != nil {
		return market.Page[BidInvitationView]{}, err
	}
	lim, off, err := pq.Limits()
	if err != nil {
		return market.Page[BidInvitationView]{}, err
	}
	db := s.Store.DB()
	rows, err := db.ListOrderInvitations(ctx, store.ListOrderInvitationsParams{OrderID: o.ID, Lim: lim, Off: off})
	if err != nil {
		return market.Page[BidInvitationView]{}, err
	}
	total, err := db.CountOrderInvitations(ctx, o.ID)
	out := market.NewPage(pq, total, make([]BidInvitationView, 0, len(rows)))
	for _, r := range rows {
		var status *string
		if r.BidStatus != "" {
			status = &r.BidStatus
		}
		out.Items = append(out.Items, BidInvitationView{OrderID: r.OrderID, Message: r.Message, CreatedAt: r.CreatedAt, BidStatus: status,
			Workshop: contracts.NewWorkshopBadge(r.WorkshopID, r.WorkshopName, r.WorkshopHost, r.WorkshopRegionCode, r.WorkshopVerifiedAt, r.WorkshopGuarantee)})
	}
	return out, err
}
