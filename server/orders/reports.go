package orders

import (
	"context"
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

// Report files a report on a published order. Enough open reports from
// different organisations suspend it pending review.
func (s *Service) Report(ctx context.Context, a *market.Actor, id uuid.UUID, reason, detail string) (ReportView, error) {
	o, p, err := s.Order(ctx, a, id)
	if err != nil {
		return ReportView{}, err
	}
	var v market.Validator
	v.Check(market.ValidReportReason(reason), "reason", "请选择举报原因", "choose a reason")
	v.Check(len([]rune(detail)) <= 2000, "detail", "说明不能超过2000字", "detail must be at most 2000 characters")
	if err := v.Err(); err != nil {
		return ReportView{}, err
	}
	if err := p.Actions.Report.Err(); err != nil {
		return ReportView{}, err
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
			Reason: market.ReasonReported}, s.Now())
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
