package api_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"doorstep/server/fulfilment"
	"doorstep/server/settlement"
)

// newActiveContract funds a contract fully (escrow and deposit by bank transfer).
func newActiveContract(t testing.TB, tweak ...func(map[string]any)) *contractFixture {
	f := newContractFixture(t, tweak...)
	f.confirm(f.pay("owner", "fund", 201).str("id"), 150000, 200)
	f.confirm(f.pay("workshop", "deposit", 201).str("id"), 20000, 200)
	if s := f.contract("owner").str("status"); s != "active" {
		t.Fatalf("not active: %s", s)
	}
	return f
}

func (f *contractFixture) post(as, path string, body any, want int) resp {
	f.t.Helper()
	return f.mustStatus(req{method: "POST", path: "/api/v1" + path, token: f.as[as].token, body: body}, want)
}

func (f *contractFixture) timeline() resp {
	f.t.Helper()
	return f.mustStatus(req{method: "GET", path: "/api/v1/contracts/" + f.contractID + "/timeline", token: f.as["owner"].token}, 200)
}

func (f *contractFixture) photo(as string) string {
	f.t.Helper()
	return f.upload(f.as[as].token, "p.png", pngBytes(f.t, 32, 32), 201).str("id")
}

func (f *contractFixture) services() (*fulfilment.Service, *settlement.Service) {
	set := f.flows()
	return set.Fulfilment, set.Settlement
}

