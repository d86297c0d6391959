package orders

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/notify"
	"doorstep/server/store"
)

// ReportGroup is one order's reports in the staff queue: how many, by
// reason (most serious first), and the reports themselves.
type ReportGroup struct {
	OrderID         uuid.UUID     `json:"order_id"`
	OrderTitle      string        `json:"order_title"`
	OrderStatus     string        `json:"order_status"`
	AutoSuspended   bool          `json:"auto_suspended"`
	Count           int64         `json:"count"`
	TopReason       string        `json:"top_reason"`
	Reasons         []ReasonCount `json:"reasons"`
	FirstReportedAt time.Time     `json:"first_reported_at"`
	Reports         []ReportView  `json:"reports"`
	// Choices are what staff may decide for this order now (market.ReportChoicesFor).
	Choices market.ReportChoices `json:"choices"`
}

// ReasonCount is how many of a group's reports give one reason.
type ReasonCount struct {
	Reason string `json:"reason"`
	Count  int    `json:"count"`
}

func validReportStatus(status string) (string, error) {
	switch status {
	case "":
		return "open", nil
	case "open", market.ReportDismissed, market.ReportUpheld:
		return status, nil
	}
	return "", market.FieldError("status", "状态无效", "status must be open, dismissed or upheld")
}

// Reports is the staff queue by status (open by default), grouped per
// order: orders whose most serious reason is most serious come first
// (deposit scam first), then those with more reports, then the oldest.
func (s *Service) Reports(ctx context.Context, status string, pq market.PageQuery) (market.Page[ReportGroup], error) {
	limit, offset, err := pq.Limits()
	if err != nil {
		return market.Page[ReportGroup]{}, err
	}
	if status, err = validReportStatus(status); err != nil {
		return market.Page[ReportGroup]{}, err
	}
	db := s.Store.DB()
	groups, err := db.ListReportGroups(ctx, store.ListReportGroupsParams{Severity: market.ReportReasons, Status: status, Lim: limit, Off: offset})
	if err != nil {
		return market.Page[ReportGroup]{}, err
	}
	total, err := db.CountReportGroups(ctx, status)
	if err != nil {
		return market.Page[ReportGroup]{}, err
	}
	ids := make([]uuid.UUID, len(groups))
	for i, g := range groups {
		ids[i] = g.OrderID
	}
	rows, err := db.ReportsOfOrders(ctx, store.ReportsOfOrdersParams{Status: status, OrderIds: ids})
	if err != nil {
		return market.Page[ReportGroup]{}, err
	}
	byOrder := map[uuid.UUID][]ReportView{}
	for _, r := range rows {
		byOrder[r.OrderID] = append(byOrder[r.OrderID], ReportView{ID: r.ID, OrderID: r.OrderID, Reason: r.Reason, Detail: r.Detail,
			Status: r.Status, ReporterEmail: r.ReporterEmail, ReporterOrgName: r.ReporterOrgName, CreatedAt: r.CreatedAt,
			ResolvedAt: r.ResolvedAt, ResolutionNote: r.ResolutionNote})
	}
	page := market.NewPage(pq, total, make([]ReportGroup, 0, len(groups)))
	for _, g := range groups {
		grp := ReportGroup{OrderID: g.OrderID, OrderTitle: g.OrderTitle, OrderStatus: g.OrderStatus, AutoSuspended: g.AutoSuspended,
			Count: g.Reports, FirstReportedAt: g.FirstReportedAt, Reports: byOrder[g.OrderID],
			Choices: market.ReportChoicesFor(market.OrderStatus(g.OrderStatus), g.AutoSuspended)}
		for _, reason := range market.ReportReasons { // most serious first
			n := 0
			for _, r := range grp.Reports {
				if r.Reason == reason {
					n++
				}
			}
			if n > 0 {
				grp.Reasons = append(grp.Reasons, ReasonCount{reason, n})
			}
		}
		if len(grp.Reasons) > 0 {
			grp.TopReason = grp.Reasons[0].Reason
		}
		page.Items = append(page.Items, grp)
	}
	return page, nil
}

// ReportDecision is staff's outcome for one report or all open reports on
// an order: dismissed (with a reason, which the reporter is told) or upheld,
// optionally suspending the order in the same step.
type ReportDecision struct {
	Status       string
	Note         string
	SuspendOrder bool
}

// Resolution is what a decision changed.
type Resolution struct {
	Reports []ReportView `json:"reports"`
	Order   *OrderView   `json:"order,omitempty"` // when the order was suspended
}

var errNoOpenReport = market.E(market.CodeNotFound, "举报不存在或已处理", "report not found or already resolved")

// ResolveReport decides one open report.
func (s *Service) ResolveReport(ctx context.Context, a *market.Actor, id uuid.UUID, d ReportDecision) (Resolution, error) {
	return s.resolve(ctx, a, d, func(db *store.DB, r store.ResolveReportParams) ([]store.OrderReport, error) {
		r.ID = id
		one, err := db.ResolveReport(ctx, r)
		if store.IsNoRows(err) {
			return nil, errNoOpenReport
		}
		return []store.OrderReport{one}, err
	})
}

