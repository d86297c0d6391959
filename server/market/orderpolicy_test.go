package market

import (
	"testing"
	"time"

	"github.com/google/uuid"
)

func testOrder(st OrderStatus) Order {
	return Order{ID: uuid.New(), CompanyID: companyID, Status: st, Quantity: 1000, RemainingQuantity: 1000, MinBidQuantity: 100,
		BiddingDeadline: testNow.Add(7 * 24 * time.Hour), DeliveryDeadline: testNow.Add(40 * 24 * time.Hour)}
}

func TestOrderPolicyTable(t *testing.T) {
	t.Parallel()
	submitted, accepted := BidSubmitted, BidAccepted
	cases := []struct {
		name    string
		status  OrderStatus
		set     func(*Order)
		myBid   *BidStatus
		visible string
		want    string
	}{
		{"draft", OrderDraft, nil, nil, "CMFA",
			"edit:C submit:C cancel:C"},
		{"in review", OrderPendingReview, nil, nil, "CMFA",
			"edit:C cancel:C approve:MA reject:MA"},
		{"rejected", OrderRejected, nil, nil, "CMFA",
			"edit:C submit:C cancel:C"},
		{"published", OrderPublished, nil, nil, "CWMFASN",
			"edit:C cancel:C suspend:MA report:WS bid:WS view_bids:CMFA invite:C"},
		{"published, the workshop bid", OrderPublished, nil, &submitted, "CWMFASN",
			// S is a workshop too, with the same MyBid: the facts are the caller's.
			"edit:C cancel:C suspend:MA report:WS view_bids:CMFA invite:C"},
		{"published, part awarded", OrderPublished, func(o *Order) { o.RemainingQuantity = 400 }, nil, "CWMFASN",
			"suspend:MA report:WS bid:WS view_bids:CMFA invite:C"},
		{"published, deadline passed", OrderPublished, func(o *Order) { o.BiddingDeadline = testNow.Add(-time.Hour) }, nil, "CWMFASN",
			"edit:C cancel:C suspend:MA report:WS view_bids:CMFA invite:C"},
		{"in review, deadline passed", OrderPendingReview, func(o *Order) { o.BiddingDeadline = testNow.Add(-time.Hour) }, nil, "CMFA",
			"edit:C cancel:C reject:MA"},
		{"suspended", OrderSuspended, nil, nil, "CMFA",
			"edit:C cancel:C reinstate:MA view_bids:CMFA"},
		{"suspended, deadline passed", OrderSuspended, func(o *Order) { o.BiddingDeadline = testNow.Add(-time.Hour) }, nil, "CMFA",
			"edit:C cancel:C view_bids:CMFA"},
		{"suspended, seen by a workshop that bid", OrderSuspended, nil, &accepted, "CWMFAS",
			"edit:C cancel:C reinstate:MA view_bids:CMFA"},
		{"closed", OrderClosed, func(o *Order) { o.RemainingQuantity = 0 }, nil, "CMFA", "view_bids:CMFA"},
	}
	for _, c := range cases {
		o := testOrder(c.status)
		if c.set != nil {
			c.set(&o)
		}
		checkTable(t, c.name, c.want, c.visible, func(l byte) (Role, any) {
			p := OrderPolicyFor(actorFor(l), o, OrderFacts{MyBid: c.myBid}, testNow)
			return p.Role, p.Actions
		})
	}
}

func TestBidPolicyTable(t *testing.T) {
	t.Parallel()
	o := testOrder(OrderPublished)
	bid := Bid{Quantity: 300, UnitPrice: 150, DeliveryDate: testNow.Add(30 * 24 * time.Hour), Headcount: 10}
	cases := []struct {
		name     string
		status   BidStatus
		verified bool
		set      func(*Order)
		want     string
	}{
		{"open", BidSubmitted, true, nil, "revise:W withdraw:W accept:C reject:C"},
		{"open, workshop unverified", BidSubmitted, false, nil, "revise:W withdraw:W reject:C"},
		{"open, more than what remains", BidSubmitted, true, func(o *Order) { o.RemainingQuantity = 200 }, "revise:W withdraw:W reject:C"},
		{"open, bidding closed", BidSubmitted, true, func(o *Order) { o.BiddingDeadline = testNow.Add(-time.Hour) }, "withdraw:W accept:C reject:C"},
		{"accepted", BidAccepted, true, nil, ""},
		{"withdrawn", BidWithdrawn, true, nil, ""},
	}
	for _, c := range cases {
		o := o
		if c.set != nil {
			c.set(&o)
		}
		f := BidFacts{CompanyID: companyID, WorkshopID: workshopID, Status: c.status, Bid: bid, WorkshopVerified: c.verified}
		checkTable(t, c.name, c.want, "CWMFA", func(l byte) (Role, any) {
			p := BidPolicyFor(actorFor(l), f, o, testNow)
			return p.Role, p.Actions
		})
	}
}

func TestDeliveryAndDisputePolicyTable(t *testing.T) {
	t.Parallel()
	past, future := testNow.Add(-time.Hour), testNow.Add(time.Hour)
	cases := []struct {
		name   string
		status ContractStatus
		d      DeliveryFacts
		want   string
	}{
		{"waiting for inspection", ContractDelivering, DeliveryFacts{Status: DeliverySubmitted}, "inspect:C"},
		{"inspected with rejections, window open", ContractDelivering, DeliveryFacts{Status: DeliveryAccepted, Rejected: 5, DisputeDueAt: &future}, "dispute:W"},
		{"inspected, window closed", ContractDelivering, DeliveryFacts{Status: DeliveryAccepted, Rejected: 5, DisputeDueAt: &past}, ""},
		{"inspected, nothing rejected", ContractDelivering, DeliveryFacts{Status: DeliveryAccepted}, ""},
		{"rework asked", ContractDelivering, DeliveryFacts{Status: DeliveryAccepted, ReworkLeft: 4}, "deliver_rework:W"},
		{"settled with a window still open", ContractSettled, DeliveryFacts{Status: DeliveryAccepted, Rejected: 5, DisputeDueAt: &future}, ""},
		{"disputed", ContractSettling, DeliveryFacts{Status: DeliveryDisputed, Rejected: 5, DisputeDueAt: &future}, ""},
	}
	for _, c := range cases {
		f := baseContract(c.status)
		checkTable(t, c.name, c.want, "CWMFA", func(l byte) (Role, any) {
			k := ContractPolicyFor(actorFor(l), f, testNow)
			return k.Role, DeliveryPolicyFor(k, f, c.d, testNow)
		})
	}
	f := baseContract(ContractSettling)
	for st, want := range map[DisputeStatus]string{DisputeOpen: "comment:CWMA resolve:MA", DisputeResolved: ""} {
		checkTable(t, "dispute "+string(st), want, "CWMFA", func(l byte) (Role, any) {
			k := ContractPolicyFor(actorFor(l), f, testNow)
			return k.Role, DisputePolicyFor(k, st)
		})
	}
	for rec, want := range map[bool]string{false: "receive:W", true: ""} {
		checkTable(t, "dispatch", want, "CWMFA", func(l byte) (Role, any) {
			k := ContractPolicyFor(actorFor(l), baseContract(ContractMaterialsSent), testNow)
			return k.Role, DispatchPolicyFor(k, baseContract(ContractMaterialsSent), rec)
		})
	}
}
