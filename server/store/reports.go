package store

import (
	"context"

	"doorstep/server/store/dbq"
)

// Reports grouped per order for the staff queue.

type (
	ListReportGroupsParams    = dbq.ListReportGroupsParams
	ListReportGroupsRow       = dbq.ListReportGroupsRow
	ReportsOfOrdersParams     = dbq.ReportsOfOrdersParams
	ReportsOfOrdersRow        = dbq.ReportsOfOrdersRow
	ResolveOrderReportsParams = dbq.ResolveOrderReportsParams
)

func (d *DB) ListReportGroups(ctx context.Context, arg ListReportGroupsParams) ([]ListReportGroupsRow, error) {
	return d.q.ListReportGroups(ctx, arg)
}
func (d *DB) CountReportGroups(ctx context.Context, status string) (int64, error) {
	return d.q.CountReportGroups(ctx, status)
}
func (d *DB) ReportsOfOrders(ctx context.Context, arg ReportsOfOrdersParams) ([]ReportsOfOrdersRow, error) {
	return d.q.ReportsOfOrders(ctx, arg)
}
func (d *DB) ResolveOrderReports(ctx context.Context, arg ResolveOrderReportsParams) ([]OrderReport, error) {
	return d.q.ResolveOrderReports(ctx, arg)
}