// ResolveOrderReports decides every open report on an order at once.
func (s *Service) ResolveOrderReports(ctx context.Context, a *market.Actor, orderID uuid.UUID, d ReportDecision) (Resolution, error) {
	return s.resolve(ctx, a, d, func(db *store.DB, r store.ResolveReportParams) ([]store.OrderReport, error) {
		all, err := db.ResolveOrderReports(ctx, store.ResolveOrderReportsParams{OrderID: orderID, Status: r.Status,
			ResolvedBy: r.ResolvedBy, ResolutionNote: r.ResolutionNote})
		if err == nil && len(all) == 0 {
			return nil, errNoOpenReport
		}
		return all, err
	})
}

// resolve records the decision on the reports pick returns, suspends the
// order when asked, audit-logs it and tells each reporting organisation
// the outcome, in one transaction.
func (s *Service) resolve(ctx context.Context, a *market.Actor, d ReportDecision,
	pick func(*store.DB, store.ResolveReportParams) ([]store.OrderReport, error)) (Resolution, error) {
	if err := market.Moderation(a).Err(); err != nil {
		return Resolution{}, err
	}
	note, err := market.CheckReportOutcome(d.Status, d.Note, d.SuspendOrder)
	if err != nil {
		return Resolution{}, err
	}
	uid := a.User.ID
	var out Resolution
	var suspended *market.Order
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		reports, err := pick(db, store.ResolveReportParams{Status: d.Status, ResolvedBy: &uid, ResolutionNote: note})
		if err != nil {
			return err
		}
		orderID := reports[0].OrderID
		o, err := db.LockOrder(ctx, orderID)
		if err != nil {
			return err
		}
		why := market.Msg{}
		if d.SuspendOrder {
			after, err := s.suspendReported(ctx, db, a, o, note)
			if err != nil {
				return err
			}
			suspended, o = &after, after
			why = market.Msg{ZH: "订单已被平台暂停。", EN: "The order has been suspended. "}
		}
		told := map[uuid.UUID]bool{}
		for _, r := range reports {
			out.Reports = append(out.Reports, reportView(r))
			if err := db.InsertAudit(ctx, store.Audit{Actor: a.User, Action: "report." + d.Status, TargetType: "report",
				TargetID: r.ID.String(), Before: map[string]any{"status": "open"}, After: map[string]any{"status": r.Status}, Note: note}); err != nil {
				return err
			}
			if r.ReporterOrgID == nil || told[*r.ReporterOrgID] {
				continue
			}
			told[*r.ReporterOrgID] = true
			kind := notify.ReportUpheld
			if d.Status == market.ReportDismissed {
				kind = notify.ReportDismissed
			}
			if err := notify.Send(ctx, db, notify.Notice{Org: *r.ReporterOrgID, Kind: kind,
				Data: notify.Data{Order: o.Title, Reason: note, Why: why}, Link: "/orders/" + o.ID.String()}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || suspended == nil {
		return out, err
	}
	v, err := s.View(ctx, a, *suspended)
	out.Order = &v
	return out, err
}

// suspendReported takes a reported order down as a staff decision. An order
// the reports already took down stays suspended, now by staff: it leaves
// the review queue.
func (s *Service) suspendReported(ctx context.Context, db *store.DB, a *market.Actor, o market.Order, reason string) (market.Order, error) {
	uid := a.User.ID
	t := Transition{Action: market.ActSuspend, ActorID: &uid, ActorKind: "staff", Reason: market.Typed(reason)}
	var after market.Order
	var err error
	if err := market.ReportChoicesFor(o.Status, o.AutoSuspended).SuspendOrder.Err(); err != nil {
		return o, err
	}
	if o.Status == market.OrderPublished {
		_, after, err = Apply(ctx, db, o.ID, t, s.Now())
	} else { // suspended by the reports: it stays down, now by staff
		after, err = SetStatus(ctx, db, o, market.OrderSuspended, "", t, s.Now())
	}
	if err != nil {
		return after, err
	}
	if err := db.InsertAudit(ctx, store.Audit{Actor: a.User, Action: "order." + string(market.ActSuspend), TargetType: "order",
		TargetID: o.ID.String(), Before: map[string]any{"status": o.Status}, After: map[string]any{"status": after.Status}, Note: reason}); err != nil {
		return after, err
	}
	return after, notify.Send(ctx, db, notify.Notice{Org: after.CompanyID, Kind: notify.OrderSuspended,
		Data: notify.Data{Order: after.Title, Reason: reason}, Link: "/orders/" + o.ID.String()})
}

// StaffCounts are the pending items of each staff queue, for the navigation.
type StaffCounts struct {
	OrdersToReview int64 `json:"orders_to_review"` // pending review, and orders taken down by reports
	ReportedOrders int64 `json:"reported_orders"`  // orders with open reports
	OrgsToVerify   int64 `json:"orgs_to_verify"`   // organisations without the verified badge
}

// Counts reads how much waits in each staff queue.
func (s *Service) Counts(ctx context.Context) (StaffCounts, error) {
	db := s.Store.DB()
	var c StaffCounts
	var err error
	if c.OrdersToReview, err = db.CountOrdersByStatus(ctx, string(market.OrderPendingReview)); err != nil {
		return c, err
	}
	if c.ReportedOrders, err = db.CountReportGroups(ctx, "open"); err != nil {
		return c, err
	}
	unverified := false
	c.OrgsToVerify, err = db.CountOrgs(ctx, store.CountOrgsParams{Verified: &unverified})
	return c, err
}
