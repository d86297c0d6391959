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
