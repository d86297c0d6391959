package api_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/xuri/excelize/v2"
)

// opsFixture: a contract for 3000 pieces at 1.50 yuan awarded to workshop W
// (net 4365.00 yuan after 3% commission), W with a second coordinator
// ("wmember"), and a second workshop that must see none of it.
type opsFixture struct {
	*contractFixture
}

func newOpsFixture(t *testing.T) *opsFixture {
	cf := &contractFixture{biddingFixture: newBiddingFixture(t)}
	cf.as["finance"] = cf.staff("fin@doorstep.cn", "finance")
	cf.bidID = cf.bid("workshop", bidBody(3000, 150), 201).str("id")
	cf.contractID = cf.bidAction("owner", cf.bidID, "accept", confirmAward, 201).str("id")
	f := &opsFixture{contractFixture: cf}
	f.mustStatus(req{method: "POST", path: "/api/v1/orgs/" + f.as["workshop"].orgID + "/invitations", token: f.as["workshop"].token,
		body: map[string]string{"email": "helper@w.cn", "role": "member"}}, 201)
	tok := tokenFrom(t, f.mail.last(t).Body)
	r := f.mustStatus(req{method: "POST", path: "/api/v1/invitations/accept",
		body: map[string]string{"token": tok, "name": "刘姐", "password": "member-password", "phone": "13800002222"}}, 201)
	f.as["wmember"] = account{token: r.str("token"), orgID: r.str("org.id")}
	f.produce()
	return f
}

// produce funds the contract by bank transfer (finance confirms) and has the
// company ship all 3,000 pieces' material and the workshop count it in: the
// contract is in production with 3,000 received.
func (f *opsFixture) produce() {
	f.t.Helper()
	for _, pay := range []struct{ as, what string }{{"owner", "fund"}, {"workshop", "deposit"}} {
		p := f.pay(pay.as, pay.what, 201)
		f.confirm(p.str("id"), int64(num(p, "amount")), 200)
	}
	k := "/contracts/" + f.contractID
	d := f.post("owner", k+"/dispatches", map[string]any{"quantity": 3000, "method": "pickup"}, 201)
	f.post("workshop", "/dispatches/"+d.str("id")+"/receive", map[string]any{"quantity": 3000}, 200)
	if s := f.contract("owner").str("status"); s != "in_production" {
		f.t.Fatalf("not in production: %s", s)
	}
}

// finish delivers all 3,000 pieces and has the company accept them: the
// money is released (net 4,365.00) and the contract is settling.
func (f *opsFixture) finish() {
	f.t.Helper()
	d := f.post("workshop", "/contracts/"+f.contractID+"/deliveries", map[string]any{"quantity": 3000}, 201)
	f.post("owner", "/deliveries/"+d.str("id")+"/inspect", map[string]any{"accepted": 3000}, 200)
}

// settle has finance settle the contract now and send the workshop its
// pay (to the bank account the workshop's owner gives): residents are paid
// once the platform has paid the workshop.
func (f *opsFixture) settle() {
	f.t.Helper()
	f.post("finance", "/contracts/"+f.contractID+"/settle", nil, 200)
	f.payOut()
}

// payOut has the workshop give its bank account and finance mark the
// contract's queued payouts sent.
func (f *opsFixture) payOut() {
	f.t.Helper()
	f.mustStatus(req{method: "PUT", path: "/api/v1/orgs/" + f.as["workshop"].orgID + "/payout-account", token: f.as["workshop"].token,
		body: map[string]any{"account_name": "碧林花园社区居民委员会", "bank_name": "滨州农商银行市西支行", "account_number": "9080123456780012"}}, 200)
	q := f.mustStatus(req{method: "GET", path: "/api/v1/finance/disbursements?status=queued", token: f.as["finance"].token}, 200)
	for _, d := range q.field("items").([]any) {
		m := d.(map[string]any)
		if m["contract_id"] == f.contractID && m["kind"] == "payout" {
			f.mustStatus(req{method: "POST", path: "/api/v1/finance/disbursements/" + m["id"].(string) + "/sent", token: f.as["finance"].token,
				body: map[string]any{"bank_reference": "NS20261207001"}}, 200)
		}
	}
}

