package api

import (
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"doorstep/server/auth"
	"doorstep/server/mail"
	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/dbq"
)

type RegisterRequest struct {
	market.UserInput
	Org market.OrgInput `json:"org"`
}

// AuthResponse answers register, login and invitation acceptance.
type AuthResponse struct {
	User      UserView  `json:"user"`
	Org       *OrgView  `json:"org"`
	Role      string    `json:"role"`
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
}

func (s *Server) register(c *Call, req *RegisterRequest) (AuthResponse, error) {
	var v market.Validator
	market.CheckNewUser(&v, &req.UserInput)
	org, orgErr := market.NewOrg(req.Org, "org.")
	if err := market.MergeInvalid(v.Err(), orgErr); err != nil {
		return AuthResponse{}, err
	}
	hash, err := auth.HashPassword(req.Password, s.hash)
	if err != nil {
		return AuthResponse{}, err
	}
	user, org, err := s.store.CreateAccount(c.Ctx, req.UserInput, hash, org)
	if err != nil {
		return AuthResponse{}, err
	}
	s.log.InfoContext(c.Ctx, "account registered", "request_id", c.RequestID, "user_id", user.ID, "org_id", org.ID, "kind", org.Kind)
	return s.startSession(c, user, &org, market.RoleOwner)
}

type LoginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

var errBadLogin = market.E(market.CodeUnauthorized, "邮箱或密码不正确", "wrong email or password")

func (s *Server) login(c *Call, req *LoginRequest) (AuthResponse, error) {
	email := market.NormalizeEmail(req.Email)
	var v market.Validator
	v.Check(email != "", "email", "请输入邮箱", "enter your email")
	v.Check(req.Password != "", "password", "请输入密码", "enter your password")
	if err := v.Err(); err != nil {
		return AuthResponse{}, err
	}
	if err := s.limit(c, "login:ip:"+c.IP, s.cfg.LoginLimitPerIP, true); err != nil {
		return AuthResponse{}, err
	}
	accountKey := "login:account:" + email
	if err := s.limit(c, accountKey, s.cfg.LoginLimitPerAccount, false); err != nil {
		return AuthResponse{}, err
	}
	row, err := s.store.Q.UserByEmail(c.Ctx, email)
	if store.IsNoRows(err) || len(req.Password) > market.PasswordMaxLen*4 {
		auth.BurnPasswordTime(req.Password)
		_ = s.countFailure(c, accountKey)
		return AuthResponse{}, errBadLogin
	}
	if err != nil {
		return AuthResponse{}, err
	}
	if ok, err := auth.VerifyPassword(req.Password, row.PasswordHash); err != nil || !ok {
		if cerr := s.countFailure(c, accountKey); cerr != nil {
			return AuthResponse{}, cerr
		}
		return AuthResponse{}, errBadLogin
	}
	_ = s.store.Q.ClearRateLimit(c.Ctx, accountKey)
	user := store.UserFromRow(row)
	if user.StaffRole != "" {
		return s.startSession(c, user, nil, user.StaffRole)
	}
	m, err := s.store.Q.MembershipByUser(c.Ctx, user.ID)
	if err != nil {
		return AuthResponse{}, err
	}
	org, err := s.store.GetOrg(c.Ctx, m.OrgID)
	if err != nil {
		return AuthResponse{}, err
	}
	return s.startSession(c, user, &org, m.Role)
}

// startSession creates a session, sets the cookie and returns the token.
func (s *Server) startSession(c *Call, user market.User, org *market.Org, role string) (AuthResponse, error) {
	token, hash := auth.NewToken()
	expires := s.now().Add(s.cfg.SessionTTL)
	ua := c.UserAgent
	if len(ua) > 300 {
		ua = ua[:300]
	}
	err := s.store.Q.CreateSession(c.Ctx, dbq.CreateSessionParams{TokenHash: hash, UserID: user.ID, ExpiresAt: expires, Ip: c.IP, UserAgent: strings.ToValidUTF8(ua, "")})
	if err != nil {
		return AuthResponse{}, err
	}
	c.SetSession(token, expires)
	resp := AuthResponse{User: userView(user), Role: role, Token: token, ExpiresAt: expires}
	if org != nil {
		ov := orgView(*org)
		resp.Org = &ov
	}
	return resp, nil
}

func (s *Server) logout(c *Call, _ *struct{}) (NoContent, error) {
	if c.Actor != nil {
		if err := s.store.Q.RevokeSession(c.Ctx, c.Actor.SessionID); err != nil {
			return NoContent{}, err
		}
	}
	c.SetSession("", time.Time{})
	return NoContent{}, nil
}

