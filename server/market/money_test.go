package market

import (
	"errors"
	"math"
	"math/big"
	"slices"
	"testing"
)

const maxI = math.MaxInt64

func TestMulAddChecked(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b, mul, add int64
		mulE, addE     bool
	}{
		{0, 0, 0, 0, false, false}, {3, 4, 12, 7, false, false}, {maxI, 0, 0, maxI, false, false},
		{maxI, 1, maxI, 0, false, true}, {maxI / 2, 2, maxI - 1, maxI/2 + 2, false, false},
		{maxI/2 + 1, 2, 0, maxI/2 + 3, true, false}, {1 << 32, 1 << 31, 0, 1<<32 + 1<<31, true, false},
		{1 << 31, 1 << 31, 1 << 62, 1 << 32, false, false}, {maxI - 5, 5, 0, maxI, true, false},
		{maxI - 5, 6, 0, 0, true, true}, {maxI, maxI, 0, 0, true, true},
		{-1, 1, 0, 0, true, true}, {1, -1, 0, 0, true, true}, {math.MinInt64, math.MinInt64, 0, 0, true, true},
	}
	for _, tt := range tests {
		m, err := MulChecked(tt.a, tt.b)
		if (err != nil) != tt.mulE || (!tt.mulE && m != tt.mul) {
			t.Errorf("MulChecked(%d, %d) = %d, %v", tt.a, tt.b, m, err)
		}
		if err != nil && !errors.Is(err, ErrOverflow) {
			t.Errorf("MulChecked error %v is not ErrOverflow", err)
		}
		s, err := AddChecked(tt.a, tt.b)
		if (err != nil) != tt.addE || (!tt.addE && s != tt.add) {
			t.Errorf("AddChecked(%d, %d) = %d, %v", tt.a, tt.b, s, err)
		}
	}
	if ErrorCode(ErrOverflow) != CodeInvalid || ErrOverflow.Message.ZH != "金额超出范围" || ErrOverflow.Message.EN != "amount out of range" {
		t.Errorf("ErrOverflow = %+v", ErrOverflow)
	}
}

func TestRoundHalfUpDiv(t *testing.T) {
	t.Parallel()
	tests := []struct{ num, den, want int64 }{
		{0, 1, 0}, {0, 7, 0}, {5, 1, 5}, {1, 2, 1}, {1, 3, 0}, {2, 3, 1},
		{4, 8, 1}, {3, 8, 0}, {5, 10, 1}, {4, 10, 0}, {15, 10, 2}, {14, 10, 1}, {25, 10, 3},
		{maxI, 1, maxI}, {maxI, maxI, 1}, {maxI - 1, maxI, 1}, {maxI / 2, maxI, 0},
		{maxI/2 + 1, maxI, 1}, {maxI, 2, maxI/2 + 1}, {maxI, 3, maxI / 3}, // maxI%3 == 1
	}
	for _, tt := range tests {
		if got := RoundHalfUpDiv(tt.num, tt.den); got != tt.want {
			t.Errorf("RoundHalfUpDiv(%d, %d) = %d, want %d", tt.num, tt.den, got, tt.want)
		}
	}
	for _, bad := range [][2]int64{{1, 0}, {1, -1}, {-1, 2}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("RoundHalfUpDiv(%d, %d) did not panic", bad[0], bad[1])
				}
			}()
			RoundHalfUpDiv(bad[0], bad[1])
		}()
	}
}

// bigRound is the reference: round_half_up(a×b/den) with math/big.
func bigRound(a, b, den int64) (int64, bool) {
	n := new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
	n.Mul(n, big.NewInt(2)).Add(n, big.NewInt(den))
	n.Quo(n, new(big.Int).Mul(big.NewInt(den), big.NewInt(2)))
	return n.Int64(), n.IsInt64()
}

