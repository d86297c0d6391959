package market

import (
	"testing"

	"github.com/google/uuid"
)

// The banner's "what to do now" for each side, in the situations where a
// status alone told people the wrong thing (issue 23, point 1).
func TestNextStep(t *testing.T) {
	t.Parallel()
	delivery, dispatch := uuid.New(), uuid.New()
	cases := []struct {
		name   string
		status ContractStatus
		set    func(*ContractFacts)
		want   map[byte]NextStep // by actor letter: Step, Who, Action, Amount, Quantity
	}{
		{"escrow in, ¥700 of ¥800 deposit paid", ContractAwaitingFunding, func(f *ContractFacts) {
			f.Escrow.Held, f.Deposit.Required, f.Deposit.Held = f.Escrow.Required, 80_000, 70_000
		}, map[byte]NextStep{
			'C': {Step: StepPayDeposit, Who: "workshop", Amount: 10_000},
			'W': {Step: StepPayDeposit, Who: "you", Action: "pay_deposit", Amount: 10_000},
			'F': {Step: StepPayDeposit, Who: "workshop", Amount: 10_000},
		}},
		{"the company started a bank transfer", ContractAwaitingFunding, func(f *ContractFacts) {
			f.Deposit.Required = 0
			f.Escrow.Open = &OpenPayment{Provider: "manual", Reference: "DS-20261207-0001", Amount: 50_000}
		}, map[byte]NextStep{
			'C': {Step: StepEscrowInTransit, Who: "finance", Amount: 50_000},
			'F': {Step: StepEscrowInTransit, Who: "you", Amount: 50_000},
			'A': {Step: StepEscrowInTransit, Who: "you", Amount: 50_000},
			'M': {Step: StepEscrowInTransit, Who: "finance", Amount: 50_000},
		}},
		{"funded: the company sends material", ContractActive, nil, map[byte]NextStep{
			'C': {Step: StepDispatch, Who: "you", Action: "dispatch", Quantity: 100},
			'W': {Step: StepDispatch, Who: "company", Quantity: 100},
		}},
		{"material sent, not counted in", ContractMaterialsSent, func(f *ContractFacts) {
			f.Dispatched, f.UnreceivedSends, f.ReceiveDispatchID = 102, 1, &dispatch
		}, map[byte]NextStep{
			'W': {Step: StepReceive, Who: "you", Action: "receive", Quantity: 102},
			'C': {Step: StepReceive, Who: "workshop", Quantity: 102},
		}},
		{"inspection asked for rework", ContractDelivering, func(f *ContractFacts) {
			f.Dispatched, f.Received, f.Delivered, f.Accepted, f.Rework, f.ReworkDeliveryID = 102, 102, 100, 90, 10, &delivery
		}, map[byte]NextStep{
			'W': {Step: StepDeliverRework, Who: "you", Action: "deliver_rework", Quantity: 10},
			'C': {Step: StepDeliverRework, Who: "workshop", Quantity: 10},
		}},
		{"a batch waits for inspection while more can be made", ContractDelivering, func(f *ContractFacts) {
			f.Dispatched, f.Received, f.Delivered, f.AwaitingInspection, f.InspectDeliveryID = 102, 102, 40, 40, &delivery
		}, map[byte]NextStep{
			'C': {Step: StepInspect, Who: "you", Action: "inspect", Quantity: 40},
			'W': {Step: StepDeliver, Who: "you", Action: "deliver", Quantity: 60},
			'M': {Step: StepInspect, Who: "company", Quantity: 40},
		}},
		{"material used up", ContractDelivering, func(f *ContractFacts) {
			f.Dispatched, f.Received, f.Delivered, f.Accepted = 50, 50, 52, 52
		}, map[byte]NextStep{
			'C': {Step: StepDispatch, Who: "you", Action: "dispatch", Quantity: 48},
			'W': {Step: StepDispatch, Who: "company", Quantity: 48},
		}},
		{"a dispute is open", ContractSettling, func(f *ContractFacts) {
			f.Delivered, f.Accepted, f.Disputed, f.OpenDisputes = 100, 90, 10, 1
		}, map[byte]NextStep{
			'M': {Step: StepDecideDispute, Who: "you", Action: "decide_dispute", Quantity: 10},
			'F': {Step: StepDecideDispute, Who: "staff", Quantity: 10},
			'W': {Step: StepDecideDispute, Who: "staff", Quantity: 10},
		}},
		{"settled, the workshop rated", ContractSettled, func(f *ContractFacts) {
			f.Delivered, f.Accepted, f.WorkshopRated = 100, 100, true
		}, map[byte]NextStep{
			'C': {Step: StepRate, Who: "you", Action: "rate"},
			'W': {Step: StepDistribute, Who: "you", Action: "distribute"},
		}},
		{"all done", ContractSettled, func(f *ContractFacts) {
			f.Delivered, f.Accepted, f.WorkshopRated, f.CompanyRated, f.Distributed = 100, 100, true, true, true
		}, map[byte]NextStep{'C': {Step: StepDone, Who: "none"}, 'W': {Step: StepDone, Who: "none"}}},
	}
	for _, c := range cases {
		f := baseContract(c.status)
		if c.set != nil {
			c.set(&f)
		}
		for l, want := range c.want {
			got := ContractPolicyFor(actorFor(l), f, testNow).Next
			if got.Step != want.Step || got.Who != want.Who || got.Action != want.Action || got.Amount != want.Amount || got.Quantity != want.Quantity {
				t.Errorf("%s, %c: got %+v, want %+v", c.name, l, got, want)
			}
		}
	}
}
