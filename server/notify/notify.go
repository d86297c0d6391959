// Package notify tells organisations what happened: typed kinds with their
// Chinese and English text in one table (kinds.go), written as in-app
// notifications in the transaction of the change and, for kinds that say
// so, mailed to every member after commit (a River job).
package notify

import (
	"context"
	"fmt"
	"strings"
	"text/template"
	"time"

	"github.com/google/uuid"

	"doorstep/server/events"
	"doorstep/server/market"
	"doorstep/server/store"
)

// Notice is one notification to an organisation.
type Notice struct {
	Org  uuid.UUID
	Kind Kind
	Data Data
	Link string // an app path such as /orders/{id}
}

// funcs are what templates may call: money and counts written as the
// pages write them ("¥3,600.00", "3,995").
var funcs = template.FuncMap{"money": market.FormatFen, "count": market.FormatCount}

var parsed = func() map[Kind][4]*template.Template {
	out := make(map[Kind][4]*template.Template, len(templates))
	for k, t := range templates {
		var ts [4]*template.Template
		for i, s := range []string{t.TitleZH, t.TitleEN, t.BodyZH, t.BodyEN} {
			ts[i] = template.Must(template.New(string(k)).Option("missingkey=error").Funcs(funcs).Parse(s))
		}
		out[k] = ts
	}
	return out
}()

// Render fills the kind's text in both languages.
func Render(n Notice) (store.Notification, error) {
	ts, ok := parsed[n.Kind]
	if !ok {
		return store.Notification{}, fmt.Errorf("notify: unknown kind %q", n.Kind)
	}
	var out [4]string
	for i, t := range ts {
		var b strings.Builder
		if err := t.Execute(&b, n.Data); err != nil {
			return store.Notification{}, err
		}
		out[i] = strings.TrimSpace(b.String())
	}
	return store.Notification{OrgID: n.Org, Kind: string(n.Kind), TitleZH: out[0], TitleEN: out[1],
		BodyZH: out[2], BodyEN: out[3], Link: n.Link}, nil
}

// Send writes the notification in db's transaction and, when its kind is
// mailed, publishes the mail job with it.
func Send(ctx context.Context, db *store.DB, n Notice) error {
	row, err := Render(n)
	if err != nil {
		return err
	}
	id, err := db.InsertNotification(ctx, row)
	if err != nil {
		return err
	}
	if templates[n.Kind].Mail {
		return db.Emit(events.NotificationMailed{NotificationID: id})
	}
	return nil
}

// Mailed reports whether a kind is also sent by mail.
func Mailed(k Kind) bool { return templates[k].Mail }

// SendCoalesced is Send for a talking thread: a notice that follows an
// unread one of the same kind and link within window joins it (the newest
// text, "共 N 条新消息") instead of adding a notice and a mail, so fifty
// messages in a few minutes reach the other party once. A zero window
// sends every notice on its own.
func SendCoalesced(ctx context.Context, db *store.DB, n Notice, window time.Duration) error {
	if window <= 0 {
		return Send(ctx, db, n)
	}
	prev, err := db.RecentUnreadNotification(ctx, store.RecentUnreadNotificationParams{OrgID: n.Org, Kind: string(n.Kind),
		Link: n.Link, WindowSeconds: window.Seconds()})
	if store.IsNoRows(err) {
		return Send(ctx, db, n)
	}
	if err != nil {
		return err
	}
	row, err := Render(n)
	if err != nil {
		return err
	}
	repeats := prev.Repeats + 1
	return db.ExtendNotification(ctx, store.ExtendNotificationParams{ID: prev.ID, Repeats: repeats,
		TitleZh: row.TitleZH, TitleEn: row.TitleEN,
		BodyZh: fmt.Sprintf("共 %d 条新消息，最新一条：%s", repeats, row.BodyZH),
		BodyEn: fmt.Sprintf("%d new messages; the latest: %s", repeats, row.BodyEN)})
}
