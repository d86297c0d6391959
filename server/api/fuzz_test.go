package api_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"

	"github.com/google/uuid"

	"doorstep/server/api"
)

// FuzzDecode sends arbitrary JSON bodies to every route of the route table
// that takes one, as each kind of caller, against a real database, and
// asserts the server never answers 5xx: whatever a client sends is either
// accepted or refused as the client's fault (issue 15.1). Every path
// parameter is a real row of fuzzWorld (the fuzzer also picks which of a
// kind's rows, in different states), so a body that decodes reaches the
// route's workflow. Run it with
//
//	go test -run '^$' -fuzz FuzzDecode -fuzztime 30s ./server/api/
//
// Without -fuzz, `go test` runs the seed corpus below.
func FuzzDecode(f *testing.F) {
	w := newFuzzWorld(f)
	var routes []api.Route
	for _, r := range api.NewServerForDocs().Routes() {
		if _, err := w.path(r.Path, 0); err != "" {
			f.Fatalf("%s %s: %s", r.Method, r.Path, err)
		}
		// Logging out would end the caller's session for every later input.
		if r.Method != http.MethodGet && r.Path != "/api/v1/auth/logout" {
			routes = append(routes, r)
		}
	}
	roles := []string{"anon", "owner", "workshop", "workshop2", "moderator", "admin", "finance"}
	bodies := []string{`{}`, `{"reason":"x","note":"\u0000","message":"a\nb"}`, `{"name":"\u0001","org":{"name":"\u0000"}}`,
		`{"quantity":1e99,"unit_price":-1,"tags":["\u0000"],"quality":{"criteria":"\u0000"}}`, `null`, `{}{}`, `[1,2]`, "{\"email\":\"\xff\"}"}
	// Three seeds a route ({} and two odd bodies, each as another caller and
	// row), so the baseline takes seconds of the fuzzing time, not all of it.
	for i := range routes {
		for j, body := range []string{bodies[0], bodies[1+i%7], bodies[1+(i+3)%7]} {
			f.Add(uint8(i), uint8((i+2*j)%len(roles)), uint8(i+j), []byte(body))
		}
	}
	f.Fuzz(func(t *testing.T, routeN, roleN, rowN uint8, body []byte) {
		r := routes[int(routeN)%len(routes)]
		path, _ := w.path(r.Path, int(rowN))
		hr := httptest.NewRequest(r.Method, path, bytes.NewReader(body))
		hr.Header.Set("Content-Type", "application/json")
		if tok := w.as[roles[int(roleN)%len(roles)]].token; tok != "" {
			hr.Header.Set("Authorization", "Bearer "+tok)
		}
		res, err := w.app.Test(hr, -1)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(res.Body)
		if res.StatusCode >= 500 {
			t.Fatalf("%s %s %q: status %d: %s", r.Method, path, body, res.StatusCode, raw)
		}
	})
}

// fuzzWorld is a marketplace with a real row behind every path parameter
// of the route table, built once through the API:
//
//   - K1, the workshop's 1,000 pieces: over-funded (a refund to send),
//     produced by resident R, settled, its pay distributed to R;
//   - K2, workshop2's 1,000 pieces: in production, a delivery inspected with
//     rejections and disputed, a second delivery awaiting inspection;
//   - K3, the workshop's next 1,000 pieces: awaiting funding, its escrow
//     payment pending;
//   - an open bid, a report, a staff synonym group, an unaccepted invitation
//     and notifications.
type fuzzWorld struct {
	*contractFixture
	rows map[string][]string // the path segment before a parameter → its rows
}

