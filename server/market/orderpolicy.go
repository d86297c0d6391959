package market

import (
	"time"

	"github.com/google/uuid"
)

// OrderFacts are what the order policy needs beyond the order itself: how
// the actor's organisation relates to it.
type OrderFacts struct {
	// MyBid is the actor's workshop's latest bid on the order, if any.
	MyBid *BidStatus
}

// OrderCan is every action on an order, as the caller may take it now.
type OrderCan struct {
	Edit      Permission `json:"edit"`      // the company edits its terms
	Submit    Permission `json:"submit"`    // the company sends it for review
	Cancel    Permission `json:"cancel"`    // the company withdraws it
	Approve   Permission `json:"approve"`   // moderators publish it
	Reject    Permission `json:"reject"`    // moderators refuse it, with a reason
	Suspend   Permission `json:"suspend"`   // moderators take it down, with a reason
	Reinstate Permission `json:"reinstate"` // moderators put it back
	Report    Permission `json:"report"`    // another organisation reports it
	Bid       Permission `json:"bid"`       // a workshop bids
	ViewBids  Permission `json:"view_bids"` // the company and staff compare bids
	Invite    Permission `json:"invite"`    // the company invites workshops to bid
}

// OrderPolicy is the answer for one actor and one order.
type OrderPolicy struct {
	Role    Role     `json:"role"`
	Actions OrderCan `json:"actions"`
}

// VisibleErr is nil when the actor may see the order, else not found.
func (p OrderPolicy) VisibleErr() error {
	if !p.Role.Visible() {
		return ErrNotFound
	}
	return nil
}

var (
	denyNotOrderOwner = Deny(CodeForbidden, "只有发布订单的企业可以执行此操作", "only the company that posted the order can do this")
	denyNotWorkshop   = Deny(CodeForbidden, "只有社区工坊可以报价", "only community workshops can bid")
)

// OrderRole is the actor's role in an order: its company, staff, a
// workshop that bid (whose bid and contract point back to it), anyone when
// it is published, and nobody otherwise.
func OrderRole(a *Actor, o Order, myBid *BidStatus) Role {
	if r := staffRole(a); r != RoleNone {
		return r
	}
	switch {
	case a != nil && a.OrgID != uuid.Nil && a.OrgID == o.CompanyID:
		return RoleCompany
	case a != nil && a.OrgKind == KindWorkshop && myBid != nil:
		return RoleWorkshop
	case IsPublic(o.Status):
		return RolePublic
	}
	return RoleNone
}

// OrderPolicyFor decides what actor a may see and do on order o now.
func OrderPolicyFor(a *Actor, o Order, f OrderFacts, now time.Time) OrderPolicy {
	role := OrderRole(a, o, f.MyBid)
	p := OrderPolicy{Role: role}
	if !role.Visible() {
		n := denyErr(ErrNotFound)
		p.Actions = OrderCan{n, n, n, n, n, n, n, n, n, n, n}
		return p
	}
	owner := when(role == RoleCompany, denyNotOrderOwner)
	moderator := when(role.Moderates(), denyStaffOnlyModerate)
	move := func(act Action) Permission {
		_, _, err := NextOrderStatus(o.Status, act, o.HasAcceptedBid())
		if e, ok := err.(*Error); ok && err != nil {
			return denyErr(e)
		}
		return Allow()
	}
	x := &p.Actions
	x.Edit = first(owner, move(ActEditTerms))
	x.Submit = first(owner, move(ActSubmit))
	x.Cancel = first(owner, move(ActCancel))
	// Publishing an order whose bidding deadline has passed would show
	// workshops an order nobody may bid on.
	beforeDeadline := when(o.BiddingDeadline.After(now), Deny(CodeState,
		"报名截止时间已过，请企业修改后重新提交", "the bidding deadline has passed; the company must edit and resubmit"))
	x.Approve = first(moderator, move(ActApprove), beforeDeadline)
	x.Reject = first(moderator, move(ActReject))
	x.Suspend = first(moderator, move(ActSuspend))
	x.Reinstate = first(moderator, move(ActReinstate), beforeDeadline)
	org := a != nil && a.OrgID != uuid.Nil
	x.Report = first(
		when(org, Deny(CodeUnauthorized, "请先登录", "please sign in")),
		when(role != RoleCompany, Deny(CodeForbidden, "不能举报本企业的订单", "you cannot report your own company's order")),
		when(o.Status == OrderPublished, Deny(CodeState, "只能举报已发布的订单", "only published orders can be reported")))
	x.Bid = first(
		when(org, Deny(CodeUnauthorized, "请先登录工坊账号再报价", "sign in with a workshop account to bid")),
		when(a != nil && a.OrgKind == KindWorkshop, denyNotWorkshop),
		biddable(o, now),
		when(f.MyBid == nil || !f.MyBid.open(), Deny(CodeConflict, "您已对该订单报价，可修改或撤回原报价",
			"you already have an open bid on this order; revise or withdraw it")))
	x.ViewBids = first(when(role == RoleCompany || role.Staff(), Deny(CodeForbidden, "只有发布订单的企业和平台人员可以查看报价",
		"only the company that posted the order and platform staff can see its bids")),
		when(o.PublishedAt != nil || o.Status == OrderPublished || o.Status == OrderSuspended || o.Status == OrderClosed,
			Deny(CodeState, "订单发布后才会收到报价", "bids arrive once the order is published")))
	x.Invite = first(owner, when(o.Status == OrderPublished, Deny(CodeState, "订单发布后才能邀请工坊报价",
		"workshops can be invited once the order is published")))
	return p
}

// biddable: published, before the deadline and with quantity left.
func biddable(o Order, now time.Time) Permission {
	if err := CheckBiddable(o, now); err != nil {
		if e, ok := err.(*Error); ok {
			return denyErr(e)
		}
	}
	return when(o.RemainingQuantity > 0, Deny(CodeState, "订单数量已全部授出", "the order's quantity has all been awarded"))
}

// open: a submitted bid is still in play; an accepted one holds a contract.
func (s BidStatus) open() bool { return s == BidSubmitted || s == BidAccepted }

// PostOrders: partner companies post orders; posting (not drafting a
// preview or listing one's own) also needs the platform's verified badge.
func PostOrders(a *Actor, verified, posting bool) Permission {
	switch {
	case a == nil || a.OrgKind != KindCompany:
		return Deny(CodeForbidden, "只有合作企业可以发布订单", "only partner companies can post orders")
	case posting && !verified:
		return Deny(CodeForbidden, "企业通过平台认证后才能发布订单", "your company must be verified by platform staff before posting orders")
	}
	return Allow()
}
