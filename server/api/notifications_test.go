package api_test

import (
	"testing"
)

// notifications lists an account's notifications (its organisation's).
func (f *fixture) notifications(as string) []map[string]any {
	f.t.Helper()
	r := f.mustStatus(req{method: "GET", path: "/api/v1/notifications", token: f.as[as].token}, 200)
	var out []map[string]any
	for i := 0; item(r, "items", i) != nil; i++ {
		out = append(out, item(r, "items", i))
	}
	return out
}

func (f *fixture) unread(as string) float64 {
	f.t.Helper()
	n, _ := f.mustStatus(req{method: "GET", path: "/api/v1/notifications/unread-count", token: f.as[as].token}, 200).field("count").(float64)
	return n
}

// byKind is the first notification of a kind, or nil.
func byKind(ns []map[string]any, kind string) map[string]any {
	for _, n := range ns {
		if n["kind"] == kind {
			return n
		}
	}
	return nil
}

// TestMarkNotificationRead: POST /notifications/{id}/read marks one of the
// caller's organisation's notifications read, for every member, once; another
// organisation's notification is not found and stays unread.
func TestMarkNotificationRead(t *testing.T) {
	t.Parallel()
	f := newBiddingFixture(t) // company A was told it was verified and its order approved
	f.mustStatus(req{method: "POST", path: "/api/v1/orders/" + f.orderID + "/invitations", token: f.as["owner"].token,
		body: map[string]any{"workshop_id": f.as["workshop"].orgID}}, 201) // the workshop is told it was invited
	f.bid("workshop2", bidBody(1000, 150), 201) // company A is told about the bid

	approved := byKind(f.notifications("owner"), "order.approved")
	invited := byKind(f.notifications("workshop"), "bid.invited")
	if approved == nil || invited == nil || approved["read_at"] != nil || invited["read_at"] != nil {
		t.Fatalf("notifications to start from: %v, %v", approved, invited)
	}
	ownerUnread, workshopUnread := f.unread("owner"), f.unread("workshop")
	// The workshop was also told it was verified (only verified workshops can be awarded).
	if ownerUnread != 3 || workshopUnread != 2 {
		t.Fatalf("unread: company %v, workshop %v; want 3, 2", ownerUnread, workshopUnread)
	}
	read := func(as, id string, want int) {
		t.Helper()
		f.mustStatus(req{method: "POST", path: "/api/v1/notifications/" + id + "/read", token: f.as[as].token}, want)
	}

	// Another organisation's notification: not found, for a company, a member
	// of it, another workshop and staff (who have no organisation); it stays unread.
	for _, as := range []string{"owner", "member", "other", "workshop2", "moderator"} {
		read(as, invited["id"].(string), 404)
	}
	read("workshop", approved["id"].(string), 404)
	read("anon", invited["id"].(string), 401)
	read("owner", "not-a-uuid", 404)
	read("owner", "00000000-0000-0000-0000-000000000000", 404)
	if n := byKind(f.notifications("workshop"), "bid.invited"); n["read_at"] != nil || f.unread("workshop") != workshopUnread {
		t.Fatalf("another organisation marked the workshop's notification read: %v", n)
	}
	if n := byKind(f.notifications("owner"), "order.approved"); n["read_at"] != nil || f.unread("owner") != ownerUnread {
		t.Fatalf("the workshop marked the company's notification read: %v", n)
	}

	// A member marks the company's notification read: read for the whole
	// organisation, the other one stays unread.
	read("member", approved["id"].(string), 204)
	ns := f.notifications("owner")
	readAt := byKind(ns, "order.approved")["read_at"]
	if readAt == nil || byKind(ns, "bid.new")["read_at"] != nil || f.unread("owner") != ownerUnread-1 {
		t.Fatalf("after marking one read: %v", ns)
	}
	// Marking it again changes nothing (read_at keeps the first time).
	read("owner", approved["id"].(string), 204)
	if again := byKind(f.notifications("owner"), "order.approved")["read_at"]; again != readAt || f.unread("owner") != ownerUnread-1 {
		t.Fatalf("marked twice: read_at %v, then %v", readAt, again)
	}
	// The workshop marks its own.
	read("workshop", invited["id"].(string), 204)
	if f.unread("workshop") != workshopUnread-1 {
		t.Fatal("the workshop's notification is still unread")
	}
}

// notificationsRoutes: an organisation's inbox. Company B is told it was
// verified; company A cannot read or mark B's notices.
func notificationsRoutes() routeTable {
	unread := func(w *world, r resp) {
		if num(r, "count") < 1 {
			w.t.Errorf("nothing unread: %s", r.raw)
		}
	}
	return routeTable{name: "notifications", scenarios: []scenario{
		{as: "moderator", method: "POST", url: "/api/v1/orgs/{B}/verify", body: map[string]any{"verified": true}, want: 200, notified: []string{"other:org.verified"}},
		{method: "GET", url: "/api/v1/notifications", want: 401},
		{as: "other", method: "GET", url: "/api/v1/notifications", want: 200, fragments: []string{`"kind":"org.verified"`, `"read_at":null`},
			save: map[string]string{"n": "items.0.id"}},
		{as: "owner", method: "GET", url: "/api/v1/notifications", want: 200, absent: []string{"{n}"}},
		{method: "GET", url: "/api/v1/notifications/unread-count", want: 401},
		{as: "other", method: "GET", url: "/api/v1/notifications/unread-count", want: 200, check: unread},
		{method: "POST", url: "/api/v1/notifications/{n}/read", want: 401},
		{as: "owner", method: "POST", url: "/api/v1/notifications/{n}/read", want: 404},
		{as: "other", method: "POST", url: "/api/v1/notifications/{n}/read", want: 204},
		{as: "other", method: "GET", url: "/api/v1/notifications?unread=true", want: 200, absent: []string{"{n}"}},
		{method: "POST", url: "/api/v1/notifications/read-all", want: 401},
		{as: "moderator", method: "POST", url: "/api/v1/orgs/{B}/verify", body: map[string]any{"verified": false, "note": "营业执照过期"}, want: 200,
			notified: []string{"other:org.unverified"}},
		{as: "other", method: "GET", url: "/api/v1/notifications/unread-count", want: 200, check: unread},
		{as: "other", method: "POST", url: "/api/v1/notifications/read-all", want: 204},
		{as: "other", method: "GET", url: "/api/v1/notifications/unread-count", want: 200, fragments: []string{`"count":0`}},
	}}
}
