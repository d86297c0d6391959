package api

import (
	"github.com/google/uuid"

	"doorstep/server/notify"
)

type ListNotificationsRequest struct {
	PageQuery
	Unread bool `query:"unread"`
}

func (s *Server) listNotifications(c *Call, req *ListNotificationsRequest) (Page[notify.NotificationView], error) {
	return s.inbox.List(c.Ctx, c.Actor, req.Unread, c.Lang, req.PageQuery)
}

type UnreadCount struct {
	Count int64 `json:"count"`
}

func (s *Server) unreadCount(c *Call, _ *struct{}) (UnreadCount, error) {
	n, err := s.inbox.Unread(c.Ctx, c.Actor)
	return UnreadCount{n}, err
}

func (s *Server) markRead(c *Call, req *IDParam) (NoContent, error) {
	return withID(*req, func(id uuid.UUID) (NoContent, error) { return NoContent{}, s.inbox.MarkRead(c.Ctx, c.Actor, id) })
}

func (s *Server) markAllRead(c *Call, _ *struct{}) (NoContent, error) {
	return NoContent{}, s.inbox.MarkAllRead(c.Ctx, c.Actor)
}
