package jobs

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"
	"github.com/riverqueue/river"

	"doorstep/server/events"
	"doorstep/server/mail"
	"doorstep/server/notify"
	"doorstep/server/store"
	"doorstep/server/store/storetest"
)

// sentMails records what a worker sends. (The SMTP mailer itself is tested
// against a real SMTP server in server/mail.)
type sentMails struct {
	mu  sync.Mutex
	out []mail.Message
}

func (s *sentMails) Send(_ context.Context, m mail.Message) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.out = append(s.out, m)
	return nil
}

// A mailed notification kind publishes a mail job with the notification;
// the worker mails every member, in both languages, with the link.
func TestNotificationMail(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, pool := storetest.NewWithPool(t)
	w := createWorkshop(t, st, "owner@example.cn", "碧林花园社区微工厂", "371602", []string{"weaving"})
	err := st.Tx(ctx, func(db *store.DB) error {
		return notify.Send(ctx, db, notify.Notice{Org: w.ID, Kind: notify.OrgVerified, Data: notify.Data{Org: w.Name}, Link: "/org"})
	})
	if err != nil {
		t.Fatal(err)
	}
	var id uuid.UUID
	if err := pool.QueryRow(ctx, "SELECT (args->>'notification_id')::uuid FROM river_job WHERE kind = 'mail_notification'").Scan(&id); err != nil {
		t.Fatalf("no mail job: %v", err)
	}
	sent := &sentMails{}
	worker := &MailNotificationWorker{Store: st, Mailer: sent, BaseURL: "https://doorstep.test"}
	if err := worker.Work(ctx, &river.Job[events.MailNotification]{Args: events.MailNotification{NotificationID: id}}); err != nil {
		t.Fatal(err)
	}
	if len(sent.out) != 1 {
		t.Fatalf("sent %d mails, want 1", len(sent.out))
	}
	m := sent.out[0]
	if m.To != "owner@example.cn" || !strings.Contains(m.Subject, "已通过平台认证") ||
		!strings.Contains(m.Body, "is now verified") || !strings.Contains(m.Body, "https://doorstep.test/org") {
		t.Fatalf("mail: %+v", m)
	}
	// An in-app-only kind publishes no mail job.
	err = st.Tx(ctx, func(db *store.DB) error {
		return notify.Send(ctx, db, notify.Notice{Org: w.ID, Kind: notify.BidNew, Data: notify.Data{Org: "x", Order: "y", Quantity: 1}})
	})
	var n int
	if err != nil || pool.QueryRow(ctx, "SELECT count(*) FROM river_job WHERE kind = 'mail_notification'").Scan(&n) != nil || n != 1 {
		t.Fatalf("mail jobs after an in-app notification: %d (%v)", n, err)
	}
}
