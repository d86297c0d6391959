package api

import (
	"time"

	"doorstep/server/accounts"
	"doorstep/server/market"
)

type RegisterRequest struct {
	market.UserInput
	Org market.OrgInput `json:"org"`
}

// AuthResponse answers register, login and invitation acceptance.
type AuthResponse = accounts.AuthResponse

func (c *Call) client() accounts.Client {
	return accounts.Client{IP: c.IP, UserAgent: c.UserAgent, RequestID: c.RequestID}
}

// withCookie sets the session cookie of a started session.
func (c *Call) withCookie(r AuthResponse, err error) (AuthResponse, error) {
	if err == nil {
		c.SetSession(r.Token, r.ExpiresAt)
	}
	return r, err
}

func (s *Server) register(c *Call, req *RegisterRequest) (AuthResponse, error) {
	return c.withCookie(s.accounts.Register(c.Ctx, c.client(), req.UserInput, req.Org))
}

type LoginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func (s *Server) login(c *Call, req *LoginRequest) (AuthResponse, error) {
	return c.withCookie(s.accounts.Login(c.Ctx, c.client(), req.Email, req.Password))
}

func (s *Server) logout(c *Call, _ *struct{}) (NoContent, error) {
	if err := s.accounts.Logout(c.Ctx, c.Actor); err != nil {
		return NoContent{}, err
	}
	c.SetSession("", time.Time{})
	return NoContent{}, nil
}

type PasswordResetRequest struct {
	Email string `json:"email"`
}

// requestPasswordReset always answers 202, so it cannot reveal which emails exist.
func (s *Server) requestPasswordReset(c *Call, req *PasswordResetRequest) (Accepted, error) {
	return Accepted{"accepted"}, s.accounts.RequestPasswordReset(c.Ctx, c.client(), req.Email)
}

type ConfirmResetRequest struct {
	Token    string `json:"token"`
	Password string `json:"password"`
}

func (s *Server) confirmPasswordReset(c *Call, req *ConfirmResetRequest) (NoContent, error) {
	return NoContent{}, s.accounts.ConfirmPasswordReset(c.Ctx, req.Token, req.Password)
}
