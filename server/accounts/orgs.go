package accounts

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"doorstep/server/auth"
	"doorstep/server/mail"
	"doorstep/server/market"
	"doorstep/server/store"
)

// memberOrg checks that the actor belongs to org id (or is staff). Other
// organisations' private data is answered with 404, not 403, so ids reveal nothing.
func memberOrg(a *market.Actor, id uuid.UUID) error {
	if a.OrgID != id && !a.IsStaff() {
		return market.ErrNotFound
	}
	return nil
}

func ownerOrg(a *market.Actor, id uuid.UUID) error {
	switch {
	case a.OrgID != id:
		return market.ErrNotFound
	case a.OrgRole != market.RoleOwner:
		return market.E(market.CodeForbidden, "只有机构负责人可以执行此操作", "only an owner of the organisation can do this")
	}
	return nil
}

// Org reads an organisation for its members and staff.
func (s *Service) Org(ctx context.Context, a *market.Actor, id uuid.UUID) (OrgView, error) {
	if err := memberOrg(a, id); err != nil {
		return OrgView{}, err
	}
	org, err := s.Store.DB().Org(ctx, id)
	return NewOrgView(org), err
}

// UpdateOrg edits an organisation (its owners).
func (s *Service) UpdateOrg(ctx context.Context, a *market.Actor, id uuid.UUID, in market.OrgInput) (OrgView, error) {
	if err := ownerOrg(a, id); err != nil {
		return OrgView{}, err
	}
	var out market.Org
	err := s.Store.Tx(ctx, func(db *store.DB) error {
		cur, err := db.LockOrg(ctx, id)
		if err != nil {
			return err
		}
		edited, err := market.EditOrg(cur, in, "")
		if err != nil {
			return err
		}
		out, err = db.UpdateOrg(ctx, edited)
		return err
	})
	return NewOrgView(out), err
}

// MemberView is one member of an organisation.
type MemberView struct {
	UserID   uuid.UUID `json:"user_id"`
	Email    string    `json:"email"`
	Name     string    `json:"name"`
	Role     string    `json:"role"`
	JoinedAt time.Time `json:"joined_at"`
}

// Members lists an organisation's members (its members and staff).
func (s *Service) Members(ctx context.Context, a *market.Actor, id uuid.UUID, pq market.PageQuery) (market.Page[MemberView], error) {
	if err := memberOrg(a, id); err != nil {
		return market.Page[MemberView]{}, err
	}
	limit, offset, err := pq.Limits()
	if err != nil {
		return market.Page[MemberView]{}, err
	}
	db := s.Store.DB()
	rows, err := db.OrgMembers(ctx, store.OrgMembersParams{OrgID: id, Limit: limit, Offset: offset})
	if err != nil {
		return market.Page[MemberView]{}, err
	}
	total, err := db.CountOrgMembers(ctx, id)
	page := market.NewPage(pq, total, make([]MemberView, 0, len(rows)))
	for _, r := range rows {
		page.Items = append(page.Items, MemberView{UserID: r.UserID, Email: r.Email, Name: r.Name, Role: r.Role, JoinedAt: r.JoinedAt})
	}
	return page, err
}

// InvitationView is a pending invitation to join an organisation.
type InvitationView struct {
	ID        uuid.UUID `json:"id"`
	Email     string    `json:"email"`
	Role      string    `json:"role"`
	ExpiresAt time.Time `json:"expires_at"`
}

const invitationTTL = 7 * 24 * time.Hour

