package api

import (
	"github.com/google/uuid"

	"doorstep/server/accounts"
	"doorstep/server/market"
)

type ListOrgsRequest struct {
	PageQuery
	Kind     string `query:"kind"`
	Verified string `query:"verified"`
	Q        string `query:"q"`
}

func (s *Server) listOrgs(c *Call, req *ListOrgsRequest) (Page[OrgView], error) {
	return s.accounts.ListOrgs(c.Ctx, req.Kind, req.Verified, req.Q, req.PageQuery)
}

type VerifyRequest struct {
	IDParam
	Verified *bool  `json:"verified"`
	Note     string `json:"note" text:"multiline"`
}

func (s *Server) verifyOrg(c *Call, req *VerifyRequest) (OrgView, error) {
	if req.Verified == nil {
		return OrgView{}, market.FieldError("verified", "请选择认证或取消认证", "verified (true or false) is required")
	}
	return withID(req.IDParam, func(id uuid.UUID) (OrgView, error) {
		return s.accounts.SetVerified(c.Ctx, c.Actor, id, *req.Verified, req.Note)
	})
}

type GuaranteeRequest struct {
	IDParam
	CommunityGuarantee *bool  `json:"community_guarantee"`
	Note               string `json:"note" text:"multiline"`
}

func (s *Server) setGuarantee(c *Call, req *GuaranteeRequest) (OrgView, error) {
	if req.CommunityGuarantee == nil {
		return OrgView{}, market.FieldError("community_guarantee", "请选择是否有社区担保", "community_guarantee (true or false) is required")
	}
	return withID(req.IDParam, func(id uuid.UUID) (OrgView, error) {
		return s.accounts.SetGuarantee(c.Ctx, c.Actor, id, *req.CommunityGuarantee, req.Note)
	})
}

// AuditRequest filters the log: by actor (part of the email), action, and
// days (from and to inclusive, China time).
type AuditRequest struct {
	PageQuery
	Actor  string `query:"actor"`
	Action string `query:"action"`
	From   string `query:"from"`
	To     string `query:"to"`
}

func (s *Server) listAudit(c *Call, req *AuditRequest) (Page[accounts.AuditView], error) {
	return s.accounts.Audit(c.Ctx, accounts.AuditFilter{Actor: req.Actor, Action: req.Action, From: req.From, To: req.To}, req.PageQuery)
}
