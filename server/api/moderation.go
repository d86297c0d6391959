package api

import (
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/dbq"
)

type ModerationQueueRequest struct {
	PageQuery
	Status string `query:"status"`
}

// moderationQueue lists orders by status for staff: below-minimum-wage first, then oldest.
func (s *Server) moderationQueue(c *Call, req *ModerationQueueRequest) (Page[OrderView], error) {
	limit, offset, err := req.limits()
	if err != nil {
		return Page[OrderView]{}, err
	}
	if req.Status == "" {
		req.Status = market.OrderPendingReview
	}
	if !validStatus(req.Status) {
		return Page[OrderView]{}, market.FieldError("status", "状态无效", "unknown status")
	}
	rows, err := s.store.Q.ModerationQueue(c.Ctx, dbq.ModerationQueueParams{Status: req.Status, Limit: limit, Offset: offset})
	if err != nil {
		return Page[OrderView]{}, err
	}
	total, err := s.store.Q.CountOrdersByStatus(c.Ctx, req.Status)
	page := Page[OrderView]{Items: make([]OrderView, 0, len(rows)), Total: total, Page: req.Page, PerPage: req.PerPage}
	for _, r := range rows {
		o := store.OrderFromRow(r.Order)
		page.Items = append(page.Items, orderView(o, CompanyBadge{ID: o.CompanyID, Name: r.CompanyName, Verified: r.CompanyVerifiedAt != nil}))
	}
	return page, err
}

// moderationNotice is what the company is told after a staff decision.
var moderationNotice = map[market.Action]struct{ kind, zh, en string }{
	market.ActApprove:   {"order.approved", "订单已通过审核并发布", "Order approved and published"},
	market.ActReject:    {"order.rejected", "订单未通过审核，请修改后重新提交", "Order rejected: edit and resubmit"},
	market.ActSuspend:   {"order.suspended", "订单已被平台暂停", "Order suspended by platform staff"},
	market.ActReinstate: {"order.reinstated", "订单已恢复发布", "Order reinstated"},
}

func (s *Server) approveOrder(c *Call, req *ReasonRequest) (OrderView, error) {
	return s.moderate(c, req, market.ActApprove, false)
}
func (s *Server) rejectOrder(c *Call, req *ReasonRequest) (OrderView, error) {
	return s.moderate(c, req, market.ActReject, true)
}
func (s *Server) suspendOrder(c *Call, req *ReasonRequest) (OrderView, error) {
	return s.moderate(c, req, market.ActSuspend, true)
}
func (s *Server) reinstateOrder(c *Call, req *ReasonRequest) (OrderView, error) {
	return s.moderate(c, req, market.ActReinstate, false)
}

// moderate applies a staff decision, audit-logs it and notifies the company,
// all in one transaction.
func (s *Server) moderate(c *Call, req *ReasonRequest, act market.Action, reasonRequired bool) (OrderView, error) {
	id, err := req.uuid()
	if err != nil {
		return OrderView{}, err
	}
	reason, err := checkReason(req.Reason, reasonRequired)
	if err != nil {
		return OrderView{}, err
	}
	uid := c.Actor.User.ID
	var out market.Order
	err = s.store.WithTx(c.Ctx, func(tx pgx.Tx, q *dbq.Queries) error {
		row, err := q.OrderByIDForUpdate(c.Ctx, id)
		if store.IsNoRows(err) {
			return market.ErrNotFound
		}
		if err != nil {
			return err
		}
		if act == market.ActApprove || act == market.ActReinstate {
			if !row.BiddingDeadline.After(s.now()) {
				return market.E(market.CodeState, "报名截止时间已过，请企业修改后重新提交", "the bidding deadline has passed; the company must edit and resubmit")
			}
		}
		before, after, err := s.store.TransitionOrder(c.Ctx, tx, id, store.Transition{Action: act, ActorID: &uid, ActorKind: "staff", Reason: reason}, s.now())
		if err != nil {
			return err
		}
		out = after
		if err := store.InsertAudit(c.Ctx, q, store.Audit{Actor: c.Actor.User, Action: "order." + string(act), TargetType: "order",
			TargetID: id.String(), Before: map[string]any{"status": before.Status}, After: map[string]any{"status": after.Status}, Note: reason}); err != nil {
			return err
		}
		n := moderationNotice[act]
		return store.Notify(c.Ctx, q, store.Notification{OrgID: after.CompanyID, Kind: n.kind, TitleZH: n.zh + "：" + after.Title,
			TitleEN: n.en + ": " + after.Title, BodyZH: reason, BodyEN: reason, Link: "/orders/" + id.String()})
	})
	if err != nil {
		return OrderView{}, err
	}
	return s.viewOrder(c.Ctx, out)
}

