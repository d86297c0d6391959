package api

import "doorstep/server/accounts"

type MeResponse = accounts.MeResponse

func (s *Server) me(c *Call, _ *struct{}) (MeResponse, error) {
	return s.accounts.Me(c.Ctx, c.Actor)
}

type UpdateMeRequest struct {
	Name  *string `json:"name"`
	Phone *string `json:"phone"`
}

type UserResponse struct {
	User accounts.UserView `json:"user"`
}

func (s *Server) updateMe(c *Call, req *UpdateMeRequest) (UserResponse, error) {
	u, err := s.accounts.UpdateMe(c.Ctx, c.Actor, req.Name, req.Phone)
	return UserResponse{u}, err
}

type ChangePasswordRequest struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

func (s *Server) changePassword(c *Call, req *ChangePasswordRequest) (NoContent, error) {
	return NoContent{}, s.accounts.ChangePassword(c.Ctx, c.Actor, c.client(), req.CurrentPassword, req.NewPassword)
}
