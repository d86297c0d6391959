package api_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"doorstep/server/store"
)

// contractFixture: a company, a workshop and an awarded contract (1,000
// units at ¥1.50 = ¥1,500 escrow; a ¥0.20-per-unit deposit = ¥200, not
// waived: the workshop has no community guarantee), plus finance staff.
type contractFixture struct {
	*biddingFixture
	contractID string
	bidID      string
}

func newContractFixture(t testing.TB, tweak ...func(map[string]any)) *contractFixture {
	f := &contractFixture{biddingFixture: newBiddingFixture(t, tweak...)}
	f.as["finance"] = f.staff("fin@doorstep.cn", "finance")
	f.bidID = f.bid("workshop", bidBody(1000, 150), 201).str("id")
	f.contractID = f.bidAction("owner", f.bidID, "accept", confirmAward, 201).str("id")
	return f
}

func (f *contractFixture) pay(as, what string, want int) resp {
	f.t.Helper()
	return f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/" + what, token: f.as[as].token}, want)
}

func (f *contractFixture) confirm(paymentID string, amount int64, want int) resp {
	f.t.Helper()
	return f.mustStatus(req{method: "POST", path: "/api/v1/finance/payments/" + paymentID + "/confirm", token: f.as["finance"].token,
		body: map[string]any{"amount_received": amount, "bank_reference": "ICBC-20261201-" + paymentID[:6]}}, want)
}

func (f *contractFixture) contract(as string) resp {
	f.t.Helper()
	return f.mustStatus(req{method: "GET", path: "/api/v1/contracts/" + f.contractID, token: f.as[as].token}, 200)
}

func (f *contractFixture) money(as string) resp {
	f.t.Helper()
	return f.mustStatus(req{method: "GET", path: "/api/v1/contracts/" + f.contractID + "/payments", token: f.as[as].token}, 200)
}