func TestBasisPoints(t *testing.T) {
	t.Parallel()
	tests := []struct{ amount, bp, want int64 }{ // want -1: an error
		{0, 500, 0}, {10000, 0, 0}, {10000, 1, 1}, {1, 5000, 1} /* 0.5 */, {2, 2500, 1}, /* 0.5 */
		{1, 4999, 0}, {3, 5000, 2}, {12345, 250, 309} /* 308.625 */, {100, 10000, 100}, {100, 15000, 150},
		{maxI, 10000, maxI}, {maxI, 1, 922337203685478}, {maxI, 10001, -1}, {maxI, 20000, -1},
		{-1, 100, -1}, {100, -1, -1},
	}
	for _, tt := range tests {
		got, err := BasisPoints(tt.amount, int(tt.bp))
		if (err != nil) != (tt.want == -1) || (err == nil && got != tt.want) {
			t.Errorf("BasisPoints(%d, %d) = %d, %v; want %d", tt.amount, tt.bp, got, err, tt.want)
		}
		if err == nil {
			if ref, _ := bigRound(tt.amount, tt.bp, 10000); ref != got {
				t.Errorf("BasisPoints(%d, %d) = %d, math/big says %d", tt.amount, tt.bp, got, ref)
			}
		}
	}
	// Sweep near the int64 limit and across rounding boundaries against math/big.
	for _, amount := range []int64{1, 3, 49, 50, 9999, 10001, 123456789, maxI / 10000, maxI / 3, maxI - 1} {
		for _, bp := range []int64{1, 2, 3, 333, 4999, 5000, 5001, 9999, 10000, 10001} {
			got, err := BasisPoints(amount, int(bp))
			ref, fits := bigRound(amount, bp, 10000)
			if (err == nil) != fits || (fits && got != ref) {
				t.Errorf("BasisPoints(%d, %d) = %d, %v; math/big says %d (fits %v)", amount, bp, got, err, ref, fits)
			}
		}
	}
}

func TestDepositFor(t *testing.T) {
	t.Parallel()
	fixed := DepositTerms{Kind: DepositFixed, Amount: 50000}
	perUnit := DepositTerms{Kind: DepositPerUnit, Amount: 30}
	pct := DepositTerms{Kind: DepositPercentOfMaterial, RateBP: 3000}
	waive := func(d DepositTerms) DepositTerms { d.Waivable = true; return d }
	tests := []struct {
		name        string
		terms       DepositTerms
		qty, value  int64
		guaranteed  bool
		want        int64
		waived, err bool
	}{
		{"none", DepositTerms{Kind: DepositNone}, 100, 50, false, 0, false, false},
		{"zero value is none", DepositTerms{}, 100, 50, false, 0, false, false},
		{"none waivable is not waived", DepositTerms{Kind: DepositNone, Waivable: true}, 100, 50, true, 0, false, false},
		{"fixed capped by a small part's materials", fixed, 1, 50, false, 50, false, false},
		{"fixed large quantity", fixed, 100000, 50, false, 50000, false, false},
		{"fixed at exactly the materials", fixed, 1000, 50, false, 50000, false, false},
		{"fixed zero quantity", fixed, 0, 50, false, 0, false, false},
		{"fixed overflowing materials", fixed, maxI, 2, false, 50000, false, false},
		{"fixed guaranteed not waivable", fixed, 10, 5000, true, 50000, false, false},
		{"fixed waivable not guaranteed", waive(fixed), 10, 5000, false, 50000, false, false},
		{"fixed waived", waive(fixed), 10, 50, true, 0, true, false},
		{"per unit", perUnit, 1000, 50, false, 30000, false, false},
		{"per unit zero", perUnit, 0, 50, false, 0, false, false},
		{"per unit waived", waive(perUnit), 1000, 50, true, 0, true, false},
		{"per unit overflow", DepositTerms{Kind: DepositPerUnit, Amount: maxI}, 2, 0, false, 0, false, true},
		{"percent", pct, 1000, 120, false, 36000, false, false},
		{"percent rounds half up", DepositTerms{Kind: DepositPercentOfMaterial, RateBP: 5000}, 1, 3, false, 2, false, false},
		{"percent rounds down", DepositTerms{Kind: DepositPercentOfMaterial, RateBP: 3333}, 1, 1, false, 0, false, false},
		{"percent 100%", DepositTerms{Kind: DepositPercentOfMaterial, RateBP: 10000}, 7, 9, false, 63, false, false},
		{"percent waived", waive(pct), 1000, 120, true, 0, true, false},
		{"percent rate too high", DepositTerms{Kind: DepositPercentOfMaterial, RateBP: 10001}, 1, 1, false, 0, false, true},
		{"percent rate negative", DepositTerms{Kind: DepositPercentOfMaterial, RateBP: -1}, 1, 1, false, 0, false, true},
		{"percent value overflow", pct, maxI, 2, false, 0, false, true},
		{"unknown kind", DepositTerms{Kind: "bogus"}, 1, 1, false, 0, false, true},
		{"unknown kind waivable", DepositTerms{Kind: "bogus", Waivable: true}, 1, 1, true, 0, false, true},
		{"negative quantity", perUnit, -1, 1, false, 0, false, true},
		{"negative value", pct, 1, -1, false, 0, false, true},
		{"negative amount", DepositTerms{Kind: DepositFixed, Amount: -5}, 1, 1, false, 0, false, true},
		{"negative per-unit amount", DepositTerms{Kind: DepositPerUnit, Amount: -5}, 1, 1, false, 0, false, true},
		{"amount ignored for none", DepositTerms{Kind: DepositNone, Amount: -5}, 1, 1, false, 0, false, false},
	}
	for _, tt := range tests {
		got, waived, err := DepositFor(tt.terms, tt.qty, tt.value, tt.guaranteed)
		if got != tt.want || waived != tt.waived || (err != nil) != tt.err {
			t.Errorf("%s: DepositFor = %d, %v, %v; want %d, %v, err %v", tt.name, got, waived, err, tt.want, tt.waived, tt.err)
		}
		if err != nil && ErrorCode(err) != CodeInvalid {
			t.Errorf("%s: error code %s, want invalid", tt.name, ErrorCode(err))
		}
	}
}