// TestFulfilmentPath: dispatch → receipt with a shortfall → deliveries →
// a partial rejection with reasons and photos → rework → a dispute → the
// staff decision → settlement. Money moves at each acceptance and the
// settled contract holds nothing.
func TestFulfilmentPath(t *testing.T) {
	t.Parallel()
	f := newActiveContract(t)
	k := "/contracts/" + f.contractID
	// Materials: wrong party, bad input, then the real thing.
	f.post("workshop", k+"/dispatches", map[string]any{"quantity": 1000, "method": "pickup"}, 403)
	if r := f.post("owner", k+"/dispatches", map[string]any{"quantity": 1000, "method": "carrier"}, 400); r.field("error.fields.tracking_no") == nil {
		t.Fatal(r.raw)
	}
	f.post("owner", k+"/dispatches", map[string]any{"quantity": 5000, "method": "pickup"}, 400)
	d := f.post("owner", k+"/dispatches", map[string]any{"quantity": 1000, "method": "carrier", "carrier": "顺丰", "tracking_no": "SF1234567890"}, 201)
	if s := f.contract("owner").str("status"); s != "materials_sent" {
		t.Fatalf("after dispatch: %s", s)
	}
	f.post("workshop", "/dispatches/"+d.str("id")+"/receive", map[string]any{"quantity": 990}, 400) // a shortfall needs a note
	f.post("owner", "/dispatches/"+d.str("id")+"/receive", map[string]any{"quantity": 1000}, 403)
	f.post("workshop", "/dispatches/"+d.str("id")+"/receive", map[string]any{"quantity": 990, "note": "少了一包（10件用料）",
		"photo_ids": []string{f.photo("workshop")}}, 200)
	f.post("workshop", "/dispatches/"+d.str("id")+"/receive", map[string]any{"quantity": 990}, 409)
	if byKind(f.notifications("owner"), "materials.received") == nil {
		t.Error("the company was not told of the receipt")
	}

	// Deliveries: never more than the material received (+ allowed loss 20).
	if r := f.post("workshop", k+"/deliveries", map[string]any{"quantity": 1011}, 400); r.field("error.fields.quantity") == nil {
		t.Fatal(r.raw)
	}
	d1 := f.post("workshop", k+"/deliveries", map[string]any{"quantity": 500, "photo_ids": []string{f.photo("workshop")}}, 201)
	// Inspection: every rejected piece has a reason and a photo; the sum adds up.
	bad := map[string]any{"accepted": 400, "rejected": []any{map[string]any{"reason": "网眼不均匀", "quantity": 50}}, "rework": 50}
	if r := f.post("owner", "/deliveries/"+d1.str("id")+"/inspect", bad, 400); !strings.Contains(r.raw, `"rejected[0].photo_ids"`) {
		t.Fatal(r.raw)
	}
	f.post("owner", "/deliveries/"+d1.str("id")+"/inspect", map[string]any{"accepted": 500, "rework": 1}, 400)
	f.post("workshop", "/deliveries/"+d1.str("id")+"/inspect", map[string]any{"accepted": 500}, 403)
	good := map[string]any{"accepted": 400, "rework": 50,
		"rejected": []any{map[string]any{"reason": "网眼不均匀", "quantity": 50, "photo_ids": []string{f.photo("owner")}}}}
	insp := f.post("owner", "/deliveries/"+d1.str("id")+"/inspect", good, 200)
	if insp.str("status") != "accepted" || num(insp, "rework_left") != 50 {
		t.Fatalf("inspection: %s", insp.raw)
	}
	f.post("owner", "/deliveries/"+d1.str("id")+"/inspect", good, 409)
	tab := f.money("workshop")
	// 400 × ¥1.50 = ¥600 gross, 3% = ¥18 commission, ¥582 payable to the workshop.
	if num(tab, "held.escrow") != 90000 || num(tab, "held.workshop_payable") != 58200 {
		t.Fatalf("after the first release: %s", tab.raw)
	}

	// Rework comes back as a new delivery linked to the first; the round limit holds.
	f.post("workshop", k+"/deliveries", map[string]any{"quantity": 51, "rework_of": d1.str("id")}, 400)
	r1 := f.post("workshop", k+"/deliveries", map[string]any{"quantity": 50, "rework_of": d1.str("id")}, 201)
	f.post("owner", "/deliveries/"+r1.str("id")+"/inspect", map[string]any{"accepted": 40, "rework": 10,
		"rejected": []any{}}, 400) // one rework round only: no second
	f.post("owner", "/deliveries/"+r1.str("id")+"/inspect", map[string]any{"accepted": 45,
		"rejected": []any{map[string]any{"reason": "仍有断线", "quantity": 5, "photo_ids": []string{f.photo("owner")}}}}, 200)

	// The rest: 490 delivered, 440 accepted, 50 rejected; the workshop disputes.
	d2 := f.post("workshop", k+"/deliveries", map[string]any{"quantity": 490}, 201)
	f.post("owner", "/deliveries/"+d2.str("id")+"/inspect", map[string]any{"accepted": 440,
		"rejected": []any{map[string]any{"reason": "颜色与样品不符", "quantity": 50, "photo_ids": []string{f.photo("owner")}}}}, 200)
	q := f.timeline().field("quantities").(map[string]any)
	if q["delivered"] != 990.0 || q["accepted"] != 885.0 || q["rejected"] != 105.0 || q["awaiting_inspection"] != 0.0 {
		t.Fatalf("quantities: %v", q)
	}
	f.post("workshop", "/deliveries/"+d2.str("id")+"/dispute", map[string]any{"statement": "短"}, 400)
	x := f.post("workshop", "/deliveries/"+d2.str("id")+"/dispute", map[string]any{
		"statement": "颜色是按企业提供的线材做的，批次色差不是工坊的问题。", "photo_ids": []string{f.photo("workshop")}}, 201)
	f.post("workshop", "/deliveries/"+d2.str("id")+"/dispute", map[string]any{"statement": "再申诉一次，理由同上，请核实。"}, 409)
	f.post("owner", "/disputes/"+x.str("id")+"/comments", map[string]any{"body": "线材批次相同，色差是染色问题。"}, 201)
	f.post("other", "/disputes/"+x.str("id")+"/comments", map[string]any{"body": "?"}, 404)
	queue := f.mustStatus(req{method: "GET", path: "/api/v1/disputes?status=open", token: f.as["moderator"].token}, 200)
	if num(queue, "total") != 1 {
		t.Fatal(queue.raw)
	}
	f.mustStatus(req{method: "GET", path: "/api/v1/disputes", token: f.as["owner"].token}, 403)
	f.post("owner", "/disputes/"+x.str("id")+"/resolve", map[string]any{"accepted": 50, "note": "x"}, 403)
	f.post("moderator", "/disputes/"+x.str("id")+"/resolve", map[string]any{"accepted": 51, "note": "超出"}, 400)
	res := f.post("moderator", "/disputes/"+x.str("id")+"/resolve", map[string]any{"accepted": 50, "note": "线材由企业提供，色差不由工坊承担"}, 200)
	if res.str("status") != "resolved" || len(res.field("comments").([]any)) != 1 {
		t.Fatalf("resolution: %s", res.raw)
	}
	// 935 accepted + 55 rejected = 990 of 1,000: the company ends it short.
	f.post("workshop", k+"/end", nil, 403)
	f.post("owner", k+"/end", nil, 200)
	if s := f.contract("owner").str("status"); s != "settling" {
		t.Fatalf("after ending short: %s", s)
	}
	// Settlement waits for the open dispute windows (the rework delivery's
	// rejection), and so do staff: a dispute after settlement could not be
	// paid. Moderators do not move money.
	_, settle := f.services()
	if err := settle.Settle(context.Background(), uuidOf(t, f.contractID)); err == nil {
		t.Fatal("settled before the dispute windows ended")
	} else if _, wait := settlement.IsWait(err); !wait {
		t.Fatal(err)
	}
	f.post("moderator", k+"/settle", nil, 403)
	if r := f.post("finance", k+"/settle", nil, 409); !strings.Contains(r.str("error.message"), "dispute rejections until") {
		t.Fatalf("settling inside a dispute window: %s", r.raw)
	}
	f.count("UPDATE deliveries SET dispute_due_at = now() - interval '1 minute' WHERE contract_id = $1 AND dispute_due_at IS NOT NULL RETURNING 1", f.contractID)
	f.post("finance", k+"/settle", nil, 200)
	f.post("finance", k+"/settle", nil, 200) // idempotent
	if s := f.contract("owner").str("status"); s != "settled" {
		t.Fatalf("after settle: %s", s)
	}
	tab = f.money("owner")
	// Escrow: 150,000 − 935 × 150 = 9,750 back to the company. Material: 990 received,
	// 990 delivered: nothing missing, the whole deposit back to the workshop.
	if num(tab, "held.escrow") != 0 || num(tab, "held.deposit") != 0 {
		t.Fatalf("settled but holding: %s", tab.raw)
	}
	var refundCompany, refundWorkshop, payouts int64
	for _, x := range tab.field("disbursements").([]any) {
		d := x.(map[string]any)
		switch {
		case d["kind"] == "payout":
			payouts += int64(d["amount"].(float64))
		case d["recipient_id"] == f.as["owner"].orgID:
			refundCompany += int64(d["amount"].(float64))
		default:
			refundWorkshop += int64(d["amount"].(float64))
		}
	}
	// Payouts: 935 × 150 = 140,250 gross; commission rounded per release.
	if refundCompany != 9750 || refundWorkshop != 20000 || payouts != 140250-4208 {
		t.Fatalf("refunds company %d, workshop %d, payouts %d", refundCompany, refundWorkshop, payouts)
	}
	ev := f.timeline().field("events").([]any)
	if last := ev[len(ev)-1].(map[string]any); last["kind"] != "ended_settled" {
		t.Fatalf("last event %v", last)
	}
	ledgerSound(t, f.st)
}

