package api

import (
	"github.com/google/uuid"

	"doorstep/server/bidding"
	"doorstep/server/market"
)

type BidView = bidding.BidView

// BidRequest is a bid form: the order id (create, preview) or the bid id (revise).
type BidRequest struct {
	IDParam
	market.BidInput
}

func (s *Server) previewBid(c *Call, req *BidRequest) (bidding.BidPreviewResponse, error) {
	return withID(req.IDParam, func(id uuid.UUID) (bidding.BidPreviewResponse, error) {
		return s.bidding.Preview(c.Ctx, c.Actor, id, req.BidInput, c.Lang)
	})
}

func (s *Server) createBid(c *Call, req *BidRequest) (BidView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (BidView, error) { return s.bidding.Create(c.Ctx, c.Actor, id, req.BidInput) })
}

func (s *Server) reviseBid(c *Call, req *BidRequest) (BidView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (BidView, error) { return s.bidding.Revise(c.Ctx, c.Actor, id, req.BidInput) })
}

func (s *Server) withdrawBid(c *Call, req *IDParam) (BidView, error) {
	return withID(*req, func(id uuid.UUID) (BidView, error) { return s.bidding.Withdraw(c.Ctx, c.Actor, id) })
}

func (s *Server) rejectBid(c *Call, req *ReasonRequest) (BidView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (BidView, error) { return s.bidding.Reject(c.Ctx, c.Actor, id, req.Reason) })
}

// AcceptBidRequest awards a bid; a bid below the minimum wage needs the
// company's own confirmation.
type AcceptBidRequest struct {
	IDParam
	ConfirmBelowMinimumWage bool `json:"confirm_below_minimum_wage"`
}

func (s *Server) acceptBid(c *Call, req *AcceptBidRequest) (ContractView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (ContractView, error) {
		return s.bidding.Accept(c.Ctx, c.Actor, id, req.ConfirmBelowMinimumWage)
	})
}

func (s *Server) getBid(c *Call, req *IDParam) (BidView, error) {
	return withID(*req, func(id uuid.UUID) (BidView, error) { return s.bidding.Bid(c.Ctx, c.Actor, id, true) })
}

// ListBidsRequest filters the caller's bids.
type ListBidsRequest struct {
	PageQuery
	Status  string `query:"status"`
	OrderID string `query:"order_id"`
}

func (s *Server) listBids(c *Call, req *ListBidsRequest) (Page[BidView], error) {
	return s.bidding.List(c.Ctx, c.Actor, req.Status, req.OrderID, req.PageQuery)
}

// OrderBidsRequest lists the bids on one order.
type OrderBidsRequest struct {
	IDParam
	PageQuery
	Status string `query:"status"`
}

func (s *Server) listOrderBids(c *Call, req *OrderBidsRequest) (Page[bidding.BidComparison], error) {
	return withID(req.IDParam, func(id uuid.UUID) (Page[bidding.BidComparison], error) {
		return s.bidding.Compare(c.Ctx, c.Actor, id, req.Status, req.PageQuery)
	})
}

// BidInviteRequest asks a workshop to bid on the company's order.
type BidInviteRequest struct {
	IDParam
	WorkshopID string `json:"workshop_id"`
	Message    string `json:"message" text:"multiline"`
}

func (s *Server) inviteWorkshop(c *Call, req *BidInviteRequest) (bidding.BidInvitationView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (bidding.BidInvitationView, error) {
		return s.bidding.Invite(c.Ctx, c.Actor, id, req.WorkshopID, req.Message)
	})
}

// OrderPageRequest is an order id with paging.
type OrderPageRequest struct {
	IDParam
	PageQuery
}

func (s *Server) listInvitations(c *Call, req *OrderPageRequest) (Page[bidding.BidInvitationView], error) {
	return withID(req.IDParam, func(id uuid.UUID) (Page[bidding.BidInvitationView], error) {
		return s.bidding.Invitations(c.Ctx, c.Actor, id, req.PageQuery)
	})
}

func (s *Server) getProfile(c *Call, req *IDParam) (bidding.Profile, error) {
	return withID(*req, func(id uuid.UUID) (bidding.Profile, error) { return s.bidding.Profile(c.Ctx, id) })
}
