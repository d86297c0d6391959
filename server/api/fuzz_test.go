package api_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"doorstep/server/api"
)

// FuzzDecode sends arbitrary JSON bodies to every route of the route table
// that takes one, as each kind of caller, against a real database, and
// asserts the server never answers 5xx: whatever a client sends is either
// accepted or refused as the client's fault (issue 15.1). Run it with
//
//	go test -run '^$' -fuzz FuzzDecode -fuzztime 30s ./server/api/
//
// Without -fuzz, `go test` runs the seed corpus below.
func FuzzDecode(f *testing.F) {
	fx := newBiddingFixture(f)
	bid := fx.bid("workshop", bidBody(1000, 150), 201).str("id")
	report := fx.mustStatus(req{method: "POST", path: "/api/v1/orders/" + fx.orderID + "/reports", token: fx.as["workshop2"].token,
		body: map[string]string{"reason": "other"}}, 201).str("id")
	ids := map[string]string{"/orders/": fx.orderID, "/moderation/orders/": fx.orderID, "/bids/": bid,
		"/moderation/reports/": report, "/orgs/": fx.as["owner"].orgID, "/notifications/": bid, "/invitations/": "no-such-token"}
	var routes []api.Route
	for _, r := range api.NewServerForDocs().Routes() {
		// Logging out would end the caller's session for every later input.
		if r.Method != http.MethodGet && r.Path != "/api/v1/auth/logout" {
			routes = append(routes, r)
		}
	}
	roles := []string{"anon", "owner", "workshop", "moderator", "admin"}
	for i := range routes {
		for _, body := range []string{`{}`, `{"reason":"x","note":"\u0000","message":"a\nb"}`, `{"name":"\u0001","org":{"name":"\u0000"}}`,
			`{"quantity":1e99,"unit_price":-1,"tags":["\u0000"],"quality":{"criteria":"\u0000"}}`, `null`, `{}{}`, `[1,2]`, "{\"email\":\"\xff\"}"} {
			f.Add(uint8(i), uint8(i%len(roles)), []byte(body))
		}
	}
	f.Fuzz(func(t *testing.T, routeN, roleN uint8, body []byte) {
		r := routes[int(routeN)%len(routes)]
		path := r.Path
		for prefix, id := range ids {
			path = strings.Replace(path, prefix+":id", prefix+id, 1)
			path = strings.Replace(path, prefix+":token", prefix+id, 1)
		}
		hr := httptest.NewRequest(r.Method, path, bytes.NewReader(body))
		hr.Header.Set("Content-Type", "application/json")
		if tok := fx.as[roles[int(roleN)%len(roles)]].token; tok != "" {
			hr.Header.Set("Authorization", "Bearer "+tok)
		}
		res, err := fx.app.Test(hr, -1)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(res.Body)
		if res.StatusCode >= 500 {
			t.Fatalf("%s %s %q: status %d: %s", r.Method, path, body, res.StatusCode, raw)
		}
	})
}
