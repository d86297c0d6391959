package market

import (
	"testing"
	"time"
)

func biddableOrder(now time.Time) Order {
	return Order{Status: OrderPublished, Quantity: 5000, RemainingQuantity: 5000, MinBidQuantity: 1000, UnitPrice: 150,
		Currency: "CNY", BiddingDeadline: now.Add(72 * time.Hour), DeliveryDeadline: now.Add(30 * 24 * time.Hour),
		RegionCode: "371602", MinutesPerPiece: 6,
		Materials: MaterialTerms{Supply: SupplyCompanyShips, ValuePerUnit: 80, AllowedLossBP: 200},
		Deposit:   DepositTerms{Kind: DepositPerUnit, Amount: 20, Waivable: true},
		Quality:   QualityTerms{Criteria: "牢固", MaxDefectBP: 300, InspectionDays: 7, ReworkRounds: 1}}
}

func TestCheckBidNamesEveryField(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	o := biddableOrder(now)
	good := BidInput{Quantity: 1000, UnitPrice: 150, DeliveryDate: now.Add(10 * 24 * time.Hour).Format(time.RFC3339), Headcount: 12, Message: " 好 "}
	b, err := CheckBid(o, good, now)
	if err != nil || b.Message != "好" {
		t.Fatalf("good bid: %v %+v", err, b)
	}
	cases := map[string]func(*BidInput){
		"quantity":      func(in *BidInput) { in.Quantity = 999 },
		"unit_price":    func(in *BidInput) { in.UnitPrice = MaxUnitPrice + 1 },
		"delivery_date": func(in *BidInput) { in.DeliveryDate = o.DeliveryDeadline.Add(time.Second).Format(time.RFC3339) },
		"headcount":     func(in *BidInput) { in.Headcount = 0 },
		"message":       func(in *BidInput) { in.Message = string(make([]rune, MaxBidMessage+1)) },
	}
	for field, mutate := range cases {
		in := good
		mutate(&in)
		_, err := CheckBid(o, in, now)
		e, ok := err.(*Error)
		if !ok || e.Fields[field].EN == "" {
			t.Errorf("%s: %v", field, err)
		}
	}
	// Past delivery date and over-remaining quantity.
	in := good
	in.DeliveryDate = now.Add(-time.Hour).Format(time.RFC3339)
	in.Quantity = 5001
	_, err = CheckBid(o, in, now)
	if e, ok := err.(*Error); !ok || len(e.Fields) != 2 {
		t.Fatalf("two problems at once: %v", err)
	}
}

func TestMinBidQuantityShrinksToTheTail(t *testing.T) {
	t.Parallel()
	now := time.Now()
	o := biddableOrder(now)
	o.RemainingQuantity = 400
	if got := MinBidQuantity(o); got != 400 {
		t.Fatalf("MinBidQuantity = %d, want 400 (what remains)", got)
	}
	if _, err := CheckBid(o, BidInput{Quantity: 400, UnitPrice: 150, DeliveryDate: now.Add(time.Hour).Format(time.RFC3339), Headcount: 1}, now); err != nil {
		t.Fatalf("the tail can be bid for: %v", err)
	}
	o.RemainingQuantity = 0
	if _, err := CheckBid(o, BidInput{Quantity: 1, UnitPrice: 150, DeliveryDate: now.Add(time.Hour).Format(time.RFC3339), Headcount: 1}, now); err == nil {
		t.Fatal("a fully awarded order took a bid")
	}
}

func TestBiddableAndAwardable(t *testing.T) {
	t.Parallel()
	now := time.Now()
	o := biddableOrder(now)
	if err := CheckBiddable(o, now); err != nil {
		t.Fatal(err)
	}
	late := now.Add(73 * time.Hour)
	if ErrorCode(CheckBiddable(o, late)) != CodeState {
		t.Fatal("a bid after the deadline was allowed")
	}
	b := Bid{Quantity: 3000, UnitPrice: 150, DeliveryDate: now.Add(10 * 24 * time.Hour)}
	if err := CheckAwardable(o, b, late); err != nil {
		t.Fatalf("award inside the window: %v", err)
	}
	if ErrorCode(CheckAwardable(o, b, o.BiddingDeadline.Add(AwardWindowAfter+time.Minute))) != CodeState {
		t.Fatal("award after the window was allowed")
	}
	o.RemainingQuantity = 2999
	if ErrorCode(CheckAwardable(o, b, now)) != CodeConflict {
		t.Fatal("award over the remaining quantity was allowed")
	}
	o.Status = OrderSuspended
	if ErrorCode(CheckAwardable(o, Bid{Quantity: 1, DeliveryDate: b.DeliveryDate}, now)) != CodeState {
		t.Fatal("award on a suspended order was allowed")
	}
}

