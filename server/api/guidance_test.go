package api_test

import (
	"strings"
	"testing"

	"github.com/google/uuid"
)

// The next step each side is told, through the API, in the situations
// where the status alone told people the wrong thing (issue 23, point 1).
func (f *contractFixture) next(as string) (step, who, action string, amount int64) {
	f.t.Helper()
	c := f.contract(as)
	return c.str("next.step"), c.str("next.who"), c.str("next.action"), int64(num(c, "next.amount"))
}

func (f *contractFixture) wantNext(as, step, who, action string) {
	f.t.Helper()
	if s, w, a, _ := f.next(as); s != step || w != who || a != action {
		f.t.Fatalf("%s is told %s/%s/%s, want %s/%s/%s", as, s, w, a, step, who, action)
	}
}

func TestNextStepFollowsTheMoney(t *testing.T) {
	t.Parallel()
	f := newContractFixture(t)
	f.wantNext("owner", "fund_escrow", "you", "fund")
	f.wantNext("workshop", "pay_deposit", "you", "pay_deposit")

	// The company started a bank transfer: it waits for finance, it is not
	// asked to pay again.
	escrow := f.pay("owner", "fund", 201)
	f.wantNext("owner", "escrow_in_transit", "finance", "") // waiting for finance to see it arrive
	f.wantNext("workshop", "pay_deposit", "you", "pay_deposit")
	if c := f.contract("finance"); c.str("next.step") != "escrow_in_transit" || c.str("next.who") != "you" ||
		c.str("next.payment.reference") != escrow.str("reference") {
		t.Fatalf("finance is told %s", c.raw)
	}
	f.confirm(escrow.str("id"), 150000, 200)

	// ¥150 of the ¥200 deposit arrived: the workshop owes ¥50, the company waits for it.
	f.confirm(f.pay("workshop", "deposit", 201).str("id"), 15000, 200)
	if s, w, a, amount := f.next("workshop"); s != "pay_deposit" || w != "you" || a != "pay_deposit" || amount != 5000 {
		t.Fatalf("workshop told %s/%s/%s ¥%d", s, w, a, amount)
	}
	if s, w, _, amount := f.next("owner"); s != "pay_deposit" || w != "workshop" || amount != 5000 {
		t.Fatalf("company told %s/%s ¥%d", s, w, amount)
	}
	f.confirm(f.pay("workshop", "deposit", 201).str("id"), 5000, 200)

	// Active: the company sends material, the workshop counts it in.
	f.wantNext("owner", "dispatch", "you", "dispatch")
	k := "/contracts/" + f.contractID
	d := f.post("owner", k+"/dispatches", map[string]any{"quantity": 1000, "method": "pickup"}, 201)
	f.wantNext("workshop", "receive", "you", "receive")
	if c := f.contract("workshop"); c.str("next.ref") != d.str("id") {
		t.Fatalf("the receive step names %s, want the shipment %s", c.str("next.ref"), d.str("id"))
	}
	f.post("workshop", "/dispatches/"+d.str("id")+"/receive", map[string]any{"quantity": 1000}, 200)
	f.wantNext("workshop", "deliver", "you", "deliver")

	// After an inspection with rework the workshop's task is the rework,
	// not "waiting for inspection".
	del := f.post("workshop", k+"/deliveries", map[string]any{"quantity": 500}, 201)
	f.wantNext("owner", "inspect", "you", "inspect")
	f.post("owner", "/deliveries/"+del.str("id")+"/inspect", map[string]any{"accepted": 450, "rework": 50}, 200)
	f.wantNext("workshop", "deliver_rework", "you", "deliver_rework")
	f.wantNext("owner", "deliver_rework", "workshop", "")
	if c := f.contract("workshop"); num(c, "limits.deliverable") != 500 || c.field("actions.deliver.allowed") != true {
		t.Fatalf("limits and actions while rework is out: %s", c.raw)
	}
}

// A rejection can be disputed until settlement, and settlement waits for
// the window (issue 23, point 16); material cannot be returned after it
// (point 23); finance staff do not moderate (point 17).
func TestSettlementClosesDisputesAndReturns(t *testing.T) {
	t.Parallel()
	f := newActiveContract(t)
	k := "/contracts/" + f.contractID
	d := f.post("owner", k+"/dispatches", map[string]any{"quantity": 1000, "method": "pickup"}, 201)
	f.post("workshop", "/dispatches/"+d.str("id")+"/receive", map[string]any{"quantity": 1000}, 200)
	del := f.post("workshop", k+"/deliveries", map[string]any{"quantity": 990}, 201)
	f.post("owner", "/deliveries/"+del.str("id")+"/inspect", map[string]any{"accepted": 980,
		"rejected": []any{map[string]any{"reason": "网眼不均匀", "quantity": 10, "photo_ids": []string{f.photo("owner")}}}}, 200)
	f.post("owner", k+"/end", nil, 200)
	f.wantNext("workshop", "dispute_window", "you", "")
	f.post("finance", k+"/settle", nil, 409) // the workshop may still dispute
	f.count("UPDATE deliveries SET dispute_due_at = now() - interval '1 minute' WHERE id = $1 RETURNING 1", del.str("id"))
	f.post("finance", k+"/settle", nil, 200)
	if r := f.post("workshop", "/deliveries/"+del.str("id")+"/dispute",
		map[string]any{"statement": "这些件是合格的，请平台核实。"}, 409); r.str("error.code") != "state" {
		t.Fatalf("a dispute after settlement: %s", r.raw)
	}
	f.post("workshop", k+"/returns", map[string]any{"quantity": 5, "note": "结算后才找到的"}, 409)
	f.wantNext("owner", "rate", "you", "rate")

	for _, path := range []string{"/moderation/orders/" + f.orderID + "/suspend", "/orgs/" + f.as["workshop"].orgID + "/verify",
		"/orgs/" + f.as["workshop"].orgID + "/guarantee"} {
		f.post("finance", path, map[string]any{"reason": "测试", "verified": true, "community_guarantee": true}, 403)
	}
}

