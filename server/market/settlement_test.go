package market

import "testing"

// The deposit rule, edge by edge, and the deposit scam: rejecting good
// pieces never costs the workshop its deposit.
func TestSettle(t *testing.T) {
	t.Parallel()
	base := SettlementInput{EscrowHeld: 0, DepositHeld: 20000, Received: 1000, Returned: 0, Delivered: 1000,
		AllowedLossUnits: 20, MaterialValuePerUnit: 80}
	cases := []struct {
		name string
		mod  func(*SettlementInput)
		want Settlement
	}{
		{"everything delivered", func(*SettlementInput) {}, Settlement{DepositRefund: 20000}},
		{"no material sent (workshop sources its own)", func(in *SettlementInput) { in.Received, in.Delivered = 0, 800 },
			Settlement{DepositRefund: 20000}},
		{"loss exactly at the allowance", func(in *SettlementInput) { in.Delivered = 980 },
			Settlement{MissingUnits: 20, DepositRefund: 20000}},
		{"one piece beyond the allowance", func(in *SettlementInput) { in.Delivered = 979 },
			Settlement{MissingUnits: 21, ChargeableUnits: 1, Deduction: 80, DepositRefund: 19920}},
		{"returned material counts", func(in *SettlementInput) { in.Delivered, in.Returned = 900, 80 },
			Settlement{MissingUnits: 20, DepositRefund: 20000}},
		{"deduction capped by the deposit", func(in *SettlementInput) { in.Delivered = 0 },
			Settlement{MissingUnits: 1000, ChargeableUnits: 980, Deduction: 20000}},
		{"deposit waived", func(in *SettlementInput) { in.DepositHeld, in.Delivered = 0, 500 },
			Settlement{MissingUnits: 500, ChargeableUnits: 480}},
		{"zero accepted: unused escrow back", func(in *SettlementInput) { in.EscrowHeld = 150000 },
			Settlement{EscrowRefund: 150000, DepositRefund: 20000}},
		// The 手工活 scam: 900 of 1,000 good pieces rejected — delivered is
		// 1,000 all the same, nothing is missing, the deposit comes back whole.
		{"90% rejected, nothing missing", func(in *SettlementInput) { in.EscrowHeld = 135000 },
			Settlement{EscrowRefund: 135000, DepositRefund: 20000}},
	}
	for _, c := range cases {
		in := base
		c.mod(&in)
		got, err := Settle(in)
		if err != nil || got != c.want {
			t.Errorf("%s: got %+v %v, want %+v", c.name, got, err, c.want)
		}
		esc, dep := SettleMovements(got)
		for _, m := range []Movement{esc, dep} {
			if len(m.Lines) > 0 && m.Check() != nil {
				t.Errorf("%s: %s does not balance: %v", c.name, m.Kind, m.Check())
			}
		}
	}
	if _, err := Settle(SettlementInput{Returned: -1}); err == nil {
		t.Error("negative input accepted")
	}
	big := SettlementInput{DepositHeld: 500, Received: 1 << 62, MaterialValuePerUnit: 1 << 40}
	if got, _ := Settle(big); got.Deduction != 500 {
		t.Errorf("overflowing value: %+v", got)
	}
}

// Releases round the commission half up at the half-fen boundary and balance.
func TestReleaseRounding(t *testing.T) {
	t.Parallel()
	cases := []struct {
		units, price int64
		bp           int
		net, fee     int64
	}{
		{1, 50, 300, 48, 2},   // 1.5 fen → 2
		{1, 49, 300, 48, 1},   // 1.47 → 1
		{1, 150, 300, 145, 5}, // 4.5 → 5
		{3, 50, 100, 148, 2},  // 1.5 → 2
		{1000, 150, 300, 145500, 4500},
		{7, 13, 0, 91, 0},
	}
	for _, c := range cases {
		m, net, fee, err := Release(c.units, c.price, c.bp)
		if err != nil || net != c.net || fee != c.fee || m.Check() != nil {
			t.Errorf("%d × %d at %d bp: net %d fee %d (%v), want %d %d", c.units, c.price, c.bp, net, fee, err, c.net, c.fee)
		}
	}
}