var errRateLimited = market.E(market.CodeRateLimited, "尝试次数过多，请稍后再试", "too many attempts; try again later")

// limit counts this attempt (when count) in a fixed window shared by every
// server instance through Postgres, and refuses past max.
func (s *Server) limit(c *Call, key string, max int, count bool) error {
	window := s.now().Truncate(s.cfg.LoginLimitWindow)
	var hits int32
	var err error
	if count {
		hits, err = s.store.Q.HitRateLimit(c.Ctx, dbq.HitRateLimitParams{Key: key, WindowStart: window})
	} else {
		hits, err = s.store.Q.RateLimitHits(c.Ctx, dbq.RateLimitHitsParams{Key: key, WindowStart: window})
		hits++ // this attempt would be the next one
	}
	if err != nil {
		return err
	}
	if int(hits) > max {
		s.log.WarnContext(c.Ctx, "rate limited", "request_id", c.RequestID, "key", key)
		return errRateLimited
	}
	return nil
}

func (s *Server) countFailure(c *Call, key string) error {
	_, err := s.store.Q.HitRateLimit(c.Ctx, dbq.HitRateLimitParams{Key: key, WindowStart: s.now().Truncate(s.cfg.LoginLimitWindow)})
	return err
}

type PasswordResetRequest struct {
	Email string `json:"email"`
}

type Accepted struct {
	Status string `json:"status"`
}

// requestPasswordReset always answers 202, so it cannot reveal which emails exist.
func (s *Server) requestPasswordReset(c *Call, req *PasswordResetRequest) (Accepted, error) {
	email := market.NormalizeEmail(req.Email)
	var v market.Validator
	v.Check(market.ValidEmail(email), "email", "请输入有效的邮箱地址", "enter a valid email address")
	if err := v.Err(); err != nil {
		return Accepted{}, err
	}
	if err := s.limit(c, "reset:ip:"+c.IP, s.cfg.LoginLimitPerIP, true); err != nil {
		return Accepted{}, err
	}
	row, err := s.store.Q.UserByEmail(c.Ctx, email)
	if store.IsNoRows(err) {
		return Accepted{"accepted"}, nil
	}
	if err != nil {
		return Accepted{}, err
	}
	token, hash := auth.NewToken()
	if err := s.store.Q.CreatePasswordReset(c.Ctx, dbq.CreatePasswordResetParams{TokenHash: hash, UserID: row.ID, ExpiresAt: s.now().Add(time.Hour)}); err != nil {
		return Accepted{}, err
	}
	link := s.cfg.AppBaseURL + "/reset-password?token=" + token
	err = s.mailer.Send(c.Ctx, mail.Message{To: email, Subject: "家门口 Doorstep：重置密码 / Reset your password",
		Body: "您好 " + row.Name + "：\n\n请在1小时内打开以下链接设置新密码：\n" + link +
			"\n\n如果这不是您本人的操作，请忽略此邮件。\n\nOpen the link above within one hour to set a new password. If you did not ask for this, ignore this mail.\n"})
	if err != nil {
		s.log.ErrorContext(c.Ctx, "send reset mail", "request_id", c.RequestID, "err", err)
	}
	return Accepted{"accepted"}, nil
}

type ConfirmResetRequest struct {
	Token    string `json:"token"`
	Password string `json:"password"`
}

func (s *Server) confirmPasswordReset(c *Call, req *ConfirmResetRequest) (NoContent, error) {
	var v market.Validator
	v.Check(req.Token != "", "token", "重置链接无效", "the reset link is invalid")
	market.CheckPassword(&v, "password", req.Password)
	if err := v.Err(); err != nil {
		return NoContent{}, err
	}
	hash, err := auth.HashPassword(req.Password, s.hash)
	if err != nil {
		return NoContent{}, err
	}
	err = s.store.WithTx(c.Ctx, func(_ pgx.Tx, q *dbq.Queries) error {
		userID, err := q.UsePasswordReset(c.Ctx, auth.HashToken(req.Token))
		if store.IsNoRows(err) {
			return market.FieldError("token", "重置链接无效或已过期，请重新申请", "the reset link is invalid or expired; ask for a new one")
		}
		if err != nil {
			return err
		}
		if err := q.SetUserPassword(c.Ctx, dbq.SetUserPasswordParams{ID: userID, PasswordHash: hash}); err != nil {
			return err
		}
		// Whoever knew the old password is signed out everywhere.
		return q.RevokeUserSessionsExcept(c.Ctx, dbq.RevokeUserSessionsExceptParams{UserID: userID, TokenHash: []byte{}})
	})
	return NoContent{}, err
}
