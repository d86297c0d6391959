package accounts

import (
	"context"
	"strings"
	"time"

	"doorstep/server/auth"
	"doorstep/server/mail"
	"doorstep/server/market"
	"doorstep/server/store"
)

var errBadLogin = market.E(market.CodeUnauthorized, "邮箱或密码不正确", "wrong email or password")

// rateLimited refuses an attempt until its window ends.
func rateLimited(retry time.Duration) error {
	e := market.E(market.CodeRateLimited, "尝试次数过多，请稍后再试", "too many attempts; try again later")
	e.RetryAfter = retry
	return e
}

// Register creates a user with a new company or workshop and signs them in.
func (s *Service) Register(ctx context.Context, cl Client, u market.UserInput, orgIn market.OrgInput) (AuthResponse, error) {
	var v market.Validator
	market.CheckNewUser(&v, &u)
	org, orgErr := market.NewOrg(orgIn, "org.")
	if err := market.MergeInvalid(v.Err(), orgErr); err != nil {
		return AuthResponse{}, err
	}
	// Throwaway accounts are cheap to make; a cap per IP keeps one person
	// from making many (reports by new organisations do not count anyway).
	if err := s.limit(ctx, cl, "register:ip:"+cl.IP, s.Limits.RegisterPerIP, true); err != nil {
		return AuthResponse{}, err
	}
	hash, err := auth.HashPassword(u.Password, s.Hash)
	if err != nil {
		return AuthResponse{}, err
	}
	user, org, err := CreateAccount(ctx, s.Store, u, hash, org)
	if err != nil {
		return AuthResponse{}, err
	}
	s.Log.InfoContext(ctx, "account registered", "request_id", cl.RequestID, "user_id", user.ID, "org_id", org.ID, "kind", org.Kind)
	return s.startSession(ctx, cl, user, &org, market.RoleOwner)
}

// CreateAccount creates a user, their organisation and the owner membership
// in one transaction (registration and the demo data).
func CreateAccount(ctx context.Context, st *store.Store, u market.UserInput, passwordHash string, o market.Org) (market.User, market.Org, error) {
	var user market.User
	var org market.Org
	err := st.Tx(ctx, func(db *store.DB) error {
		ur, err := db.CreateUser(ctx, store.CreateUserParams{Email: u.Email, PasswordHash: passwordHash, Name: u.Name, Phone: u.Phone})
		if store.IsUniqueViolation(err, "users_email_key") {
			return market.E(market.CodeConflict, "该邮箱已注册", "this email is already registered").WithField("email", "该邮箱已注册，请直接登录", "already registered; sign in instead")
		}
		if err != nil {
			return err
		}
		org, err = db.CreateOrg(ctx, o)
		if store.IsUniqueViolation(err, "orgs_credit_code_key") {
			return market.E(market.CodeConflict, "该统一社会信用代码已注册", "an organisation with this credit code exists").
				WithField("org.credit_code", "该代码已被其他企业注册；如有疑问请联系平台", "already registered; contact staff if this is wrong")
		}
		if err != nil {
			return err
		}
		user = store.UserFromRow(ur)
		return db.CreateMembership(ctx, store.CreateMembershipParams{UserID: ur.ID, OrgID: org.ID, Role: market.RoleOwner})
	})
	return user, org, err
}

