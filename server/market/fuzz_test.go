package market

import (
	"math/big"
	"strconv"
	"strings"
	"testing"
)

// Fuzz targets for the money rules (issue 17.5): never a panic, every split
// adds up to the fen, every rounding within half a fen (or the one fen the
// method allows), nothing negative. Run one with
//
//	go test -run '^$' -fuzz '^FuzzSettle$' -fuzztime 30s ./server/market/
//
// Without -fuzz, `go test` runs the seed corpora.

// FuzzCreditCode: normalising and checking never panic; a code made with
// its check digit carries that digit; changing any one character of a valid code to
// another allowed character makes it invalid (the mod-31 check digit
// catches every single substitution).
func FuzzCreditCode(f *testing.F) {
	f.Add("91371602MA3CBL5N2", 3, byte('7'))
	f.Add("91350100M000100Y4", 17, byte('0'))
	f.Add("９１３７ 1602ma3cbl5n2x", 0, byte('Y'))
	f.Add("\xff\x00IOZSV", 1, byte('I'))
	f.Fuzz(func(t *testing.T, s string, pos int, with byte) {
		n := NormalizeCreditCode(s)
		_ = ValidateCreditCode(s)
		_ = ValidateCreditCode(n)
		if len(n) < 17 || !inCreditCharset(n[:17]) {
			return
		}
		code := MakeCreditCode(n[:17])
		if d, err := CreditCodeCheckDigit(code[:17]); err != nil || d != code[17] {
			t.Fatalf("MakeCreditCode(%q) = %q: check digit %q, %v", n[:17], code, d, err)
		}
		if ValidateCreditCode(code) != nil { // positions 3–8 must also be digits
			return
		}
		if pos < 0 {
			pos = -pos
		}
		pos %= len(code)
		c := strings.ToUpper(string(with))
		if len(c) != 1 || c[0] == code[pos] || !inCreditCharset(c) {
			return
		}
		if bad := code[:pos] + c + code[pos+1:]; ValidateCreditCode(bad) == nil {
			t.Fatalf("%q (one character of the valid %q changed) validates", bad, code)
		}
	})
}

// exact is a×b/den as a big rational, for comparing roundings.
func exact(a, b, den int64) *big.Rat {
	return new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(a), big.NewInt(b)), big.NewInt(den))
}

// within checks |got − want| ≤ tol.
func within(got int64, want *big.Rat, tol *big.Rat) bool {
	d := new(big.Rat).Sub(new(big.Rat).SetInt64(got), want)
	return d.Abs(d).Cmp(tol) <= 0
}

var half, one = big.NewRat(1, 2), big.NewRat(1, 1)

// FuzzMoney: basis points, commission, rounding, deposits, deductions and
// ledger movements.
func FuzzMoney(f *testing.F) {
	f.Add(int64(150000), 300, int64(1000), int64(80), int64(7), int64(2))
	f.Add(int64(1), 5000, int64(3), int64(1), int64(0), int64(1))
	f.Add(int64(9223372036854775807), 10000, int64(9223372036854775807), int64(2), int64(9223372036854775807), int64(0))
	f.Add(int64(0), 0, int64(0), int64(0), int64(0), int64(0))
	f.Add(int64(-5), -1, int64(-3), int64(-1), int64(-2), int64(-9))
	f.Fuzz(func(t *testing.T, amount int64, bp int, qty, value, missing, allowed int64) {
		if got, err := BasisPoints(amount, bp); err == nil {
			if amount < 0 || bp < 0 || got < 0 || !within(got, exact(amount, int64(bp), 10000), half) {
				t.Fatalf("BasisPoints(%d, %d) = %d", amount, bp, got)
			}
		} else if amount >= 0 && bp >= 0 && bp <= 10000 {
			t.Fatalf("BasisPoints(%d, %d): %v", amount, bp, err)
		}
		if amount >= 0 && qty > 0 {
			q := RoundHalfUpDiv(amount, qty)
			if !within(q, big.NewRat(amount, qty), half) {
				t.Fatalf("RoundHalfUpDiv(%d, %d) = %d", amount, qty, q)
			}
		}
		if c, n, err := Commission(amount, bp); err == nil {
			if c+n != amount || c < 0 || n < 0 || !within(c, exact(amount, int64(bp), 10000), half) {
				t.Fatalf("Commission(%d, %d) = %d + %d", amount, bp, c, n)
			}
			if m, net, comm, err := Release(1, amount, bp); err == nil {
				if net != n || comm != c || (amount > 0 && m.Check() != nil) {
					t.Fatalf("Release(1, %d, %d): %+v %v", amount, bp, m, m.Check())
				}
			}
		} else if amount >= 0 && bp >= 0 && bp <= 10000 {
			t.Fatalf("Commission(%d, %d): %v", amount, bp, err)
		}
		for _, kind := range []string{DepositNone, DepositFixed, DepositPerUnit, DepositPercentOfMaterial, "bogus"} {
			for _, g := range []bool{false, true} {
				d, waived, err := DepositFor(DepositTerms{Kind: kind, Amount: amount, RateBP: bp, Waivable: g}, qty, value, g)
				if err == nil && (d < 0 || (waived && d != 0)) {
					t.Fatalf("DepositFor(%s, %d, %d, %d, %d) = %d, %v", kind, amount, bp, qty, value, d, waived)
				}
			}
		}
		if d, err := MaterialDeduction(amount, missing, allowed, value); err == nil {
			if d < 0 || (amount >= 0 && d > amount) {
				t.Fatalf("MaterialDeduction(%d, %d, %d, %d) = %d", amount, missing, allowed, value, d)
			}
		}
		if u := AllowedLossUnits(qty, bp); u < 0 || (qty >= 0 && u > qty) {
			t.Fatalf("AllowedLossUnits(%d, %d) = %d", qty, bp, u)
		}
		if amount > 0 && qty >= 0 {
			for _, p := range []PaymentPurpose{PurposeEscrow, PurposeDeposit} {
				m, excess := Allocate(p, amount, qty)
				if excess < 0 || excess > amount || m.Check() != nil {
					t.Fatalf("Allocate(%s, %d, %d): excess %d, %v", p, amount, qty, excess, m.Check())
				}
			}
		}
		_ = FormatYuan(amount)
		if _, err := strconv.ParseFloat(FormatYuan(amount), 64); err != nil {
			t.Fatalf("FormatYuan(%d) = %q", amount, FormatYuan(amount))
		}
	})
}

