package market

import (
	"cmp"
	"slices"
)

// Pay distribution inside a workshop (按工作量): the workshop's net for a
// contract, less an optional community fund share, split among residents by
// their recorded accepted pieces.

// MaxCommunityFundBP caps the community fund share at 50%: the money is the
// residents' pay, the fund only covers shared costs.
const MaxCommunityFundBP = 5000

// PieceShare is one resident's weight in a distribution. Key identifies the
// resident (its id as text); it also breaks ties so the result does not
// depend on the order residents are listed in.
type PieceShare struct {
	Key    string
	Pieces int64
}

// Distribution is the split of one contract's net.
type Distribution struct {
	Net           int64
	FundBP        int
	CommunityFund int64
	Distributed   int64
	TotalPieces   int64
	Amounts       map[string]int64 // by PieceShare.Key
}

// CheckFundBP validates a community fund share in basis points.
func CheckFundBP(bp int) error {
	if bp < 0 || bp > MaxCommunityFundBP {
		return FieldError("community_fund_bp", "社区基金比例需在0到50%之间", "the community fund share must be between 0 and 50%")
	}
	return nil
}

// Distribute splits net: the fund takes round_half_up(net × fundBP / 10000),
// the rest goes to residents in proportion to pieces with the
// largest-remainder method, so the parts add up to the fen and each is
// within one fen of its exact share. Residents are put in Key order first,
// so equal remainders are broken by Key, never by the caller's order.
func Distribute(net int64, fundBP int, shares []PieceShare) (Distribution, error) {
	if err := CheckFundBP(fundBP); err != nil {
		return Distribution{}, err
	}
	if net < 0 {
		return Distribution{}, ErrOverflow
	}
	fund, err := BasisPoints(net, fundBP)
	if err != nil {
		return Distribution{}, err
	}
	sorted := slices.Clone(shares)
	slices.SortFunc(sorted, func(a, b PieceShare) int { return cmp.Compare(a.Key, b.Key) })
	weights := make([]int64, len(sorted))
	var total int64
	for i, s := range sorted {
		if s.Pieces < 0 {
			return Distribution{}, FieldError("pieces", "件数不能为负", "pieces cannot be negative")
		}
		if i > 0 && sorted[i-1].Key == s.Key {
			return Distribution{}, E(CodeInvalid, "同一居民出现两次", "a resident appears twice")
		}
		weights[i] = s.Pieces
		if total, err = AddChecked(total, s.Pieces); err != nil {
			return Distribution{}, err
		}
	}
	if total == 0 {
		return Distribution{}, E(CodeState, "还没有记录合格件数，无法分配", "no accepted pieces are recorded yet: nothing to split by")
	}
	parts, err := SplitLargestRemainder(net-fund, weights)
	if err != nil {
		return Distribution{}, err
	}
	d := Distribution{Net: net, FundBP: fundBP, CommunityFund: fund, Distributed: net - fund, TotalPieces: total,
		Amounts: make(map[string]int64, len(sorted))}
	for i, s := range sorted {
		d.Amounts[s.Key] = parts[i]
	}
	return d, nil
}

// Payment methods for marking a resident paid.
const (
	PaidCash   = "cash"
	PaidWeChat = "wechat"
	PaidBank   = "bank"
)

// PaidMethods are every way a resident can be paid.
var PaidMethods = []string{PaidCash, PaidWeChat, PaidBank}

// CheckPayment validates how a resident was paid; a bank transfer or WeChat
// payment needs a reference, cash may have a receipt number.
func CheckPayment(method, reference string) (string, error) {
	var v Validator
	v.Check(method == PaidCash || method == PaidWeChat || method == PaidBank, "method", "请选择现金、微信或银行转账", "choose cash, WeChat or bank transfer")
	ref, err := CheckNote("reference", reference)
	if err != nil {
		return "", MergeInvalid(v.Err(), err)
	}
	if method != PaidCash {
		v.Check(ref != "", "reference", "请填写转账流水号或备注", "enter the transfer reference")
	}
	return ref, v.Err()
}
