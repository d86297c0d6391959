package market

import (
	"strings"
	"testing"
)

func TestDistributionPolicy(t *testing.T) {
	t.Parallel()
	settled := DistributionFacts{Contract: ContractSettled, Net: 465018, Recorded: 3995, Accepted: 3995, PaidOut: 465018}
	cases := []struct {
		name   string
		set    func(*DistributionFacts)
		want   string // allowed actions
		reason bool
	}{
		{"settled, recorded as accepted", nil, "record_pieces approve", false},
		{"1,000 of 3,995 accepted pieces recorded", func(f *DistributionFacts) { f.Recorded = 1000 }, "record_pieces approve", true},
		{"more recorded than accepted", func(f *DistributionFacts) { f.Recorded = 4000 }, "record_pieces approve", true},
		{"not settled yet", func(f *DistributionFacts) { f.Contract = ContractDelivering }, "record_pieces", false},
		{"nothing released", func(f *DistributionFacts) { f.Net, f.PaidOut = 0, 0 }, "record_pieces", false},
		{"approved, the platform paid the workshop", func(f *DistributionFacts) { f.Approved = true }, "mark_paid", false},
		{"approved, the payout waits for finance", func(f *DistributionFacts) { f.Approved, f.PaidOut = true, 100000 }, "", false},
		{"not started", func(f *DistributionFacts) {
			f.Contract, f.Net, f.Recorded, f.Accepted = ContractAwaitingFunding, 0, 0, 0
		}, "", false},
	}
	for _, c := range cases {
		f := settled
		if c.set != nil {
			c.set(&f)
		}
		p := DistributionPolicyFor(f)
		if got := strings.Join(keys(allowedActions(p.Actions)), " "); got != strings.Join(strings.Fields(c.want), " ") && !sameSet(got, c.want) {
			t.Errorf("%s: may %q, want %q", c.name, got, c.want)
		}
		if p.ReasonRequired != c.reason {
			t.Errorf("%s: reason required %v", c.name, p.ReasonRequired)
		}
	}
	p := DistributionPolicyFor(DistributionFacts{Contract: ContractSettled, Net: 465018, Recorded: 1000, Accepted: 3995})
	if p.Unrecorded != 2995 || p.AwaitingPayout != 465018 {
		t.Fatalf("unrecorded %d, awaiting payout %d", p.Unrecorded, p.AwaitingPayout)
	}
	if _, err := CheckBasisNote(p, ""); ErrorCode(err) != CodeInvalid || !strings.Contains(err.(*Error).Fields["reason"].ZH, "2,995") {
		t.Fatalf("approving on 1,000 of 3,995 pieces without a reason: %v", err)
	}
	if note, err := CheckBasisNote(p, "其余件数由企业直接结算给居民"); err != nil || note == "" {
		t.Fatalf("with a reason: %q %v", note, err)
	}
	if err := DistributionPolicyFor(DistributionFacts{Contract: ContractSettled, Approved: true, Net: 465018, PaidOut: 100000}).
		Actions.MarkPaid.Err(); err == nil || !strings.Contains(err.(*Error).Message.ZH, "¥1,000.00") {
		t.Fatalf("marking paid before the platform paid: %v", err)
	}
}

func sameSet(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) != len(fb) {
		return false
	}
	m := map[string]bool{}
	for _, x := range fa {
		m[x] = true
	}
	for _, x := range fb {
		if !m[x] {
			return false
		}
	}
	return true
}

func TestPieceRateAndShare(t *testing.T) {
	t.Parallel()
	// ¥4,650.18 over 3,995 pieces is ¥1.1640 a piece, not ¥4.65.
	if r := PieceRate(465018, 3995); r != 11640 {
		t.Fatalf("rate %d", r)
	}
	// 3,995 of 4,000 is 99.87 %, never rounded up to 100 %.
	if s := ShareBP(3995, 4000); s != 9987 {
		t.Fatalf("share %d", s)
	}
	if PieceRate(1, 0) != 0 || ShareBP(1, 0) != 0 {
		t.Fatal("division by zero")
	}
}

func TestPieceTotalNamesTheLimit(t *testing.T) {
	t.Parallel()
	if err := CheckPieceTotal(ContractInProduction, 3000, 1000, 3000); err != nil {
		t.Fatalf("in production the contract quantity is the limit: %v", err)
	}
	err := CheckPieceTotal(ContractSettled, 3000, 1000, 1201)
	e, ok := err.(*Error)
	if !ok || e.Fields["records"].ZH != "记录的件数合计 1,201 件，超过企业验收合格的 1,000 件，多了 201 件" {
		t.Fatalf("settled: %#v", err)
	}
	if e := CheckPieceTotal(ContractDelivering, 3000, 0, 3001).(*Error); e.Fields["records"].ZH != "记录的件数合计 3,001 件，超过合同数量 3,000 件，多了 1 件" {
		t.Fatalf("delivering: %#v", e)
	}
}
