package api

import (
	"github.com/google/uuid"

	"doorstep/server/accounts"
	"doorstep/server/market"
)

type OrgView = accounts.OrgView

func (s *Server) getOrg(c *Call, req *IDParam) (OrgView, error) {
	return withID(*req, func(id uuid.UUID) (OrgView, error) { return s.accounts.Org(c.Ctx, c.Actor, id) })
}

type UpdateOrgRequest struct {
	IDParam
	market.OrgInput
}

func (s *Server) updateOrg(c *Call, req *UpdateOrgRequest) (OrgView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (OrgView, error) { return s.accounts.UpdateOrg(c.Ctx, c.Actor, id, req.OrgInput) })
}

type ListMembersRequest struct {
	IDParam
	PageQuery
}

func (s *Server) listMembers(c *Call, req *ListMembersRequest) (Page[accounts.MemberView], error) {
	return withID(req.IDParam, func(id uuid.UUID) (Page[accounts.MemberView], error) {
		return s.accounts.Members(c.Ctx, c.Actor, id, req.PageQuery)
	})
}

type InviteRequest struct {
	IDParam
	Email string `json:"email"`
	Role  string `json:"role"`
}

func (s *Server) invite(c *Call, req *InviteRequest) (accounts.InvitationView, error) {
	return withID(req.IDParam, func(id uuid.UUID) (accounts.InvitationView, error) {
		return s.accounts.Invite(c.Ctx, c.Actor, c.client(), id, req.Email, req.Role)
	})
}

type TokenParam struct {
	Token string `params:"token" json:"-"`
}

func (s *Server) getInvitation(c *Call, req *TokenParam) (accounts.InvitationInfo, error) {
	return s.accounts.Invitation(c.Ctx, req.Token)
}

type AcceptInvitationRequest struct {
	Token    string `json:"token"`
	Name     string `json:"name"`
	Password string `json:"password"`
	Phone    string `json:"phone"`
}

func (s *Server) acceptInvitation(c *Call, req *AcceptInvitationRequest) (AuthResponse, error) {
	return c.withCookie(s.accounts.AcceptInvitation(c.Ctx, c.client(), req.Token, req.Name, req.Phone, req.Password))
}
