package jobs

import (
	"context"
	"errors"
	"strings"

	"github.com/riverqueue/river"

	"doorstep/server/events"
	"doorstep/server/mail"
	"doorstep/server/store"
)

// MailNotificationWorker mails a notification to every member of its
// organisation, in Chinese and English (members have no stored language).
// SMTP has no idempotency, so a retry after a partial failure may repeat a
// mail to someone who got it; the job is retried only a few times.
type MailNotificationWorker struct {
	river.WorkerDefaults[events.MailNotification]
	Store   *store.Store
	Mailer  mail.Mailer
	BaseURL string
}

func (w *MailNotificationWorker) Work(ctx context.Context, job *river.Job[events.MailNotification]) error {
	db := w.Store.DB()
	n, err := db.NotificationByID(ctx, job.Args.NotificationID)
	if store.IsNoRows(err) {
		return nil
	}
	if err != nil {
		return err
	}
	members, err := db.MemberEmails(ctx, n.OrgID)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(n.TitleZh + "\n")
	if n.BodyZh != "" {
		b.WriteString(n.BodyZh + "\n")
	}
	b.WriteString("\n" + n.TitleEn + "\n")
	if n.BodyEn != "" {
		b.WriteString(n.BodyEn + "\n")
	}
	if n.Link != "" {
		b.WriteString("\n" + w.BaseURL + n.Link + "\n")
	}
	b.WriteString("\n—— 家门口 Doorstep\n")
	var errs []error
	for _, m := range members {
		errs = append(errs, w.Mailer.Send(ctx, mail.Message{To: m.Email, Subject: "家门口 Doorstep：" + n.TitleZh, Body: b.String()}))
	}
	return errors.Join(errs...)
}
