package market

import (
	"time"

	"github.com/google/uuid"
)

// ContractFacts are what the contract policy decides from: the contract row's
// parties, status and running totals, and a few counts from its deliveries,
// dispatches, disputes, payments and ratings (server/store reads them in one query).
type ContractFacts struct {
	ID                 uuid.UUID
	CompanyID          uuid.UUID
	WorkshopID         uuid.UUID
	Status             ContractStatus
	OwnMaterials       bool   // the workshop sources its own material
	Supply             string // how material reaches the workshop (MaterialTerms.Supply)
	Quantity           int64
	AllowedLoss        int64 // pieces of material that may be lost
	Dispatched         int64
	Received           int64
	Returned           int64
	Delivered          int64 // new pieces delivered (rework not counted again)
	Accepted           int64
	Rejected           int64
	Rework             int64 // pieces sent back for rework and not yet delivered again
	Disputed           int64
	AwaitingInspection int64      // delivered pieces not yet inspected
	InspectDueAt       *time.Time // the earliest open inspection deadline
	InspectDeliveryID  *uuid.UUID // the delivery that deadline belongs to
	ReworkDeliveryID   *uuid.UUID // the oldest delivery with pieces out for rework
	ReceiveDispatchID  *uuid.UUID // the oldest shipment not counted in
	OpenDisputeID      *uuid.UUID // the oldest open dispute
	UnreceivedSends    int        // shipments not yet counted in
	OpenDisputes       int
	DisputeWindowEnd   *time.Time // the last open window to dispute a rejection, if any
	FundingDueAt       time.Time
	DueDate            time.Time
	Escrow             FundingFacts
	Deposit            FundingFacts
	CancelRequestedBy  *uuid.UUID
	CompanyRated       bool
	WorkshopRated      bool
	Distributed        bool // the workshop approved its residents' pay distribution
	// WorkshopPayoutReady: the workshop told the platform where to pay it
	// (a bank account, or a Stripe account ready for payouts).
	WorkshopPayoutReady bool
}

// FundingFacts are one payment purpose's state on a contract.
type FundingFacts struct {
	Required int64 // what the terms ask (0: nothing, e.g. a waived deposit)
	Held     int64 // what the ledger holds for it
	// Open is the payment in progress, if any: a bank transfer waiting for
	// finance, or a card payment waiting for the provider.
	Open *OpenPayment
}

// OpenPayment is a payment that was started and has not arrived yet.
type OpenPayment struct {
	ID        uuid.UUID `json:"id"`
	Provider  string    `json:"provider"` // manual (bank transfer) or stripe
	Reference string    `json:"reference"`
	Amount    int64     `json:"amount"`
}

// Owed is what is still to pay.
func (f FundingFacts) Owed() int64 { return max(f.Required-f.Held, 0) }

// ContractCan is every action on a contract, as the caller may take it now.
type ContractCan struct {
	Fund          Permission `json:"fund"`           // company: pay escrow in
	PayDeposit    Permission `json:"pay_deposit"`    // workshop: pay the deposit in
	RequestCancel Permission `json:"request_cancel"` // a party asks to cancel before production
	AgreeCancel   Permission `json:"agree_cancel"`   // the other party agrees
	DecideCancel  Permission `json:"decide_cancel"`  // moderators cancel
	Dispatch      Permission `json:"dispatch"`       // company: send material
	Return        Permission `json:"return"`         // workshop: give unused material back
	Deliver       Permission `json:"deliver"`        // workshop: deliver new pieces
	EndShort      Permission `json:"end_short"`      // company: end with fewer pieces
	Settle        Permission `json:"settle"`         // finance: settle now
	Rate          Permission `json:"rate"`           // a party rates the other after settlement
	PostMessage   Permission `json:"post_message"`   // the thread
	ViewMoney     Permission `json:"view_money"`     // payments, ledger, statement
	RecordPieces  Permission `json:"record_pieces"`  // workshop: piece records and hand-outs
	Distribute    Permission `json:"distribute"`     // workshop: residents' pay
}

