package api

import (
	"github.com/google/uuid"

	"doorstep/server/bidding"
	"doorstep/server/market"
	"doorstep/server/orders"
)

type (
	OrderView   = orders.OrderView
	OrderDetail = bidding.OrderDetail
)

func (s *Server) createOrder(c *Call, req *market.OrderInput) (OrderView, error) {
	return s.orders.Create(c.Ctx, c.Actor, *req)
}

func (s *Server) previewOrder(c *Call, req *market.OrderInput) (orders.PreviewResponse, error) {
	return s.orders.Preview(c.Ctx, c.Actor, *req, c.Lang)
}

func (s *Server) getOrder(c *Call, req *IDParam) (OrderDetail, error) {
	return withID(*req, func(id uuid.UUID) (OrderDetail, error) { return s.bidding.OrderPage(c.Ctx, c.Actor, id) })
}

type ListOrdersRequest struct {
	PageQuery
	Status string `query:"status"`
}

// listOrders is a company's own orders; the public finds orders through search.
func (s *Server) listOrders(c *Call, req *ListOrdersRequest) (orders.OrdersPage, error) {
	return s.orders.ListOwn(c.Ctx, c.Actor, req.Status, req.PageQuery)
}

type UpdateOrderRequest struct {
	IDParam
	market.OrderInput
}

func (s *Server) updateOrder(c *Call, req *UpdateOrderRequest) (OrderView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (OrderView, error) { return s.orders.Update(c.Ctx, c.Actor, id, req.OrderInput) })
}

func (s *Server) submitOrder(c *Call, req *ReasonRequest) (OrderView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (OrderView, error) { return s.orders.Submit(c.Ctx, c.Actor, id, req.Reason) })
}

func (s *Server) cancelOrder(c *Call, req *ReasonRequest) (OrderView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (OrderView, error) { return s.orders.Cancel(c.Ctx, c.Actor, id, req.Reason) })
}
