package market

import (
	"math"
	"math/bits"
	"slices"
	"strconv"
)

// All money is int64 minor units (fen for CNY). Floats never touch an
// amount: 0.1+0.2 style errors would leak fen between parties, and the
// ledger must balance to the fen.

// ErrOverflow reports an amount that is negative or does not fit in int64.
// It is an invalid-input error: the numbers come from users' terms.
var ErrOverflow = E(CodeInvalid, "金额超出范围", "amount out of range")

// MulChecked returns a×b for non-negative a and b, or ErrOverflow.
func MulChecked(a, b int64) (int64, error) {
	if a < 0 || b < 0 {
		return 0, ErrOverflow
	}
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, ErrOverflow
	}
	return int64(lo), nil
}

// AddChecked returns a+b for non-negative a and b, or ErrOverflow.
func AddChecked(a, b int64) (int64, error) {
	if a < 0 || b < 0 || a > math.MaxInt64-b {
		return 0, ErrOverflow
	}
	return a + b, nil
}

// RoundHalfUpDiv returns num/den rounded half up. It compares the remainder
// with what is left to den instead of doubling it, so it cannot overflow.
// A negative num or non-positive den is a programming error and panics.
func RoundHalfUpDiv(num, den int64) int64 {
	if num < 0 || den <= 0 {
		panic("market: RoundHalfUpDiv needs num >= 0 and den > 0")
	}
	q, r := num/den, num%den
	if r >= den-r {
		q++
	}
	return q
}

// mulDivRound computes a×b/den in 128 bits, rounding half up when
// roundUp is set and down otherwise; results beyond int64 are ErrOverflow.
func mulDivRound(a, b, den uint64, roundUp bool) (int64, error) {
	hi, lo := bits.Mul64(a, b)
	if hi >= den { // the quotient would not even fit in 64 bits
		return 0, ErrOverflow
	}
	q, r := bits.Div64(hi, lo, den)
	if roundUp && r >= den-r {
		if q >= math.MaxInt64 {
			return 0, ErrOverflow
		}
		q++
	}
	if q > math.MaxInt64 {
		return 0, ErrOverflow
	}
	return int64(q), nil
}

// BasisPoints returns round_half_up(amount × bp / 10000); 1 bp = 0.01%.
func BasisPoints(amount int64, bp int) (int64, error) {
	if amount < 0 || bp < 0 {
		return 0, ErrOverflow
	}
	return mulDivRound(uint64(amount), uint64(bp), 10000, true)
}

// Deposit kinds (保证金方式).
const (
	DepositNone              = "none"
	DepositFixed             = "fixed"               // Amount per workshop, capped by the value of its part's materials
	DepositPerUnit           = "per_unit"            // Amount × quantity
	DepositPercentOfMaterial = "percent_of_material" // RateBP of the material value handed over
)

// DepositTerms are an order's deposit rules. The zero value asks no deposit.
type DepositTerms struct {
	Kind     string `json:"kind"`
	Amount   int64  `json:"amount"`
	RateBP   int    `json:"rate_bp"`
	Waivable bool   `json:"waivable"`
}

var (
	errDepositKind = E(CodeInvalid, "未知的保证金方式", "unknown deposit kind")
	errRateBP      = E(CodeInvalid, "比例需在0到10000个基点之间", "rate must be between 0 and 10000 basis points")
)

// DepositFor is what a workshop pays to take quantity units. A waivable
// deposit is waived for a guaranteed workshop (verified, with a community
// guarantee), which is how the deposit scam is kept away from residents.
// Kind "none" is never reported as waived: there was nothing to waive.
func DepositFor(t DepositTerms, quantity, materialValuePerUnit int64, guaranteed bool) (amount int64, waived bool, err error) {
	if quantity < 0 || materialValuePerUnit < 0 {
		return 0, false, ErrOverflow
	}
	switch t.Kind {
	case DepositNone, "":
		return 0, false, nil
	case DepositFixed, DepositPerUnit, DepositPercentOfMaterial:
	default:
		return 0, false, errDepositKind
	}
	if t.Waivable && guaranteed {
		return 0, true, nil
	}
	switch t.Kind {
	case DepositFixed:
		if t.Amount < 0 {
			return 0, false, ErrOverflow
		}
		// A deposit secures the materials handed over, so a workshop taking
		// part of a split order never owes more than its part's materials.
		if value, err := MulChecked(quantity, materialValuePerUnit); err == nil && value < t.Amount {
			return value, false, nil
		}
		return t.Amount, false, nil
	case DepositPerUnit: // MulChecked also refuses a negative Amount
		amount, err = MulChecked(t.Amount, quantity)
		return amount, false, err
	}
	if t.RateBP < 0 || t.RateBP > 10000 {
		return 0, false, errRateBP
	}
	value, err := MulChecked(quantity, materialValuePerUnit)
	if err != nil {
		return 0, false, err
	}
	amount, err = BasisPoints(value, t.RateBP)
	return amount, false, err
}