// FuzzSplit: the largest-remainder split refuses exactly the invalid
// inputs (a negative total or weight, weights summing to zero or past
// int64); otherwise it adds up and each part is within one fen of its exact
// share.
func FuzzSplit(f *testing.F) {
	f.Add(int64(100), int64(1), []byte{1, 1, 1})
	f.Add(int64(1), int64(256), []byte{0, 0, 5})
	f.Add(int64(9223372036854775807), int64(1)<<60, []byte{127, 126, 1, 0, 7})
	f.Add(int64(0), int64(1), []byte{})
	f.Add(int64(100), int64(1000), []byte{3, 0xff})
	f.Add(int64(-1), int64(1), []byte{1})
	f.Fuzz(func(t *testing.T, total, scale int64, w []byte) {
		unit := scale >> 8 // |unit| ≤ 2^55, so one weight (|int8| × unit) fits in int64
		weights := make([]int64, len(w))
		all, negative := new(big.Int), false
		for i, b := range w {
			weights[i] = int64(int8(b)) * unit
			all.Add(all, big.NewInt(weights[i]))
			negative = negative || weights[i] < 0
		}
		invalid := total < 0 || negative || all.Sign() == 0 || !all.IsInt64()
		parts, err := SplitLargestRemainder(total, weights)
		if (err != nil) != invalid {
			t.Fatalf("split %d by %v: error %v, but the input is invalid: %v", total, weights, err, invalid)
		}
		if err != nil {
			return
		}
		var sum int64
		for i, p := range parts {
			sum += p
			if p < 0 || !within(p, new(big.Rat).Mul(new(big.Rat).SetFrac(big.NewInt(weights[i]), all), new(big.Rat).SetInt64(total)), one) {
				t.Fatalf("part %d of %d by %v: %d", i, total, weights, p)
			}
		}
		if sum != total {
			t.Fatalf("parts of %d by %v sum to %d", total, weights, sum)
		}
	})
}