func TestQuoteAndFreezeTerms(t *testing.T) {
	t.Parallel()
	now := time.Now()
	o := biddableOrder(now)
	b := Bid{Quantity: 3000, UnitPrice: 140, DeliveryDate: now.Add(20 * 24 * time.Hour)}
	q, err := QuoteBid(o, b, "371602", false)
	if err != nil || q.Amount != 420000 || q.Deposit.Amount != 60000 || q.Deposit.Waived || q.HourlyEquivalent != 1400 {
		t.Fatalf("quote: %+v %v", q, err)
	}
	q, _ = QuoteBid(o, b, "371602", true)
	if !q.Deposit.Waived || q.Deposit.Amount != 0 {
		t.Fatalf("guaranteed quote: %+v", q)
	}
	terms, err := FreezeTerms(o, b, false, 300)
	if err != nil {
		t.Fatal(err)
	}
	if terms.EscrowAmount != 420000 || terms.Deposit.Amount != 60000 || terms.AllowedLossUnits != 60 ||
		terms.CommissionBP != 300 || !terms.DueDate.Equal(b.DeliveryDate) || terms.Quality != o.Quality {
		t.Fatalf("terms: %+v", terms)
	}
	if _, err := FreezeTerms(o, b, false, 10001); err == nil {
		t.Fatal("a commission over 100% was accepted")
	}
	if _, err := QuoteBid(o, Bid{Quantity: 1 << 62, UnitPrice: 1 << 10}, "371602", false); ErrorCode(err) != CodeInvalid {
		t.Fatalf("overflow: %v", err)
	}
}

func TestAwardRechecksTheDeliveryDate(t *testing.T) {
	t.Parallel()
	now := time.Now()
	o := biddableOrder(now)
	stale := Bid{Quantity: 1000, DeliveryDate: now.Add(-time.Hour)}
	if ErrorCode(CheckAwardable(o, stale, now)) != CodeState {
		t.Fatal("a bid whose delivery date passed was awardable")
	}
	late := Bid{Quantity: 1000, DeliveryDate: o.DeliveryDeadline.Add(time.Hour)}
	if ErrorCode(CheckAwardable(o, late, now)) != CodeState {
		t.Fatal("a bid due after the order's deadline was awardable")
	}
}

func TestParseDeliveryDate(t *testing.T) {
	t.Parallel()
	d, ok := ParseDeliveryDate("2026-12-20")
	if !ok || d.UTC().Format(time.RFC3339) != "2026-12-20T15:59:59Z" {
		t.Fatalf("a day means its end in China: %v %v", d, ok)
	}
	if _, ok := ParseDeliveryDate("2026-12-20T08:00:00+08:00"); !ok {
		t.Fatal("RFC 3339")
	}
	for _, bad := range []string{"", "20/12/2026", "2026-13-01", "tomorrow"} {
		if _, ok := ParseDeliveryDate(bad); ok {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestBidsEnded(t *testing.T) {
	t.Parallel()
	cases := []struct {
		act      Action
		from, to OrderStatus
		status   BidStatus
	}{
		{ActFullyAwarded, OrderPublished, OrderClosed, BidRejected},
		{ActCancel, OrderPublished, OrderClosed, BidExpired},
		{ActExpire, OrderSuspended, OrderClosed, BidExpired},
		{ActEditTerms, OrderPublished, OrderPendingReview, BidExpired},
		{ActEditTerms, OrderDraft, OrderDraft, ""},
		{ActSuspend, OrderPublished, OrderSuspended, ""},
		{ActApprove, OrderPendingReview, OrderPublished, ""},
	}
	for _, c := range cases {
		status, why, ended := BidsEnded(c.act, c.from, c.to)
		if status != c.status || ended != (c.status != "") || ended && why.ZH == "" {
			t.Errorf("%s %s→%s: %q %v %v", c.act, c.from, c.to, status, why, ended)
		}
	}
}
