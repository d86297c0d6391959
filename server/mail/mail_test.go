package mail_test

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"slices"
	"strings"
	"testing"
	"time"

	"doorstep/server/mail"
	"doorstep/server/mail/mailtest"
)

const from = "家门口 Doorstep <noreply@doorstep.test>"

// TestSMTPMailerSendsUTF8: the production mailer, speaking SMTP to a real
// server, sends the envelope to the bare addresses, headers that are plain
// ASCII with the Chinese subject and sender name encoded, and the UTF-8 body
// byte for byte with CRLF line ends (a line of a single dot survives).
func TestSMTPMailerSendsUTF8(t *testing.T) {
	t.Parallel()
	srv := mailtest.New(t)
	m := &mail.SMTPMailer{Host: srv.Host, Port: srv.Port, From: from}
	body := "您好 赵丽：\n\n请在1小时内打开以下链接设置新密码：\nhttp://doorstep.test/reset-password?token=abc_DEF-123\n.\n..两个点开头\n"
	for _, subject := range []string{
		"家门口 Doorstep：重置密码 / Reset your password",
		"家门口 Doorstep：" + strings.Repeat("碧林花园社区微工厂", 6) + " 邀请您加入 / invitation", // longer than one encoded word
	} {
		sent := time.Now()
		if err := m.Send(context.Background(), mail.Message{To: "zhao@xinyuan.cn", Subject: subject, Body: body}); err != nil {
			t.Fatal(err)
		}
		got := srv.Next(t)
		if got.From != "noreply@doorstep.test" || !slices.Equal(got.To, []string{"zhao@xinyuan.cn"}) || got.User != "" {
			t.Fatalf("envelope: from %q to %q user %q", got.From, got.To, got.User)
		}
		raw := string(got.Data)
		head := raw[:strings.Index(raw, "\r\n\r\n")]
		for i := 0; i < len(head); i++ {
			if head[i] >= 0x80 {
				t.Fatalf("raw 8-bit byte in the headers:\n%s", head)
			}
		}
		if strings.Contains(strings.ReplaceAll(raw, "\r\n", ""), "\n") {
			t.Fatalf("bare LF in the message:\n%q", raw)
		}
		h, gotBody := got.Parse(t)
		if s := mailtest.Decoded(t, h, "Subject"); s != subject {
			t.Errorf("subject %q, want %q (raw %q)", s, subject, h.Get("Subject"))
		}
		if !strings.HasPrefix(h.Get("Subject"), "=?UTF-8?b?") {
			t.Errorf("subject not B-encoded: %q", h.Get("Subject"))
		}
		if a, err := h.AddressList("From"); err != nil || len(a) != 1 || a[0].Name != "家门口 Doorstep" || a[0].Address != "noreply@doorstep.test" {
			t.Errorf("From %q: %v %v", h.Get("From"), a, err)
		}
		if a, err := h.AddressList("To"); err != nil || len(a) != 1 || a[0].Address != "zhao@xinyuan.cn" {
			t.Errorf("To %q: %v %v", h.Get("To"), a, err)
		}
		if d, err := h.Date(); err != nil || d.Before(sent.Add(-2*time.Second)) || d.After(time.Now().Add(time.Second)) {
			t.Errorf("Date %q: %v", h.Get("Date"), err)
		}
		for k, want := range map[string]string{"MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
			"Content-Transfer-Encoding": "8bit"} {
			if h.Get(k) != want {
				t.Errorf("%s: %q, want %q", k, h.Get(k), want)
			}
		}
		if gotBody != body {
			t.Errorf("body:\n%q\nwant\n%q", gotBody, body)
		}
	}
}

// TestSMTPMailerAuthenticates: with a user set the mailer logs in with AUTH
// PLAIN (allowed without TLS only on loopback); wrong credentials fail and
// nothing is delivered.
func TestSMTPMailerAuthenticates(t *testing.T) {
	t.Parallel()
	srv := mailtest.New(t)
	srv.RequireAuth("doorstep", "s3cret")
	msg := mail.Message{To: "a@b.cn", Subject: "测试", Body: "正文"}
	ctx := context.Background()
	if err := (&mail.SMTPMailer{Host: srv.Host, Port: srv.Port, From: from}).Send(ctx, msg); err == nil {
		t.Fatal("sent without logging in to a server that requires it")
	}
	if err := (&mail.SMTPMailer{Host: srv.Host, Port: srv.Port, From: from, User: "doorstep", Password: "wrong"}).Send(ctx, msg); err == nil {
		t.Fatal("sent with a wrong password")
	}
	if err := (&mail.SMTPMailer{Host: srv.Host, Port: srv.Port, From: from, User: "doorstep", Password: "s3cret"}).Send(ctx, msg); err != nil {
		t.Fatal(err)
	}
	if got := srv.Next(t); got.User != "doorstep" || !slices.Equal(got.To, []string{"a@b.cn"}) {
		t.Fatalf("delivered %+v", got)
	}
	if n := srv.Pending(); n != 0 {
		t.Fatalf("%d refused attempts were delivered anyway", n)
	}
}

// TestSMTPMailerErrors: every failure reaches the caller.
func TestSMTPMailerErrors(t *testing.T) {
	t.Parallel()
	srv := mailtest.New(t)
	srv.Refuse("nobody@b.cn")
	msg := mail.Message{To: "nobody@b.cn", Subject: "测试", Body: "正文"}
	ctx := context.Background()
	if err := (&mail.SMTPMailer{Host: srv.Host, Port: srv.Port, From: from}).Send(ctx, msg); err == nil || !strings.Contains(err.Error(), "550") {
		t.Errorf("refused recipient: %v", err)
	}
	if err := (&mail.SMTPMailer{Host: srv.Host, Port: srv.Port, From: "not an address"}).Send(ctx, msg); err == nil || !strings.Contains(err.Error(), "MAIL_FROM") {
		t.Errorf("bad MAIL_FROM: %v", err)
	}

	// Nothing listening.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedPort := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	if err := (&mail.SMTPMailer{Host: "127.0.0.1", Port: closedPort, From: from}).Send(ctx, msg); err == nil {
		t.Error("sent to a closed port")
	}

	// A server that accepts and never answers: the caller's deadline wins.
	hung, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	conns := make(chan net.Conn, 1)
	go func() {
		if c, err := hung.Accept(); err == nil {
			conns <- c
		}
	}()
	t.Cleanup(func() { // lets the mailer's goroutine finish
		hung.Close()
		select {
		case c := <-conns:
			c.Close()
		default:
		}
	})
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	m := &mail.SMTPMailer{Host: "127.0.0.1", Port: hung.Addr().(*net.TCPAddr).Port, From: from}
	if err := m.Send(short, mail.Message{To: "a@b.cn", Subject: "x", Body: "y"}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("hung server: %v", err)
	}
}

// TestLogMailer: development mail goes to the log, link and all.
func TestLogMailer(t *testing.T) {
	var b strings.Builder
	l := mail.NewLogMailer(slog.New(slog.NewTextHandler(&b, nil)))
	if err := l.Send(context.Background(), mail.Message{To: "a@b.cn", Subject: "重置密码", Body: "http://x/reset?token=t"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"a@b.cn", "重置密码", "http://x/reset?token=t"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("log lacks %q: %s", want, b.String())
		}
	}
}