// FuzzSettle: a settlement refuses exactly the inputs with a negative
// figure; otherwise it returns exactly what is held — escrow refund,
// deduction and deposit refund sum to escrow + deposit held — never more
// than the deposit is deducted, nothing is negative, and its ledger
// movements balance.
func FuzzSettle(f *testing.F) {
	f.Add(int64(150000), int64(20000), int64(1000), int64(10), int64(985), int64(20), int64(80))
	f.Add(int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0))
	f.Add(int64(1), int64(9223372036854775807), int64(9223372036854775807), int64(0), int64(0), int64(0), int64(9223372036854775807))
	f.Add(int64(-1), int64(1), int64(1), int64(2), int64(0), int64(0), int64(1))
	f.Fuzz(func(t *testing.T, escrow, deposit, received, returned, delivered, allowed, value int64) {
		in := SettlementInput{EscrowHeld: escrow, DepositHeld: deposit, Received: received, Returned: returned, Delivered: delivered,
			AllowedLossUnits: allowed, MaterialValuePerUnit: value}
		s, err := Settle(in)
		invalid := min(escrow, deposit, received, returned, delivered, allowed, value) < 0
		if (err != nil) != invalid {
			t.Fatalf("settle %+v: error %v, but the input is invalid: %v", in, err, invalid)
		}
		if err != nil {
			return
		}
		if s.EscrowRefund < 0 || s.Deduction < 0 || s.DepositRefund < 0 || s.MissingUnits < 0 || s.ChargeableUnits < 0 {
			t.Fatalf("negative: %+v from %+v", s, in)
		}
		if s.EscrowRefund != escrow || s.Deduction+s.DepositRefund != deposit || s.Deduction > deposit {
			t.Fatalf("does not return what is held: %+v from %+v", s, in)
		}
		if s.ChargeableUnits > 0 && value > 0 && s.Deduction == 0 && deposit > 0 {
			t.Fatalf("missing material not deducted: %+v from %+v", s, in)
		}
		e, d := SettleMovements(s)
		for _, m := range []Movement{e, d} {
			if len(m.Lines) > 0 && m.Check() != nil {
				t.Fatalf("%s: %v", m.Kind, m.Check())
			}
		}
	})
}

// FuzzDistribute: a distribution refuses exactly the invalid inputs (a
// fund share outside 0–50 %, a negative net or piece count, a resident
// twice, no pieces at all); otherwise the community fund and the residents'
// parts add up to the net exactly, the fund is within half a fen of its
// share, each part within one fen of its exact share, and the order
// residents are listed in changes nothing.
func FuzzDistribute(f *testing.F) {
	f.Add(int64(58200), 500, uint8(0), []byte{3, 1, 4, 1, 5})
	f.Add(int64(1), 5000, uint8(0), []byte{0, 0})
	f.Add(int64(9223372036854775807), 0, uint8(0), []byte{127, 127, 127})
	f.Add(int64(100), 10001, uint8(0), []byte{1})
	f.Add(int64(100), 500, uint8(1), []byte{1, 2, 3})
	f.Add(int64(100), 500, uint8(0), []byte{1, 0xfe})
	f.Add(int64(-100), 500, uint8(0), []byte{1})
	f.Fuzz(func(t *testing.T, net int64, fundBP int, twice uint8, pieces []byte) {
		if len(pieces) > 60 {
			pieces = pieces[:60]
		}
		shares := make([]PieceShare, len(pieces))
		var total int64
		negative := false
		for i, p := range pieces {
			shares[i] = PieceShare{Key: strconv.Itoa(i % 7 * 1000003 % 97), Pieces: int64(int8(p))}
			shares[i].Key += "-" + strconv.Itoa(i)
			total += shares[i].Pieces
			negative = negative || shares[i].Pieces < 0
		}
		duplicate := twice != 0 && len(shares) > 1
		if duplicate { // one resident listed twice
			shares[int(twice)%len(shares)].Key = shares[(int(twice)+1)%len(shares)].Key
		}
		invalid := fundBP < 0 || fundBP > MaxCommunityFundBP || net < 0 || negative || duplicate || total == 0
		d, err := Distribute(net, fundBP, shares)
		if (err != nil) != invalid {
			t.Fatalf("distribute %d at %d bp by %+v: error %v, but the input is invalid: %v", net, fundBP, shares, err, invalid)
		}
		if err != nil {
			return
		}
		sum := d.CommunityFund
		for _, s := range shares {
			a := d.Amounts[s.Key]
			if a < 0 {
				t.Fatalf("negative part %d", a)
			}
			sum += a
			if d.TotalPieces > 0 && !within(a, new(big.Rat).Mul(big.NewRat(s.Pieces, d.TotalPieces), new(big.Rat).SetInt64(d.Distributed)), one) {
				t.Fatalf("part %d for %d of %d pieces of %d", a, s.Pieces, d.TotalPieces, d.Distributed)
			}
		}
		if sum != net {
			t.Fatalf("fund %d + parts = %d, net %d", d.CommunityFund, sum, net)
		}
		if d.CommunityFund < 0 || !within(d.CommunityFund, exact(net, int64(fundBP), 10000), half) {
			t.Fatalf("fund %d of %d at %d bp", d.CommunityFund, net, fundBP)
		}
		rev := make([]PieceShare, len(shares))
		for i, s := range shares {
			rev[len(shares)-1-i] = s
		}
		d2, err := Distribute(net, fundBP, rev)
		if err != nil || d2.CommunityFund != d.CommunityFund {
			t.Fatalf("order changed the result: %v", err)
		}
		for k, v := range d.Amounts {
			if d2.Amounts[k] != v {
				t.Fatalf("order changed %s: %d vs %d", k, v, d2.Amounts[k])
			}
		}
	})
}