// MaterialDeduction is DESIGN.md's documented deduction from a deposit:
// min(deposit, max(0, missing − allowed) × value). The deposit caps it, so
// an excess too large to multiply simply takes the whole deposit.
func MaterialDeduction(deposit, missingUnits, allowedLossUnits, materialValuePerUnit int64) (int64, error) {
	if deposit < 0 || missingUnits < 0 || allowedLossUnits < 0 || materialValuePerUnit < 0 {
		return 0, ErrOverflow
	}
	excess := missingUnits - allowedLossUnits
	if excess <= 0 || materialValuePerUnit == 0 {
		return 0, nil
	}
	// excess > ⌊deposit/value⌋ ⇔ excess×value > deposit, without multiplying.
	if excess > deposit/materialValuePerUnit {
		return deposit, nil
	}
	return excess * materialValuePerUnit, nil
}

// AllowedLossUnits is ⌊quantity × bp / 10000⌋: losses round in the company's
// favour only by less than one unit. Out-of-range input is clamped, since a
// loss allowance can be neither negative nor more than everything.
func AllowedLossUnits(quantity int64, allowedLossBP int) int64 {
	if quantity <= 0 || allowedLossBP <= 0 {
		return 0
	}
	if allowedLossBP >= 10000 {
		return quantity
	}
	n, _ := mulDivRound(uint64(quantity), uint64(allowedLossBP), 10000, false) // < quantity, cannot fail
	return n
}

// Commission splits an accepted delivery's gross into the platform's
// commission (rounded half up) and the workshop's net; they sum to gross.
func Commission(gross int64, rateBP int) (commission, net int64, err error) {
	if gross < 0 {
		return 0, 0, ErrOverflow
	}
	if rateBP < 0 || rateBP > 10000 {
		return 0, 0, errRateBP
	}
	commission, err = BasisPoints(gross, rateBP)
	return commission, gross - commission, err
}

// HourlyEquivalent converts a piece rate into fen per hour so that it can be
// compared with the minimum hourly wage: unitPrice × 60 / minutesPerPiece.
func HourlyEquivalent(unitPrice int64, minutesPerPiece int) (int64, error) {
	if minutesPerPiece < 1 {
		return 0, FieldError("minutes_per_piece", "每件耗时至少为1分钟", "minutes per piece must be at least 1")
	}
	if unitPrice < 0 {
		return 0, ErrOverflow
	}
	return mulDivRound(uint64(unitPrice), 60, uint64(minutesPerPiece), true)
}

// SplitLargestRemainder splits total in proportion to weights (e.g. the
// pieces each resident made). Every part is floored, then the fen left over
// go one each to the largest remainders, lower index first on ties, so the
// parts add up to total exactly and nobody is short-changed by rounding.
func SplitLargestRemainder(total int64, weights []int64) ([]int64, error) {
	if total < 0 {
		return nil, ErrOverflow
	}
	var sum int64
	for _, w := range weights {
		var err error
		if sum, err = AddChecked(sum, w); err != nil {
			return nil, err
		}
	}
	if sum == 0 {
		return nil, E(CodeInvalid, "没有可分配的工作量", "nothing to split by: every weight is zero")
	}
	parts := make([]int64, len(weights))
	rems := make([]uint64, len(weights))
	left := total
	for i, w := range weights {
		// w ≤ sum, so the 128-bit product's high word is below sum: Div64 is safe.
		hi, lo := bits.Mul64(uint64(total), uint64(w))
		q, r := bits.Div64(hi, lo, uint64(sum))
		parts[i], rems[i] = int64(q), r
		left -= int64(q)
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case rems[a] > rems[b]:
			return -1
		case rems[a] < rems[b]:
			return 1
		}
		return 0 // stable sort keeps the lower index first
	})
	for _, i := range order[:left] { // left < len(weights): each remainder is < 1 share
		parts[i]++
	}
	return parts, nil
}

// FormatYuan renders fen as plain yuan with two decimals ("1234.50",
// "-0.05") for logs and exports; the UI does its own locale formatting.
func FormatYuan(fen int64) string {
	sign := ""
	u := uint64(fen)
	if fen < 0 {
		sign, u = "-", -u // two's complement: also right for MinInt64
	}
	cents := u % 100
	s := sign + strconv.FormatUint(u/100, 10) + "."
	if cents < 10 {
		s += "0"
	}
	return s + strconv.FormatUint(cents, 10)
}
