package store

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/store/dbq"
)

// Code below forwards to the generated queries (server/store/dbq); only the
// store imports them. Types are aliased so callers never import dbq.

// bids.sql
func (d *DB) BidByID(ctx context.Context, id uuid.UUID) (Bid, error) { return d.q.BidByID(ctx, id) }
func (d *DB) BidByIDForUpdate(ctx context.Context, id uuid.UUID) (Bid, error) {
	return d.q.BidByIDForUpdate(ctx, id)
}
func (d *DB) BidRevisions(ctx context.Context, bidID uuid.UUID) ([]BidRevision, error) {
	return d.q.BidRevisions(ctx, bidID)
}
func (d *DB) CloseOpenBids(ctx context.Context, arg CloseOpenBidsParams) ([]CloseOpenBidsRow, error) {
	return d.q.CloseOpenBids(ctx, arg)
}
func (d *DB) CountBidViews(ctx context.Context, arg CountBidViewsParams) (int64, error) {
	return d.q.CountBidViews(ctx, arg)
}
func (d *DB) CountOpenBids(ctx context.Context, orderID uuid.UUID) (int64, error) {
	return d.q.CountOpenBids(ctx, orderID)
}
func (d *DB) CreateBid(ctx context.Context, arg CreateBidParams) (Bid, error) {
	return d.q.CreateBid(ctx, arg)
}
func (d *DB) InsertBidRevision(ctx context.Context, id uuid.UUID) error {
	return d.q.InsertBidRevision(ctx, id)
}
func (d *DB) LatestBidForWorkshop(ctx context.Context, arg LatestBidForWorkshopParams) (uuid.UUID, error) {
	return d.q.LatestBidForWorkshop(ctx, arg)
}
func (d *DB) ListBidViews(ctx context.Context, arg ListBidViewsParams) ([]ListBidViewsRow, error) {
	return d.q.ListBidViews(ctx, arg)
}
func (d *DB) OpenBidIDForWorkshop(ctx context.Context, arg OpenBidIDForWorkshopParams) (uuid.UUID, error) {
	return d.q.OpenBidIDForWorkshop(ctx, arg)
}
func (d *DB) ReviseBid(ctx context.Context, arg ReviseBidParams) (Bid, error) {
	return d.q.ReviseBid(ctx, arg)
}
func (d *DB) SetBidStatus(ctx context.Context, arg SetBidStatusParams) (Bid, error) {
	return d.q.SetBidStatus(ctx, arg)
}

// contracts.sql
func (d *DB) CompanyRecord(ctx context.Context, companyID uuid.UUID) (CompanyRecordRow, error) {
	return d.q.CompanyRecord(ctx, companyID)
}
func (d *DB) CountContractViews(ctx context.Context, arg CountContractViewsParams) (int64, error) {
	return d.q.CountContractViews(ctx, arg)
}
func (d *DB) CreateContract(ctx context.Context, arg CreateContractParams) (Contract, error) {
	return d.q.CreateContract(ctx, arg)
}
func (d *DB) ListContractViews(ctx context.Context, arg ListContractViewsParams) ([]ListContractViewsRow, error) {
	return d.q.ListContractViews(ctx, arg)
}
func (d *DB) WorkshopTrackRecords(ctx context.Context, ids []uuid.UUID) ([]WorkshopTrackRecordsRow, error) {
	return d.q.WorkshopTrackRecords(ctx, ids)
}

// invitations.sql
func (d *DB) CountOrderInvitations(ctx context.Context, orderID uuid.UUID) (int64, error) {
	return d.q.CountOrderInvitations(ctx, orderID)
}
func (d *DB) CreateOrderInvitation(ctx context.Context, arg CreateOrderInvitationParams) (int64, error) {
	return d.q.CreateOrderInvitation(ctx, arg)
}
func (d *DB) IsInvited(ctx context.Context, arg IsInvitedParams) (bool, error) {
	return d.q.IsInvited(ctx, arg)
}
func (d *DB) ListOrderInvitations(ctx context.Context, arg ListOrderInvitationsParams) ([]ListOrderInvitationsRow, error) {
	return d.q.ListOrderInvitations(ctx, arg)
}

