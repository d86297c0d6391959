package market

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Bid statuses. Only a submitted bid is "open": it can be revised,
// withdrawn, accepted or rejected; the others are final.
type BidStatus string

const (
	BidSubmitted BidStatus = "submitted"
	BidAccepted  BidStatus = "accepted"
	BidRejected  BidStatus = "rejected"
	BidWithdrawn BidStatus = "withdrawn"
	BidExpired   BidStatus = "expired"
)

// BidStatuses lists every bid status, for filters and documentation.
var BidStatuses = []BidStatus{BidSubmitted, BidAccepted, BidRejected, BidWithdrawn, BidExpired}

const (
	MaxBidHeadcount  = 10_000
	MaxBidMessage    = 1000
	AwardWindowAfter = 14 * 24 * time.Hour // after the bidding deadline the company may still award open bids
)

// BidInput is what a workshop sends to bid or to revise its bid.
type BidInput struct {
	Quantity     int64  `json:"quantity"`
	UnitPrice    int64  `json:"unit_price"`
	DeliveryDate string `json:"delivery_date"` // RFC 3339, or a day (2026-12-20: the end of that day, China time)
	Headcount    int    `json:"headcount"`
	Message      string `json:"message" text:"multiline"`
	// ConfirmBelowMinimumWage is the workshop's explicit yes to a price whose
	// hourly equivalent is below the minimum wage (CheckFairPay).
	ConfirmBelowMinimumWage bool `json:"confirm_below_minimum_wage"`
}

// ParseDeliveryDate reads an RFC 3339 time or a bare day, which means the
// end of that day in China.
func ParseDeliveryDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	if d, err := time.ParseInLocation(time.DateOnly, s, ChinaTime); err == nil {
		return d.Add(24*time.Hour - time.Second), true
	}
	return time.Time{}, false
}

// Bid is a workshop's offer for all or part of an order.
type Bid struct {
	Quantity     int64
	UnitPrice    int64
	DeliveryDate time.Time
	Headcount    int
	Message      string
}

// MinBidQuantity is the smallest bid the order takes now: its minimum, or
// what is left when less than the minimum remains, so the tail of a split
// order can still be awarded.
func MinBidQuantity(o Order) int64 {
	return min(o.MinBidQuantity, o.RemainingQuantity)
}

// CheckBid validates a bid against the order it is for, at time now.
// Every failing field is named at once.
func CheckBid(o Order, in BidInput, now time.Time) (Bid, error) {
	var v Validator
	minQ := MinBidQuantity(o)
	v.Check(o.RemainingQuantity > 0, "quantity", "订单已全部授予", "the order has been fully awarded")
	if !v.Has("quantity") {
		v.Check(in.Quantity >= minQ, "quantity",
			"报价数量不能少于"+i64toa(minQ)+"件", "quantity must be at least "+i64toa(minQ))
		v.Check(in.Quantity <= o.RemainingQuantity, "quantity",
			"报价数量不能超过剩余的"+i64toa(o.RemainingQuantity)+"件", "quantity must not exceed the "+i64toa(o.RemainingQuantity)+" remaining")
	}
	v.Check(in.UnitPrice >= 1 && in.UnitPrice <= MaxUnitPrice, "unit_price",
		"单价需在0.01元到100万元之间", "unit price must be between 0.01 and 1,000,000 yuan")
	due, ok := ParseDeliveryDate(in.DeliveryDate)
	switch {
	case strings.TrimSpace(in.DeliveryDate) == "":
		v.Check(false, "delivery_date", "请填写交货日期", "delivery date is required")
	case !ok:
		v.Check(false, "delivery_date", "日期格式应为 2026-12-20", "use a date like 2026-12-20 or an RFC 3339 time")
	default:
		checkDeliveryDate(&v, o, due, now)
	}
	v.Check(in.Headcount >= 1 && in.Headcount <= MaxBidHeadcount, "headcount",
		"参与人数需在1到10000之间", "headcount must be between 1 and 10000")
	msg := strings.TrimSpace(in.Message)
	v.Check(utf8.ValidString(msg) && utf8.RuneCountInString(msg) <= MaxBidMessage, "message",
		"留言最多1000字", "message must be at most 1000 characters")
	if err := v.Err(); err != nil {
		return Bid{}, err
	}
	return Bid{Quantity: in.Quantity, UnitPrice: in.UnitPrice, DeliveryDate: due,
		Headcount: in.Headcount, Message: msg}, nil
}