// ledgerSound: every transaction balances, the sum over all accounts is
// zero and every cached balance equals its entries.
func ledgerSound(t testing.TB, st *store.Store) {
	t.Helper()
	c, err := st.DB().LedgerCheck(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if c.EntriesSum != 0 || c.BalancesSum != 0 || c.StaleBalances != 0 || c.Unbalanced != 0 {
		t.Fatalf("ledger: %+v", c)
	}
}

// TestBankTransferFunding: the company funds escrow and the workshop pays
// its deposit by bank transfer; finance staff record what actually arrived
// (a short deposit stays owed); the contract turns active only when both are in.
func TestBankTransferFunding(t *testing.T) {
	t.Parallel()
	f := newContractFixture(t)
	escrow := f.pay("owner", "fund", 201)
	if num(escrow, "amount") != 150000 || escrow.str("provider") != "manual" || escrow.str("status") != "pending" ||
		len(escrow.str("reference")) != len("DS-20261201-0001") {
		t.Fatalf("escrow payment: %s", escrow.raw)
	}
	// Paying twice: 409 with the open payment.
	again := f.pay("owner", "fund", 409)
	if again.str("error.code") != "state" || again.str("error.data.id") != escrow.str("id") {
		t.Fatalf("second fund: %s", again.raw)
	}
	// The wrong party, another organisation, nobody.
	f.pay("workshop", "fund", 403)
	f.pay("owner", "deposit", 403)
	f.pay("other", "fund", 404)
	f.pay("anon", "fund", 401)
	// The bank page shows where to transfer and the reference.
	tab := f.money("owner")
	if tab.str("bank.account") == "" || tab.str("provider") != "manual" || num(tab, "escrow_required") != 150000 {
		t.Fatalf("money tab: %s", tab.raw)
	}
	f.mustStatus(req{method: "POST", path: "/api/v1/payments/" + escrow.str("id") + "/receipt", token: f.as["owner"].token,
		body: map[string]any{"note": "工行转账 12月1日 15:02"}}, 200)
	f.mustStatus(req{method: "POST", path: "/api/v1/payments/" + escrow.str("id") + "/receipt", token: f.as["workshop"].token,
		body: map[string]any{"note": "x"}}, 403) // the other party sees the payment, but does not pay it

	deposit := f.pay("workshop", "deposit", 201)
	if num(deposit, "amount") != 20000 {
		t.Fatalf("deposit: %s", deposit.raw)
	}
	// Finance: owners and moderators may not; bad input names the field.
	for _, as := range []string{"owner", "workshop", "moderator"} {
		f.mustStatus(req{method: "GET", path: "/api/v1/finance/payments?status=pending", token: f.as[as].token}, 403)
	}
	queue := f.mustStatus(req{method: "GET", path: "/api/v1/finance/payments?status=pending", token: f.as["finance"].token}, 200)
	if num(queue, "total") != 2 {
		t.Fatalf("finance queue: %s", queue.raw)
	}
	if r := f.confirm(escrow.str("id"), 0, 400); r.field("error.fields.amount_received") == nil {
		t.Fatal(r.raw)
	}
	f.mustStatus(req{method: "POST", path: "/api/v1/finance/payments/" + escrow.str("id") + "/confirm", token: f.as["finance"].token,
		body: map[string]any{"amount_received": 150000}}, 400)

	if r := f.confirm(escrow.str("id"), 150000, 200); r.str("status") != "succeeded" {
		t.Fatal(r.raw)
	}
	f.confirm(escrow.str("id"), 150000, 409) // once only
	if s := f.contract("owner").str("status"); s != "awaiting_funding" {
		t.Fatalf("active without the deposit: %s", s)
	}
	// A short deposit is recorded as it is; the rest stays owed.
	if r := f.confirm(deposit.str("id"), 19000, 200); r.str("status") != "short" || num(r, "amount_received") != 19000 {
		t.Fatal(r.raw)
	}
	if s := f.contract("workshop").str("status"); s != "awaiting_funding" {
		t.Fatalf("active with a short deposit: %s", s)
	}
	rest := f.pay("workshop", "deposit", 201)
	if num(rest, "amount") != 1000 {
		t.Fatalf("the rest of the deposit: %s", rest.raw)
	}
	f.confirm(rest.str("id"), 1000, 200)
	k := f.contract("owner")
	if k.str("status") != "active" || k.field("funding.escrow_funded_at") == nil || k.field("funding.deposit_paid_at") == nil {
		t.Fatalf("contract after funding: %s", k.raw)
	}
	tab = f.money("workshop")
	if num(tab, "held.escrow") != 150000 || num(tab, "held.deposit") != 20000 || len(tab.field("payments").([]any)) != 3 {
		t.Fatalf("money tab: %s", tab.raw)
	}
	for _, as := range []string{"owner", "workshop"} {
		if byKind(f.notifications(as), "contract.active") == nil {
			t.Errorf("%s was not told the contract is active", as)
		}
	}
	ledger := f.mustStatus(req{method: "GET", path: "/api/v1/contracts/" + f.contractID + "/ledger", token: f.as["owner"].token}, 200)
	txs := ledger.field("transactions").([]any)
	if len(txs) != 6 {
		t.Fatalf("ledger: %d transactions: %s", len(txs), ledger.raw)
	}
	for _, x := range txs {
		if x.(map[string]any)["balanced"] != true {
			t.Fatalf("unbalanced: %v", x)
		}
	}
	f.mustStatus(req{method: "GET", path: "/api/v1/contracts/" + f.contractID + "/ledger", token: f.as["other"].token}, 404)
	ledgerSound(t, f.st)
	// Paying once funded: nothing owed.
	f.pay("owner", "fund", 409)
}

// TestOverPaymentRefunded: more than owed arrives; the excess is queued as
// a refund finance sends by hand, and the books come back to zero for it.
func TestOverPaymentRefunded(t *testing.T) {
	t.Parallel()
	f := newContractFixture(t)
	p := f.pay("owner", "fund", 201)
	if r := f.confirm(p.str("id"), 160000, 200); r.str("status") != "over" {
		t.Fatal(r.raw)
	}
	tab := f.money("owner")
	if num(tab, "held.escrow") != 150000 || num(tab, "held.refunds_payable") != 10000 {
		t.Fatalf("after an over-payment: %s", tab.raw)
	}
	q := f.mustStatus(req{method: "GET", path: "/api/v1/finance/disbursements?status=queued", token: f.as["finance"].token}, 200)
	d := item(q, "items", 0)
	if num(q, "total") != 1 || d["kind"] != "refund" || d["amount"] != 10000.0 || d["recipient_id"] != f.as["owner"].orgID {
		t.Fatalf("refund queue: %s", q.raw)
	}
	id := d["id"].(string)
	f.mustStatus(req{method: "POST", path: "/api/v1/finance/disbursements/" + id + "/sent", token: f.as["finance"].token,
		body: map[string]any{"bank_reference": "x"}}, 400)
	f.mustStatus(req{method: "POST", path: "/api/v1/finance/disbursements/" + id + "/sent", token: f.as["owner"].token,
		body: map[string]any{"bank_reference": "ICBC-REFUND-0001"}}, 403)
	f.mustStatus(req{method: "POST", path: "/api/v1/finance/disbursements/" + id + "/sent", token: f.as["finance"].token,
		body: map[string]any{"bank_reference": "ICBC-REFUND-0001"}}, 200)
	f.mustStatus(req{method: "POST", path: "/api/v1/finance/disbursements/" + id + "/sent", token: f.as["finance"].token,
		body: map[string]any{"bank_reference": "ICBC-REFUND-0001"}}, 409)
	if tab = f.money("owner"); num(tab, "held.refunds_payable") != 0 {
		t.Fatalf("refund sent but still payable: %s", tab.raw)
	}
	if byKind(f.notifications("owner"), "disbursement.sent") == nil {
		t.Error("the company was not told its refund was sent")
	}
	audit := f.mustStatus(req{method: "GET", path: "/api/v1/audit", token: f.as["admin"].token}, 200)
	for _, action := range []string{"payment.confirm", "disbursement.sent"} {
		found := false
		for _, x := range audit.field("items").([]any) {
			found = found || x.(map[string]any)["action"] == action
		}
		if !found {
			t.Errorf("%s not audit-logged", action)
		}
	}
	// The log reads in words: labels and values in both languages, money as
	// the pages write it, the kind a change and not a "refund" note, the
	// contract's title instead of an id.
	sent := item(audit, "items", 0)
	changes, _ := json.Marshal(sent["changes"]) // keys sorted
	for _, want := range []string{
		`{"after":{"en":"¥100.00","zh":"¥100.00"},"before":{"en":"","zh":""},"field":"amount","label":{"en":"Amount","zh":"金额"}}`,
		`{"after":{"en":"Refund","zh":"退款"},"before":{"en":"","zh":""},"field":"kind","label":{"en":"Kind","zh":"类型"}}`,
		`{"after":{"en":"Sent","zh":"已汇出"},"before":{"en":"To send","zh":"待汇出"},"field":"status","label":{"en":"Status","zh":"状态"}}`,
	} {
		if !strings.Contains(string(changes), want) {
			t.Errorf("audit of the refund lacks %s: %s", want, changes)
		}
	}
	if sent["action"] != "disbursement.sent" || sent["note"] != "" || sent["target_title"] != "编织网兜 5000 个" {
		t.Errorf("audit of the refund: %v", sent)
	}
	ledgerSound(t, f.st)
}

// TestConcurrentFundOnePayment: twenty fund requests at once make one
// payment; the other nineteen are told it exists.
func TestConcurrentFundOnePayment(t *testing.T) {
	t.Parallel()
	f := newContractFixture(t)
	var wg sync.WaitGroup
	codes := make([]int, 20)
	for i := range codes {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			codes[i] = f.do(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/fund", token: f.as["owner"].token}).status
		}(i)
	}
	wg.Wait()
	count := map[int]int{}
	for _, c := range codes {
		count[c]++
	}
	if count[201] != 1 || count[409] != 19 {
		t.Fatalf("status counts %v, want one 201 and nineteen 409", count)
	}
	if n := len(f.money("owner").field("payments").([]any)); n != 1 {
		t.Fatalf("%d payments", n)
	}
}

// TestCancelByBothParties: one party asks, the same party cannot confirm
// itself, the other agrees: the contract is cancelled, what was paid is
// refunded in full and the quantity goes back to the order.
func TestCancelByBothParties(t *testing.T) {
	t.Parallel()
	f := newContractFixture(t)
	p := f.pay("owner", "fund", 201)
	f.confirm(p.str("id"), 150000, 200)
	cancel := func(as string, want int) resp {
		return f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/cancel", token: f.as[as].token,
			body: map[string]any{"reason": "客户取消了订单"}}, want)
	}
	f.mustStatus(req{method: "POST", path: "/api/v1/contracts/" + f.contractID + "/cancel", token: f.as["owner"].token,
		body: map[string]any{}}, 400)
	cancel("other", 404)
	if r := cancel("owner", 200); r.str("status") != "awaiting_funding" || r.str("cancel_requested_by") != f.as["owner"].orgID {
		t.Fatalf("after asking: %s", r.raw)
	}
	cancel("owner", 409)
	if byKind(f.notifications("workshop"), "contract.cancel_requested") == nil {
		t.Error("the workshop was not asked")
	}
	if r := cancel("workshop", 200); r.str("status") != "cancelled" {
		t.Fatalf("after agreeing: %s", r.raw)
	}
	order := f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID, token: f.as["owner"].token}, 200)
	if num(order, "remaining_quantity") != 5000 || order.str("status") != "published" {
		t.Fatalf("order after cancel: %s", order.raw)
	}
	tab := f.money("owner")
	if num(tab, "held.escrow") != 0 || num(tab, "held.refunds_payable") != 150000 {
		t.Fatalf("money after cancel: %s", tab.raw)
	}
	ds := tab.field("disbursements").([]any)
	if len(ds) != 1 || ds[0].(map[string]any)["amount"] != 150000.0 || ds[0].(map[string]any)["kind"] != "refund" {
		t.Fatalf("refunds: %v", ds)
	}
	cancel("workshop", 409) // cancelled is final
	ledgerSound(t, f.st)
}