// notifications.sql
func (d *DB) CountNotifications(ctx context.Context, arg CountNotificationsParams) (int64, error) {
	return d.q.CountNotifications(ctx, arg)
}
func (d *DB) ListNotifications(ctx context.Context, arg ListNotificationsParams) ([]NotificationRow, error) {
	return d.q.ListNotifications(ctx, arg)
}
func (d *DB) MarkAllNotificationsRead(ctx context.Context, orgID uuid.UUID) error {
	return d.q.MarkAllNotificationsRead(ctx, orgID)
}
func (d *DB) MarkNotificationRead(ctx context.Context, arg MarkNotificationReadParams) (int64, error) {
	return d.q.MarkNotificationRead(ctx, arg)
}
func (d *DB) MemberEmails(ctx context.Context, orgID uuid.UUID) ([]MemberEmailsRow, error) {
	return d.q.MemberEmails(ctx, orgID)
}
func (d *DB) NotificationByID(ctx context.Context, id uuid.UUID) (NotificationRow, error) {
	return d.q.NotificationByID(ctx, id)
}

// orders.sql
func (d *DB) CompanyNameAndBadge(ctx context.Context, id uuid.UUID) (CompanyNameAndBadgeRow, error) {
	return d.q.CompanyNameAndBadge(ctx, id)
}
func (d *DB) CompanyOrderStatusCounts(ctx context.Context, companyID uuid.UUID) ([]CompanyOrderStatusCountsRow, error) {
	return d.q.CompanyOrderStatusCounts(ctx, companyID)
}
func (d *DB) CountCompanyOrders(ctx context.Context, arg CountCompanyOrdersParams) (int64, error) {
	return d.q.CountCompanyOrders(ctx, arg)
}
func (d *DB) CountOrdersByStatus(ctx context.Context, status string) (int64, error) {
	return d.q.CountOrdersByStatus(ctx, status)
}
func (d *DB) CountReports(ctx context.Context, status string) (int64, error) {
	return d.q.CountReports(ctx, status)
}
func (d *DB) CreateReport(ctx context.Context, arg CreateReportParams) (OrderReport, error) {
	return d.q.CreateReport(ctx, arg)
}
func (d *DB) DueForExpiry(ctx context.Context, arg DueForExpiryParams) ([]uuid.UUID, error) {
	return d.q.DueForExpiry(ctx, arg)
}
func (d *DB) InsertOrderEvent(ctx context.Context, arg InsertOrderEventParams) error {
	return d.q.InsertOrderEvent(ctx, arg)
}
func (d *DB) ListReports(ctx context.Context, arg ListReportsParams) ([]ListReportsRow, error) {
	return d.q.ListReports(ctx, arg)
}
func (d *DB) ModerationQueue(ctx context.Context, arg ModerationQueueParams) ([]ModerationQueueRow, error) {
	return d.q.ModerationQueue(ctx, arg)
}
func (d *DB) OpenReportOrgCount(ctx context.Context, orderID uuid.UUID) (int64, error) {
	return d.q.OpenReportOrgCount(ctx, orderID)
}
func (d *DB) OrderEvents(ctx context.Context, orderID uuid.UUID) ([]OrderEventsRow, error) {
	return d.q.OrderEvents(ctx, orderID)
}
func (d *DB) PublicOrderIDsByCompany(ctx context.Context, companyID uuid.UUID) ([]uuid.UUID, error) {
	return d.q.PublicOrderIDsByCompany(ctx, companyID)
}
func (d *DB) PublishedOrderIDs(ctx context.Context) ([]uuid.UUID, error) {
	return d.q.PublishedOrderIDs(ctx)
}
func (d *DB) RecentlyChangedOrderIDs(ctx context.Context, updatedAt time.Time) ([]uuid.UUID, error) {
	return d.q.RecentlyChangedOrderIDs(ctx, updatedAt)
}
func (d *DB) ResolveReport(ctx context.Context, arg ResolveReportParams) (OrderReport, error) {
	return d.q.ResolveReport(ctx, arg)
}