// ContractLimits are the numbers the actions are bounded by now.
type ContractLimits struct {
	Dispatchable int64 `json:"dispatchable"` // material the company may still send
	Returnable   int64 `json:"returnable"`   // material the workshop holds unused
	Deliverable  int64 `json:"deliverable"`  // new pieces the workshop may deliver now
	// DeliverableByContract is what the contract still takes regardless of material:
	// when it is above Deliverable, material is what holds the workshop back.
	DeliverableByContract int64 `json:"deliverable_by_contract"`
}

func dispatchMethods(f ContractFacts) []string {
	switch {
	case f.OwnMaterials:
		return []string{}
	case f.Supply == SupplyWorkshopPicksUp:
		return []string{"pickup", "carrier", "company_delivery"}
	}
	return []string{"carrier", "company_delivery", "pickup"}
}

// ReminderPayoutAccount: the workshop has no payout account yet.
const ReminderPayoutAccount = "payout_account"

// ContractPolicy is the answer for one actor and one contract.
type ContractPolicy struct {
	Role    Role           `json:"role"`
	Actions ContractCan    `json:"actions"`
	Limits  ContractLimits `json:"limits"`
	Next    NextStep       `json:"next"`
	// DispatchMethods are the ways the company may send material under the
	// terms: the company delivers (a carrier, or its own vehicle) or the
	// workshop picks up; the first is the usual one.
	DispatchMethods []string `json:"dispatch_methods"`
	// Reminders are things to set up that do not block the next step
	// (payout_account: the workshop has not said where to be paid).
	Reminders []string      `json:"reminders"`
	Facts     ContractFacts `json:"-"` // what it was decided from
}

// Visible reports whether the actor may see the contract; VisibleErr is the 404 otherwise.
func (p ContractPolicy) Visible() bool { return p.Role.Visible() }

// VisibleErr is nil when the actor may see the contract, else not found —
// contract ids reveal nothing to anyone else.
func (p ContractPolicy) VisibleErr() error {
	if !p.Visible() {
		return ErrNotFound
	}
	return nil
}

// working: material, production and delivery go on.
func (s ContractStatus) working() bool {
	return s == ContractActive || s == ContractMaterialsSent || s == ContractInProduction || s == ContractDelivering
}

// producing: pieces are being made and delivered.
func (s ContractStatus) producing() bool { return s == ContractInProduction || s == ContractDelivering }

// Cancellable: before production, a contract may be cancelled in full.
func (s ContractStatus) Cancellable() bool {
	_, err := NextContractStatus(s, ContractCancel)
	return err == nil
}

// ContractLimitsOf are the quantities the facts allow now.
func ContractLimitsOf(f ContractFacts) ContractLimits {
	l := ContractLimits{DeliverableByContract: max(f.Quantity-f.Delivered, 0)}
	if !f.OwnMaterials {
		l.Dispatchable = max(f.Quantity+f.AllowedLoss-f.Dispatched, 0)
		l.Returnable = max(f.Received-f.Returned-f.Delivered, 0)
		l.Deliverable = min(l.DeliverableByContract, max(f.Received+f.AllowedLoss-f.Delivered, 0))
	} else {
		l.Deliverable = l.DeliverableByContract
	}
	return l
}