// TestConcurrentDeliveriesAndInspections: twenty deliveries at once never
// exceed the material received; twenty inspections of one delivery at
// once record it once and release its money once.
func TestConcurrentDeliveriesAndInspections(t *testing.T) {
	t.Parallel()
	f := newActiveContract(t)
	k := "/contracts/" + f.contractID
	d := f.post("owner", k+"/dispatches", map[string]any{"quantity": 1000, "method": "pickup"}, 201)
	f.post("workshop", "/dispatches/"+d.str("id")+"/receive", map[string]any{"quantity": 1000}, 200)
	var wg sync.WaitGroup
	codes := make([]int, 20)
	ids := make([]string, 20)
	for i := range codes {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r := f.do(req{method: "POST", path: "/api/v1" + k + "/deliveries", token: f.as["workshop"].token, body: map[string]any{"quantity": 60}})
			codes[i], ids[i] = r.status, r.str("id")
		}(i)
	}
	wg.Wait()
	ok, first := 0, ""
	for i, c := range codes {
		if c == 201 {
			ok++
			if first == "" {
				first = ids[i]
			}
		} else if c != 400 {
			t.Fatalf("unexpected status %d", c)
		}
	}
	// The contract's 1,000 pieces: 16 batches of 60 fit, the rest are refused.
	if q := f.timeline().field("quantities").(map[string]any); ok != 16 || q["delivered"] != 960.0 {
		t.Fatalf("%d deliveries accepted, delivered %v", ok, q["delivered"])
	}
	codes = make([]int, 20)
	for i := range codes {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			codes[i] = f.do(req{method: "POST", path: "/api/v1/deliveries/" + first + "/inspect", token: f.as["owner"].token,
				body: map[string]any{"accepted": 60}}).status
		}(i)
	}
	wg.Wait()
	count := map[int]int{}
	for _, c := range codes {
		count[c]++
	}
	if count[200] != 1 || count[409] != 19 {
		t.Fatalf("inspection statuses %v", count)
	}
	if n := f.count("SELECT count(*) FROM ledger_transactions WHERE kind = 'release'"); n != 1 {
		t.Fatalf("%d releases", n)
	}
	ledgerSound(t, f.st)
}