// Login checks an email and password, throttled per IP (every attempt) and
// per account and IP (failures). Not per account alone: then anyone could
// lock the owner out by failing five times.
func (s *Service) Login(ctx context.Context, cl Client, email, password string) (AuthResponse, error) {
	email = market.NormalizeEmail(email)
	var v market.Validator
	v.Check(email != "", "email", "请输入邮箱", "enter your email")
	v.Check(password != "", "password", "请输入密码", "enter your password")
	if err := v.Err(); err != nil {
		return AuthResponse{}, err
	}
	if err := s.limit(ctx, cl, "login:ip:"+cl.IP, s.Limits.PerIP, true); err != nil {
		return AuthResponse{}, err
	}
	accountKey := passwordKey(email, cl.IP)
	if err := s.limit(ctx, cl, accountKey, s.Limits.PerAccountIP, false); err != nil {
		return AuthResponse{}, err
	}
	db := s.Store.DB()
	row, err := db.UserByEmail(ctx, email)
	if store.IsNoRows(err) || len(password) > market.PasswordMaxLen*4 {
		auth.BurnPasswordTime(password)
		_ = s.countFailure(ctx, accountKey)
		return AuthResponse{}, errBadLogin
	}
	if err != nil {
		return AuthResponse{}, err
	}
	if ok, err := auth.VerifyPassword(password, row.PasswordHash); err != nil || !ok {
		if cerr := s.countFailure(ctx, accountKey); cerr != nil {
			return AuthResponse{}, cerr
		}
		return AuthResponse{}, errBadLogin
	}
	_ = db.ClearRateLimit(ctx, accountKey)
	user := store.UserFromRow(row)
	if user.StaffRole != "" {
		return s.startSession(ctx, cl, user, nil, user.StaffRole)
	}
	m, err := db.MembershipByUser(ctx, user.ID)
	if err != nil {
		return AuthResponse{}, err
	}
	org, err := db.Org(ctx, m.OrgID)
	if err != nil {
		return AuthResponse{}, err
	}
	return s.startSession(ctx, cl, user, &org, m.Role)
}

// startSession creates a session and returns its token.
func (s *Service) startSession(ctx context.Context, cl Client, user market.User, org *market.Org, role string) (AuthResponse, error) {
	token, hash := auth.NewToken()
	expires := s.Now().Add(s.SessionTTL)
	ua := cl.UserAgent
	if len(ua) > 300 {
		ua = ua[:300]
	}
	err := s.Store.DB().CreateSession(ctx, store.CreateSessionParams{TokenHash: hash, UserID: user.ID, ExpiresAt: expires,
		Ip: cl.IP, UserAgent: strings.ToValidUTF8(ua, "")})
	if err != nil {
		return AuthResponse{}, err
	}
	resp := AuthResponse{User: NewUserView(user), Role: role, Token: token, ExpiresAt: expires}
	if org != nil {
		ov := NewOrgView(*org)
		resp.Org = &ov
	}
	return resp, nil
}

// Logout revokes the actor's session.
func (s *Service) Logout(ctx context.Context, a *market.Actor) error {
	if a == nil {
		return nil
	}
	return s.Store.DB().RevokeSession(ctx, a.SessionID)
}

// ActorBySession resolves a session token; nil when absent or expired.
func (s *Service) ActorBySession(ctx context.Context, token string) (*market.Actor, error) {
	return s.Store.DB().ActorBySession(ctx, auth.HashToken(token))
}

// passwordKey throttles failed password checks of one account from one IP.
func passwordKey(account, ip string) string { return "password:" + account + "|" + ip }

// limit counts this attempt (when count) in a fixed window shared by every
// server instance through Postgres, and refuses past max until the window
// ends (the exact Retry-After).
func (s *Service) limit(ctx context.Context, cl Client, key string, max int, count bool) error {
	return s.limitIn(ctx, cl, key, max, count, s.Limits.Window)
}

// limitIn is limit with its own window length (an hour for reset mails to
// one address, a day for an organisation's invitations).
func (s *Service) limitIn(ctx context.Context, cl Client, key string, max int, count bool, length time.Duration) error {
	now := s.Now()
	window := now.Truncate(length)
	db := s.Store.DB()
	var hits int32
	var err error
	if count {
		hits, err = db.HitRateLimit(ctx, store.HitRateLimitParams{Key: key, WindowStart: window})
	} else {
		hits, err = db.RateLimitHits(ctx, store.RateLimitHitsParams{Key: key, WindowStart: window})
		hits++ // this attempt would be the next one
	}
	if err != nil {
		return err
	}
	if int(hits) > max {
		s.Log.WarnContext(ctx, "rate limited", "request_id", cl.RequestID, "key", key)
		return rateLimited(window.Add(length).Sub(now))
	}
	return nil
}

