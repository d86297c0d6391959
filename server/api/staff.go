package api

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/dbq"
)

type ListOrgsRequest struct {
	PageQuery
	Kind     string `query:"kind"`
	Verified string `query:"verified"`
	Q        string `query:"q"`
}

func (s *Server) listOrgs(c *Call, req *ListOrgsRequest) (Page[OrgView], error) {
	limit, offset, err := req.limits()
	if err != nil {
		return Page[OrgView]{}, err
	}
	var v market.Validator
	v.Check(req.Kind == "" || req.Kind == market.KindCompany || req.Kind == market.KindWorkshop, "kind", "类型需为 company 或 workshop", "kind must be company or workshop")
	v.Check(req.Verified == "" || req.Verified == "true" || req.Verified == "false", "verified", "需为 true 或 false", "verified must be true or false")
	v.Check(len(req.Q) <= 100, "q", "搜索词过长", "q is too long")
	if err := v.Err(); err != nil {
		return Page[OrgView]{}, err
	}
	var kind, q *string
	var verified *bool
	if req.Kind != "" {
		kind = &req.Kind
	}
	if req.Verified != "" {
		b := req.Verified == "true"
		verified = &b
	}
	if t := strings.TrimSpace(req.Q); t != "" {
		t = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(t) // LIKE wildcards are literal
		q = &t
	}
	rows, err := s.store.Q.ListOrgs(c.Ctx, dbq.ListOrgsParams{Kind: kind, Verified: verified, Q: q, Limit: limit, Offset: offset})
	if err != nil {
		return Page[OrgView]{}, err
	}
	total, err := s.store.Q.CountOrgs(c.Ctx, dbq.CountOrgsParams{Kind: kind, Verified: verified, Q: q})
	page := Page[OrgView]{Items: make([]OrgView, 0, len(rows)), Total: total, Page: req.Page, PerPage: req.PerPage}
	for _, r := range rows {
		page.Items = append(page.Items, orgView(store.OrgFromRow(r)))
	}
	return page, err
}

type VerifyRequest struct {
	IDParam
	Verified *bool  `json:"verified"`
	Note     string `json:"note"`
}

func (s *Server) verifyOrg(c *Call, req *VerifyRequest) (OrgView, error) {
	if req.Verified == nil {
		return OrgView{}, market.FieldError("verified", "请选择认证或取消认证", "verified (true or false) is required")
	}
	action := "org.verify"
	if !*req.Verified {
		action = "org.unverify"
	}
	return s.staffOrgChange(c, req.IDParam, action, req.Note, func(q *dbq.Queries, id uuid.UUID, _ market.Org) (dbq.Org, error) {
		return q.SetOrgVerified(c.Ctx, dbq.SetOrgVerifiedParams{ID: id, Verified: *req.Verified})
	})
}

type GuaranteeRequest struct {
	IDParam
	CommunityGuarantee *bool  `json:"community_guarantee"`
	Note               string `json:"note"`
}

func (s *Server) setGuarantee(c *Call, req *GuaranteeRequest) (OrgView, error) {
	if req.CommunityGuarantee == nil {
		return OrgView{}, market.FieldError("community_guarantee", "请选择是否有社区担保", "community_guarantee (true or false) is required")
	}
	return s.staffOrgChange(c, req.IDParam, "org.guarantee", req.Note, func(q *dbq.Queries, id uuid.UUID, cur market.Org) (dbq.Org, error) {
		if cur.Kind != market.KindWorkshop {
			return dbq.Org{}, market.E(market.CodeState, "只有工坊可以设置社区担保", "only workshops can have a community guarantee")
		}
		return q.SetOrgGuarantee(c.Ctx, dbq.SetOrgGuaranteeParams{ID: id, CommunityGuarantee: *req.CommunityGuarantee})
	})
}