type ReportRequest struct {
	IDParam
	Reason string `json:"reason"`
	Detail string `json:"detail"`
}

type ReportView struct {
	ID              uuid.UUID  `json:"id"`
	OrderID         uuid.UUID  `json:"order_id"`
	OrderTitle      string     `json:"order_title,omitempty"`
	OrderStatus     string     `json:"order_status,omitempty"`
	Reason          string     `json:"reason"`
	Detail          string     `json:"detail"`
	Status          string     `json:"status"`
	ReporterEmail   string     `json:"reporter_email,omitempty"`
	ReporterOrgName string     `json:"reporter_org_name,omitempty"`
	CreatedAt       time.Time  `json:"created_at"`
	ResolvedAt      *time.Time `json:"resolved_at"`
	ResolutionNote  string     `json:"resolution_note"`
}

var reportReasons = map[string]bool{"deposit_scam": true, "unfair_pay": true, "misleading": true, "prohibited": true, "other": true}

func (s *Server) reportOrder(c *Call, req *ReportRequest) (ReportView, error) {
	o, err := s.loadOrder(c, req.IDParam)
	if err != nil {
		return ReportView{}, err
	}
	var v market.Validator
	v.Check(reportReasons[req.Reason], "reason", "请选择举报原因", "choose a reason")
	v.Check(len([]rune(req.Detail)) <= 2000, "detail", "说明不能超过2000字", "detail must be at most 2000 characters")
	if err := v.Err(); err != nil {
		return ReportView{}, err
	}
	switch {
	case o.Status != market.OrderPublished:
		return ReportView{}, market.E(market.CodeState, "只能举报已发布的订单", "only published orders can be reported")
	case ownsOrder(c, o):
		return ReportView{}, market.E(market.CodeForbidden, "不能举报本企业的订单", "you cannot report your own company's order")
	}
	var orgID *uuid.UUID
	if c.Actor.OrgID != uuid.Nil {
		id := c.Actor.OrgID
		orgID = &id
	}
	var out dbq.OrderReport
	err = s.store.WithTx(c.Ctx, func(tx pgx.Tx, q *dbq.Queries) error {
		if _, err := q.OrderByIDForUpdate(c.Ctx, o.ID); err != nil { // serialises concurrent reports on one order
			return err
		}
		out, err = q.CreateReport(c.Ctx, dbq.CreateReportParams{OrderID: o.ID, ReporterID: c.Actor.User.ID, ReporterOrgID: orgID,
			Reason: req.Reason, Detail: req.Detail})
		if store.IsUniqueViolation(err, "order_reports_open_key") {
			return market.E(market.CodeConflict, "您已举报过该订单，平台正在处理", "you have already reported this order; staff are on it")
		}
		if err != nil {
			return err
		}
		n, err := q.OpenReportOrgCount(c.Ctx, o.ID)
		if err != nil || n < market.AutoSuspendReports {
			return err
		}
		_, after, err := s.store.TransitionOrder(c.Ctx, tx, o.ID, store.Transition{Action: market.ActAutoSuspend, ActorKind: "system",
			Reason: "多家机构举报，暂停待平台复核 / reported by several organisations; suspended pending review"}, s.now())
		if err != nil {
			return err
		}
		return store.Notify(c.Ctx, q, store.Notification{OrgID: after.CompanyID, Kind: "order.suspended",
			TitleZH: "订单因多次举报被暂停，等待平台复核：" + after.Title, TitleEN: "Order suspended after several reports, pending review: " + after.Title,
			Link: "/orders/" + o.ID.String()})
	})
	if err != nil {
		return ReportView{}, err
	}
	return ReportView{ID: out.ID, OrderID: out.OrderID, Reason: out.Reason, Detail: out.Detail, Status: out.Status, CreatedAt: out.CreatedAt}, nil
}

