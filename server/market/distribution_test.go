package market

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// distributionCases is how many random distributions the property test checks.
const distributionCases = 20000

// TestDistributeProperties: for random nets, fund shares and piece counts,
// (1) the fund plus the parts equal the net exactly, (2) the parts sum to
// net − fund, (3) each part is within one fen of its exact proportional
// share (floor or floor + 1), and (4) shuffling the residents changes nothing.
func TestDistributeProperties(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(14, 2026))
	for c := 0; c < distributionCases; c++ {
		net := randomNet(rng)
		bp := rng.IntN(MaxCommunityFundBP + 1)
		if c%5 == 0 {
			bp = 0
		}
		n := 1 + rng.IntN(40)
		shares := make([]PieceShare, n)
		for i := range shares {
			shares[i] = PieceShare{Key: fmt.Sprintf("r%03d", rng.IntN(1000)*1000+i), Pieces: randomPieces(rng)}
		}
		if c%3 == 0 { // many equal weights: ties decide the leftover fen
			for i := range shares {
				shares[i].Pieces = 7
			}
		}
		shares[rng.IntN(n)].Pieces++ // at least one piece
		d, err := Distribute(net, bp, shares)
		if err != nil {
			t.Fatalf("case %d: Distribute(%d, %d, %v): %v", c, net, bp, shares, err)
		}
		if d.CommunityFund+d.Distributed != net {
			t.Fatalf("case %d: fund %d + distributed %d != net %d", c, d.CommunityFund, d.Distributed, net)
		}
		wantFund, _ := BasisPoints(net, bp)
		if d.CommunityFund != wantFund {
			t.Fatalf("case %d: fund %d, want %d", c, d.CommunityFund, wantFund)
		}
		var sum int64
		for _, s := range shares {
			part := d.Amounts[s.Key]
			sum += part
			exact := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(d.Distributed), big.NewInt(s.Pieces)), big.NewInt(d.TotalPieces))
			floor := new(big.Int).Quo(exact.Num(), exact.Denom())
			diff := new(big.Int).Sub(big.NewInt(part), floor)
			if diff.Sign() < 0 || diff.Cmp(big.NewInt(1)) > 0 {
				t.Fatalf("case %d: %s gets %d, exact share %s", c, s.Key, part, exact.FloatString(3))
			}
		}
		if sum != d.Distributed {
			t.Fatalf("case %d: parts sum to %d, want %d", c, sum, d.Distributed)
		}
		shuffled := append([]PieceShare(nil), shares...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		d2, err := Distribute(net, bp, shuffled)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range d.Amounts {
			if d2.Amounts[k] != v {
				t.Fatalf("case %d: order changed %s's part from %d to %d", c, k, v, d2.Amounts[k])
			}
		}
	}
}

func randomNet(rng *rand.Rand) int64 {
	switch rng.IntN(4) {
	case 0:
		return rng.Int64N(100) // a few fen: most residents get 0 or 1
	case 1:
		return rng.Int64N(10_000_000) // up to 100,000 yuan
	case 2:
		return rng.Int64N(math.MaxInt64 / 4) // huge: the 128-bit path
	}
	return rng.Int64N(1_000_000_000)
}

func randomPieces(rng *rand.Rand) int64 {
	if rng.IntN(5) == 0 {
		return 0 // a resident who made nothing this time
	}
	return rng.Int64N(5000)
}

func TestDistributeExamples(t *testing.T) {
	t.Parallel()
	// 100.00 yuan, 5% fund, three residents 1:1:1 → 95.00 split 31.67/31.67/31.66.
	d, err := Distribute(10000, 500, []PieceShare{{"c", 10}, {"a", 10}, {"b", 10}})
	if err != nil {
		t.Fatal(err)
	}
	if d.CommunityFund != 500 || d.Amounts["a"] != 3167 || d.Amounts["b"] != 3167 || d.Amounts["c"] != 3166 {
		t.Fatalf("%+v", d)
	}
	for _, bad := range []struct {
		net    int64
		bp     int
		shares []PieceShare
	}{
		{100, -1, []PieceShare{{"a", 1}}},
		{100, 5001, []PieceShare{{"a", 1}}},
		{-1, 0, []PieceShare{{"a", 1}}},
		{100, 0, []PieceShare{{"a", 0}}},
		{100, 0, nil},
		{100, 0, []PieceShare{{"a", -1}, {"b", 3}}},
		{100, 0, []PieceShare{{"a", 1}, {"a", 3}}},
	} {
		if _, err := Distribute(bad.net, bad.bp, bad.shares); err == nil {
			t.Errorf("Distribute(%d, %d, %v) accepted", bad.net, bad.bp, bad.shares)
		}
	}
}

func TestCheckPayment(t *testing.T) {
	t.Parallel()
	if _, err := CheckPayment("cash", ""); err != nil {
		t.Error(err)
	}
	if _, err := CheckPayment("wechat", ""); err == nil {
		t.Error("WeChat without reference accepted")
	}
	if ref, err := CheckPayment("bank", "  流水 123 "); err != nil || ref != "流水 123" {
		t.Error(ref, err)
	}
	if _, err := CheckPayment("gold", "x"); err == nil {
		t.Error("unknown method accepted")
	}
}

func TestMaskPhone(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"13812345678": "138****5678", "": "", "0543-3261188": "054*****1188", "123": "***", "12345": "1**45"} {
		if got := MaskPhone(in); got != want {
			t.Errorf("MaskPhone(%q) = %q, want %q", in, got, want)
		}
	}
}
