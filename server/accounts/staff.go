package accounts

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"doorstep/server/auth"
	"doorstep/server/market"
	"doorstep/server/notify"
	"doorstep/server/store"
)

// ListOrgs lists organisations for staff, filtered by kind, badge and text.
func (s *Service) ListOrgs(ctx context.Context, kind, verified, q string, pq market.PageQuery) (market.Page[OrgView], error) {
	limit, offset, err := pq.Limits()
	if err != nil {
		return market.Page[OrgView]{}, err
	}
	var v market.Validator
	v.Check(kind == "" || kind == market.KindCompany || kind == market.KindWorkshop, "kind", "类型需为 company 或 workshop", "kind must be company or workshop")
	v.Check(verified == "" || verified == "true" || verified == "false", "verified", "需为 true 或 false", "verified must be true or false")
	v.Check(len(q) <= 100, "q", "搜索词过长", "q is too long")
	if err := v.Err(); err != nil {
		return market.Page[OrgView]{}, err
	}
	var kindP, qP *string
	var verifiedP *bool
	if kind != "" {
		kindP = &kind
	}
	if verified != "" {
		b := verified == "true"
		verifiedP = &b
	}
	if t := strings.TrimSpace(q); t != "" {
		t = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(t) // LIKE wildcards are literal
		qP = &t
	}
	db := s.Store.DB()
	list, err := db.ListOrgs(ctx, store.ListOrgsParams{Kind: kindP, Verified: verifiedP, Q: qP, Limit: limit, Offset: offset})
	if err != nil {
		return market.Page[OrgView]{}, err
	}
	total, err := db.CountOrgs(ctx, store.CountOrgsParams{Kind: kindP, Verified: verifiedP, Q: qP})
	page := market.NewPage(pq, total, make([]OrgView, 0, len(list)))
	for _, o := range list {
		page.Items = append(page.Items, NewOrgView(o))
	}
	return page, err
}

// SetVerified sets or clears an organisation's verified badge (staff).
func (s *Service) SetVerified(ctx context.Context, a *market.Actor, id uuid.UUID, verified bool, note string) (OrgView, error) {
	action, kind := "org.verify", notify.OrgVerified
	if !verified {
		action, kind = "org.unverify", notify.OrgUnverified
	}
	return s.staffOrgChange(ctx, a, id, action, note, kind, func(db *store.DB, cur market.Org) (market.Org, error) {
		return db.SetOrgVerified(ctx, id, verified)
	})
}

// SetGuarantee sets or clears a workshop's community guarantee (staff).
func (s *Service) SetGuarantee(ctx context.Context, a *market.Actor, id uuid.UUID, guarantee bool, note string) (OrgView, error) {
	kind := notify.OrgGuarantee
	if !guarantee {
		kind = notify.OrgNoGuarantee
	}
	return s.staffOrgChange(ctx, a, id, "org.guarantee", note, kind, func(db *store.DB, cur market.Org) (market.Org, error) {
		if cur.Kind != market.KindWorkshop {
			return market.Org{}, market.E(market.CodeState, "只有工坊可以设置社区担保", "only workshops can have a community guarantee")
		}
		return db.SetOrgGuarantee(ctx, id, guarantee)
	})
}

// staffOrgChange locks the organisation, applies change, writes the audit
// record and tells the organisation, in one transaction.
func (s *Service) staffOrgChange(ctx context.Context, a *market.Actor, id uuid.UUID, action, note string, kind notify.Kind,
	change func(*store.DB, market.Org) (market.Org, error)) (OrgView, error) {
	if err := market.Moderation(a).Err(); err != nil {
		return OrgView{}, err
	}
	note, err := market.CheckNote("note", note)
	if err != nil {
		return OrgView{}, err
	}
	var out market.Org
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		before, err := db.LockOrg(ctx, id)
		if err != nil {
			return err
		}
		if out, err = change(db, before); err != nil {
			return err
		}
		if err := db.InsertAudit(ctx, store.Audit{Actor: a.User, Action: action, TargetType: "org",
			TargetID: id.String(), Before: auditOrg(before), After: auditOrg(out), Note: note}); err != nil {
			return err
		}
		return notify.Send(ctx, db, notify.Notice{Org: id, Kind: kind, Data: notify.Data{Org: out.Name, Reason: note}, Link: "/org"})
	})
	return NewOrgView(out), err
}

// auditOrg is the part of an organisation staff actions change.
func auditOrg(o market.Org) map[string]any {
	return map[string]any{"name": o.Name, "verified": o.VerifiedAt != nil, "community_guarantee": o.CommunityGuarantee}
}

