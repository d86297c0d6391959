// Package mail sends transactional mail: SMTP in production, the log in
// development (so links such as password resets can be followed locally).
package mail

import (
	"context"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"strconv"
	"strings"
	"time"
)

// Message is one plain-text mail.
type Message struct {
	To, Subject, Body string
}

// Mailer delivers messages.
type Mailer interface {
	Send(ctx context.Context, m Message) error
}

// LogMailer writes mails to the log instead of sending them.
type LogMailer struct{ log *slog.Logger }

func NewLogMailer(l *slog.Logger) *LogMailer { return &LogMailer{log: l} }

func (l *LogMailer) Send(ctx context.Context, m Message) error {
	l.log.InfoContext(ctx, "mail (development: written to the log, not sent)", "to", m.To, "subject", m.Subject, "body", m.Body)
	return nil
}

// SMTPMailer sends through an SMTP server (STARTTLS when offered).
type SMTPMailer struct {
	Host, User, Password, From string
	Port                       int
}

func (s *SMTPMailer) Send(ctx context.Context, m Message) error {
	from, err := mail.ParseAddress(s.From)
	if err != nil {
		return fmt.Errorf("MAIL_FROM: %w", err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMIME-Version: 1.0\r\n",
		from.String(), m.To, mime.BEncoding.Encode("UTF-8", m.Subject), time.Now().Format(time.RFC1123Z))
	b.WriteString("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
	b.WriteString(strings.ReplaceAll(m.Body, "\n", "\r\n"))
	var a smtp.Auth
	if s.User != "" {
		a = smtp.PlainAuth("", s.User, s.Password, s.Host)
	}
	done := make(chan error, 1)
	go func() {
		done <- smtp.SendMail(net.JoinHostPort(s.Host, strconv.Itoa(s.Port)), a, from.Address, []string{m.To}, []byte(b.String()))
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
