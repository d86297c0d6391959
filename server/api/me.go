package api

import (
	"doorstep/server/auth"
	"doorstep/server/market"
	"doorstep/server/store"
	"doorstep/server/store/dbq"
)

type MeResponse struct {
	User UserView `json:"user"`
	Org  *OrgView `json:"org"`
	Role string   `json:"role"`
}

func (s *Server) me(c *Call, _ *struct{}) (MeResponse, error) {
	resp := MeResponse{User: userView(c.Actor.User), Role: c.Actor.Role()}
	if c.Actor.OrgKind != "" {
		org, err := s.store.GetOrg(c.Ctx, c.Actor.OrgID)
		if err != nil {
			return resp, err
		}
		v := orgView(org)
		resp.Org = &v
	}
	return resp, nil
}

type UpdateMeRequest struct {
	Name  *string `json:"name"`
	Phone *string `json:"phone"`
}

type UserResponse struct {
	User UserView `json:"user"`
}

func (s *Server) updateMe(c *Call, req *UpdateMeRequest) (UserResponse, error) {
	name, phone := c.Actor.User.Name, c.Actor.User.Phone
	if req.Name != nil {
		name = *req.Name
	}
	if req.Phone != nil {
		phone = *req.Phone
	}
	var v market.Validator
	market.CheckProfile(&v, &name, &phone)
	if err := v.Err(); err != nil {
		return UserResponse{}, err
	}
	row, err := s.store.Q.UpdateUserProfile(c.Ctx, dbq.UpdateUserProfileParams{ID: c.Actor.User.ID, Name: name, Phone: phone})
	if err != nil {
		return UserResponse{}, err
	}
	return UserResponse{userView(store.UserFromRow(row))}, nil
}

type ChangePasswordRequest struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

func (s *Server) changePassword(c *Call, req *ChangePasswordRequest) (NoContent, error) {
	var v market.Validator
	market.CheckPassword(&v, "new_password", req.NewPassword)
	if err := v.Err(); err != nil {
		return NoContent{}, err
	}
	row, err := s.store.Q.UserByID(c.Ctx, c.Actor.User.ID)
	if err != nil {
		return NoContent{}, err
	}
	if ok, _ := auth.VerifyPassword(req.CurrentPassword, row.PasswordHash); !ok {
		return NoContent{}, market.FieldError("current_password", "当前密码不正确", "the current password is wrong")
	}
	hash, err := auth.HashPassword(req.NewPassword, s.hash)
	if err != nil {
		return NoContent{}, err
	}
	if err := s.store.Q.SetUserPassword(c.Ctx, dbq.SetUserPasswordParams{ID: row.ID, PasswordHash: hash}); err != nil {
		return NoContent{}, err
	}
	return NoContent{}, s.store.Q.RevokeUserSessionsExcept(c.Ctx, dbq.RevokeUserSessionsExceptParams{UserID: row.ID, TokenHash: c.Actor.SessionID})
}