// TestLapseGivesQuantityBack: a contract not funded by its due day lapses
// (the expiry job's workflow): the quantity returns to the order, a fully
// awarded order reopens, and the part that was paid is refunded.
func TestLapseGivesQuantityBack(t *testing.T) {
	t.Parallel()
	f := newContractFixture(t)
	// Award the rest too: the order closes as fully awarded.
	b2 := f.bid("workshop2", bidBody(4000, 150), 201).str("id")
	f.bidAction("owner", b2, "accept", confirmAward, 201)
	if s := f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID, token: f.as["owner"].token}, 200).str("status"); s != "closed" {
		t.Fatalf("order not closed by the full award: %s", s)
	}
	p := f.pay("owner", "fund", 201)
	f.confirm(p.str("id"), 100000, 200) // short: still awaiting
	rest := f.pay("owner", "fund", 201) // the rest, not yet arrived when the contract lapses
	_, err := f.pool.Exec(context.Background(), "UPDATE contracts SET funding_due_at = now() - interval '1 minute' WHERE id = $1", f.contractID)
	must(t, err)
	n, err := f.lapseDue()
	if err != nil || n != 1 {
		t.Fatalf("lapsed %d, %v", n, err)
	}
	if k := f.contract("owner"); k.str("status") != "lapsed" || !strings.HasPrefix(k.str("end_reason.zh"), "未在 ") ||
		!strings.HasSuffix(k.str("end_reason.zh"), " 前托管货款") || !strings.HasPrefix(k.str("end_reason.en"), "not funded by ") {
		t.Fatalf("contract: %s", k.raw) // the server's reason, in each language
	}
	order := f.mustStatus(req{method: "GET", path: "/api/v1/orders/" + f.orderID, token: f.as["owner"].token}, 200)
	if order.str("status") != "published" || num(order, "remaining_quantity") != 1000 {
		t.Fatalf("order after lapse: %s", order.raw)
	}
	tab := f.money("owner")
	if num(tab, "held.escrow") != 0 || num(tab, "held.refunds_payable") != 100000 {
		t.Fatalf("money after lapse: %s", tab.raw)
	}
	for _, as := range []string{"owner", "workshop"} {
		if byKind(f.notifications(as), "contract.lapsed") == nil {
			t.Errorf("%s not told of the lapse", as)
		}
	}
	if n, _ := f.lapseDue(); n != 0 {
		t.Fatal("lapsed twice")
	}
	// The open payment was cancelled; money that still arrives for it goes back in full.
	late := f.mustStatus(req{method: "GET", path: "/api/v1/finance/payments?status=cancelled", token: f.as["finance"].token}, 200)
	if num(late, "total") != 1 || item(late, "items", 0)["id"] != rest.str("id") {
		t.Fatalf("cancelled payments: %s", late.raw)
	}
	f.confirm(rest.str("id"), 50000, 200)
	tab = f.money("owner")
	if num(tab, "held.escrow") != 0 || num(tab, "held.refunds_payable") != 150000 || len(tab.field("disbursements").([]any)) != 2 {
		t.Fatalf("money after a late payment: %s", tab.raw)
	}
	ledgerSound(t, f.st)
}

