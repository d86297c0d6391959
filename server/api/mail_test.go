package api_test

import (
	"context"
	"strings"
	"testing"

	"doorstep/server/api"
	"doorstep/server/auth"
	"doorstep/server/jobs"
	"doorstep/server/mail"
	"doorstep/server/mail/mailtest"
	"doorstep/server/workflows/workflowstest"
)

// newSMTPEnv is newEnv with the production mailer (mail.SMTPMailer) talking
// to a real SMTP server on a loopback port instead of the capture fake.
func newSMTPEnv(t *testing.T) (*env, *mailtest.Server) {
	srv := mailtest.New(t)
	e := newEnv(t)
	fast := auth.Params{MemoryKiB: 1024, Time: 1, Threads: 1}
	e.app = api.New(api.Options{Config: e.cfg, Store: e.st, Hash: &fast, Logger: testLogger(t),
		Mailer: &mail.SMTPMailer{Host: srv.Host, Port: srv.Port, From: "家门口 Doorstep <noreply@doorstep.test>"}})
	return e, srv
}

// received reads one delivered mail: its recipient (envelope and header must
// agree), decoded subject, body and the link it carries.
func received(t *testing.T, srv *mailtest.Server, linkPrefix string) (to, subject, body, token string) {
	t.Helper()
	m := srv.Next(t)
	h, body := m.Parse(t)
	addrs, err := h.AddressList("To")
	if err != nil || len(addrs) != 1 || len(m.To) != 1 || addrs[0].Address != m.To[0] {
		t.Fatalf("recipient: envelope %v, header %q (%v)", m.To, h.Get("To"), err)
	}
	if !strings.Contains(body, linkPrefix) {
		t.Fatalf("no %s link in:\n%s", linkPrefix, body)
	}
	return m.To[0], mailtest.Decoded(t, h, "Subject"), body, tokenFrom(t, body)
}

// TestPasswordResetMailOverSMTP: the reset mail arrives over SMTP at the
// account's address with its subject and a link that resets the password.
func TestPasswordResetMailOverSMTP(t *testing.T) {
	t.Parallel()
	e, srv := newSMTPEnv(t)
	e.registerCompany("owner@a.cn")
	// Mail is sent before the request answers, so by now an unknown address would have had one.
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/password-reset", body: map[string]string{"email": "nobody@a.cn"}}, 202)
	if n := srv.Pending(); n != 0 {
		t.Fatalf("%d mails sent for an unknown address", n)
	}
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/password-reset", body: map[string]string{"email": " Owner@A.cn "}}, 202)
	to, subject, body, tok := received(t, srv, "http://doorstep.test/reset-password?token=")
	if to != "owner@a.cn" || subject != "家门口 Doorstep：重置密码 / Reset your password" || !strings.Contains(body, "您好 赵丽") {
		t.Fatalf("reset mail to %q, subject %q:\n%s", to, subject, body)
	}
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/password-reset/confirm", body: map[string]string{"token": tok, "password": "brand-new-password"}}, 204)
	e.mustStatus(req{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": "owner@a.cn", "password": "brand-new-password"}}, 200)
}

// TestInvitationMailOverSMTP: an organisation's member invitation arrives
// over SMTP at the invited address, names the organisation, and its link
// creates the member's account.
func TestInvitationMailOverSMTP(t *testing.T) {
	t.Parallel()
	e, srv := newSMTPEnv(t)
	w := e.registerWorkshop("coord@w.cn")
	e.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + w.orgID + "/invitations", token: w.token, body: map[string]string{"email": "Helper@W.cn"}}, 201)
	to, subject, body, tok := received(t, srv, "http://doorstep.test/invite?token=")
	if to != "helper@w.cn" || subject != "家门口 Doorstep：碧林花园社区微工厂 邀请您加入 / invitation" ||
		!strings.Contains(body, "王军 邀请您加入「碧林花园社区微工厂」") {
		t.Fatalf("invitation to %q, subject %q:\n%s", to, subject, body)
	}
	info := e.mustStatus(req{method: "GET", path: "/api/v1/invitations/" + tok}, 200)
	if info.str("email") != "helper@w.cn" || info.str("org_name") != "碧林花园社区微工厂" {
		t.Fatalf("invitation behind the link: %s", info.raw)
	}
	r := e.mustStatus(req{method: "POST", path: "/api/v1/invitations/accept",
		body: map[string]string{"token": tok, "name": "花修朵", "password": "helper-password", "phone": "13900001111"}}, 201)
	if r.str("org.id") != w.orgID {
		t.Fatalf("joined %s", r.raw)
	}
	members := e.mustStatus(req{method: "GET", path: "/api/v1/orgs/" + w.orgID + "/members", token: w.token}, 200)
	if !strings.Contains(members.raw, "helper@w.cn") || srv.Pending() != 0 {
		t.Fatalf("members %s; %d more mails", members.raw, srv.Pending())
	}
}

// TestVerificationMailedOverSMTP: verifying an organisation and removing
// its badge each reach its members by mail, end to end: the staff action
// writes the notification and its mail job in one transaction, the River
// mail worker picks the job up and the production SMTP mailer delivers it
// to a real SMTP server (issue 15.15).
func TestVerificationMailedOverSMTP(t *testing.T) {
	t.Parallel()
	srv := mailtest.New(t)
	e := newEnv(t)
	w := e.registerWorkshop("coord@w.cn")
	mod := e.staff("mod@doorstep.cn", "moderator")
	workers, err := jobs.NewClient(e.pool, jobs.Deps{Store: e.st, Workflows: workflowstest.New(t, e.st), Log: testLogger(t), BaseURL: "http://doorstep.test", NoPeriodicJobs: true,
		Mailer: &mail.SMTPMailer{Host: srv.Host, Port: srv.Port, From: "家门口 Doorstep <noreply@doorstep.test>"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := workers.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = workers.Stop(context.Background()) }()

	for _, c := range []struct {
		verified      bool
		note, subject string
		body          []string
	}{
		{true, "资料齐全，已实地走访", "家门口 Doorstep：碧林花园社区微工厂 已通过平台认证", []string{"资料齐全，已实地走访", "is now verified"}},
		{false, "社区担保函已过期", "家门口 Doorstep：碧林花园社区微工厂 的平台认证已被取消", []string{"社区担保函已过期", "is no longer verified"}},
	} {
		e.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + w.orgID + "/verify", token: mod.token,
			body: map[string]any{"verified": c.verified, "note": c.note}}, 200)
		m := srv.Next(t)
		h, body := m.Parse(t)
		if len(m.To) != 1 || m.To[0] != "coord@w.cn" || mailtest.Decoded(t, h, "Subject") != c.subject {
			t.Fatalf("mail to %v, subject %q", m.To, mailtest.Decoded(t, h, "Subject"))
		}
		for _, want := range append(c.body, "http://doorstep.test/org") {
			if !strings.Contains(body, want) {
				t.Fatalf("mail body lacks %q:\n%s", want, body)
			}
		}
	}
}