// ContractPolicyFor decides what actor a may see and do on the contract now.
func ContractPolicyFor(a *Actor, f ContractFacts, now time.Time) ContractPolicy {
	role := PartyRole(a, f.CompanyID, f.WorkshopID)
	p := ContractPolicy{Role: role, Limits: ContractLimitsOf(f), Facts: f}
	if !role.Visible() {
		p.Actions = deniedContractActions()
		return p
	}
	l, st := p.Limits, f.Status
	company := when(role == RoleCompany, denyCompanyOnly)
	workshop := when(role == RoleWorkshop, denyWorkshopOnly)
	party := when(role.Party(), denyPartiesOnly)
	awaiting := when(st == ContractAwaitingFunding, Deny(CodeState, "合同不在待托管状态，无需付款", "the contract is not awaiting funding"))
	cancellable := when(st.Cancellable(), Deny(CodeState, "生产开始后不能取消合同；可在交付完成后结算或由企业提前结束",
		"a contract cannot be cancelled once production has started"))

	x := &p.Actions
	x.Fund = first(company, awaiting, fundingOpen(f.Escrow, "托管款"))
	x.PayDeposit = first(workshop, awaiting,
		when(f.Deposit.Required > 0, Deny(CodeState, "本合同无需缴纳保证金（无保证金或已凭社区担保免交）",
			"no deposit is owed on this contract (none asked, or waived by community guarantee)")),
		fundingOpen(f.Deposit, "保证金"))
	requested := f.CancelRequestedBy != nil
	byMe := requested && a != nil && *f.CancelRequestedBy == a.OrgID
	askedAlready := Deny(CodeState, "已申请取消，等待对方确认", "you asked to cancel; the other party has not confirmed yet")
	switch {
	case byMe:
		x.RequestCancel, x.AgreeCancel = askedAlready, askedAlready
	case requested:
		x.RequestCancel = Deny(CodeState, "对方已申请取消，请确认取消", "the other party asked to cancel; agree to it instead")
		x.AgreeCancel = Allow()
	default:
		x.RequestCancel = Allow()
		x.AgreeCancel = Deny(CodeState, "对方没有申请取消", "the other party has not asked to cancel")
	}
	x.RequestCancel = first(party, cancellable, x.RequestCancel)
	x.AgreeCancel = first(party, cancellable, x.AgreeCancel)
	x.DecideCancel = first(when(role.Moderates(), denyStaffOnlyModerate), cancellable)
	x.Dispatch = first(company,
		when(!f.OwnMaterials, Deny(CodeState, "本合同由工坊自备物料", "the workshop sources its own materials on this contract")),
		when(st.working(), stateRefusal(st, ContractDispatch)),
		when(l.Dispatchable > 0, Deny(CodeState, "物料已按合同数量加允许损耗全部发出", "all material the contract needs (with the allowed loss) has been sent")))
	x.Return = first(workshop,
		when(!f.OwnMaterials, Deny(CodeState, "本合同由工坊自备物料，无需退回", "the workshop sources its own materials; nothing to return")),
		// Until settlement closes the deposit computation (it reads the returns).
		when(st.producing() || st == ContractSettling, returnStateRefusal(st)),
		when(l.Returnable > 0, Deny(CodeState, "没有可退回的物料（收到的物料都已交付或退回）", "no unused material is left to return")))
	x.Deliver = first(workshop,
		when(st.producing() || (f.OwnMaterials && st == ContractActive), deliverStateRefusal(f)),
		when(l.DeliverableByContract > 0, Deny(CodeState, "合同数量已全部交付", "every piece of the contract has been delivered")),
		when(l.Deliverable > 0, Deny(CodeState, "已收物料（含允许损耗）已全部交付，请等企业补发物料", "the material received (with the allowed loss) is used up; wait for more material")))
	x.EndShort = first(company,
		when(st.producing(), Deny(CodeState, "只能在生产或交货阶段提前结束（生产前请取消合同）", "a contract can be ended short only during production (cancel it before)")),
		when(f.AwaitingInspection <= 0 && f.Rework <= 0 && f.OpenDisputes == 0,
			Deny(CodeState, "还有未验收、返工中或申诉中的交付，不能提前结束", "deliveries are still waiting for inspection, rework or a dispute decision")),
		when(f.Accepted < f.Quantity, Deny(CodeState, "合同数量已全部合格，无需提前结束", "every piece is accepted already")))
	x.Settle = first(when(role.HandlesMoney(), denyStaffOnlyFinance), settleRefusal(f, now))
	x.Rate = first(party,
		when(st == ContractSettled, Deny(CodeState, "结算完成后才能评价", "ratings open once the contract is settled")),
		when(!(role == RoleCompany && f.CompanyRated) && !(role == RoleWorkshop && f.WorkshopRated),
			Deny(CodeConflict, "您已评价过", "you have rated this contract already")))
	x.PostMessage = Allow()
	x.ViewMoney = Allow()
	started := when(st != ContractAwaitingFunding && st != ContractCancelled && st != ContractLapsed,
		Deny(CodeState, "合同生效后才能记录生产", "production records start once the contract is active"))
	x.RecordPieces = first(workshop, started)
	x.Distribute = first(workshop, started)
	p.Next = nextStep(role, f, p, now)
	p.Reminders, p.DispatchMethods = []string{}, dispatchMethods(f)
	if role == RoleWorkshop && !f.WorkshopPayoutReady && st != ContractCancelled && st != ContractLapsed {
		p.Reminders = append(p.Reminders, ReminderPayoutAccount)
	}
	return p
}