// Residents are paid by the pieces the company accepted, once the platform
// paid the workshop (issue 23, points 4 and 6); a contract's bank payouts
// go out as one.
func TestDistributionOnASoundBasis(t *testing.T) {
	t.Parallel()
	f := newOpsFixture(t)
	a := f.addResident("workshop", map[string]any{"name": "花修朵"}, 201).str("id")
	b := f.addResident("workshop", map[string]any{"name": "马运荣"}, 201).str("id")
	f.savePieces("workshop", uuid.NewString(), map[string]int{a: 600, b: 400}, 200)
	for _, n := range []int{1000, 2000} { // two inspections, two releases
		d := f.post("workshop", "/contracts/"+f.contractID+"/deliveries", map[string]any{"quantity": n}, 201)
		f.post("owner", "/deliveries/"+d.str("id")+"/inspect", map[string]any{"accepted": n}, 200)
	}
	f.post("finance", "/contracts/"+f.contractID+"/settle", nil, 200)
	dist := "/contracts/" + f.contractID + "/distribution"
	v := f.post("workshop", dist+"/approve", map[string]any{"community_fund_bp": 0}, 400)
	if v.field("error.fields.reason") == nil {
		t.Fatalf("approving 1,000 of the accepted pieces without a reason: %s", v.raw)
	}
	v = f.post("workshop", dist+"/approve", map[string]any{"community_fund_bp": 0, "reason": "其余件数由居民小组长统一领取"}, 200)
	if v.str("basis_note") != "其余件数由居民小组长统一领取" || num(v, "unrecorded") == 0 || num(v, "piece_rate") == 0 {
		t.Fatalf("approved: %s", v.raw)
	}
	line := item(v, "lines", 0)["id"].(string)
	if r := f.post("workshop", "/distribution-lines/"+line+"/paid", map[string]any{"method": "cash"}, 409); r.str("error.code") != "state" {
		t.Fatalf("paying a resident before the platform paid the workshop: %s", r.raw)
	}
	if n := f.count("SELECT count(*) FROM disbursements WHERE contract_id = $1 AND kind = 'payout'", f.contractID); n != 1 {
		t.Fatalf("%d payouts queued for one contract's releases, want one", n)
	}
	if r := f.mustStatus(req{method: "GET", path: "/api/v1/finance/disbursements?status=queued", token: f.as["finance"].token}, 200); !strings.Contains(r.raw, "收款账户") && !strings.Contains(r.raw, "payout account") {
		t.Fatalf("finance is not told why the payout cannot be sent: %s", r.raw)
	}
	f.payOut()
	if r := f.post("workshop", "/distribution-lines/"+line+"/paid", map[string]any{"method": "cash"}, 200); num(r, "paid_out") != num(r, "net") {
		t.Fatalf("after the payout: %s", r.raw)
	}
}

// Pieces recorded for residents stop at what the company accepted once the
// contract ends, and the refusal says so on the records field with the
// numbers, not "please check the highlighted fields".
func TestPieceRecordsStopAtTheAcceptedPieces(t *testing.T) {
	t.Parallel()
	f := newOpsFixture(t)
	a := f.addResident("workshop", map[string]any{"name": "花修朵"}, 201).str("id")
	d := f.post("workshop", "/contracts/"+f.contractID+"/deliveries", map[string]any{"quantity": 1000}, 201)
	f.post("owner", "/deliveries/"+d.str("id")+"/inspect", map[string]any{"accepted": 1000}, 200)
	s := f.savePieces("workshop", uuid.NewString(), map[string]int{a: 1200}, 200) // in production: up to the contract's 3,000
	if num(s, "piece_limit") != 3000 || num(s, "accepted") != 1000 {
		t.Fatalf("in production: %s", s.raw)
	}
	f.post("owner", "/contracts/"+f.contractID+"/end", nil, 200)
	r := f.savePieces("workshop", uuid.NewString(), map[string]int{a: 1201}, 400)
	if got := r.str("error.fields.records"); got != "the records add up to 1,201 pieces, 201 more than the 1,000 the company accepted" {
		t.Fatalf("over the accepted pieces: %q (%s)", got, r.raw)
	}
	s = f.savePieces("workshop", uuid.NewString(), map[string]int{a: 1000}, 200)
	if num(s, "piece_limit") != 1000 || num(s, "totals.pieces") != 1000 {
		t.Fatalf("after ending short: %s", s.raw)
	}
}