// TestAutoAcceptRacesInspection: the auto-accept job and an inspection at
// the deadline: one outcome, one release, however they interleave.
func TestAutoAcceptRacesInspection(t *testing.T) {
	t.Parallel()
	f := newActiveContract(t)
	k := "/contracts/" + f.contractID
	d := f.post("owner", k+"/dispatches", map[string]any{"quantity": 1000, "method": "pickup"}, 201)
	f.post("workshop", "/dispatches/"+d.str("id")+"/receive", map[string]any{"quantity": 1000}, 200)
	ful, _ := f.services()
	for round := range 6 {
		del := f.post("workshop", k+"/deliveries", map[string]any{"quantity": 100}, 201)
		_, err := f.pool.Exec(context.Background(), "UPDATE deliveries SET inspect_due_at = now() - interval '1 second' WHERE id = $1", del.str("id"))
		must(t, err)
		var wg sync.WaitGroup
		var status int
		var jobErr error
		wg.Add(2)
		go func() {
			defer wg.Done()
			status = f.do(req{method: "POST", path: "/api/v1/deliveries/" + del.str("id") + "/inspect", token: f.as["owner"].token,
				body: map[string]any{"accepted": 90, "rejected": []any{map[string]any{"reason": "破损", "quantity": 10,
					"photo_ids": []string{f.photo("owner")}}}}}).status
		}()
		go func() { defer wg.Done(); jobErr = ful.AutoAccept(context.Background(), uuidOf(t, del.str("id"))) }()
		wg.Wait()
		must(t, jobErr)
		var st string
		var accepted int64
		must(t, f.pool.QueryRow(context.Background(), "SELECT status, accepted FROM deliveries WHERE id = $1", del.str("id")).Scan(&st, &accepted))
		switch {
		case status == 200 && st == "accepted" && accepted == 90:
		case status == 409 && st == "auto_accepted" && accepted == 100:
		default:
			t.Fatalf("round %d: inspection %d, delivery %s with %d accepted", round, status, st, accepted)
		}
		if n := f.count("SELECT count(*) FROM ledger_transactions WHERE kind = 'release' AND posting_key = $1", "release:delivery:"+del.str("id")); n != 1 {
			t.Fatalf("round %d: %d releases", round, n)
		}
	}
	ledgerSound(t, f.st)
}

// uploaded is a before hook: the caller uploads a photo, named var.
func uploaded(as, name string) func(w *world) {
	return func(w *world) { w.vars[name] = w.upload(w.as[as].token, "p.png", pngBytes(w.t, 32, 32), 201).str("id") }
}

