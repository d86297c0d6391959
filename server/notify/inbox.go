package notify

import (
	"context"
	"time"

	"github.com/google/uuid"

	"doorstep/server/market"
	"doorstep/server/store"
)

// Inbox reads and marks an organisation's notifications. Notifications
// belong to an organisation: every member sees them. Staff have none yet.
type Inbox struct{ Store *store.Store }

// NotificationView is one notification in the reader's language.
type NotificationView struct {
	ID        uuid.UUID  `json:"id"`
	Kind      string     `json:"kind"`
	Title     string     `json:"title"`
	Body      string     `json:"body"`
	Link      string     `json:"link"`
	ReadAt    *time.Time `json:"read_at"`
	CreatedAt time.Time  `json:"created_at"`
}

// List reads the actor's organisation's notifications, newest first.
func (in *Inbox) List(ctx context.Context, a *market.Actor, unreadOnly bool, lang string, pq market.PageQuery) (market.Page[NotificationView], error) {
	limit, offset, err := pq.Limits()
	if err != nil {
		return market.Page[NotificationView]{}, err
	}
	page := market.NewPage[NotificationView](pq, 0, nil)
	if a.OrgID == uuid.Nil {
		return page, nil
	}
	db := in.Store.DB()
	rows, err := db.ListNotifications(ctx, store.ListNotificationsParams{OrgID: a.OrgID, UnreadOnly: unreadOnly, Limit: limit, Offset: offset})
	if err != nil {
		return page, err
	}
	page.Total, err = db.CountNotifications(ctx, store.CountNotificationsParams{OrgID: a.OrgID, UnreadOnly: unreadOnly})
	for _, r := range rows {
		n := NotificationView{ID: r.ID, Kind: r.Kind, Title: r.TitleZh, Body: r.BodyZh, Link: r.Link, ReadAt: r.ReadAt, CreatedAt: r.CreatedAt}
		if lang == "en" {
			n.Title, n.Body = r.TitleEn, r.BodyEn
		}
		page.Items = append(page.Items, n)
	}
	return page, err
}

// Unread counts the actor's organisation's unread notifications.
func (in *Inbox) Unread(ctx context.Context, a *market.Actor) (int64, error) {
	if a.OrgID == uuid.Nil {
		return 0, nil
	}
	return in.Store.DB().CountNotifications(ctx, store.CountNotificationsParams{OrgID: a.OrgID, UnreadOnly: true})
}

// MarkRead marks one of the actor's organisation's notifications read;
// anyone else's is not found.
func (in *Inbox) MarkRead(ctx context.Context, a *market.Actor, id uuid.UUID) error {
	n, err := in.Store.DB().MarkNotificationRead(ctx, store.MarkNotificationReadParams{ID: id, OrgID: a.OrgID})
	if err == nil && n == 0 {
		err = market.ErrNotFound
	}
	return err
}

// MarkAllRead marks every notification of the actor's organisation read.
func (in *Inbox) MarkAllRead(ctx context.Context, a *market.Actor) error {
	return in.Store.DB().MarkAllNotificationsRead(ctx, a.OrgID)
}