// staffOrgChange locks the organisation, applies change and writes the audit
// record in the same transaction.
func (s *Server) staffOrgChange(c *Call, p IDParam, action, note string, change func(*dbq.Queries, uuid.UUID, market.Org) (dbq.Org, error)) (OrgView, error) {
	id, err := p.uuid()
	if err != nil {
		return OrgView{}, err
	}
	if len([]rune(note)) > 500 {
		return OrgView{}, market.FieldError("note", "备注不能超过500字", "note must be at most 500 characters")
	}
	var out market.Org
	err = s.store.WithTx(c.Ctx, func(tx pgx.Tx, q *dbq.Queries) error {
		row, err := q.OrgByIDForUpdate(c.Ctx, id)
		if store.IsNoRows(err) {
			return market.ErrNotFound
		}
		if err != nil {
			return err
		}
		before := store.OrgFromRow(row)
		after, err := change(q, id, before)
		if err != nil {
			return err
		}
		out = store.OrgFromRow(after)
		if err := s.store.CompanyChanged(c.Ctx, tx, id); err != nil {
			return err
		}
		if err := s.store.WorkshopChanged(c.Ctx, tx, out); err != nil {
			return err
		}
		return store.InsertAudit(c.Ctx, q, store.Audit{Actor: c.Actor.User, Action: action, TargetType: "org",
			TargetID: id.String(), Before: auditOrg(before), After: auditOrg(out), Note: strings.TrimSpace(note)})
	})
	return orgView(out), err
}

// auditOrg is the part of an organisation staff actions change.
func auditOrg(o market.Org) map[string]any {
	return map[string]any{"name": o.Name, "verified": o.VerifiedAt != nil, "community_guarantee": o.CommunityGuarantee}
}

type AuditView struct {
	ID          int64           `json:"id"`
	At          time.Time       `json:"at"`
	ActorID     *uuid.UUID      `json:"actor_id"`
	ActorEmail  string          `json:"actor_email"`
	Action      string          `json:"action"`
	TargetType  string          `json:"target_type"`
	TargetID    string          `json:"target_id"`
	TargetTitle string          `json:"target_title"` // the organisation's name or the order's title, now
	Before      json.RawMessage `json:"before"`
	After       json.RawMessage `json:"after"`
	Note        string          `json:"note"`
}

// AuditActions are the staff actions the log records (the action filter's choices).
var AuditActions = []string{"org.verify", "org.unverify", "org.guarantee",
	"order." + string(market.ActApprove), "order." + string(market.ActReject), "order." + string(market.ActSuspend),
	"order." + string(market.ActReinstate), "report.dismissed", "report.upheld"}

// AuditRequest filters the log: by actor (part of the email), action, and
// days (from and to inclusive, China time).
type AuditRequest struct {
	PageQuery
	Actor  string `query:"actor"`
	Action string `query:"action"`
	From   string `query:"from"`
	To     string `query:"to"`
}

func (s *Server) listAudit(c *Call, req *AuditRequest) (Page[AuditView], error) {
	limit, offset, err := req.limits()
	if err != nil {
		return Page[AuditView]{}, err
	}
	var v market.Validator
	p := dbq.ListAuditParams{Lim: limit, Off: offset}
	if a := strings.TrimSpace(req.Actor); a != "" {
		v.Check(len(a) <= 100, "actor", "搜索词过长", "actor is too long")
		a = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(a) // LIKE wildcards are literal
		p.Actor = &a
	}
	if req.Action != "" {
		v.Check(slices.Contains(AuditActions, req.Action), "action", "未知的操作类型", "unknown action")
		p.Action = &req.Action
	}
	day := func(field, val string, next bool) *time.Time {
		if val == "" {
			return nil
		}
		t, err := time.ParseInLocation("2006-01-02", val, shanghai)
		v.Check(err == nil, field, "日期格式应为 2026-12-31", "use a date like 2026-12-31")
		if next {
			t = t.AddDate(0, 0, 1) // "to" includes the whole day
		}
		return &t
	}
	p.Since, p.Until = day("from", req.From, false), day("to", req.To, true)
	if err := v.Err(); err != nil {
		return Page[AuditView]{}, err
	}
	rows, err := s.store.Q.ListAudit(c.Ctx, p)
	if err != nil {
		return Page[AuditView]{}, err
	}
	total, err := s.store.Q.CountAudit(c.Ctx, dbq.CountAuditParams{Actor: p.Actor, Action: p.Action, Since: p.Since, Until: p.Until})
	page := Page[AuditView]{Items: make([]AuditView, 0, len(rows)), Total: total, Page: req.Page, PerPage: req.PerPage}
	for _, r := range rows {
		page.Items = append(page.Items, AuditView{ID: r.ID, At: r.At, ActorID: r.ActorID, ActorEmail: r.ActorEmail, Action: r.Action,
			TargetType: r.TargetType, TargetID: r.TargetID, TargetTitle: r.TargetTitle, Before: r.Before, After: r.After, Note: r.Note})
	}
	return page, err
}
