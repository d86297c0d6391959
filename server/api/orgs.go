package api

import (
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"doorstep/server/auth"
	"doorstep/server/mail"
	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/dbq"
)

// memberOrg checks that the actor belongs to org id (or is staff). Other
// organisations' private data is answered with 404, not 403, so ids reveal nothing.
func memberOrg(c *Call, p IDParam) (uuid.UUID, error) {
	id, err := p.uuid()
	if err != nil {
		return id, err
	}
	if c.Actor.OrgID != id && !c.Actor.IsStaff() {
		return id, market.ErrNotFound
	}
	return id, nil
}

func ownerOrg(c *Call, p IDParam) (uuid.UUID, error) {
	id, err := p.uuid()
	if err != nil {
		return id, err
	}
	switch {
	case c.Actor.OrgID != id:
		return id, market.ErrNotFound
	case c.Actor.OrgRole != market.RoleOwner:
		return id, market.E(market.CodeForbidden, "只有机构负责人可以执行此操作", "only an owner of the organisation can do this")
	}
	return id, nil
}

func (s *Server) getOrg(c *Call, req *IDParam) (OrgView, error) {
	id, err := memberOrg(c, *req)
	if err != nil {
		return OrgView{}, err
	}
	org, err := s.store.GetOrg(c.Ctx, id)
	return orgView(org), err
}

type UpdateOrgRequest struct {
	IDParam
	market.OrgInput
}

func (s *Server) updateOrg(c *Call, req *UpdateOrgRequest) (OrgView, error) {
	id, err := ownerOrg(c, req.IDParam)
	if err != nil {
		return OrgView{}, err
	}
	var out market.Org
	err = s.store.WithTx(c.Ctx, func(tx pgx.Tx, q *dbq.Queries) error {
		row, err := q.OrgByIDForUpdate(c.Ctx, id)
		if err != nil {
			return err
		}
		edited, err := market.EditOrg(store.OrgFromRow(row), req.OrgInput, "")
		if err != nil {
			return err
		}
		if out, err = store.UpdateOrg(c.Ctx, q, edited); err != nil {
			return err
		}
		if err := s.store.WorkshopChanged(c.Ctx, tx, out); err != nil {
			return err
		}
		return s.store.CompanyChanged(c.Ctx, tx, id)
	})
	return orgView(out), err
}

type MemberView struct {
	UserID   uuid.UUID `json:"user_id"`
	Email    string    `json:"email"`
	Name     string    `json:"name"`
	Role     string    `json:"role"`
	JoinedAt time.Time `json:"joined_at"`
}

type ListMembersRequest struct {
	IDParam
	PageQuery
}

func (s *Server) listMembers(c *Call, req *ListMembersRequest) (Page[MemberView], error) {
	id, err := memberOrg(c, req.IDParam)
	if err != nil {
		return Page[MemberView]{}, err
	}
	limit, offset, err := req.limits()
	if err != nil {
		return Page[MemberView]{}, err
	}
	rows, err := s.store.Q.OrgMembers(c.Ctx, dbq.OrgMembersParams{OrgID: id, Limit: limit, Offset: offset})
	if err != nil {
		return Page[MemberView]{}, err
	}
	total, err := s.store.Q.CountOrgMembers(c.Ctx, id)
	page := Page[MemberView]{Items: make([]MemberView, 0, len(rows)), Total: total, Page: req.Page, PerPage: req.PerPage}
	for _, r := range rows {
		page.Items = append(page.Items, MemberView{UserID: r.UserID, Email: r.Email, Name: r.Name, Role: r.Role, JoinedAt: r.JoinedAt})
	}
	return page, err
}

type InviteRequest struct {
	IDParam
	Email string `json:"email"`
	Role  string `json:"role"`
}

type InvitationView struct {
	ID        uuid.UUID `json:"id"`
	Email     string    `json:"email"`
	Role      string    `json:"role"`
	ExpiresAt time.Time `json:"expires_at"`
}

const invitationTTL = 7 * 24 * time.Hour

