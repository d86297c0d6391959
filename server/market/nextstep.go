package market

import (
	"time"

	"github.com/google/uuid"
)

// NextStep is what has to happen next on a contract, told to one caller:
// their own task when they have one (Who "you", with the action that does
// it), otherwise the task everyone is waiting for and whose it is. The
// contract page's banner and the contract list's line are drawn from it.
type NextStep struct {
	Step     string       `json:"step"`             // one of NextSteps; the UI words it
	Who      string       `json:"who"`              // you, company, workshop, staff, finance, system or none
	Action   string       `json:"action,omitempty"` // the key in actions that does it (the caller's task only)
	DueAt    *time.Time   `json:"due_at"`
	Amount   int64        `json:"amount,omitempty"`   // fen still to pay
	Quantity int64        `json:"quantity,omitempty"` // pieces the step is about
	Payment  *OpenPayment `json:"payment,omitempty"`  // the transfer or card payment being waited for
	// Ref is the row the step acts on: the delivery to inspect or rework,
	// the shipment to count in, the dispute to decide.
	Ref *uuid.UUID `json:"ref,omitempty"`
}

// The steps, in the order they are looked for.
const (
	StepAnswerCancel    = "answer_cancel"     // the other party asked to cancel
	StepFundEscrow      = "fund_escrow"       // the company pays escrow in
	StepEscrowInTransit = "escrow_in_transit" // the company's payment is on its way
	StepPayDeposit      = "pay_deposit"       // the workshop pays its deposit
	StepDepositTransit  = "deposit_in_transit"
	StepDecideDispute   = "decide_dispute" // staff decide a dispute
	StepInspect         = "inspect"        // the company inspects delivered pieces
	StepDeliverRework   = "deliver_rework" // the workshop delivers reworked pieces
	StepReceive         = "receive"        // the workshop counts material in
	StepDispatch        = "dispatch"       // the company sends (more) material
	StepDeliver         = "deliver"        // the workshop makes and delivers pieces
	StepDisputeWindow   = "dispute_window" // rejections may still be disputed before settlement
	StepSettle          = "settle"         // the platform settles
	StepRate            = "rate"           // each party rates the other
	StepDistribute      = "distribute"     // the workshop shares the pay among residents
	StepDone            = "done"
	StepCancelled       = "cancelled"
	StepLapsed          = "lapsed"
)

// NextSteps lists every step, for the OpenAPI enum.
var NextSteps = []string{StepAnswerCancel, StepFundEscrow, StepEscrowInTransit, StepPayDeposit, StepDepositTransit,
	StepDecideDispute, StepInspect, StepDeliverRework, StepReceive, StepDispatch, StepDeliver, StepDisputeWindow,
	StepSettle, StepRate, StepDistribute, StepDone, StepCancelled, StepLapsed}

// NextActions lists every Action a step may name, for the OpenAPI enum.
var NextActions = []string{"fund", "pay_deposit", "agree_cancel", "dispatch", "deliver", "rate", "distribute", "inspect",
	"deliver_rework", "receive", "decide_dispute"}

// NextWho lists every Who, for the OpenAPI enum.
var NextWho = []string{"you", "company", "workshop", "staff", "finance", "system", "none"}

// task is a step and whose it is.
type task struct {
	owner  Role // RoleCompany, RoleWorkshop, RoleModerator, RoleFinance or RoleNone (the system)
	action string
	step   NextStep
}