func TestMaterialDeduction(t *testing.T) {
	t.Parallel()
	tests := []struct{ deposit, missing, allowed, value, want int64 }{ // want -1: an error
		// nothing missing; all within the allowed loss; fewer missing than allowed; one unit over
		{10000, 0, 0, 100, 0}, {10000, 5, 5, 100, 0}, {10000, 3, 5, 100, 0}, {10000, 6, 5, 100, 100},
		// exactly the deposit; capped by the deposit; worthless materials; no deposit to deduct from
		{10000, 105, 5, 100, 10000}, {10000, 106, 5, 100, 10000}, {10000, 1000, 0, 0, 0}, {0, 1000, 0, 100, 0},
		// products beyond int64 are capped by the deposit, never overflow
		{maxI, maxI, 0, maxI, maxI}, {5, maxI, 0, 2, 5}, {maxI, 3, 0, maxI / 3, maxI / 3 * 3},
		{-1, 1, 0, 1, -1}, {1, -1, 0, 1, -1}, {1, 1, -1, 1, -1}, {1, 1, 0, -1, -1},
	}
	for _, tt := range tests {
		got, err := MaterialDeduction(tt.deposit, tt.missing, tt.allowed, tt.value)
		if (err != nil) != (tt.want == -1) || (err == nil && got != tt.want) {
			t.Errorf("MaterialDeduction(%d, %d, %d, %d) = %d, %v; want %d", tt.deposit, tt.missing, tt.allowed, tt.value, got, err, tt.want)
		}
	}
}

func TestAllowedLossUnits(t *testing.T) {
	t.Parallel()
	tests := []struct{ qty, bp, want int64 }{
		{1000, 200, 20}, {999, 200, 19}, {49, 200, 0}, {50, 200, 1}, {0, 200, 0},
		{1000, 0, 0}, {1000, -5, 0}, {-10, 200, 0}, {1000, 10000, 1000}, {1000, 20000, 1000},
		{maxI, 9999, 9222449699651090329}, {maxI, 1, maxI / 10000}, // ⌊maxI × 0.9999⌋ is checked below
	}
	for _, tt := range tests {
		if got := AllowedLossUnits(tt.qty, int(tt.bp)); got != tt.want {
			t.Errorf("AllowedLossUnits(%d, %d) = %d, want %d", tt.qty, tt.bp, got, tt.want)
		}
	}
	ref := new(big.Int).Mul(big.NewInt(maxI), big.NewInt(9999))
	if ref.Quo(ref, big.NewInt(10000)).Int64() != 9222449699651090329 {
		t.Error("reference value for maxI × 9999 bp is wrong")
	}
}

func TestCommission(t *testing.T) {
	t.Parallel()
	tests := []struct{ gross, bp, com, net int64 }{ // com -1: an error
		{100000, 500, 5000, 95000}, {10, 500, 1, 9} /* 0.5 */, {9, 500, 0, 9} /* 0.45 */, {30, 500, 2, 28}, /* 1.5 */
		{0, 500, 0, 0}, {12345, 0, 0, 12345}, {12345, 10000, 12345, 0},
		{maxI, 500, 461168601842738790, maxI - 461168601842738790},
		{100, 10001, -1, 0}, {100, -1, -1, 0}, {-100, 500, -1, 0},
	}
	for _, tt := range tests {
		c, n, err := Commission(tt.gross, int(tt.bp))
		if (err != nil) != (tt.com == -1) || (err == nil && (c != tt.com || n != tt.net)) {
			t.Errorf("Commission(%d, %d) = %d, %d, %v; want %d, %d", tt.gross, tt.bp, c, n, err, tt.com, tt.net)
		}
		if err == nil && c+n != tt.gross {
			t.Errorf("Commission(%d, %d): %d + %d != gross", tt.gross, tt.bp, c, n)
		}
	}
}

