package api

import (
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store/dbq"
)

type NotificationView struct {
	ID        uuid.UUID  `json:"id"`
	Kind      string     `json:"kind"`
	Title     string     `json:"title"`
	Body      string     `json:"body"`
	Link      string     `json:"link"`
	ReadAt    *time.Time `json:"read_at"`
	CreatedAt time.Time  `json:"created_at"`
}

type ListNotificationsRequest struct {
	PageQuery
	Unread bool `query:"unread"`
}

// Notifications belong to an organisation: every member sees them. Staff
// have none yet.
func (s *Server) listNotifications(c *Call, req *ListNotificationsRequest) (Page[NotificationView], error) {
	limit, offset, err := req.limits()
	if err != nil {
		return Page[NotificationView]{}, err
	}
	page := Page[NotificationView]{Items: []NotificationView{}, Page: req.Page, PerPage: req.PerPage}
	if c.Actor.OrgID == uuid.Nil {
		return page, nil
	}
	rows, err := s.store.Q.ListNotifications(c.Ctx, dbq.ListNotificationsParams{OrgID: c.Actor.OrgID, UnreadOnly: req.Unread, Limit: limit, Offset: offset})
	if err != nil {
		return page, err
	}
	page.Total, err = s.store.Q.CountNotifications(c.Ctx, dbq.CountNotificationsParams{OrgID: c.Actor.OrgID, UnreadOnly: req.Unread})
	for _, r := range rows {
		n := NotificationView{ID: r.ID, Kind: r.Kind, Title: r.TitleZh, Body: r.BodyZh, Link: r.Link, ReadAt: r.ReadAt, CreatedAt: r.CreatedAt}
		if c.Lang == "en" {
			n.Title, n.Body = r.TitleEn, r.BodyEn
		}
		page.Items = append(page.Items, n)
	}
	return page, err
}

type UnreadCount struct {
	Count int64 `json:"count"`
}

func (s *Server) unreadCount(c *Call, _ *struct{}) (UnreadCount, error) {
	if c.Actor.OrgID == uuid.Nil {
		return UnreadCount{}, nil
	}
	n, err := s.store.Q.CountNotifications(c.Ctx, dbq.CountNotificationsParams{OrgID: c.Actor.OrgID, UnreadOnly: true})
	return UnreadCount{n}, err
}

func (s *Server) markRead(c *Call, req *IDParam) (NoContent, error) {
	id, err := req.uuid()
	if err != nil {
		return NoContent{}, err
	}
	n, err := s.store.Q.MarkNotificationRead(c.Ctx, dbq.MarkNotificationReadParams{ID: id, OrgID: c.Actor.OrgID})
	if err == nil && n == 0 {
		err = market.ErrNotFound
	}
	return NoContent{}, err
}

func (s *Server) markAllRead(c *Call, _ *struct{}) (NoContent, error) {
	return NoContent{}, s.store.Q.MarkAllNotificationsRead(c.Ctx, c.Actor.OrgID)
}