// contractTasks lists everything waiting on a contract, most urgent first.
func contractTasks(f ContractFacts, now time.Time) []task {
	var ts []task
	add := func(owner Role, action string, s NextStep) { ts = append(ts, task{owner, action, s}) }
	switch f.Status {
	case ContractCancelled:
		return []task{{step: NextStep{Step: StepCancelled}}}
	case ContractLapsed:
		return []task{{step: NextStep{Step: StepLapsed}}}
	}
	if f.CancelRequestedBy != nil && f.Status.Cancellable() {
		other := RoleCompany
		if *f.CancelRequestedBy == f.CompanyID {
			other = RoleWorkshop
		}
		add(other, "agree_cancel", NextStep{Step: StepAnswerCancel})
	}
	if f.Status == ContractAwaitingFunding {
		due := f.FundingDueAt
		fund := func(m FundingFacts, payer Role, action, step, transit string) {
			switch {
			case m.Owed() == 0:
			case m.Open != nil && m.Open.Provider == "manual":
				add(RoleFinance, "", NextStep{Step: transit, DueAt: &due, Amount: m.Owed(), Payment: m.Open})
			case m.Open != nil:
				add(RoleNone, "", NextStep{Step: transit, DueAt: &due, Amount: m.Owed(), Payment: m.Open})
			default:
				add(payer, action, NextStep{Step: step, DueAt: &due, Amount: m.Owed()})
			}
		}
		fund(f.Escrow, RoleCompany, "fund", StepFundEscrow, StepEscrowInTransit)
		fund(f.Deposit, RoleWorkshop, "pay_deposit", StepPayDeposit, StepDepositTransit)
		return ts
	}
	if f.OpenDisputes > 0 {
		add(RoleModerator, "decide_dispute", NextStep{Step: StepDecideDispute, Quantity: f.Disputed, Ref: f.OpenDisputeID})
	}
	if f.AwaitingInspection > 0 {
		add(RoleCompany, "inspect", NextStep{Step: StepInspect, DueAt: f.InspectDueAt, Quantity: f.AwaitingInspection, Ref: f.InspectDeliveryID})
	}
	if f.Status.working() {
		l := ContractLimitsOf(f)
		if f.Rework > 0 {
			add(RoleWorkshop, "deliver_rework", NextStep{Step: StepDeliverRework, Quantity: f.Rework, Ref: f.ReworkDeliveryID})
		}
		if f.UnreceivedSends > 0 {
			add(RoleWorkshop, "receive", NextStep{Step: StepReceive, Quantity: f.Dispatched - f.Received, Ref: f.ReceiveDispatchID})
		}
		// The company sends (more) material when the workshop has none left
		// to work with, nothing is on its way and the contract needs pieces.
		inHand := f.Received - f.Returned - f.Delivered
		needMaterial := !f.OwnMaterials && f.UnreceivedSends == 0 && inHand <= 0 && l.DeliverableByContract > 0 && l.Dispatchable > 0
		if needMaterial {
			add(RoleCompany, "dispatch", NextStep{Step: StepDispatch, Quantity: min(l.Dispatchable, l.DeliverableByContract)})
		}
		if l.Deliverable > 0 && (f.Status.producing() || f.OwnMaterials) {
			due := f.DueDate
			add(RoleWorkshop, "deliver", NextStep{Step: StepDeliver, DueAt: &due, Quantity: l.Deliverable})
		}
	}
	if f.Status == ContractSettling && f.OpenDisputes == 0 {
		if f.DisputeWindowEnd != nil && f.DisputeWindowEnd.After(now) {
			add(RoleWorkshop, "", NextStep{Step: StepDisputeWindow, DueAt: f.DisputeWindowEnd, Quantity: f.Rejected})
		} else {
			add(RoleNone, "", NextStep{Step: StepSettle})
		}
	}
	if f.Status == ContractSettled {
		if !f.CompanyRated {
			add(RoleCompany, "rate", NextStep{Step: StepRate})
		}
		if !f.WorkshopRated {
			add(RoleWorkshop, "rate", NextStep{Step: StepRate})
		}
		if !f.Distributed && f.Accepted > 0 {
			add(RoleWorkshop, "distribute", NextStep{Step: StepDistribute})
		}
	}
	return ts
}

// nextStep picks the caller's own task first, else the first one waiting.
func nextStep(role Role, f ContractFacts, p ContractPolicy, now time.Time) NextStep {
	ts := contractTasks(f, now)
	if len(ts) == 0 {
		return NextStep{Step: StepDone, Who: "none"}
	}
	for _, t := range ts {
		if t.owner != RoleNone && owns(role, t.owner) {
			s := t.step
			s.Who = "you"
			if t.action != "" && (rowAction[t.action] || p.Actions.allowed(t.action)) {
				s.Action = t.action
			}
			return s
		}
	}
	s := ts[0].step
	switch ts[0].owner {
	case RoleCompany:
		s.Who = "company"
	case RoleWorkshop:
		s.Who = "workshop"
	case RoleModerator:
		s.Who = "staff"
	case RoleFinance:
		s.Who = "finance"
	default:
		s.Who = "system"
		if s.Step == StepCancelled || s.Step == StepLapsed {
			s.Who = "none"
		}
	}
	return s
}

// rowAction: actions on a delivery, shipment or dispute named by Ref; the
// caller owns the task, and that row's own policy decides when it is taken.
var rowAction = map[string]bool{"inspect": true, "deliver_rework": true, "receive": true, "decide_dispute": true}

// owns: admins take both staff tasks.
func owns(role, owner Role) bool {
	return role == owner || (role == RoleAdmin && (owner == RoleModerator || owner == RoleFinance))
}

// allowed looks an action up by its JSON key.
func (c ContractCan) allowed(action string) bool {
	switch action {
	case "fund":
		return c.Fund.Allowed
	case "pay_deposit":
		return c.PayDeposit.Allowed
	case "agree_cancel":
		return c.AgreeCancel.Allowed
	case "dispatch":
		return c.Dispatch.Allowed
	case "deliver":
		return c.Deliver.Allowed
	case "rate":
		return c.Rate.Allowed
	case "distribute":
		return c.Distribute.Allowed
	}
	return false
}