func (s *Server) invite(c *Call, req *InviteRequest) (InvitationView, error) {
	id, err := ownerOrg(c, req.IDParam)
	if err != nil {
		return InvitationView{}, err
	}
	email := market.NormalizeEmail(req.Email)
	if req.Role == "" {
		req.Role = market.RoleMember
	}
	var v market.Validator
	v.Check(market.ValidEmail(email), "email", "请输入有效的邮箱地址", "enter a valid email address")
	v.Check(req.Role == market.RoleMember || req.Role == market.RoleOwner, "role", "角色需为成员或负责人", "role must be member or owner")
	if err := v.Err(); err != nil {
		return InvitationView{}, err
	}
	if _, err := s.store.Q.UserByEmail(c.Ctx, email); err == nil {
		return InvitationView{}, market.E(market.CodeConflict, "该邮箱已有账户", "this email already has an account").
			WithField("email", "该邮箱已有账户；每个账户只能属于一个机构", "already has an account; an account belongs to one organisation")
	} else if !store.IsNoRows(err) {
		return InvitationView{}, err
	}
	org, err := s.store.GetOrg(c.Ctx, id)
	if err != nil {
		return InvitationView{}, err
	}
	token, hash := auth.NewToken()
	row, err := s.store.Q.CreateInvitation(c.Ctx, dbq.CreateInvitationParams{TokenHash: hash, OrgID: id, Email: email,
		Role: req.Role, InvitedBy: c.Actor.User.ID, ExpiresAt: s.now().Add(invitationTTL)})
	if err != nil {
		return InvitationView{}, err
	}
	link := s.cfg.AppBaseURL + "/invite?token=" + token
	err = s.mailer.Send(c.Ctx, mail.Message{To: email, Subject: "家门口 Doorstep：" + org.Name + " 邀请您加入 / invitation",
		Body: c.Actor.User.Name + " 邀请您加入「" + org.Name + "」。请在7天内打开以下链接创建账户：\n" + link +
			"\n\n" + c.Actor.User.Name + " invited you to join " + org.Name + " on Doorstep. Open the link within 7 days to create your account.\n"})
	if err != nil {
		s.log.ErrorContext(c.Ctx, "send invitation mail", "request_id", c.RequestID, "err", err)
	}
	return InvitationView{ID: row.ID, Email: row.Email, Role: row.Role, ExpiresAt: row.ExpiresAt}, nil
}

type TokenParam struct {
	Token string `params:"token" json:"-"`
}

type InvitationInfo struct {
	OrgName   string    `json:"org_name"`
	Email     string    `json:"email"`
	Role      string    `json:"role"`
	ExpiresAt time.Time `json:"expires_at"`
}

var errBadInvitation = market.E(market.CodeNotFound, "邀请链接无效、已使用或已过期", "the invitation is invalid, used or expired")

func (s *Server) getInvitation(c *Call, req *TokenParam) (InvitationInfo, error) {
	row, err := s.store.Q.PendingInvitation(c.Ctx, auth.HashToken(req.Token))
	if store.IsNoRows(err) {
		return InvitationInfo{}, errBadInvitation
	}
	return InvitationInfo{OrgName: row.OrgName, Email: row.Email, Role: row.Role, ExpiresAt: row.ExpiresAt}, err
}

type AcceptInvitationRequest struct {
	Token    string `json:"token"`
	Name     string `json:"name"`
	Password string `json:"password"`
	Phone    string `json:"phone"`
}

func (s *Server) acceptInvitation(c *Call, req *AcceptInvitationRequest) (AuthResponse, error) {
	var v market.Validator
	market.CheckPassword(&v, "password", req.Password)
	market.CheckProfile(&v, &req.Name, &req.Phone)
	if err := v.Err(); err != nil {
		return AuthResponse{}, err
	}
	hash, err := auth.HashPassword(req.Password, s.hash)
	if err != nil {
		return AuthResponse{}, err
	}
	var user market.User
	var org market.Org
	var role string
	err = s.store.WithTx(c.Ctx, func(_ pgx.Tx, q *dbq.Queries) error {
		inv, err := q.AcceptInvitation(c.Ctx, auth.HashToken(req.Token))
		if store.IsNoRows(err) {
			return errBadInvitation
		}
		if err != nil {
			return err
		}
		ur, err := q.CreateUser(c.Ctx, dbq.CreateUserParams{Email: inv.Email, PasswordHash: hash, Name: req.Name, Phone: req.Phone})
		if store.IsUniqueViolation(err, "users_email_key") {
			return market.E(market.CodeConflict, "该邮箱已有账户", "this email already has an account")
		}
		if err != nil {
			return err
		}
		if err := q.CreateMembership(c.Ctx, dbq.CreateMembershipParams{UserID: ur.ID, OrgID: inv.OrgID, Role: inv.Role}); err != nil {
			return err
		}
		orow, err := q.OrgByID(c.Ctx, inv.OrgID)
		user, org, role = store.UserFromRow(ur), store.OrgFromRow(orow), inv.Role
		return err
	})
	if err != nil {
		return AuthResponse{}, err
	}
	return s.startSession(c, user, &org, role)
}