// fulfilmentRoutes: an active contract from materials to settlement:
// dispatch, receipt with a shortfall, a return, a delivery, an inspection
// rejecting some pieces, the workshop's dispute, comments, the staff
// decision, messages, ending short and settling. Each step tells the other
// party; another organisation sees none of it.
func fulfilmentRoutes() routeTable {
	inspection := map[string]any{"accepted": 450, "rejected": []any{map[string]any{"reason": "网眼不均匀", "quantity": 50, "photo_ids": []string{"{insp}"}}}}
	return routeTable{name: "fulfilment", setup: func(t *testing.T) *world {
		f := newActiveContract(t)
		return newWorld(f.fixture, map[string]string{"contract": f.contractID})
	}, scenarios: []scenario{
		{method: "POST", url: "/api/v1/contracts/{contract}/dispatches", body: map[string]any{"quantity": 1000, "method": "pickup"}, want: 401},
		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/dispatches", body: map[string]any{"quantity": 1000, "method": "pickup"}, want: 403},
		{as: "other", method: "POST", url: "/api/v1/contracts/{contract}/dispatches", body: map[string]any{"quantity": 1000, "method": "pickup"}, want: 404},
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/dispatches", body: map[string]any{"quantity": 1000, "method": "carrier"}, want: 400,
			fragments: []string{`"tracking_no"`}},
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/dispatches",
			body: map[string]any{"quantity": 1000, "method": "carrier", "carrier": "顺丰", "tracking_no": "SF1234567890"}, want: 201,
			fragments: []string{`"quantity":1000`, `"SF1234567890"`}, save: map[string]string{"dispatch": "id"}, notified: []string{"workshop:materials.sent"}},

		{method: "POST", url: "/api/v1/dispatches/{dispatch}/receive", body: map[string]any{"quantity": 1000}, want: 401},
		{as: "owner", method: "POST", url: "/api/v1/dispatches/{dispatch}/receive", body: map[string]any{"quantity": 1000}, want: 403},
		{as: "workshop2", method: "POST", url: "/api/v1/dispatches/{dispatch}/receive", body: map[string]any{"quantity": 1000}, want: 404},
		{as: "workshop", method: "POST", url: "/api/v1/dispatches/{dispatch}/receive", body: map[string]any{"quantity": 990}, want: 400, fragments: []string{`"note"`}},
		{as: "workshop", method: "POST", url: "/api/v1/dispatches/{dispatch}/receive", before: uploaded("workshop", "short"),
			body: map[string]any{"quantity": 990, "note": "少了一包（10件用料）", "photo_ids": []string{"{short}"}}, want: 200,
			fragments: []string{`"received_quantity":990`}, notified: []string{"owner:materials.received"}},

		{method: "POST", url: "/api/v1/contracts/{contract}/returns", body: map[string]any{"quantity": 10, "note": "多余的线"}, want: 401},
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/returns", body: map[string]any{"quantity": 10, "note": "多余的线"}, want: 403},
		{as: "other", method: "POST", url: "/api/v1/contracts/{contract}/returns", body: map[string]any{"quantity": 10, "note": "多余的线"}, want: 404},
		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/returns", body: map[string]any{"quantity": 5000}, want: 400,
			fragments: []string{`"quantity"`}},
		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/returns", body: map[string]any{"quantity": 10, "note": "多余的线"}, want: 201,
			fragments: []string{`"quantity":10`, `"多余的线"`}},

		{method: "POST", url: "/api/v1/contracts/{contract}/deliveries", body: map[string]any{"quantity": 500}, want: 401},
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/deliveries", body: map[string]any{"quantity": 500}, want: 403},
		{as: "workshop2", method: "POST", url: "/api/v1/contracts/{contract}/deliveries", body: map[string]any{"quantity": 500}, want: 404},
		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/deliveries", body: map[string]any{"quantity": 1011}, want: 400,
			fragments: []string{`"quantity"`}},
		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/deliveries", before: uploaded("workshop", "done"),
			body: map[string]any{"quantity": 500, "photo_ids": []string{"{done}"}}, want: 201, fragments: []string{`"quantity":500`, `"status":"submitted"`},
			save: map[string]string{"delivery": "id"}, notified: []string{"owner:delivery.submitted"}, jobs: []string{"inspection_reminder", "auto_accept"}},

		{method: "GET", url: "/api/v1/contracts/{contract}/timeline", want: 401},
		{as: "other", method: "GET", url: "/api/v1/contracts/{contract}/timeline", want: 404},
		{as: "owner", method: "GET", url: "/api/v1/contracts/{contract}/timeline", want: 200,
			fragments: []string{`"received":990`, `"returned":10`, `"delivered":500`, `"awaiting_inspection":500`, `"{delivery}"`}},

		{method: "POST", url: "/api/v1/deliveries/{delivery}/inspect", body: map[string]any{"accepted": 500}, want: 401},
		{as: "workshop", method: "POST", url: "/api/v1/deliveries/{delivery}/inspect", body: map[string]any{"accepted": 500}, want: 403},
		{as: "other", method: "POST", url: "/api/v1/deliveries/{delivery}/inspect", body: map[string]any{"accepted": 500}, want: 404},
		{as: "owner", method: "POST", url: "/api/v1/deliveries/{delivery}/inspect", body: map[string]any{"accepted": 400}, want: 400},
		{as: "owner", method: "POST", url: "/api/v1/deliveries/{delivery}/inspect", before: uploaded("owner", "insp"), body: inspection, want: 200,
			fragments: []string{`"status":"accepted"`, `"accepted":450`, `"rejected":50`}, notified: []string{"workshop:delivery.inspected"}},
		{as: "owner", method: "POST", url: "/api/v1/deliveries/{delivery}/inspect", body: inspection, want: 409},

		{method: "POST", url: "/api/v1/deliveries/{delivery}/dispute", body: map[string]any{"statement": "色差是线材批次造成的，不是工坊的问题。"}, want: 401},
		{as: "owner", method: "POST", url: "/api/v1/deliveries/{delivery}/dispute", body: map[string]any{"statement": "色差是线材批次造成的，不是工坊的问题。"}, want: 403},
		{as: "workshop2", method: "POST", url: "/api/v1/deliveries/{delivery}/dispute", body: map[string]any{"statement": "色差是线材批次造成的，不是工坊的问题。"}, want: 404},
		{as: "workshop", method: "POST", url: "/api/v1/deliveries/{delivery}/dispute", body: map[string]any{"statement": "短"}, want: 400,
			fragments: []string{`"statement"`}},
		{as: "workshop", method: "POST", url: "/api/v1/deliveries/{delivery}/dispute", body: map[string]any{"statement": "网眼是按样品做的，请平台核实。"}, want: 201,
			fragments: []string{`"status":"open"`, `"delivery_id":"{delivery}"`}, save: map[string]string{"dispute": "id"}, notified: []string{"owner:dispute.opened"}},

		{method: "GET", url: "/api/v1/disputes", want: 401},
		{as: "owner", method: "GET", url: "/api/v1/disputes", want: 403},
		{as: "moderator", method: "GET", url: "/api/v1/disputes?status=open", want: 200, fragments: []string{`"total":1`, `"id":"{dispute}"`}},
		{method: "GET", url: "/api/v1/disputes/{dispute}", want: 401},
		{as: "other", method: "GET", url: "/api/v1/disputes/{dispute}", want: 404},
		{as: "workshop2", method: "GET", url: "/api/v1/disputes/{dispute}", want: 404},
		{as: "owner", method: "GET", url: "/api/v1/disputes/{dispute}", want: 200,
			fragments: []string{`"id":"{dispute}"`, `"status":"open"`, `"网眼是按样品做的，请平台核实。"`, `"comments":[]`}},
		{as: "moderator", method: "GET", url: "/api/v1/disputes/{dispute}", want: 200, fragments: []string{`"id":"{dispute}"`}},
		{method: "POST", url: "/api/v1/disputes/{dispute}/comments", body: map[string]any{"body": "线材批次相同。"}, want: 401},
		{as: "other", method: "POST", url: "/api/v1/disputes/{dispute}/comments", body: map[string]any{"body": "?"}, want: 404},
		{as: "owner", method: "POST", url: "/api/v1/disputes/{dispute}/comments", body: map[string]any{"body": "线材批次相同，网眼确实不均。"}, want: 201,
			fragments: []string{`"线材批次相同，网眼确实不均。"`}, notified: []string{"workshop:dispute.comment"}},
		{name: "the comment is in the dispute's thread", as: "workshop", method: "GET", url: "/api/v1/disputes/{dispute}", want: 200,
			fragments: []string{`"线材批次相同，网眼确实不均。"`}},
		{method: "POST", url: "/api/v1/disputes/{dispute}/preview", body: map[string]any{"accepted": 30}, want: 401},
		{as: "owner", method: "POST", url: "/api/v1/disputes/{dispute}/preview", body: map[string]any{"accepted": 30}, want: 403},
		{as: "finance", method: "POST", url: "/api/v1/disputes/{dispute}/preview", body: map[string]any{"accepted": 30}, want: 403},
		{as: "moderator", method: "POST", url: "/api/v1/disputes/{nil}/preview", body: map[string]any{"accepted": 30}, want: 404},
		{as: "moderator", method: "POST", url: "/api/v1/disputes/{dispute}/preview", body: map[string]any{"accepted": 51}, want: 400,
			fragments: []string{`"accepted"`}},
		{name: "30 of 50 accepted: ¥45.00 less 3 % to the workshop, ¥30.00 stays for the company", as: "moderator", method: "POST",
			url: "/api/v1/disputes/{dispute}/preview", body: map[string]any{"accepted": 30}, want: 200,
			fragments: []string{`"gross":4500`, `"commission":135`, `"net":4365`, `"refund":3000`}},
		{method: "POST", url: "/api/v1/disputes/{dispute}/resolve", body: map[string]any{"accepted": 30, "note": "部分合格"}, want: 401},
		{as: "owner", method: "POST", url: "/api/v1/disputes/{dispute}/resolve", body: map[string]any{"accepted": 30, "note": "部分合格"}, want: 403},
		{as: "moderator", method: "POST", url: "/api/v1/disputes/{dispute}/resolve", body: map[string]any{"accepted": 51, "note": "超出"}, want: 400},
		{as: "moderator", method: "POST", url: "/api/v1/disputes/{dispute}/resolve", body: map[string]any{"accepted": 30, "note": "30件合格，20件确有问题"}, want: 200,
			fragments: []string{`"status":"resolved"`}, notified: []string{"owner:dispute.resolved", "workshop:dispute.resolved"}},

		{method: "POST", url: "/api/v1/contracts/{contract}/messages", body: map[string]any{"body": "下一批什么时候到？"}, want: 401},
		{as: "other", method: "POST", url: "/api/v1/contracts/{contract}/messages", body: map[string]any{"body": "?"}, want: 404},
		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/messages", body: map[string]any{"body": ""}, want: 400, fragments: []string{`"body"`}},
		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/messages", before: uploaded("workshop", "msg"),
			body: map[string]any{"body": "下一批什么时候到？", "photo_ids": []string{"{msg}"}}, want: 201,
			fragments: []string{`"下一批什么时候到？"`, `"{msg}"`}, notified: []string{"owner:contract.message"}},
		{method: "GET", url: "/api/v1/contracts/{contract}/messages", want: 401},
		{as: "other", method: "GET", url: "/api/v1/contracts/{contract}/messages", want: 404},
		{as: "workshop2", method: "GET", url: "/api/v1/contracts/{contract}/messages", want: 404},
		{as: "owner", method: "GET", url: "/api/v1/contracts/{contract}/messages", want: 200, fragments: []string{`"total":1`, `"下一批什么时候到？"`, `"{msg}"`}},
		{as: "moderator", method: "GET", url: "/api/v1/contracts/{contract}/messages?per_page=500", want: 400, fragments: []string{`"per_page"`}},

		{method: "POST", url: "/api/v1/contracts/{contract}/end", want: 401},
		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/end", want: 403},
		{as: "other", method: "POST", url: "/api/v1/contracts/{contract}/end", want: 404},
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/end", want: 200, fragments: []string{`"status":"settling"`},
			notified: []string{"owner:contract.settling", "workshop:contract.settling"}, jobs: []string{"settle_contract"}},
		{method: "POST", url: "/api/v1/contracts/{contract}/settle", want: 401},
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/settle", want: 403},
		{as: "moderator", method: "POST", url: "/api/v1/contracts/{contract}/settle", want: 403},
		{as: "finance", method: "POST", url: "/api/v1/contracts/{nil}/settle", want: 404},
		{as: "finance", method: "POST", url: "/api/v1/contracts/{contract}/settle", want: 200, fragments: []string{`"status":"settled"`},
			notified: []string{"owner:contract.settled", "workshop:contract.settled"}},
	}}
}