func (f *opsFixture) addResident(as string, body map[string]any, want int) resp {
	f.t.Helper()
	return f.mustStatus(req{method: "POST", path: "/api/v1/workshops/" + f.as["workshop"].orgID + "/residents", token: f.as[as].token, body: body}, want)
}

func (f *opsFixture) savePieces(as, key string, records map[string]int, want int) resp {
	f.t.Helper()
	var list []map[string]any
	for id, n := range records {
		list = append(list, map[string]any{"resident_id": id, "pieces": n})
	}
	return f.mustStatus(req{method: "PUT", path: "/api/v1/contracts/" + f.contractID + "/piece-records", token: f.as[as].token,
		body: map[string]any{"save_key": key, "records": list}}, want)
}

func TestRosterConsentMaskingAndEdits(t *testing.T) {
	t.Parallel()
	f := newOpsFixture(t)
	// A sensitive tag needs the resident's consent.
	r := f.addResident("workshop", map[string]any{"name": "李秀英", "phone": "13812345678", "tags": []string{"elderly"}}, 400)
	if r.str("error.fields.tags_consent") == "" {
		t.Fatal(r.raw)
	}
	r = f.addResident("workshop", map[string]any{"name": "李秀英", "phone": "13812345678", "crafts": []string{"weaving"},
		"joined_on": "2025-03-08", "tags": []string{"elderly"}, "tags_consent": true}, 201)
	id := r.str("id")
	if r.str("phone") != "13812345678" || r.field("tags").([]any)[0].(map[string]any)["recorded_by"] != "王军" {
		t.Fatalf("create: %s", r.raw)
	}
	f.addResident("wmember", map[string]any{"name": "张桂兰", "phone": "13812345678"}, 409) // phone already on the roster
	f.addResident("wmember", map[string]any{"name": "张桂兰", "phone": "12"}, 400)
	f.addResident("wmember", map[string]any{"name": "张桂兰"}, 201)

	list := f.mustStatus(req{method: "GET", path: "/api/v1/workshops/" + f.as["workshop"].orgID + "/residents?q=李", token: f.as["wmember"].token}, 200)
	if num(list, "total") != 1 || !strings.Contains(list.raw, `"138****5678"`) || strings.Contains(list.raw, "13812345678") {
		t.Fatalf("list must mask phones: %s", list.raw)
	}
	// Editing keeps the original consent on a tag already recorded.
	r = f.mustStatus(req{method: "PATCH", path: "/api/v1/residents/" + id, token: f.as["wmember"].token,
		body: map[string]any{"active": false, "tags": []string{"elderly", "disabled"}}}, 400)
	r = f.mustStatus(req{method: "PATCH", path: "/api/v1/residents/" + id, token: f.as["wmember"].token,
		body: map[string]any{"active": false, "tags": []string{"elderly", "disabled"}, "tags_consent": true}}, 200)
	tags := r.field("tags").([]any)
	if r.field("active") != false || len(tags) != 2 || tags[1].(map[string]any)["recorded_by"] != "王军" || tags[0].(map[string]any)["recorded_by"] != "刘姐" {
		t.Fatalf("edit: %s", r.raw)
	}
	if n := num(f.mustStatus(req{method: "GET", path: "/api/v1/workshops/" + f.as["workshop"].orgID + "/residents?active=true", token: f.as["workshop"].token}, 200), "total"); n != 1 {
		t.Fatalf("active filter: %d", n)
	}
}