// fundingOpen refuses a payment when nothing is owed or one is in progress.
func fundingOpen(f FundingFacts, what string) Permission {
	switch {
	case f.Owed() == 0:
		return Deny(CodeConflict, what+"已付清", "this has already been paid in full")
	case f.Open != nil:
		return Deny(CodeState, "已有一笔待付款项（"+f.Open.Reference+"），请按其说明付款", "a payment is already open ("+f.Open.Reference+"); pay that one")
	}
	return Allow()
}

func stateRefusal(st ContractStatus, act ContractAction) Permission {
	_, err := NextContractStatus(st, act)
	if e, ok := err.(*Error); ok && err != nil {
		return denyErr(e)
	}
	return Deny(CodeState, "合同当前状态为“"+ContractStatusNameZH(st)+"”，不能"+contractActionZH[act],
		"cannot "+string(act)+" a contract that is "+string(st))
}

func deliverStateRefusal(f ContractFacts) Permission {
	switch {
	case f.Status == ContractAwaitingFunding:
		return Deny(CodeState, "合同尚未生效（等待托管款和保证金）", "the contract is not active yet (waiting for escrow and deposit)")
	case f.Status == ContractActive || f.Status == ContractMaterialsSent:
		return Deny(CodeState, "请先确认收到物料，再交付成品", "count the material in before delivering pieces")
	}
	return stateRefusal(f.Status, ContractDeliver)
}

func returnStateRefusal(st ContractStatus) Permission {
	if st.IsOpen() {
		return Deny(CodeState, "请先确认收到物料", "count the material in first")
	}
	return Deny(CodeState, "合同已结算或已结束，不能再退回物料（结算单已按当时的数量计算保证金）",
		"material can no longer be returned: the contract is settled or has ended (the deposit was computed then)")
}

// settleRefusal: staff settle a contract in settling once nothing is
// pending and no rejection can still be disputed — a dispute after
// settlement would have no money left to pay from.
func settleRefusal(f ContractFacts, now time.Time) Permission {
	switch {
	case f.Status == ContractSettled:
		return Deny(CodeConflict, "合同已结算", "the contract is settled already")
	case f.Status != ContractSettling:
		return Deny(CodeState, "合同尚未进入结算（还有交付、返工或申诉未完成）", "the contract is not ready to settle (deliveries, rework or disputes are pending)")
	case f.OpenDisputes > 0 || f.AwaitingInspection > 0 || f.Rework > 0:
		return Deny(CodeState, "请先裁决未决申诉", "decide the open disputes first")
	case f.DisputeWindowEnd != nil && f.DisputeWindowEnd.After(now):
		day := f.DisputeWindowEnd.In(ChinaTime)
		return Deny(CodeState, "工坊对驳回件的申诉期到 "+FormatDateZH(day)+" 为止，申诉期结束后才能结算",
			"the workshop may dispute rejections until "+day.Format("2006-01-02 15:04")+"; settle after that")
	}
	return Allow()
}

func deniedContractActions() ContractCan {
	d := ErrNotFound
	n := denyErr(d)
	return ContractCan{n, n, n, n, n, n, n, n, n, n, n, n, n, n, n}
}