func checkDeliveryDate(v *Validator, o Order, due, now time.Time) {
	v.Check(due.After(now), "delivery_date", "交货日期需在今天之后", "delivery date must be in the future")
	v.Check(!due.After(o.DeliveryDeadline), "delivery_date",
		"交货日期不能晚于订单的交货截止日期", "delivery date must not be after the order's delivery deadline")
}

var (
	errBiddingClosed = E(CodeState, "订单报名已截止", "bidding for this order has closed")
	errNotBiddable   = E(CodeState, "订单当前不接受报价", "this order is not taking bids")
)

// CheckBiddable refuses bids (and revisions) on an order that is not
// published or whose bidding deadline has passed.
func CheckBiddable(o Order, now time.Time) error {
	if o.Status != OrderPublished {
		return errNotBiddable
	}
	if !now.Before(o.BiddingDeadline) {
		return errBiddingClosed
	}
	return nil
}

// CheckAwardable refuses an award the order cannot take: it must be
// published, inside the award window, and the bid must fit what remains.
func CheckAwardable(o Order, b Bid, now time.Time) error {
	if o.Status != OrderPublished {
		return E(CodeState, "订单当前状态为“"+OrderStatusNameZH(o.Status)+"”，不能选定", "the order is "+statusEN(o.Status)+" and cannot be awarded")
	}
	if now.After(o.BiddingDeadline.Add(AwardWindowAfter)) {
		return E(CodeState, "已超过选定期限（报名截止后14天）", "the award window (14 days after the bidding deadline) has passed")
	}
	// The bid may be older than the order's current terms or the calendar.
	var v Validator
	checkDeliveryDate(&v, o, b.DeliveryDate, now)
	if v.Err() != nil {
		return E(CodeState, "报价的交货日期已过或晚于订单交货期限，请工坊修改报价后再选定",
			"the bid's delivery date has passed or is after the order's deadline; ask the workshop to revise it")
	}
	if b.Quantity > o.RemainingQuantity {
		return E(CodeConflict, "报价数量"+i64toa(b.Quantity)+"件超过订单剩余的"+i64toa(o.RemainingQuantity)+"件，请工坊修改报价",
			"the bid's "+i64toa(b.Quantity)+" units exceed the "+i64toa(o.RemainingQuantity)+" remaining; ask the workshop to revise it")
	}
	return nil
}

// BidsEnded says what happens to an order's open bids when the order makes
// a transition from one status to another: closing (fully awarded,
// cancelled, expired) ends them, and so does an edit that sends a published
// order back to review, since they were made on the old terms.
func BidsEnded(act Action, from, to OrderStatus) (status BidStatus, why Msg, ended bool) {
	switch {
	case act == ActFullyAwarded:
		return BidRejected, Msg{"订单已全部授予", "the order has been fully awarded"}, true
	case act == ActCancel:
		return BidExpired, Msg{"企业取消了订单", "the company cancelled the order"}, true
	case act == ActExpire:
		return BidExpired, Msg{"选定期限已过", "the award window has passed"}, true
	case act == ActEditTerms && from != to:
		return BidExpired, Msg{"订单条款已修改，请按新条款重新报价", "the order's terms changed; bid again on the new terms"}, true
	}
	return "", Msg{}, false
}

// BidQuote is what a bid means in money, shown on the bid form and to the
// company before it awards.
type BidQuote struct {
	Amount           int64      `json:"amount"` // quantity × unit price: the escrow the company funds
	Deposit          BidDeposit `json:"deposit"`
	HourlyEquivalent int64      `json:"hourly_equivalent"`
	MinHourlyWage    int64      `json:"min_hourly_wage"`
	MinWageProvince  string     `json:"min_wage_province"` // the workshop's province, whose minimum applies
	BelowMinimumWage bool       `json:"below_minimum_wage"`
	// The platform's commission at the rate it would freeze on an award now,
	// and what the workshop would receive: the bid form and the comparison
	// show them so nobody bids without knowing the net.
	CommissionBP int   `json:"commission_bp"`
	Commission   int64 `json:"commission"`
	WorkshopNet  int64 `json:"workshop_net"`
}

// WithCommission adds the commission at rateBP and the workshop's net.
func (q BidQuote) WithCommission(rateBP int) BidQuote {
	c, net, err := Commission(q.Amount, rateBP)
	if err == nil {
		q.CommissionBP, q.Commission, q.WorkshopNet = rateBP, c, net
	}
	return q
}

// BidDeposit is the deposit the workshop owes for this bid, or its waiver.
type BidDeposit struct {
	Kind   string `json:"kind"`
	Amount int64  `json:"amount"`
	Waived bool   `json:"waived"`
}

