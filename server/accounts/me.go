package accounts

import (
	"context"

	"doorstep/server/auth"
	"doorstep/server/market"
	"doorstep/server/store"
)

// MeResponse is the signed-in user, organisation and role.
type MeResponse struct {
	User UserView `json:"user"`
	Org  *OrgView `json:"org"`
	Role string   `json:"role"`
}

// Me reads the actor's user and organisation.
func (s *Service) Me(ctx context.Context, a *market.Actor) (MeResponse, error) {
	resp := MeResponse{User: NewUserView(a.User), Role: a.Role()}
	if a.OrgKind != "" {
		org, err := s.Store.DB().Org(ctx, a.OrgID)
		if err != nil {
			return resp, err
		}
		v := NewOrgView(org)
		resp.Org = &v
	}
	return resp, nil
}

// UpdateMe edits the actor's name and phone (nil leaves a field as it is).
func (s *Service) UpdateMe(ctx context.Context, a *market.Actor, name, phone *string) (UserView, error) {
	n, p := a.User.Name, a.User.Phone
	if name != nil {
		n = *name
	}
	if phone != nil {
		p = *phone
	}
	var v market.Validator
	market.CheckProfile(&v, &n, &p)
	if err := v.Err(); err != nil {
		return UserView{}, err
	}
	row, err := s.Store.DB().UpdateUserProfile(ctx, store.UpdateUserProfileParams{ID: a.User.ID, Name: n, Phone: p})
	if err != nil {
		return UserView{}, err
	}
	return NewUserView(store.UserFromRow(row)), nil
}

// ChangePassword checks the current password (throttled like sign-in, so a
// borrowed session cannot guess it), sets the new one and signs out the
// actor's other sessions.
func (s *Service) ChangePassword(ctx context.Context, a *market.Actor, cl Client, current, next string) error {
	var v market.Validator
	market.CheckPassword(&v, "new_password", next, a.User.Email, a.User.Phone)
	if err := v.Err(); err != nil {
		return err
	}
	key := passwordKey(a.User.Email, cl.IP)
	if err := s.limit(ctx, cl, key, s.Limits.PerAccountIP, false); err != nil {
		return err
	}
	db := s.Store.DB()
	row, err := db.UserByID(ctx, a.User.ID)
	if err != nil {
		return err
	}
	if ok, _ := auth.VerifyPassword(current, row.PasswordHash); !ok {
		if err := s.countFailure(ctx, key); err != nil {
			return err
		}
		return market.FieldError("current_password", "当前密码不正确", "the current password is wrong")
	}
	_ = db.ClearRateLimit(ctx, key)
	hash, err := auth.HashPassword(next, s.Hash)
	if err != nil {
		return err
	}
	return s.Store.Tx(ctx, func(db *store.DB) error {
		if err := db.SetUserPassword(ctx, store.SetUserPasswordParams{ID: row.ID, PasswordHash: hash}); err != nil {
			return err
		}
		if err := db.InvalidatePasswordResets(ctx, row.ID); err != nil {
			return err
		}
		return db.RevokeUserSessionsExcept(ctx, store.RevokeUserSessionsExceptParams{UserID: row.ID, TokenHash: a.SessionID})
	})
}
