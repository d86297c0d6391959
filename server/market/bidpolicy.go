package market

import (
	"time"

	"github.com/google/uuid"
)

// BidFacts are a bid's parties, state and terms.
type BidFacts struct {
	CompanyID        uuid.UUID // the order's company
	WorkshopID       uuid.UUID
	Status           BidStatus
	Bid              Bid
	WorkshopVerified bool
}

// BidCan is every action on a bid, as the caller may take it now.
type BidCan struct {
	Revise   Permission `json:"revise"`   // the workshop changes its open bid
	Withdraw Permission `json:"withdraw"` // the workshop takes it back
	Accept   Permission `json:"accept"`   // the company awards it (a contract follows)
	Reject   Permission `json:"reject"`   // the company turns it down, with a reason
}

// BidPolicy is the answer for one actor and one bid.
type BidPolicy struct {
	Role    Role   `json:"role"`
	Actions BidCan `json:"actions"`
}

// VisibleErr is nil when the actor may see the bid; everyone else gets 404,
// so bids cannot be probed.
func (p BidPolicy) VisibleErr() error {
	if !p.Role.Visible() {
		return ErrNotFound
	}
	return nil
}

var (
	denyNotBidder   = Deny(CodeForbidden, "只有报价的工坊可以执行此操作", "only the workshop that bid can do this")
	denyBidClosed   = Deny(CodeState, "报价已结束，不能再修改", "this bid is no longer open")
	denyBidAccepted = Deny(CodeConflict, "该报价已被接受", "this bid has already been accepted")
)

// BidPolicyFor decides what actor a may see and do with a bid on order o now.
// Workshops never see each other's bids.
func BidPolicyFor(a *Actor, b BidFacts, o Order, now time.Time) BidPolicy {
	role := PartyRole(a, b.CompanyID, b.WorkshopID)
	p := BidPolicy{Role: role}
	if !role.Visible() {
		n := denyErr(ErrNotFound)
		p.Actions = BidCan{n, n, n, n}
		return p
	}
	open := Allow()
	switch b.Status {
	case BidSubmitted:
	case BidAccepted:
		open = denyBidAccepted
	default:
		open = denyBidClosed
	}
	bidder := when(role == RoleWorkshop, denyNotBidder)
	buyer := when(role == RoleCompany, denyNotOrderOwner)
	x := &p.Actions
	x.Revise = first(bidder, open, biddable(o, now))
	x.Withdraw = first(bidder, open)
	x.Reject = first(buyer, open)
	awardable := Allow()
	if err := CheckAwardable(o, b.Bid, now); err != nil {
		if e, ok := err.(*Error); ok {
			awardable = denyErr(e)
		}
	}
	x.Accept = first(buyer, open, awardable, when(b.WorkshopVerified, Deny(CodeState,
		"该工坊尚未通过平台认证，认证后才能授予；可以先拒绝或等待认证",
		"this workshop is not verified yet; it can be awarded once platform staff verify it")))
	return p
}