// orgs.sql
func (d *DB) AcceptInvitation(ctx context.Context, tokenHash []byte) (Invitation, error) {
	return d.q.AcceptInvitation(ctx, tokenHash)
}
func (d *DB) CountAudit(ctx context.Context) (int64, error) { return d.q.CountAudit(ctx) }
func (d *DB) CountOrgs(ctx context.Context, arg CountOrgsParams) (int64, error) {
	return d.q.CountOrgs(ctx, arg)
}
func (d *DB) CreateInvitation(ctx context.Context, arg CreateInvitationParams) (Invitation, error) {
	return d.q.CreateInvitation(ctx, arg)
}
func (d *DB) ListAudit(ctx context.Context, arg ListAuditParams) ([]AuditLog, error) {
	return d.q.ListAudit(ctx, arg)
}
func (d *DB) LockWorkshopSync(ctx context.Context, orgKey string) error {
	return d.q.LockWorkshopSync(ctx, orgKey)
}
func (d *DB) PendingInvitation(ctx context.Context, tokenHash []byte) (PendingInvitationRow, error) {
	return d.q.PendingInvitation(ctx, tokenHash)
}
func (d *DB) PublicStats(ctx context.Context) (PublicStatsRow, error) { return d.q.PublicStats(ctx) }
func (d *DB) RecentlyChangedWorkshopIDs(ctx context.Context, updatedAt time.Time) ([]uuid.UUID, error) {
	return d.q.RecentlyChangedWorkshopIDs(ctx, updatedAt)
}

// searchsync.sql
func (d *DB) LockOrderSync(ctx context.Context, orderKey string) error {
	return d.q.LockOrderSync(ctx, orderKey)
}
func (d *DB) SetSyncedVersion(ctx context.Context, arg SetSyncedVersionParams) error {
	return d.q.SetSyncedVersion(ctx, arg)
}
func (d *DB) SyncedVersion(ctx context.Context, orderID uuid.UUID) (time.Time, error) {
	return d.q.SyncedVersion(ctx, orderID)
}

// sessions.sql
func (d *DB) ActiveSession(ctx context.Context, tokenHash []byte) (Session, error) {
	return d.q.ActiveSession(ctx, tokenHash)
}
func (d *DB) ClearRateLimit(ctx context.Context, key string) error {
	return d.q.ClearRateLimit(ctx, key)
}
func (d *DB) CreatePasswordReset(ctx context.Context, arg CreatePasswordResetParams) error {
	return d.q.CreatePasswordReset(ctx, arg)
}
func (d *DB) CreateSession(ctx context.Context, arg CreateSessionParams) error {
	return d.q.CreateSession(ctx, arg)
}
func (d *DB) DeleteOldRateLimits(ctx context.Context) (int64, error) {
	return d.q.DeleteOldRateLimits(ctx)
}
func (d *DB) DeleteStaleSessions(ctx context.Context) (int64, error) {
	return d.q.DeleteStaleSessions(ctx)
}
func (d *DB) HitRateLimit(ctx context.Context, arg HitRateLimitParams) (int32, error) {
	return d.q.HitRateLimit(ctx, arg)
}
func (d *DB) RateLimitHits(ctx context.Context, arg RateLimitHitsParams) (int32, error) {
	return d.q.RateLimitHits(ctx, arg)
}
func (d *DB) RevokeSession(ctx context.Context, tokenHash []byte) error {
	return d.q.RevokeSession(ctx, tokenHash)
}
func (d *DB) RevokeUserSessionsExcept(ctx context.Context, arg RevokeUserSessionsExceptParams) error {
	return d.q.RevokeUserSessionsExcept(ctx, arg)
}
func (d *DB) InvalidatePasswordResets(ctx context.Context, userID uuid.UUID) error {
	return d.q.InvalidatePasswordResets(ctx, userID)
}
func (d *DB) UsePasswordReset(ctx context.Context, tokenHash []byte) (uuid.UUID, error) {
	return d.q.UsePasswordReset(ctx, tokenHash)
}

// users.sql
func (d *DB) CountOrgMembers(ctx context.Context, orgID uuid.UUID) (int64, error) {
	return d.q.CountOrgMembers(ctx, orgID)
}
func (d *DB) CreateMembership(ctx context.Context, arg CreateMembershipParams) error {
	return d.q.CreateMembership(ctx, arg)
}
func (d *DB) CreateUser(ctx context.Context, arg CreateUserParams) (UserRow, error) {
	return d.q.CreateUser(ctx, arg)
}
func (d *DB) MembershipByUser(ctx context.Context, userID uuid.UUID) (Membership, error) {
	return d.q.MembershipByUser(ctx, userID)
}
func (d *DB) OrgMembers(ctx context.Context, arg OrgMembersParams) ([]OrgMembersRow, error) {
	return d.q.OrgMembers(ctx, arg)
}
func (d *DB) SetStaffRole(ctx context.Context, arg SetStaffRoleParams) (UserRow, error) {
	return d.q.SetStaffRole(ctx, arg)
}
func (d *DB) SetUserPassword(ctx context.Context, arg SetUserPasswordParams) error {
	return d.q.SetUserPassword(ctx, arg)
}
func (d *DB) UpdateUserProfile(ctx context.Context, arg UpdateUserProfileParams) (UserRow, error) {
	return d.q.UpdateUserProfile(ctx, arg)
}
func (d *DB) UserByEmail(ctx context.Context, email string) (UserRow, error) {
	return d.q.UserByEmail(ctx, email)
}
func (d *DB) UserByID(ctx context.Context, id uuid.UUID) (UserRow, error) {
	return d.q.UserByID(ctx, id)
}

