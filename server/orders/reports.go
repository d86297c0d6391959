package orders

import (
	"context"
	"slices"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/notify"
	"doorstep/server/store"
)

// ReportView is a report on an order, as its reporter and staff see it.
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

func reportView(r store.OrderReport) ReportView {
	return ReportView{ID: r.ID, OrderID: r.OrderID, Reason: r.Reason, Detail: r.Detail, Status: r.Status, CreatedAt: r.CreatedAt,
		ResolvedAt: r.ResolvedAt, ResolutionNote: r.ResolutionNote}
}

// ReportReasons are why an order can be reported.
var ReportReasons = []string{"deposit_scam", "unfair_pay", "misleading", "prohibited", "other"}

// Report files a report on a published order. Enough open reports from
// different organisations suspend it pending review.
func (s *Service) Report(ctx context.Context, a *market.Actor, id uuid.UUID, reason, detail string) (ReportView, error) {
	o, err := s.Visible(ctx, a, id)
	if err != nil {
		return ReportView{}, err
	}
	var v market.Validator
	v.Check(slices.Contains(ReportReasons, reason), "reason", "请选择举报原因", "choose a reason")
	v.Check(len([]rune(detail)) <= 2000, "detail", "说明不能超过2000字", "detail must be at most 2000 characters")
	if err := v.Err(); err != nil {
		return ReportView{}, err
	}
	switch {
	case o.Status != market.OrderPublished:
		return ReportView{}, market.E(market.CodeState, "只能举报已发布的订单", "only published orders can be reported")
	case Owns(a, o):
		return ReportView{}, market.E(market.CodeForbidden, "不能举报本企业的订单", "you cannot report your own company's order")
	}
	var orgID *uuid.UUID
	if a.OrgID != uuid.Nil {
		id := a.OrgID
		orgID = &id
	}
	var out store.OrderReport
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		if _, err := db.LockOrder(ctx, o.ID); err != nil { // serialises concurrent reports on one order
			return err
		}
		out, err = db.CreateReport(ctx, store.CreateReportParams{OrderID: o.ID, ReporterID: a.User.ID, ReporterOrgID: orgID,
			Reason: reason, Detail: detail})
		if store.IsUniqueViolation(err, "order_reports_open_key") {
			return market.E(market.CodeConflict, "您已举报过该订单，平台正在处理", "you have already reported this order; staff are on it")
		}
		if err != nil {
			return err
		}
		n, err := db.OpenReportOrgCount(ctx, o.ID)
		if err != nil || n < market.AutoSuspendReports {
			return err
		}
		_, after, err := Apply(ctx, db, o.ID, Transition{Action: market.ActAutoSuspend, ActorKind: "system",
			Reason: "多家机构举报，暂停待平台复核 / reported by several organisations; suspended pending review"}, s.Now())
		if err != nil {
			return err
		}
		return notify.Send(ctx, db, notify.Notice{Org: after.CompanyID, Kind: notify.OrderAutoSuspend,
			Data: notify.Data{Order: after.Title}, Link: "/orders/" + o.ID.String()})
	})
	if err != nil {
		return ReportView{}, err
	}
	return reportView(out), nil
}

// Reports is the staff queue of reports by status (open by default).
func (s *Service) Reports(ctx context.Context, status string, pq market.PageQuery) (market.Page[ReportView], error) {
	limit, offset, err := pq.Limits()
	if err != nil {
		return market.Page[ReportView]{}, err
	}
	if status == "" {
		status = "open"
	}
	if status != "open" && status != "dismissed" && status != "upheld" {
		return market.Page[ReportView]{}, market.FieldError("status", "状态无效", "status must be open, dismissed or upheld")
	}
	db := s.Store.DB()
	rows, err := db.ListReports(ctx, store.ListReportsParams{Status: status, Limit: limit, Offset: offset})
	if err != nil {
		return market.Page[ReportView]{}, err
	}
	total, err := db.CountReports(ctx, status)
	page := market.NewPage(pq, total, make([]ReportView, 0, len(rows)))
	for _, r := range rows {
		page.Items = append(page.Items, ReportView{ID: r.ID, OrderID: r.OrderID, OrderTitle: r.OrderTitle, OrderStatus: r.OrderStatus,
			Reason: r.Reason, Detail: r.Detail, Status: r.Status, ReporterEmail: r.ReporterEmail, ReporterOrgName: r.ReporterOrgName,
			CreatedAt: r.CreatedAt, ResolvedAt: r.ResolvedAt, ResolutionNote: r.ResolutionNote})
	}
	return page, err
}

// ResolveReport dismisses or upholds a report, audit-logged.
func (s *Service) ResolveReport(ctx context.Context, a *market.Actor, id uuid.UUID, status, note string) (ReportView, error) {
	if status != "dismissed" && status != "upheld" {
		return ReportView{}, market.FieldError("status", "请选择驳回或成立", "status must be dismissed or upheld")
	}
	note, err := market.CheckReason(note, false)
	if err != nil {
		return ReportView{}, err
	}
	uid := a.User.ID
	var r store.OrderReport
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		r, err = db.ResolveReport(ctx, store.ResolveReportParams{ID: id, Status: status, ResolvedBy: &uid, ResolutionNote: note})
		if store.IsNoRows(err) {
			return market.E(market.CodeNotFound, "举报不存在或已处理", "report not found or already resolved")
		}
		if err != nil {
			return err
		}
		return db.InsertAudit(ctx, store.Audit{Actor: a.User, Action: "report." + status, TargetType: "report",
			TargetID: id.String(), Before: map[string]any{"status": "open"}, After: map[string]any{"status": r.Status}, Note: note})
	})
	return reportView(r), err
}
