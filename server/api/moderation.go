package api

import (
	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/orders"
)

type ModerationQueueRequest struct {
	PageQuery
	Status string `query:"status"`
}

func (s *Server) moderationQueue(c *Call, req *ModerationQueueRequest) (Page[OrderView], error) {
	return s.orders.Queue(c.Ctx, c.Actor, req.Status, req.PageQuery)
}

func (s *Server) moderate(act market.Action) Handler[ReasonRequest, OrderView] {
	return func(c *Call, req *ReasonRequest) (OrderView, error) {
		return withID(req.IDParam, func(id uuid.UUID) (OrderView, error) { return s.orders.Moderate(c.Ctx, c.Actor, id, act, req.Reason) })
	}
}

type ReportRequest struct {
	IDParam
	Reason string `json:"reason"`
	Detail string `json:"detail" text:"multiline"`
}

type ReportView = orders.ReportView

func (s *Server) reportOrder(c *Call, req *ReportRequest) (ReportView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (ReportView, error) {
		return s.orders.Report(c.Ctx, c.Actor, id, req.Reason, req.Detail)
	})
}

type ListReportsRequest struct {
	PageQuery
	Status string `query:"status"`
}

func (s *Server) listReports(c *Call, req *ListReportsRequest) (Page[orders.ReportGroup], error) {
	return s.orders.Reports(c.Ctx, req.Status, req.PageQuery)
}

// ResolveReportRequest decides one report (its id) or every open report on
// an order (the order's id): dismissed needs a note, which the reporter is
// told; upheld may suspend the order in the same step.
type ResolveReportRequest struct {
	IDParam
	Status       string `json:"status"`
	Note         string `json:"note" text:"multiline"`
	SuspendOrder bool   `json:"suspend_order"`
}

func (r ResolveReportRequest) decision() orders.ReportDecision {
	return orders.ReportDecision{Status: r.Status, Note: r.Note, SuspendOrder: r.SuspendOrder}
}

func (s *Server) resolveReport(c *Call, req *ResolveReportRequest) (orders.Resolution, error) {
	return withID(req.IDParam, func(id uuid.UUID) (orders.Resolution, error) {
		return s.orders.ResolveReport(c.Ctx, c.Actor, id, req.decision())
	})
}

func (s *Server) resolveOrderReports(c *Call, req *ResolveReportRequest) (orders.Resolution, error) {
	return withID(req.IDParam, func(id uuid.UUID) (orders.Resolution, error) {
		return s.orders.ResolveOrderReports(c.Ctx, c.Actor, id, req.decision())
	})
}

func (s *Server) staffCounts(c *Call, _ *struct{}) (orders.StaffCounts, error) {
	return s.orders.Counts(c.Ctx)
}