// moneyRoutes: the bank-transfer money of a contract: the parties pay,
// finance records what arrived, both agree to cancel, finance sends the
// refunds; payout accounts, whose numbers only owners and finance see whole.
func moneyRoutes() routeTable {
	fin := func(id string) map[string]any { return map[string]any{"bank_reference": "ICBC-20261201-" + id} }
	account := map[string]any{"account_name": "滨州鑫源工艺品有限公司", "bank_name": "中国工商银行滨州分行", "account_number": "6222 0202 0011 2233 445"}
	return routeTable{name: "money", scenarios: []scenario{
		{method: "GET", url: "/api/v1/contracts/{contract}/payments", want: 401},
		{as: "other", method: "GET", url: "/api/v1/contracts/{contract}/payments", want: 404},
		{as: "owner", method: "GET", url: "/api/v1/contracts/{contract}/payments", want: 200,
			fragments: []string{`"escrow_required":150000`, `"deposit_required":20000`, `"provider":"manual"`}},

		{method: "POST", url: "/api/v1/contracts/{contract}/fund", want: 401},
		{as: "other", method: "POST", url: "/api/v1/contracts/{contract}/fund", want: 404},
		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/fund", want: 403},
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/fund", want: 201,
			fragments: []string{`"amount":150000`, `"status":"pending"`, `"provider":"manual"`}, save: map[string]string{"pay": "id"}},
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/fund", want: 409, fragments: []string{`"id":"{pay}"`}},
		{method: "POST", url: "/api/v1/contracts/{contract}/deposit", want: 401},
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/deposit", want: 403},
		{as: "workshop2", method: "POST", url: "/api/v1/contracts/{contract}/deposit", want: 404},
		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/deposit", want: 201, fragments: []string{`"amount":20000`},
			save: map[string]string{"dep": "id"}},

		{method: "GET", url: "/api/v1/payments/{pay}", want: 401},
		{as: "other", method: "GET", url: "/api/v1/payments/{pay}", want: 404},
		{as: "owner", method: "GET", url: "/api/v1/payments/{pay}", want: 200, fragments: []string{`"id":"{pay}"`, `"reference":"DS-`}},
		{method: "POST", url: "/api/v1/payments/{pay}/receipt", body: map[string]any{"note": "工行转账 12月1日"}, want: 401},
		{as: "workshop", method: "POST", url: "/api/v1/payments/{pay}/receipt", body: map[string]any{"note": "x"}, want: 403},
		{as: "owner", method: "POST", url: "/api/v1/payments/{pay}/receipt", body: map[string]any{"note": "工行转账 12月1日"}, want: 200,
			fragments: []string{`"工行转账 12月1日"`}},

		{method: "GET", url: "/api/v1/finance/payments", want: 401},
		{as: "moderator", method: "GET", url: "/api/v1/finance/payments", want: 403},
		{as: "finance", method: "GET", url: "/api/v1/finance/payments?status=pending", want: 200, fragments: []string{`"total":2`, `"{pay}"`, `"{dep}"`}},
		{method: "POST", url: "/api/v1/finance/payments/{pay}/confirm", body: map[string]any{"amount_received": 150000, "bank_reference": "ICBC-1"}, want: 401},
		{as: "moderator", method: "POST", url: "/api/v1/finance/payments/{pay}/confirm", body: map[string]any{"amount_received": 150000, "bank_reference": "ICBC-1"}, want: 403},
		{as: "finance", method: "POST", url: "/api/v1/finance/payments/{pay}/confirm", body: map[string]any{"amount_received": 0, "bank_reference": "ICBC-1"}, want: 400,
			fragments: []string{`"amount_received"`}},
		{as: "finance", method: "POST", url: "/api/v1/finance/payments/{pay}/confirm", body: map[string]any{"amount_received": 150000, "bank_reference": "ICBC-20261201-1"},
			want: 200, fragments: []string{`"status":"succeeded"`}, notified: []string{"owner:payment.received"}},
		{as: "finance", method: "POST", url: "/api/v1/finance/payments/{dep}/confirm", body: map[string]any{"amount_received": 20000, "bank_reference": "ICBC-20261201-2"},
			want: 200, notified: []string{"owner:contract.active", "workshop:contract.active"}},

		{method: "GET", url: "/api/v1/contracts/{contract}/ledger", want: 401},
		{as: "other", method: "GET", url: "/api/v1/contracts/{contract}/ledger", want: 404},
		{as: "workshop", method: "GET", url: "/api/v1/contracts/{contract}/ledger", want: 200, fragments: []string{`"balanced":true`, `"amount":150000`},
			absent: []string{`"balanced":false`}},

		{method: "POST", url: "/api/v1/contracts/{contract}/cancel", body: map[string]string{"reason": "计划有变"}, want: 401},
		{as: "other", method: "POST", url: "/api/v1/contracts/{contract}/cancel", body: map[string]string{"reason": "计划有变"}, want: 404},
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/cancel", body: map[string]string{}, want: 400, fragments: []string{`"reason"`}},
		{as: "owner", method: "POST", url: "/api/v1/contracts/{contract}/cancel", body: map[string]string{"reason": "计划有变"}, want: 200,
			fragments: []string{`"status":"active"`, `"cancel_requested_by":"{A}"`}, notified: []string{"workshop:contract.cancel_requested"}},
		{as: "workshop", method: "POST", url: "/api/v1/contracts/{contract}/cancel", body: map[string]string{"reason": "同意"}, want: 200,
			fragments: []string{`"status":"cancelled"`}, notified: []string{"owner:contract.cancelled", "workshop:contract.cancelled"}},

		{method: "GET", url: "/api/v1/finance/disbursements", want: 401},
		{as: "owner", method: "GET", url: "/api/v1/finance/disbursements", want: 403},
		{as: "finance", method: "GET", url: "/api/v1/finance/disbursements?status=queued&provider=manual", want: 200,
			fragments: []string{`"total":2`, `"kind":"refund"`, `"amount":150000`, `"amount":20000`}, save: map[string]string{"disb": "items.0.id"}},
		{method: "POST", url: "/api/v1/finance/disbursements/{disb}/sent", body: fin("R1"), want: 401},
		{as: "moderator", method: "POST", url: "/api/v1/finance/disbursements/{disb}/sent", body: fin("R1"), want: 403},
		{as: "finance", method: "POST", url: "/api/v1/finance/disbursements/{disb}/sent", body: map[string]any{"bank_reference": "x"}, want: 400,
			fragments: []string{`"bank_reference"`}},
		{as: "finance", method: "POST", url: "/api/v1/finance/disbursements/{disb}/sent", body: fin("R1"), want: 200,
			fragments: []string{`"id":"{disb}"`, `"status":"sent"`}},
		{as: "finance", method: "POST", url: "/api/v1/finance/disbursements/{disb}/sent", body: fin("R1"), want: 409},

		// Payout accounts: owners set them; the number is whole only to the
		// organisation's owners and finance, masked to members and other staff.
		{method: "PUT", url: "/api/v1/orgs/{A}/payout-account", body: account, want: 401},
		{as: "other", method: "PUT", url: "/api/v1/orgs/{A}/payout-account", body: account, want: 404},
		{as: "member", method: "PUT", url: "/api/v1/orgs/{A}/payout-account", body: account, want: 403},
		{as: "owner", method: "PUT", url: "/api/v1/orgs/{A}/payout-account", body: map[string]any{"account_name": "滨州鑫源", "bank_name": "工行", "account_number": "12ab"},
			want: 400, fragments: []string{`"account_number"`}},
		{as: "owner", method: "PUT", url: "/api/v1/orgs/{A}/payout-account", body: account, want: 200,
			fragments: []string{`"account_number":"6222020200112233445"`, `"masked":false`, `"payouts_enabled":true`}},
		{method: "GET", url: "/api/v1/orgs/{A}/payout-account", want: 401},
		{as: "other", method: "GET", url: "/api/v1/orgs/{A}/payout-account", want: 404},
		{as: "workshop", method: "GET", url: "/api/v1/orgs/{A}/payout-account", want: 404},
		{as: "owner", method: "GET", url: "/api/v1/orgs/{A}/payout-account", want: 200,
			fragments: []string{`"account_number":"6222020200112233445"`, `"masked":false`, `"bank_name":"中国工商银行滨州分行"`}},
		{as: "finance", method: "GET", url: "/api/v1/orgs/{A}/payout-account", want: 200, fragments: []string{`"account_number":"6222020200112233445"`, `"masked":false`}},
		{as: "member", method: "GET", url: "/api/v1/orgs/{A}/payout-account", want: 200,
			fragments: []string{`"account_number":"**** 3445"`, `"masked":true`}, absent: []string{"6222020200112233445"}},
		{as: "moderator", method: "GET", url: "/api/v1/orgs/{A}/payout-account", want: 200,
			fragments: []string{`"account_number":"**** 3445"`, `"masked":true`}, absent: []string{"6222020200112233445"}},
		{as: "workshop", method: "GET", url: "/api/v1/orgs/{W}/payout-account", want: 200, fragments: []string{`"account_number":""`, `"payouts_enabled":false`}},
		{as: "owner", method: "POST", url: "/api/v1/orgs/{A}/payout-account/stripe-link", want: 409, fragments: []string{`"state"`}},
	}}
}