// Invite mails a link to join the organisation (its owners).
func (s *Service) Invite(ctx context.Context, a *market.Actor, cl Client, id uuid.UUID, email, role string) (InvitationView, error) {
	if err := ownerOrg(a, id); err != nil {
		return InvitationView{}, err
	}
	email = market.NormalizeEmail(email)
	if role == "" {
		role = market.RoleMember
	}
	var v market.Validator
	v.Check(market.ValidEmail(email), "email", "请输入有效的邮箱地址", "enter a valid email address")
	v.Check(role == market.RoleMember || role == market.RoleOwner, "role", "角色需为成员或负责人", "role must be member or owner")
	if err := v.Err(); err != nil {
		return InvitationView{}, err
	}
	db := s.Store.DB()
	if _, err := db.UserByEmail(ctx, email); err == nil {
		return InvitationView{}, market.E(market.CodeConflict, "该邮箱已有账户", "this email already has an account").
			WithField("email", "该邮箱已有账户；每个账户只能属于一个机构", "already has an account; an account belongs to one organisation")
	} else if !store.IsNoRows(err) {
		return InvitationView{}, err
	}
	org, err := db.Org(ctx, id)
	if err != nil {
		return InvitationView{}, err
	}
	if err := s.limitIn(ctx, cl, "invite:org:"+id.String(), s.Limits.InvitesPerOrg, true, 24*time.Hour); err != nil {
		var e *market.Error
		if errors.As(err, &e) {
			e.Message = market.Msg{ZH: fmt.Sprintf("今天已发出 %d 个邀请，已达上限，请明天再邀请", s.Limits.InvitesPerOrg),
				EN: fmt.Sprintf("your organisation has sent its %d invitations for today; invite more tomorrow", s.Limits.InvitesPerOrg)}
		}
		return InvitationView{}, err
	}
	token, hash := auth.NewToken()
	row, err := db.CreateInvitation(ctx, store.CreateInvitationParams{TokenHash: hash, OrgID: id, Email: email,
		Role: role, InvitedBy: a.User.ID, ExpiresAt: s.Now().Add(invitationTTL)})
	if err != nil {
		return InvitationView{}, err
	}
	link := s.BaseURL + "/invite?token=" + token
	err = s.Mailer.Send(ctx, mail.Message{To: email, Subject: "家门口 Doorstep：" + org.Name + " 邀请您加入 / invitation",
		Body: a.User.Name + " 邀请您加入「" + org.Name + "」。请在7天内打开以下链接创建账户：\n" + link +
			"\n\n" + a.User.Name + " invited you to join " + org.Name + " on Doorstep. Open the link within 7 days to create your account.\n"})
	if err != nil {
		s.Log.ErrorContext(ctx, "send invitation mail", "request_id", cl.RequestID, "err", err)
	}
	return InvitationView{ID: row.ID, Email: row.Email, Role: row.Role, ExpiresAt: row.ExpiresAt}, nil
}

// InvitationInfo is what the invitation page shows before sign-up.
type InvitationInfo struct {
	OrgName   string    `json:"org_name"`
	Email     string    `json:"email"`
	Role      string    `json:"role"`
	ExpiresAt time.Time `json:"expires_at"`
}

var errBadInvitation = market.E(market.CodeNotFound, "邀请链接无效、已使用或已过期", "the invitation is invalid, used or expired")

// Invitation looks up a pending invitation by its token.
func (s *Service) Invitation(ctx context.Context, token string) (InvitationInfo, error) {
	row, err := s.Store.DB().PendingInvitation(ctx, auth.HashToken(token))
	if store.IsNoRows(err) {
		return InvitationInfo{}, errBadInvitation
	}
	return InvitationInfo{OrgName: row.OrgName, Email: row.Email, Role: row.Role, ExpiresAt: row.ExpiresAt}, err
}

// AcceptInvitation creates the invited account and signs it in.
func (s *Service) AcceptInvitation(ctx context.Context, cl Client, token, name, phone, password string) (AuthResponse, error) {
	var v market.Validator
	market.CheckProfile(&v, &name, &phone)
	market.CheckPassword(&v, "password", password, phone)
	if err := v.Err(); err != nil {
		return AuthResponse{}, err
	}
	hash, err := auth.HashPassword(password, s.Hash)
	if err != nil {
		return AuthResponse{}, err
	}
	var user market.User
	var org market.Org
	var role string
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		inv, err := db.AcceptInvitation(ctx, auth.HashToken(token))
		if store.IsNoRows(err) {
			return errBadInvitation
		}
		if err != nil {
			return err
		}
		var pv market.Validator // the invited email is known only now
		if market.CheckPassword(&pv, "password", password, inv.Email); pv.Err() != nil {
			return pv.Err()
		}
		ur, err := db.CreateUser(ctx, store.CreateUserParams{Email: inv.Email, PasswordHash: hash, Name: name, Phone: phone})
		if store.IsUniqueViolation(err, "users_email_key") {
			return market.E(market.CodeConflict, "该邮箱已有账户", "this email already has an account")
		}
		if err != nil {
			return err
		}
		if err := db.CreateMembership(ctx, store.CreateMembershipParams{UserID: ur.ID, OrgID: inv.OrgID, Role: inv.Role}); err != nil {
			return err
		}
		org, err = db.Org(ctx, inv.OrgID)
		user, role = store.UserFromRow(ur), inv.Role
		return err
	})
	if err != nil {
		return AuthResponse{}, err
	}
	return s.startSession(ctx, cl, user, &org, role)
}