// aliases
type AuditLog = dbq.AuditLog
type Bid = dbq.Bid
type BidRevision = dbq.BidRevision
type CloseOpenBidsParams = dbq.CloseOpenBidsParams
type CloseOpenBidsRow = dbq.CloseOpenBidsRow
type CompanyNameAndBadgeRow = dbq.CompanyNameAndBadgeRow
type CompanyOrderStatusCountsRow = dbq.CompanyOrderStatusCountsRow
type CompanyRecordRow = dbq.CompanyRecordRow
type Contract = dbq.Contract
type CountBidViewsParams = dbq.CountBidViewsParams
type CountCompanyOrdersParams = dbq.CountCompanyOrdersParams
type CountContractViewsParams = dbq.CountContractViewsParams
type CountNotificationsParams = dbq.CountNotificationsParams
type CountOrgsParams = dbq.CountOrgsParams
type CreateBidParams = dbq.CreateBidParams
type CreateContractParams = dbq.CreateContractParams
type CreateInvitationParams = dbq.CreateInvitationParams
type CreateMembershipParams = dbq.CreateMembershipParams
type CreateOrderInvitationParams = dbq.CreateOrderInvitationParams
type CreatePasswordResetParams = dbq.CreatePasswordResetParams
type CreateReportParams = dbq.CreateReportParams
type CreateSessionParams = dbq.CreateSessionParams
type CreateUserParams = dbq.CreateUserParams
type DueForExpiryParams = dbq.DueForExpiryParams
type HitRateLimitParams = dbq.HitRateLimitParams
type InsertOrderEventParams = dbq.InsertOrderEventParams
type Invitation = dbq.Invitation
type IsInvitedParams = dbq.IsInvitedParams
type LatestBidForWorkshopParams = dbq.LatestBidForWorkshopParams
type ListAuditParams = dbq.ListAuditParams
type ListBidViewsParams = dbq.ListBidViewsParams
type ListBidViewsRow = dbq.ListBidViewsRow
type ListContractViewsParams = dbq.ListContractViewsParams
type ListContractViewsRow = dbq.ListContractViewsRow
type ListNotificationsParams = dbq.ListNotificationsParams
type ListOrderInvitationsParams = dbq.ListOrderInvitationsParams
type ListOrderInvitationsRow = dbq.ListOrderInvitationsRow
type ListReportsParams = dbq.ListReportsParams
type ListReportsRow = dbq.ListReportsRow
type MarkNotificationReadParams = dbq.MarkNotificationReadParams
type MemberEmailsRow = dbq.MemberEmailsRow
type Membership = dbq.Membership
type ModerationQueueParams = dbq.ModerationQueueParams
type ModerationQueueRow = dbq.ModerationQueueRow
type NotificationRow = dbq.Notification
type OpenBidIDForWorkshopParams = dbq.OpenBidIDForWorkshopParams
type OrderEventsRow = dbq.OrderEventsRow
type OrderReport = dbq.OrderReport
type OrgMembersParams = dbq.OrgMembersParams
type OrgMembersRow = dbq.OrgMembersRow
type PendingInvitationRow = dbq.PendingInvitationRow
type PublicStatsRow = dbq.PublicStatsRow
type RateLimitHitsParams = dbq.RateLimitHitsParams
type ResolveReportParams = dbq.ResolveReportParams
type ReviseBidParams = dbq.ReviseBidParams
type RevokeUserSessionsExceptParams = dbq.RevokeUserSessionsExceptParams
type Session = dbq.Session
type SetBidStatusParams = dbq.SetBidStatusParams
type SetStaffRoleParams = dbq.SetStaffRoleParams
type SetSyncedVersionParams = dbq.SetSyncedVersionParams
type SetUserPasswordParams = dbq.SetUserPasswordParams
type UpdateUserProfileParams = dbq.UpdateUserProfileParams
type UserRow = dbq.User
type WorkshopTrackRecordsRow = dbq.WorkshopTrackRecordsRow