func (s *Service) countFailure(ctx context.Context, key string) error {
	_, err := s.Store.DB().HitRateLimit(ctx, store.HitRateLimitParams{Key: key, WindowStart: s.Now().Truncate(s.Limits.Window)})
	return err
}

// RequestPasswordReset mails a one-time link. It answers the same whether
// or not the email exists, so it cannot reveal which do.
func (s *Service) RequestPasswordReset(ctx context.Context, cl Client, email string) error {
	email = market.NormalizeEmail(email)
	var v market.Validator
	v.Check(market.ValidEmail(email), "email", "请输入有效的邮箱地址", "enter a valid email address")
	if err := v.Err(); err != nil {
		return err
	}
	if err := s.limit(ctx, cl, "reset:ip:"+cl.IP, s.Limits.PerIP, true); err != nil {
		return err
	}
	// Counted whether or not the address has an account (the answer must
	// not tell), so nobody fills a stranger's inbox from many addresses.
	if err := s.limitIn(ctx, cl, "reset:email:"+email, s.Limits.ResetPerAddress, true, time.Hour); err != nil {
		return err
	}
	db := s.Store.DB()
	row, err := db.UserByEmail(ctx, email)
	if store.IsNoRows(err) {
		return nil
	}
	if err != nil {
		return err
	}
	token, hash := auth.NewToken()
	err = s.Store.Tx(ctx, func(db *store.DB) error {
		// Only the newest link works: an older mail may sit in a shared inbox.
		if err := db.InvalidatePasswordResets(ctx, row.ID); err != nil {
			return err
		}
		return db.CreatePasswordReset(ctx, store.CreatePasswordResetParams{TokenHash: hash, UserID: row.ID, ExpiresAt: s.Now().Add(time.Hour)})
	})
	if err != nil {
		return err
	}
	link := s.BaseURL + "/reset-password?token=" + token
	err = s.Mailer.Send(ctx, mail.Message{To: email, Subject: "家门口 Doorstep：重置密码 / Reset your password",
		Body: "您好 " + row.Name + "：\n\n请在1小时内打开以下链接设置新密码：\n" + link +
			"\n\n如果这不是您本人的操作，请忽略此邮件。\n\nOpen the link above within one hour to set a new password. If you did not ask for this, ignore this mail.\n"})
	if err != nil {
		s.Log.ErrorContext(ctx, "send reset mail", "request_id", cl.RequestID, "err", err)
	}
	return nil
}

// ConfirmPasswordReset sets a new password with a reset token and signs
// the user out everywhere.
func (s *Service) ConfirmPasswordReset(ctx context.Context, token, password string) error {
	var v market.Validator
	v.Check(token != "", "token", "重置链接无效", "the reset link is invalid")
	market.CheckPassword(&v, "password", password)
	if err := v.Err(); err != nil {
		return err
	}
	hash, err := auth.HashPassword(password, s.Hash)
	if err != nil {
		return err
	}
	return s.Store.Tx(ctx, func(db *store.DB) error {
		userID, err := db.UsePasswordReset(ctx, auth.HashToken(token))
		if store.IsNoRows(err) {
			return market.FieldError("token", "重置链接无效或已过期，请重新申请", "the reset link is invalid or expired; ask for a new one")
		}
		if err != nil {
			return err
		}
		user, err := db.UserByID(ctx, userID)
		if err != nil {
			return err
		}
		var pv market.Validator // whose password it is is known only now; refusing keeps the link usable
		if market.CheckPassword(&pv, "password", password, user.Email, user.Phone); pv.Err() != nil {
			return pv.Err()
		}
		if err := db.SetUserPassword(ctx, store.SetUserPasswordParams{ID: userID, PasswordHash: hash}); err != nil {
			return err
		}
		if err := db.InvalidatePasswordResets(ctx, userID); err != nil {
			return err
		}
		// Whoever knew the old password is signed out everywhere.
		return db.RevokeUserSessionsExcept(ctx, store.RevokeUserSessionsExceptParams{UserID: userID, TokenHash: []byte{}})
	})
}