func TestHourlyEquivalent(t *testing.T) {
	t.Parallel()
	tests := []struct{ price, mins, want int64 }{ // want -1: an error
		{50, 1, 3000}, {200, 6, 2000}, {100, 7, 857} /* 857.14 */, {0, 10, 0},
		{1, 120, 1} /* 0.5 */, {1, 121, 0} /* 0.496 */, {7, 40, 11}, /* 10.5 */
		{maxI, 60, maxI}, {maxI / 60, 1, maxI / 60 * 60}, {maxI, 1, -1},
		{100, 0, -1}, {100, -3, -1}, {-1, 10, -1},
	}
	for _, tt := range tests {
		got, err := HourlyEquivalent(tt.price, int(tt.mins))
		if (err != nil) != (tt.want == -1) || (err == nil && got != tt.want) {
			t.Errorf("HourlyEquivalent(%d, %d) = %d, %v; want %d", tt.price, tt.mins, got, err, tt.want)
		}
	}
	if _, err := HourlyEquivalent(100, 0); ErrorCode(err) != CodeInvalid {
		t.Errorf("zero minutes: code %s", ErrorCode(err))
	}
}

func TestSplitLargestRemainder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		total   int64
		weights []int64
		want    []int64
		err     bool
	}{
		{"even", 300, []int64{1, 1, 1}, []int64{100, 100, 100}, false},
		{"one fen left, tie to lowest index", 100, []int64{1, 1, 1}, []int64{34, 33, 33}, false},
		{"two fen left", 200, []int64{1, 1, 1}, []int64{67, 67, 66}, false},
		{"largest remainder wins", 10, []int64{1, 2}, []int64{3, 7}, false},
		{"remainders", 10, []int64{5, 3, 2}, []int64{5, 3, 2}, false},
		{"uneven", 1000, []int64{1, 2, 4}, []int64{143, 286, 571}, false}, // 142.86 285.71 571.43
		{"zero weights get nothing", 101, []int64{0, 1, 0, 1}, []int64{0, 51, 0, 50}, false},
		{"zero total", 0, []int64{3, 4}, []int64{0, 0}, false},
		{"single", 12345, []int64{9}, []int64{12345}, false},
		{"fewer fen than people", 2, []int64{1, 1, 1, 1}, []int64{1, 1, 0, 0}, false},
		{"huge", maxI, []int64{1, 1}, []int64{maxI/2 + 1, maxI / 2}, false},
		{"huge weights", 10, []int64{maxI / 2, maxI / 2}, []int64{5, 5}, false},
		{"all zero", 100, []int64{0, 0}, nil, true},
		{"empty", 100, nil, nil, true},
		{"negative weight", 100, []int64{5, -1}, nil, true},
		{"negative total", -1, []int64{1}, nil, true},
		{"weights overflow", 100, []int64{maxI, 1}, nil, true},
	}
	for _, tt := range tests {
		got, err := SplitLargestRemainder(tt.total, tt.weights)
		if (err != nil) != tt.err || !slices.Equal(got, tt.want) {
			t.Errorf("%s: SplitLargestRemainder(%d, %v) = %v, %v; want %v", tt.name, tt.total, tt.weights, got, err, tt.want)
		}
	}
}

// Property: for many shapes the parts sum to the total and each part is
// within one fen of its exact share.
func TestSplitLargestRemainderProperties(t *testing.T) {
	t.Parallel()
	for total := int64(0); total < 60; total += 7 {
		for n := 1; n <= 6; n++ {
			w := make([]int64, n)
			var sum int64
			for i := range w {
				w[i] = int64((i*37+int(total))%9 + 1)
				sum += w[i]
			}
			parts, err := SplitLargestRemainder(total, w)
			if err != nil {
				t.Fatal(err)
			}
			var got int64
			for i, p := range parts {
				got += p
				floor := total * w[i] / sum
				if p != floor && p != floor+1 {
					t.Errorf("total %d weights %v: part %d = %d, floor %d", total, w, i, p, floor)
				}
			}
			if got != total {
				t.Errorf("total %d weights %v: parts %v sum to %d", total, w, parts, got)
			}
		}
	}
}

func TestFormatYuan(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fen  int64
		want string
	}{
		{0, "0.00"}, {5, "0.05"}, {50, "0.50"}, {100, "1.00"}, {123450, "1234.50"}, {123456, "1234.56"}, {-5, "-0.05"},
		{-123450, "-1234.50"}, {-100, "-1.00"}, {maxI, "92233720368547758.07"}, {math.MinInt64, "-92233720368547758.08"},
	}
	for _, tt := range tests {
		if got := FormatYuan(tt.fen); got != tt.want {
			t.Errorf("FormatYuan(%d) = %q, want %q", tt.fen, got, tt.want)
		}
	}
}
