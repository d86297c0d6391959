package api_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"doorstep/server/config"
)

// Caps on what one party can make the platform send (issue 25): probing
// found 50 contract messages made 50 notices and 50 mails, one IP could
// send 30 reset mails to one address, and an owner could invite anyone,
// any number of times.

// TestContractMessagesCoalesce: a thread's messages within the window join
// the other party's one unread notice (and its one mail); once read, the
// next message is a new notice.
func TestContractMessagesCoalesce(t *testing.T) {
	t.Parallel()
	f := newActiveContract(t)
	k := "/contracts/" + f.contractID + "/messages"
	mails := func() (n int) {
		must(t, f.pool.QueryRow(context.Background(), "SELECT count(*) FROM river_job WHERE kind = 'mail_notification'").Scan(&n))
		return n
	}
	messages := func() (out []map[string]any) {
		r := f.mustStatus(req{method: "GET", path: "/api/v1/notifications", token: f.as["owner"].token,
			header: map[string]string{"Accept-Language": "zh-CN"}}, 200)
		items, _ := r.field("items").([]any)
		for _, x := range items {
			if n := x.(map[string]any); n["kind"] == "contract.message" {
				out = append(out, n)
			}
		}
		return out
	}
	before := mails()
	for i := 1; i <= 5; i++ {
		f.post("workshop", k, map[string]any{"body": fmt.Sprintf("第%d批什么时候到？", i)}, 201)
	}
	got := messages()
	if len(got) != 1 {
		t.Fatalf("5 messages made %d notices, want 1", len(got))
	}
	if body := got[0]["body"]; body != "共 5 条新消息，最新一条：第5批什么时候到？" {
		t.Fatalf("the notice reads %q", body)
	}
	if n := mails() - before; n != 1 {
		t.Fatalf("5 messages queued %d mails, want 1", n)
	}
	// The company's reply is the workshop's own notice, not the company's.
	f.post("owner", k, map[string]any{"body": "明天上午到"}, 201)
	if len(messages()) != 1 {
		t.Fatal("a reply joined the replier's own notice")
	}
	// Read: the next message is news again.
	f.mustStatus(req{method: "POST", path: "/api/v1/notifications/" + got[0]["id"].(string) + "/read", token: f.as["owner"].token}, 204)
	f.post("workshop", k, map[string]any{"body": "收到，谢谢"}, 201)
	if got := messages(); len(got) != 2 || got[0]["body"] != "收到，谢谢" {
		t.Fatalf("after reading, want a new notice with the message: %v", got)
	}
}

// TestResetMailsCappedPerAddress: at most RESET_LIMIT_PER_ADDRESS mails an
// hour to one address, whoever asks and whether or not it has an account
// (the answer must not tell which addresses do).
func TestResetMailsCappedPerAddress(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.registerCompany("owner@a.cn")
	reset := func(email string) resp {
		return e.do(req{method: "POST", path: "/api/v1/auth/password-reset", body: map[string]string{"email": email}})
	}
	for i := 0; i < 3; i++ {
		if r := reset("Owner@A.cn"); r.status != 202 {
			t.Fatalf("reset %d: %d %s", i+1, r.status, r.raw)
		}
	}
	r := reset("owner@a.cn")
	if r.status != 429 || r.str("error.code") != "rate_limited" || r.header.Get("Retry-After") == "" {
		t.Fatalf("4th reset to one address: %d %s", r.status, r.raw)
	}
	if len(e.mail.sent) != 3 {
		t.Fatalf("%d mails, want 3", len(e.mail.sent))
	}
	for i := 0; i < 3; i++ {
		reset("nobody@a.cn")
	}
	if r := reset("nobody@a.cn"); r.status != 429 {
		t.Fatalf("an address with no account must answer as one with: %d", r.status)
	}
	e.registerCompany("owner@b.cn")
	if r := reset("owner@b.cn"); r.status != 202 || len(e.mail.sent) != 4 {
		t.Fatalf("another address: %d, %d mails", r.status, len(e.mail.sent))
	}
}

// TestInvitationsCappedPerOrg: an organisation sends at most
// INVITE_LIMIT_PER_ORG invitations a day; refused ones do not count, and
// another organisation is not held up.
func TestInvitationsCappedPerOrg(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *config.Config) { c.InviteLimitPerOrg = 3 })
	a := e.registerWorkshop("coord@w.cn")
	invite := func(who account, email string) resp {
		return e.do(req{method: "POST", path: "/api/v1/orgs/" + who.orgID + "/invitations", token: who.token, body: map[string]string{"email": email},
			header: map[string]string{"Accept-Language": "zh-CN"}})
	}
	if r := invite(a, "not-an-email"); r.status != 400 {
		t.Fatalf("bad address: %d", r.status)
	}
	for i := 0; i < 3; i++ {
		if r := invite(a, fmt.Sprintf("helper%d@w.cn", i)); r.status != 201 {
			t.Fatalf("invitation %d: %d %s", i+1, r.status, r.raw)
		}
	}
	r := invite(a, "helper9@w.cn")
	if r.status != 429 || !strings.Contains(r.str("error.message"), "今天已发出 3 个邀请") || r.header.Get("Retry-After") == "" {
		t.Fatalf("4th invitation: %d %s", r.status, r.raw)
	}
	var pending int
	must(t, e.pool.QueryRow(context.Background(), "SELECT count(*) FROM invitations WHERE org_id = $1", a.orgID).Scan(&pending))
	if pending != 3 {
		t.Fatalf("%d invitations stored, want 3", pending)
	}
	b := e.registerCompany("owner@c.cn")
	if r := invite(b, "clerk@c.cn"); r.status != 201 {
		t.Fatalf("another organisation: %d", r.status)
	}
}