func TestRosterXLSXRoundTripAndBadRows(t *testing.T) {
	t.Parallel()
	f := newOpsFixture(t)
	w := f.as["workshop"].orgID
	f.addResident("workshop", map[string]any{"name": "李秀英", "phone": "13812345678", "crafts": []string{"weaving", "packaging"},
		"tags": []string{"low_income"}, "tags_consent": true}, 201)
	f.addResident("workshop", map[string]any{"name": "王淑芬", "phone": "0543-3261188"}, 201)

	for _, lang := range []string{"zh", "en"} {
		exp := f.mustStatus(req{method: "GET", path: "/api/v1/workshops/" + w + "/residents.xlsx?lang=" + lang, token: f.as["workshop"].token}, 200)
		if !strings.Contains(exp.header.Get("Content-Type"), "spreadsheetml") {
			t.Fatal(exp.header)
		}
		// The export's own format imports back: every row updates, none is new.
		imp := f.mustStatus(req{method: "POST", path: "/api/v1/workshops/" + w + "/residents/import", token: f.as["workshop"].token, body: []byte(exp.raw)}, 200)
		if num(imp, "created") != 0 || num(imp, "updated") != 2 {
			t.Fatalf("%s round trip: %s", lang, imp.raw)
		}
	}
	again := f.mustStatus(req{method: "GET", path: "/api/v1/workshops/" + w + "/residents?per_page=100", token: f.as["workshop"].token}, 200)
	if !strings.Contains(again.raw, `"packaging"`) || !strings.Contains(again.raw, `"low_income"`) || num(again, "total") != 2 {
		t.Fatalf("round trip changed the roster: %s", again.raw)
	}

	// Every bad cell is reported by row and column; nothing is imported.
	file := sheet(t, [][]string{
		{"姓名", "电话", "工艺", "加入日期", "在岗", "标签（经本人同意）"},
		{"赵大妈", "13900001111", "编织", "2025/4/1", "是", ""},
		{"", "13900002222", "串珠", "", "", ""},
		{"钱阿姨", "123", "织毛衣", "昨天", "也许", "残疾人"},
		{"孙奶奶", "13900001111", "", "", "", "老年人"},
	})
	r := f.mustStatus(req{method: "POST", path: "/api/v1/workshops/" + w + "/residents/import", token: f.as["workshop"].token, body: file}, 400)
	fields, _ := r.field("error.fields").(map[string]any)
	for _, k := range []string{"rows.3.name", "rows.4.phone", "rows.4.crafts", "rows.4.joined_on", "rows.4.active", "rows.4.tags", "rows.5.phone", "rows.5.tags"} {
		if fields[k] == nil {
			t.Errorf("missing %s: %s", k, r.raw)
		}
	}
	if len(fields) != 8 || !strings.Contains(fields["rows.4.phone"].(string), "row 4, column B") {
		t.Errorf("want exactly the 8 bad cells, named by row and column: %s", r.raw)
	}
	if num(f.mustStatus(req{method: "GET", path: "/api/v1/workshops/" + w + "/residents", token: f.as["workshop"].token}, 200), "total") != 2 {
		t.Fatal("a bad import changed the roster")
	}
	// With consent for the file's tags the good rows import.
	good := sheet(t, [][]string{{"Name", "Phone", "Crafts", "Joined", "Active", "Tags"},
		{"赵大妈", "13900001111", "Weaving", "45748", "yes", "Elderly"}, {"钱阿姨", "", "串珠、编织", "2025-05-06", "否", ""}})
	f.mustStatus(req{method: "POST", path: "/api/v1/workshops/" + w + "/residents/import", token: f.as["workshop"].token, body: good}, 400)
	r = f.mustStatus(req{method: "POST", path: "/api/v1/workshops/" + w + "/residents/import?tags_consent=true", token: f.as["workshop"].token, body: good}, 200)
	if num(r, "created") != 2 {
		t.Fatal(r.raw)
	}
	f.mustStatus(req{method: "POST", path: "/api/v1/workshops/" + w + "/residents/import", token: f.as["workshop"].token, body: []byte("not a spreadsheet")}, 400)
}