func newFuzzWorld(tb testing.TB) *fuzzWorld {
	f := newContractFixture(tb) // K1, awaiting funding
	k1, bid1 := f.contractID, f.bidID
	k := func(id string) string { return "/contracts/" + id }
	fund := func(workshop string) (escrow string) {
		escrow = f.pay("owner", "fund", 201).str("id")
		f.confirm(escrow, 150000, 200)
		f.confirm(f.pay(workshop, "deposit", 201).str("id"), 20000, 200)
		return escrow
	}
	produce := func(workshop string) (dispatch string) {
		dispatch = f.post("owner", k(f.contractID)+"/dispatches", map[string]any{"quantity": 1000, "method": "pickup"}, 201).str("id")
		f.post(workshop, "/dispatches/"+dispatch+"/receive", map[string]any{"quantity": 1000}, 200)
		return dispatch
	}

	// K1: 1,600.00 arrives for 1,500.00 owed, then the whole contract.
	p1 := f.pay("owner", "fund", 201).str("id")
	f.confirm(p1, 160000, 200)
	f.confirm(f.pay("workshop", "deposit", 201).str("id"), 20000, 200)
	d1 := produce("workshop")
	wid := f.as["workshop"].orgID
	resident := f.post("workshop", "/workshops/"+wid+"/residents", map[string]any{"name": "李秀英"}, 201).str("id")
	f.mustStatus(req{method: "PUT", path: "/api/v1" + k(k1) + "/piece-records", token: f.as["workshop"].token,
		body: map[string]any{"save_key": uuid.NewString(), "records": []any{map[string]any{"resident_id": resident, "pieces": 1000}}}}, 200)
	del1 := f.post("workshop", k(k1)+"/deliveries", map[string]any{"quantity": 1000}, 201).str("id")
	f.post("owner", "/deliveries/"+del1+"/inspect", map[string]any{"accepted": 1000}, 200)
	f.post("finance", k(k1)+"/settle", nil, 200)
	dist := f.post("workshop", k(k1)+"/distribution/approve", map[string]any{"community_fund_bp": 0}, 200)
	line := item(dist, "lines", 0)["id"].(string)

	// K2: workshop2's, disputed and with a delivery to inspect.
	bid2 := f.bid("workshop2", bidBody(1000, 150), 201).str("id")
	f.contractID = f.bidAction("owner", bid2, "accept", confirmAward, 201).str("id")
	k2 := f.contractID
	p2 := fund("workshop2")
	d2 := produce("workshop2")
	del2 := f.post("workshop2", k(k2)+"/deliveries", map[string]any{"quantity": 500}, 201).str("id")
	photo := f.photo("owner")
	f.post("owner", "/deliveries/"+del2+"/inspect", map[string]any{"accepted": 450,
		"rejected": []any{map[string]any{"reason": "颜色与样品不符", "quantity": 50, "photo_ids": []string{photo}}}}, 200)
	dispute := f.post("workshop2", "/deliveries/"+del2+"/dispute", map[string]any{
		"statement": "颜色是按企业提供的线材做的，批次色差不是工坊的问题。"}, 201).str("id")
	del3 := f.post("workshop2", k(k2)+"/deliveries", map[string]any{"quantity": 300}, 201).str("id")

	// K3 awaiting funding with a pending payment; an open bid; the rest.
	bid3 := f.bid("workshop", bidBody(1000, 150), 201).str("id")
	f.contractID = f.bidAction("owner", bid3, "accept", confirmAward, 201).str("id")
	k3 := f.contractID
	p3 := f.pay("owner", "fund", 201).str("id")
	openBid := f.bid("workshop2", bidBody(1000, 150), 201).str("id")
	report := f.post("workshop2", "/orders/"+f.orderID+"/reports", map[string]string{"reason": "other"}, 201).str("id")
	synonyms := f.post("moderator", "/synonyms", map[string]any{"terms": []string{"微工厂", "小作坊"}, "note": "居民的叫法"}, 201).str("id")
	f.post("owner", "/orgs/"+f.as["owner"].orgID+"/invitations", map[string]string{"email": "fuzz@a.cn", "role": "member"}, 201)
	invitation := tokenFrom(tb, f.mail.last(tb).Body)
	var disbursements, notifications []string
	q := f.mustStatus(req{method: "GET", path: "/api/v1/finance/disbursements", token: f.as["finance"].token}, 200)
	for i := 0; item(q, "items", i) != nil; i++ {
		disbursements = append(disbursements, item(q, "items", i)["id"].(string))
	}
	for _, as := range []string{"owner", "workshop2"} {
		notifications = append(notifications, f.notifications(as)[0]["id"].(string))
	}
	orgs := []string{f.as["owner"].orgID, wid, f.as["workshop2"].orgID}
	return &fuzzWorld{contractFixture: f, rows: map[string][]string{
		"orgs": orgs, "profiles": orgs, "workshops": orgs[1:], "invitations": {invitation},
		"orders": {f.orderID}, "bids": {openBid, bid1}, "reports": {report}, "synonyms": {synonyms},
		"contracts": {k2, k1, k3}, "payments": {p3, p1, p2}, "disbursements": disbursements,
		"dispatches": {d2, d1}, "deliveries": {del3, del2, del1}, "disputes": {dispute},
		"residents": {resident}, "distribution-lines": {line}, "uploads": {photo}, "notifications": notifications,
	}}
}

var pathParam = regexp.MustCompile(`([a-z-]+)/:[a-z_]+`)

// path fills a route's parameters with the world's rows, row n of each
// kind (wrapping), or says which parameter it has no row for.
func (w *fuzzWorld) path(route string, n int) (string, string) {
	missing := ""
	p := pathParam.ReplaceAllStringFunc(route, func(m string) string {
		seg := pathParam.FindStringSubmatch(m)[1]
		rows := w.rows[seg]
		if len(rows) == 0 {
			missing = "no row for the parameter after /" + seg + "/: add one to fuzzWorld"
			return m
		}
		return seg + "/" + rows[n%len(rows)]
	})
	return p, missing
}
