package market

import (
	"encoding/json"
	"testing"
)

// The audit log words what changed: labels, money in yuan as the pages
// write it, pieces, yes/no, statuses of the row's kind, dates; unknown
// fields keep their name and value rather than vanish.
func TestAuditChanges(t *testing.T) {
	t.Parallel()
	settled, _ := json.Marshal(Settlement{EscrowRefund: 360000, MissingUnits: 30, ChargeableUnits: 10, Deduction: 9090, DepositRefund: 10910})
	got := AuditChanges("contract", nil, settled)
	want := []AuditChange{
		{"chargeable_units", Msg{"应赔件数", "Chargeable pieces"}, Msg{}, Msg{"10 件", "10 pieces"}},
		{"deduction", Msg{"保证金扣除", "Deposit deduction"}, Msg{}, Typed("¥90.90")},
		{"deposit_refund", Msg{"退还保证金", "Deposit refunded"}, Msg{}, Typed("¥109.10")},
		{"escrow_refund", Msg{"退回企业的货款", "Escrow refunded"}, Msg{}, Typed("¥3,600.00")},
		{"missing_units", Msg{"缺少的物料", "Material missing"}, Msg{}, Msg{"30 件", "30 pieces"}},
	}
	if len(got) != len(want) {
		t.Fatalf("settlement: %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("settlement change %d = %+v, want %+v", i, got[i], want[i])
		}
	}

	got = AuditChanges("org", []byte(`{"name":"碧林","verified":false,"community_guarantee":true}`),
		[]byte(`{"name":"碧林","verified":true,"community_guarantee":true,"due":"2026-12-15T02:00:00Z","terms":["网兜","渔网袋"],"x_new":5}`))
	want = []AuditChange{
		{"due", Msg{"due", "due"}, Msg{}, Msg{"2026/12/15 10:00", "15/12/2026 10:00"}},
		{"terms", Msg{"同义词", "Terms"}, Msg{}, Msg{"网兜、渔网袋", "网兜, 渔网袋"}},
		{"verified", Msg{"已认证", "Verified"}, Msg{"否", "No"}, Msg{"是", "Yes"}},
		{"x_new", Msg{"x_new", "x_new"}, Msg{}, Typed("5")},
	}
	if len(got) != len(want) {
		t.Fatalf("org: %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("org change %d = %+v, want %+v", i, got[i], want[i])
		}
	}

	got = AuditChanges("order", []byte(`{"status":"published"}`), []byte(`{"status":"suspended"}`))
	if len(got) != 1 || got[0].Before != (Msg{"已发布", "Published"}) || got[0].After != (Msg{"已暂停", "Suspended"}) {
		t.Errorf("order status: %+v", got)
	}
	if got := AuditChanges("payment", []byte(`null`), []byte(``)); len(got) != 0 {
		t.Errorf("no snapshots: %+v", got)
	}
}

// Every status of every audited row has words.
func TestAuditStatusWords(t *testing.T) {
	t.Parallel()
	check := func(target string, statuses []string) {
		for _, s := range statuses {
			if _, ok := auditStatuses[target][s]; !ok {
				t.Errorf("%s status %q has no words", target, s)
			}
		}
	}
	strs := func(n int, f func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	check("order", strs(len(OrderStatuses), func(i int) string { return string(OrderStatuses[i]) }))
	check("contract", strs(len(ContractStatuses), func(i int) string { return string(ContractStatuses[i]) }))
	check("payment", strs(len(PaymentStatuses), func(i int) string { return string(PaymentStatuses[i]) }))
	check("disbursement", strs(len(DisbursementStatuses), func(i int) string { return string(DisbursementStatuses[i]) }))
	check("dispute", strs(len(DisputeStatuses), func(i int) string { return string(DisputeStatuses[i]) }))
	check("report", []string{"open", ReportDismissed, ReportUpheld})
	for _, k := range DisbursementKinds {
		if _, ok := disbursementKindWords[string(k)]; !ok {
			t.Errorf("disbursement kind %q has no words", k)
		}
	}
}