func sheet(t testing.TB, rows [][]string) []byte {
	x := excelize.NewFile()
	for i, row := range rows {
		cells := make([]any, len(row))
		for j, c := range row {
			cells[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(t, x.SetSheetRow("Sheet1", cell, &cells))
	}
	buf, err := x.WriteToBuffer()
	must(t, err)
	return buf.Bytes()
}

func TestPieceRecordsHandoutsAndDistribution(t *testing.T) {
	t.Parallel()
	f := newOpsFixture(t)
	a := f.addResident("workshop", map[string]any{"name": "李秀英", "phone": "13812345678"}, 201).str("id")
	b := f.addResident("workshop", map[string]any{"name": "王淑芬"}, 201).str("id")
	c := f.addResident("workshop", map[string]any{"name": "张桂兰"}, 201).str("id")

	// A save applies once: the retry of the same key changes nothing.
	k1 := uuid.NewString()
	s := f.savePieces("workshop", k1, map[string]int{a: 100, b: 100, c: 100}, 200)
	if s.field("applied") != true || num(s, "totals.pieces") != 300 {
		t.Fatal(s.raw)
	}
	s = f.savePieces("wmember", k1, map[string]int{a: 999}, 200)
	if s.field("applied") != false || num(s, "totals.pieces") != 300 {
		t.Fatalf("replayed save applied: %s", s.raw)
	}
	// A correction keeps the old value in the audit trail.
	s = f.savePieces("wmember", uuid.NewString(), map[string]int{c: 101}, 200)
	if ch := item(s, "changes", 0); ch["old_pieces"] != 100.0 || ch["new_pieces"] != 101.0 || ch["changed_by"] != "刘姐" || ch["resident_name"] != "张桂兰" {
		t.Fatalf("audit: %s", s.raw)
	}
	f.savePieces("workshop", uuid.NewString(), map[string]int{a: 3000}, 400)             // more than the contract
	f.savePieces("workshop", uuid.NewString(), map[string]int{uuid.NewString(): 1}, 400) // not on the roster
	f.savePieces("workshop", "", map[string]int{a: 1}, 400)                              // no key
	f.savePieces("workshop", uuid.NewString(), map[string]int{a: -1}, 400)               // negative

	// Hand-outs reconcile with the material received.
	ho := func(body map[string]any, want int) resp {
		return f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/handouts", token: f.as["workshop"].token, body: body}, want)
	}
	ho(map[string]any{"resident_id": a, "taken": 500}, 200)
	h := ho(map[string]any{"resident_id": a, "finished": 420, "returned": 60, "lost": 5, "note": "5个断线"}, 200)
	if num(h, "totals.received") != 3000 || num(h, "totals.in_stock") != 2560 || num(h, "totals.with_resident") != 15 || num(h, "totals.difference") != 2575 {
		t.Fatalf("reconciliation: %s", h.raw)
	}
	ho(map[string]any{"resident_id": a, "finished": 16}, 400) // more back than taken
	ho(map[string]any{"resident_id": b, "taken": 2561}, 400)  // more than in stock
	ho(map[string]any{"resident_id": b}, 400)

	// No money released while the contract is in production.
	d := f.mustStatus(req{method: "GET", path: "/api/v1/contracts/" + f.contractID + "/distribution", token: f.as["workshop"].token}, 200)
	if d.str("status") != "not_released" || d.field("actions.approve.allowed") != false || d.str("actions.approve.reason.zh") == "" {
		t.Fatal(d.raw)
	}
	f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/distribution/approve", token: f.as["workshop"].token, body: map[string]any{"community_fund_bp": 500}}, 409)

	f.finish()
	d = f.mustStatus(req{method: "GET", path: "/api/v1/contracts/" + f.contractID + "/distribution?community_fund_bp=500", token: f.as["workshop"].token}, 200)
	// 4365.00 − 5% fund (218.25) = 4146.75 by 100:100:101 pieces.
	if d.str("status") != "draft" || num(d, "net") != 436500 || num(d, "community_fund") != 21825 || num(d, "distributed") != 414675 {
		t.Fatal(d.raw)
	}
	if d.field("actions.approve.allowed") != false { // settling: a dispute could still change the net
		t.Fatal(d.raw)
	}
	f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/distribution/approve", token: f.as["workshop"].token, body: map[string]any{"community_fund_bp": 500}}, 409)
	f.settle()
	f.mustStatus(req{method: "GET", path: "/api/v1/contracts/" + f.contractID + "/distribution?community_fund_bp=9000", token: f.as["workshop"].token}, 400)
	f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/distribution/approve", token: f.as["workshop"].token, body: map[string]any{"community_fund_bp": -5}}, 400)
	// 301 of the 3,000 accepted pieces are recorded: approving needs a reason.
	f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/distribution/approve", token: f.as["wmember"].token, body: map[string]any{"community_fund_bp": 500}}, 400)
	d = f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/distribution/approve", token: f.as["wmember"].token,
		body: map[string]any{"community_fund_bp": 500, "reason": "其余件数由企业车间完成"}}, 200)
	var sum int64
	amounts := map[string]int64{}
	for i := 0; i < 3; i++ {
		l := item(d, "lines", i)
		amounts[l["name"].(string)] = int64(l["amount"].(float64))
		sum += int64(l["amount"].(float64))
	}
	if d.str("status") != "approved" || sum != 414675 || amounts["张桂兰"] != 139143 || amounts["李秀英"] != 137766 || amounts["王淑芬"] != 137766 {
		t.Fatalf("approved: %v %s", amounts, d.raw)
	}
	f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/distribution/approve", token: f.as["workshop"].token, body: map[string]any{"community_fund_bp": 500}}, 409)
	f.savePieces("workshop", uuid.NewString(), map[string]int{a: 1}, 409) // records are final
	ho(map[string]any{"resident_id": a, "returned": 1}, 409)

	// Paying each resident, once.
	line := item(d, "lines", 0)["id"].(string)
	paid := func(as string, body map[string]any, want int) resp {
		return f.mustStatus(req{method: "POST", path: "/api/v1/distribution-lines/" + line + "/paid", token: f.as[as].token, body: body}, want)
	}
	paid("workshop", map[string]any{"method": "wechat"}, 400)
	paid("workshop", map[string]any{"method": "gold", "reference": "x"}, 400)
	p := paid("workshop", map[string]any{"method": "wechat", "reference": "微信转账 4200001234"}, 200)
	if num(p, "paid") != 1 || item(p, "lines", 0)["paid_method"] != "wechat" {
		t.Fatal(p.raw)
	}
	paid("wmember", map[string]any{"method": "cash"}, 409)

	x := f.mustStatus(req{method: "GET", path: "/api/v1/contracts/" + f.contractID + "/distribution.xlsx?lang=zh", token: f.as["workshop"].token}, 200)
	xf, err := excelize.OpenReader(bytes.NewReader([]byte(x.raw)))
	must(t, err)
	rows, err := xf.GetRows(xf.GetSheetList()[0])
	must(t, err)
	if flat := fmt.Sprint(rows); !strings.Contains(flat, "张桂兰 101 1391.43") || !strings.Contains(flat, "合计 301 4146.75") || !strings.Contains(flat, "4200001234") {
		t.Fatalf("distribution xlsx: %v", rows)
	}

	im := f.mustStatus(req{method: "GET", path: "/api/v1/workshops/" + f.as["workshop"].orgID + "/impact", token: f.as["wmember"].token}, 200)
	if num(im, "active_residents") != 3 || num(im, "pieces_recorded") != 301 || num(im, "income_paid") != amounts[line0Name(d)] || num(im, "earners") != 1 {
		t.Fatalf("impact: %s", im.raw)
	}
}