type ListReportsRequest struct {
	PageQuery
	Status string `query:"status"`
}

func (s *Server) listReports(c *Call, req *ListReportsRequest) (Page[ReportView], error) {
	limit, offset, err := req.limits()
	if err != nil {
		return Page[ReportView]{}, err
	}
	if req.Status == "" {
		req.Status = "open"
	}
	if req.Status != "open" && req.Status != "dismissed" && req.Status != "upheld" {
		return Page[ReportView]{}, market.FieldError("status", "状态无效", "status must be open, dismissed or upheld")
	}
	rows, err := s.store.Q.ListReports(c.Ctx, dbq.ListReportsParams{Status: req.Status, Limit: limit, Offset: offset})
	if err != nil {
		return Page[ReportView]{}, err
	}
	total, err := s.store.Q.CountReports(c.Ctx, req.Status)
	page := Page[ReportView]{Items: make([]ReportView, 0, len(rows)), Total: total, Page: req.Page, PerPage: req.PerPage}
	for _, r := range rows {
		page.Items = append(page.Items, ReportView{ID: r.ID, OrderID: r.OrderID, OrderTitle: r.OrderTitle, OrderStatus: r.OrderStatus,
			Reason: r.Reason, Detail: r.Detail, Status: r.Status, ReporterEmail: r.ReporterEmail, ReporterOrgName: r.ReporterOrgName,
			CreatedAt: r.CreatedAt, ResolvedAt: r.ResolvedAt, ResolutionNote: r.ResolutionNote})
	}
	return page, err
}

type ResolveReportRequest struct {
	IDParam
	Status string `json:"status"`
	Note   string `json:"note"`
}

func (s *Server) resolveReport(c *Call, req *ResolveReportRequest) (ReportView, error) {
	id, err := req.uuid()
	if err != nil {
		return ReportView{}, err
	}
	if req.Status != "dismissed" && req.Status != "upheld" {
		return ReportView{}, market.FieldError("status", "请选择驳回或成立", "status must be dismissed or upheld")
	}
	note, err := checkReason(req.Note, false)
	if err != nil {
		return ReportView{}, err
	}
	uid := c.Actor.User.ID
	var r dbq.OrderReport
	err = s.store.WithTx(c.Ctx, func(tx pgx.Tx, q *dbq.Queries) error {
		r, err = q.ResolveReport(c.Ctx, dbq.ResolveReportParams{ID: id, Status: req.Status, ResolvedBy: &uid, ResolutionNote: note})
		if store.IsNoRows(err) {
			return market.E(market.CodeNotFound, "举报不存在或已处理", "report not found or already resolved")
		}
		if err != nil {
			return err
		}
		return store.InsertAudit(c.Ctx, q, store.Audit{Actor: c.Actor.User, Action: "report." + req.Status, TargetType: "report",
			TargetID: id.String(), Before: map[string]any{"status": "open"}, After: map[string]any{"status": r.Status}, Note: note})
	})
	return ReportView{ID: r.ID, OrderID: r.OrderID, Reason: r.Reason, Detail: r.Detail, Status: r.Status, CreatedAt: r.CreatedAt,
		ResolvedAt: r.ResolvedAt, ResolutionNote: r.ResolutionNote}, err
}