// QuoteBid prices a bid on an order for a workshop in workshopRegion.
// guaranteed is the workshop's community guarantee (with the verified
// badge). Fair pay is judged by the workshop's province, where residents
// do the work.
func QuoteBid(o Order, b Bid, workshopRegion string, guaranteed bool) (BidQuote, error) {
	var q BidQuote
	var err error
	if q.Amount, err = MulChecked(b.Quantity, b.UnitPrice); err != nil {
		return q, FieldError("quantity", "报价总额超出范围", "quantity × unit price is out of range")
	}
	q.Deposit.Kind = o.Deposit.Kind
	if q.Deposit.Amount, q.Deposit.Waived, err = DepositFor(o.Deposit, b.Quantity, o.Materials.ValuePerUnit, guaranteed); err != nil {
		return q, err
	}
	region := workshopRegion
	if !ValidRegionCode(region) {
		region = o.RegionCode
	}
	hourly, minWage, below, err := BelowMinimumWage(b.UnitPrice, o.MinutesPerPiece, region)
	if err != nil {
		return q, err
	}
	q.HourlyEquivalent, q.MinHourlyWage, q.MinWageProvince, q.BelowMinimumWage = hourly, minWage.HourlyFen, minWage.ProvinceName, below
	return q, nil
}

// FairPayField names the confirmation a below-minimum-wage bid or award needs.
const FairPayField = "confirm_below_minimum_wage"

// CheckFairPay refuses a bid (by the workshop) or an award (by the company)
// whose hourly equivalent is below the minimum wage unless the one deciding
// confirmed it, and says what the pay works out at, so nobody agrees to it
// without seeing it.
func CheckFairPay(q BidQuote, confirmed bool, awarding bool) error {
	if !q.BelowMinimumWage || confirmed {
		return nil
	}
	hourly, minimum := FormatYuan(q.HourlyEquivalent), FormatYuan(q.MinHourlyWage)
	zh := "按此单价折算时薪约" + hourly + "元，低于" + q.MinWageProvince + "最低小时工资" + minimum + "元；请确认知悉后再提交报价"
	en := "at this unit price the hourly equivalent is about ¥" + hourly + ", below the minimum hourly wage of ¥" + minimum +
		" in " + q.MinWageProvince + "; confirm to bid anyway"
	if awarding {
		zh = "该报价折算时薪约" + hourly + "元，低于" + q.MinWageProvince + "最低小时工资" + minimum + "元；请确认知悉后再授予"
		en = "this bid's hourly equivalent is about ¥" + hourly + ", below the minimum hourly wage of ¥" + minimum +
			" in " + q.MinWageProvince + "; confirm to award it anyway"
	}
	e := FieldError(FairPayField, zh, en)
	e.Message = Msg{"报价低于最低工资标准，需要确认", "the bid is below the minimum wage and needs confirmation"}
	return e
}

// ContractTerms are frozen when a bid is accepted.
type ContractTerms struct {
	Quantity, UnitPrice, EscrowAmount int64
	Currency                          string
	Deposit                           BidDeposit
	CommissionBP                      int
	Materials                         MaterialTerms
	AllowedLossUnits                  int64
	Quality                           QualityTerms
	DueDate                           time.Time
}

// FreezeTerms computes a contract's terms from the order, the accepted bid,
// the workshop's guarantee and the platform's current commission rate.
func FreezeTerms(o Order, b Bid, guaranteed bool, commissionBP int) (ContractTerms, error) {
	if commissionBP < 0 || commissionBP > 10000 {
		return ContractTerms{}, errRateBP
	}
	escrow, err := MulChecked(b.Quantity, b.UnitPrice)
	if err != nil {
		return ContractTerms{}, err
	}
	t := ContractTerms{Quantity: b.Quantity, UnitPrice: b.UnitPrice, EscrowAmount: escrow, Currency: o.Currency,
		CommissionBP: commissionBP, Materials: o.Materials, Quality: o.Quality, DueDate: b.DeliveryDate,
		AllowedLossUnits: AllowedLossUnits(b.Quantity, o.Materials.AllowedLossBP)}
	t.Deposit.Kind = o.Deposit.Kind
	t.Deposit.Amount, t.Deposit.Waived, err = DepositFor(o.Deposit, b.Quantity, o.Materials.ValuePerUnit, guaranteed)
	return t, err
}

func i64toa(n int64) string { return strconv.FormatInt(n, 10) }

// FormatCount writes a count of pieces for messages as the pages do:
// thousands grouped ("3,995").
func FormatCount(n int64) string {
	s := i64toa(n)
	if n < 0 {
		return "-" + groupThousands(s[1:])
	}
	return groupThousands(s)
}