// AuditView is one staff action in the audit log.
type AuditView struct {
	ID          int64           `json:"id"`
	At          time.Time       `json:"at"`
	ActorID     *uuid.UUID      `json:"actor_id"`
	ActorEmail  string          `json:"actor_email"`
	Action      string          `json:"action"`
	TargetType  string          `json:"target_type"`
	TargetID    string          `json:"target_id"`
	TargetTitle string          `json:"target_title"` // the organisation's name, the order's or contract's title, now
	Before      json.RawMessage `json:"before"`
	After       json.RawMessage `json:"after"`
	// Changes are the fields that differ, worded (market.AuditChanges): the
	// page shows these, not the raw snapshots.
	Changes []market.AuditChange `json:"changes"`
	Note    string               `json:"note"`
}

// AuditActions are the staff actions the log records (the action filter's choices).
var AuditActions = []string{"org.verify", "org.unverify", "org.guarantee",
	"order." + string(market.ActApprove), "order." + string(market.ActReject), "order." + string(market.ActSuspend),
	"order." + string(market.ActReinstate), "report.dismissed", "report.upheld",
	"payment.confirm", "disbursement.sent", "contract.cancel", "contract.lapse", "contract.settle", "dispute.resolve",
	"synonyms.create", "synonyms.update", "synonyms.delete"}

// AuditFilter narrows the log: by actor (part of the email), action, and
// days (from and to inclusive, China time).
type AuditFilter struct {
	Actor, Action, From, To string
}

// Audit reads the staff audit log, newest first (admins).
func (s *Service) Audit(ctx context.Context, f AuditFilter, pq market.PageQuery) (market.Page[AuditView], error) {
	limit, offset, err := pq.Limits()
	if err != nil {
		return market.Page[AuditView]{}, err
	}
	var v market.Validator
	p := store.ListAuditParams{Lim: limit, Off: offset}
	if a := strings.TrimSpace(f.Actor); a != "" {
		v.Check(len(a) <= 100, "actor", "搜索词过长", "actor is too long")
		a = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(a) // LIKE wildcards are literal
		p.Actor = &a
	}
	if f.Action != "" {
		v.Check(slices.Contains(AuditActions, f.Action), "action", "未知的操作类型", "unknown action")
		p.Action = &f.Action
	}
	day := func(field, val string, next bool) *time.Time {
		if val == "" {
			return nil
		}
		t, err := time.ParseInLocation("2006-01-02", val, market.ChinaTime)
		v.Check(err == nil, field, "日期格式应为 2026-12-31", "use a date like 2026-12-31")
		if next {
			t = t.AddDate(0, 0, 1) // "to" includes the whole day
		}
		return &t
	}
	p.Since, p.Until = day("from", f.From, false), day("to", f.To, true)
	if err := v.Err(); err != nil {
		return market.Page[AuditView]{}, err
	}
	db := s.Store.DB()
	rows, err := db.ListAudit(ctx, p)
	if err != nil {
		return market.Page[AuditView]{}, err
	}
	total, err := db.CountAudit(ctx, store.CountAuditParams{Actor: p.Actor, Action: p.Action, Since: p.Since, Until: p.Until})
	page := market.NewPage(pq, total, make([]AuditView, 0, len(rows)))
	for _, r := range rows {
		page.Items = append(page.Items, AuditView{ID: r.ID, At: r.At, ActorID: r.ActorID, ActorEmail: r.ActorEmail, Action: r.Action,
			TargetType: r.TargetType, TargetID: r.TargetID, TargetTitle: r.TargetTitle, Before: r.Before, After: r.After,
			Changes: market.AuditChanges(r.TargetType, r.Before, r.After), Note: r.Note})
	}
	return page, err
}

// CreateStaff creates a staff account, or updates the role and password of
// an existing one (the `staff create` command and the demo data).
func CreateStaff(ctx context.Context, st *store.Store, email, password, role, name string) (market.User, error) {
	email = market.NormalizeEmail(email)
	var v market.Validator
	v.Check(market.ValidEmail(email), "--email", "", "a valid email is required")
	market.CheckPassword(&v, "--password", password, email)
	v.Check(market.IsStaffRole(role), "--role", "", "must be one of "+strings.Join(market.StaffRoles, ", "))
	if err := v.Err(); err != nil {
		return market.User{}, err
	}
	hash, err := auth.HashPassword(password, auth.DefaultParams)
	if err != nil {
		return market.User{}, err
	}
	db := st.DB()
	existing, err := db.UserByEmail(ctx, email)
	switch {
	case err == nil:
		if _, merr := db.MembershipByUser(ctx, existing.ID); merr == nil {
			return market.User{}, fmt.Errorf("%s belongs to an organisation and cannot be staff", email)
		}
		row, err := db.SetStaffRole(ctx, store.SetStaffRoleParams{ID: existing.ID, StaffRole: &role, PasswordHash: hash})
		return store.UserFromRow(row), err
	case store.IsNoRows(err):
		row, err := db.CreateUser(ctx, store.CreateUserParams{Email: email, PasswordHash: hash, Name: name, StaffRole: &role})
		return store.UserFromRow(row), err
	default:
		return market.User{}, err
	}
}