func line0Name(d resp) string { return item(d, "lines", 0)["name"].(string) }

// workshopOpsRoutes: the workshop's own operations on its contract in
// production: the roster (add, read, edit, export, import), piece records
// and hand-outs, then (once the contract is settled) the pay distribution,
// paying a resident, its spreadsheet and the impact figures. The company
// and another workshop get 404 on all of it.
func workshopOpsRoutes() routeTable {
	var f *opsFixture
	li := map[string]any{"name": "李秀英", "phone": "13812345678", "crafts": []string{"weaving"}, "tags": []string{"elderly"}, "tags_consent": true}
	pieces := map[string]any{"save_key": uuid.NewString(), "records": []map[string]any{{"resident_id": "{r1}", "pieces": 1500}, {"resident_id": "{r2}", "pieces": 1500}}}
	roster := func(w *world) any {
		return sheet(w.t, [][]string{{"姓名", "电话", "工艺", "加入日期", "在岗", "标签（经本人同意）"}, {"赵大妈", "13900001111", "编织", "2025/4/1", "是", ""}})
	}
	paid := map[string]any{"method": "wechat", "reference": "微信转账 4200001234"}
	return routeTable{name: "workshopops", setup: func(t *testing.T) *world {
		f = newOpsFixture(t)
		return newWorld(f.fixture, map[string]string{"contract": f.contractID})
	}, scenarios: []scenario{
		{method: "POST", url: "/api/v1/workshops/{W}/residents", body: li, want: 401},
		{as: "owner", method: "POST", url: "/api/v1/workshops/{W}/residents", body: li, want: 404},
		{as: "workshop", method: "POST", url: "/api/v1/workshops/{W}/residents", body: map[string]any{"name": "李秀英", "tags": []string{"elderly"}}, want: 400,
			fragments: []string{`"tags_consent"`}},
		{as: "workshop", method: "POST", url: "/api/v1/workshops/{W}/residents", body: li, want: 201,
			fragments: []string{`"name":"李秀英"`, `"phone":"13812345678"`}, save: map[string]string{"r1": "id"}},
		{as: "wmember", method: "POST", url: "/api/v1/workshops/{W}/residents", body: map[string]any{"name": "王淑芬"}, want: 201, save: map[string]string{"r2": "id"}},
		{method: "GET", url: "/api/v1/workshops/{W}/residents", want: 401},
		{as: "workshop2", method: "GET", url: "/api/v1/workshops/{W}/residents", want: 404},
		{as: "wmember", method: "GET", url: "/api/v1/workshops/{W}/residents", want: 200, fragments: []string{`"total":2`, `"138****5678"`},
			absent: []string{"13812345678"}},
		{method: "GET", url: "/api/v1/residents/{r1}", want: 401},
		{as: "workshop2", method: "GET", url: "/api/v1/residents/{r1}", want: 404},
		{as: "wmember", method: "GET", url: "/api/v1/residents/{r1}", want: 200, fragments: []string{`"phone":"13812345678"`, `"elderly"`}},
		{method: "PATCH", url: "/api/v1/residents/{r1}", body: map[string]any{"phone": "13812345679"}, want: 401},
		{as: "owner", method: "PATCH", url: "/api/v1/residents/{r1}", body: map[string]any{"phone": "13812345679"}, want: 404},
		{as: "workshop", method: "PATCH", url: "/api/v1/residents/{r1}", body: map[string]any{"phone": "12"}, want: 400, fragments: []string{`"phone"`}},
		{as: "workshop", method: "PATCH", url: "/api/v1/residents/{r1}", body: map[string]any{"phone": "13812345679"}, want: 200,
			fragments: []string{`"phone":"13812345679"`}},
		{method: "GET", url: "/api/v1/workshops/{W}/residents.xlsx", want: 401},
		{as: "moderator", method: "GET", url: "/api/v1/workshops/{W}/residents.xlsx", want: 404},
		{as: "workshop", method: "GET", url: "/api/v1/workshops/{W}/residents.xlsx?lang=zh", want: 200, check: func(w *world, r resp) {
			if _, rows := sheetRows(w.t, r.raw); len(rows) != 3 || !strings.Contains(fmt.Sprint(rows), "李秀英 13812345679") {
				w.t.Errorf("roster sheet: %v", rows)
			}
		}},
		{method: "POST", url: "/api/v1/workshops/{W}/residents/import", body: roster, want: 401},
		{as: "workshop2", method: "POST", url: "/api/v1/workshops/{W}/residents/import", body: roster, want: 404},
		{as: "workshop", method: "POST", url: "/api/v1/workshops/{W}/residents/import", body: []byte("not a spreadsheet"), want: 400},
		{as: "workshop", method: "POST", url: "/api/v1/workshops/{W}/residents/import", body: roster, want: 200, fragments: []string{`"created":1`, `"updated":0`}},

		{method: "PUT", url: "/api/v1/contracts/{contract}/piece-records", body: pieces, want: 401},
		{as: "owner", method: "PUT", url: "/api/v1/contracts/{contract}/piece-records", body: pieces, want: 404},
		{as: "workshop", method: "PUT", url: "/api/v1/contracts/{contract}/piece-records", body: map[string]any{"records": []any{}}, want: 400},
		{as: "workshop", method: "PUT", url: "/api/v1/contracts/{contract}/piece-records", body: pieces, want: 200, fragments: []string{`"applied":true`, `"pieces":3000`}},
		{name: "the same save_key again changes nothing", as: "wmember", method: "PUT", url: "/api/v1/contracts/{contract}/piece-records", body: pieces, want: 200,
			fragments: []string{`"applied":false`}},
		{method: "POST", url: "/api/v1/contracts/{contract}/handouts", body: map[string]any{"resident_id": "{r1}", "taken": 100}, want: 401},
		{as: "workshop2", method: "POST", url: "/api/v1/contracts/{contract}/handouts", body: map[string]any{"resident_id": "{r1}", "taken": 100}, want: 404},
		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/handouts", body: map[string]any{"resident_id": "{r1}", "finished": 1}, want: 400},
		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/handouts", body: map[string]any{"resident_id": "{r1}", "taken": 100}, want: 200,
			fragments: []string{`"with_resident":100`, `"in_stock":2900`}},
		{method: "GET", url: "/api/v1/contracts/{contract}/piece-records", want: 401},
		{as: "owner", method: "GET", url: "/api/v1/contracts/{contract}/piece-records", want: 404},
		{as: "wmember", method: "GET", url: "/api/v1/contracts/{contract}/piece-records", want: 200, fragments: []string{`"pieces":3000`, `"received":3000`}},

		{method: "GET", url: "/api/v1/contracts/{contract}/distribution", want: 401},
		{as: "owner", method: "GET", url: "/api/v1/contracts/{contract}/distribution", want: 404},
		{as: "workshop", method: "GET", url: "/api/v1/contracts/{contract}/distribution", want: 200, fragments: []string{`"status":"not_released"`, `"approve":{"allowed":false`}},
		{method: "POST", url: "/api/v1/contracts/{contract}/distribution/approve", body: map[string]any{"community_fund_bp": 500}, want: 401},
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/distribution/approve", body: map[string]any{"community_fund_bp": 500}, want: 404},
		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/distribution/approve", body: map[string]any{"community_fund_bp": 500}, want: 409},
		{name: "settled: the money is released", as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/distribution/approve",
			before: func(*world) { f.finish(); f.settle() }, body: map[string]any{"community_fund_bp": 500}, want: 200,
			fragments: []string{`"status":"approved"`, `"net":436500`, `"community_fund":21825`, `"distributed":414675`}, save: map[string]string{"line": "lines.0.id"}},
		{method: "POST", url: "/api/v1/distribution-lines/{line}/paid", body: paid, want: 401},
		{as: "owner", method: "POST", url: "/api/v1/distribution-lines/{line}/paid", body: paid, want: 404},
		{as: "workshop", method: "POST", url: "/api/v1/distribution-lines/{line}/paid", body: map[string]any{"method": "gold", "reference": "x"}, want: 400},
		{as: "workshop", method: "POST", url: "/api/v1/distribution-lines/{line}/paid", body: paid, want: 200,
			fragments: []string{`"paid":1`, `"paid_method":"wechat"`}},
		{method: "GET", url: "/api/v1/contracts/{contract}/distribution.xlsx", want: 401},
		{as: "workshop2", method: "GET", url: "/api/v1/contracts/{contract}/distribution.xlsx", want: 404},
		{as: "workshop", method: "GET", url: "/api/v1/contracts/{contract}/distribution.xlsx?lang=zh", want: 200, check: func(w *world, r resp) {
			if _, rows := sheetRows(w.t, r.raw); !strings.Contains(fmt.Sprint(rows), "合计 3000 4146.75") || !strings.Contains(fmt.Sprint(rows), "4200001234") {
				w.t.Errorf("distribution sheet: %v", rows)
			}
		}},

		{method: "GET", url: "/api/v1/workshops/{W}/impact", want: 401},
		{as: "owner", method: "GET", url: "/api/v1/workshops/{W}/impact", want: 404},
		{as: "wmember", method: "GET", url: "/api/v1/workshops/{W}/impact", want: 200,
			fragments: []string{`"active_residents":3`, `"pieces_recorded":3000`, `"earners":1`}},
		{method: "GET", url: "/api/v1/stats/impact", want: 200, fragments: []string{`"k":5`}},
		{method: "GET", url: "/api/v1/stats/impact/workshops", want: 401},
		{as: "owner", method: "GET", url: "/api/v1/stats/impact/workshops", want: 403},
		{as: "moderator", method: "GET", url: "/api/v1/stats/impact/workshops", want: 200, fragments: []string{`"by_workshop"`}},
	}}
}
