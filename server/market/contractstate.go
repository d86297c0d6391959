package market

// The contract lifecycle (DESIGN.md "Lifecycle") as a pure function, like
// the order one: funding, materials, deliveries, settlement, lapse and
// cancellation all ask NextContractStatus what may happen next.
//
//	awaiting_funding → active → materials_sent → in_production → delivering → settling → settled
//	     ↘ lapsed (not funded in time)    ↘ cancelled (before production)
//
// A workshop that supplies its own materials starts production from active.
// Quantities, deadlines and who may act are checked by the workflows; this
// file only knows which statuses allow which action.

// ContractStatus is where a contract is in its lifecycle.
type ContractStatus string

const (
	ContractAwaitingFunding ContractStatus = "awaiting_funding"
	ContractActive          ContractStatus = "active"
	ContractMaterialsSent   ContractStatus = "materials_sent"
	ContractInProduction    ContractStatus = "in_production"
	ContractDelivering      ContractStatus = "delivering"
	ContractSettling        ContractStatus = "settling"
	ContractSettled         ContractStatus = "settled"
	ContractLapsed          ContractStatus = "lapsed"
	ContractCancelled       ContractStatus = "cancelled"
)

// ContractStatuses lists every contract status in lifecycle order.
var ContractStatuses = []ContractStatus{ContractAwaitingFunding, ContractActive, ContractMaterialsSent,
	ContractInProduction, ContractDelivering, ContractSettling, ContractSettled, ContractLapsed, ContractCancelled}

// ContractAction changes a contract's status.
type ContractAction string

const (
	ContractActivate ContractAction = "activate" // system: escrow funded and the deposit paid or waived
	ContractLapse    ContractAction = "lapse"    // system: not funded within FUNDING_DAYS
	ContractCancel   ContractAction = "cancel"   // both parties agree, or staff decide, before production
	ContractDispatch ContractAction = "dispatch" // company: materials sent (again, possibly)
	ContractStart    ContractAction = "start"    // workshop: production starts (materials received, or its own)
	ContractDeliver  ContractAction = "deliver"  // workshop: a batch of finished goods handed over
	ContractComplete ContractAction = "complete" // system: everything decided, or the company ends it short
	ContractSettle   ContractAction = "settle"   // system or staff: the money is closed
)

// ContractActions lists every action, for tests and documentation.
var ContractActions = []ContractAction{ContractActivate, ContractLapse, ContractCancel, ContractDispatch,
	ContractStart, ContractDeliver, ContractComplete, ContractSettle}

// IsOpen reports whether a contract still has work or money in flight.
func (s ContractStatus) IsOpen() bool {
	return s != ContractSettled && s != ContractLapsed && s != ContractCancelled
}

// contractMoves is the transition table: action → from → to.
var contractMoves = map[ContractAction]map[ContractStatus]ContractStatus{
	ContractActivate: {ContractAwaitingFunding: ContractActive},
	ContractLapse:    {ContractAwaitingFunding: ContractLapsed},
	ContractCancel: {ContractAwaitingFunding: ContractCancelled, ContractActive: ContractCancelled,
		ContractMaterialsSent: ContractCancelled},
	// More material may follow while work goes on; the status stays.
	ContractDispatch: {ContractActive: ContractMaterialsSent, ContractMaterialsSent: ContractMaterialsSent,
		ContractInProduction: ContractInProduction, ContractDelivering: ContractDelivering},
	ContractStart: {ContractActive: ContractInProduction, ContractMaterialsSent: ContractInProduction,
		ContractInProduction: ContractInProduction, ContractDelivering: ContractDelivering},
	ContractDeliver: {ContractInProduction: ContractDelivering, ContractDelivering: ContractDelivering},
	ContractComplete: {ContractMaterialsSent: ContractSettling, ContractInProduction: ContractSettling,
		ContractDelivering: ContractSettling},
	ContractSettle: {ContractSettling: ContractSettled},
}

// NextContractStatus returns the status act leads to from status from.
func NextContractStatus(from ContractStatus, act ContractAction) (ContractStatus, error) {
	if to, ok := contractMoves[act][from]; ok {
		return to, nil
	}
	return "", E(CodeState,
		"合同当前状态为“"+ContractStatusNameZH(from)+"”，不能"+contractActionZH[act],
		"cannot "+string(act)+" a contract that is "+string(from))
}

var contractActionZH = map[ContractAction]string{
	ContractActivate: "生效", ContractLapse: "逾期失效", ContractCancel: "取消", ContractDispatch: "发出物料",
	ContractStart: "开始生产", ContractDeliver: "交货", ContractComplete: "进入结算", ContractSettle: "结算",
}

// ContractStatusNameZH is the status as the Chinese UI shows it.
func ContractStatusNameZH(s ContractStatus) string {
	switch s {
	case ContractAwaitingFunding:
		return "待托管"
	case ContractActive:
		return "已生效"
	case ContractMaterialsSent:
		return "物料已发出"
	case ContractInProduction:
		return "生产中"
	case ContractDelivering:
		return "交货中"
	case ContractSettling:
		return "结算中"
	case ContractSettled:
		return "已结算"
	case ContractLapsed:
		return "已失效"
	case ContractCancelled:
		return "已取消"
	}
	return string(s)
}

// ContractPath is the normal path a contract takes, in order (lapsed and
// cancelled are side exits): the contract page draws its progress from it.
var ContractPath = []ContractStatus{ContractAwaitingFunding, ContractActive, ContractMaterialsSent, ContractInProduction,
	ContractDelivering, ContractSettling, ContractSettled}

// ContractStage is where a contract is, for the page's layout: funding
// (paying in), working (material, production, deliveries), settling,
// settled, or ended (lapsed or cancelled).
type ContractStage string

const (
	StageFunding  ContractStage = "funding"
	StageWorking  ContractStage = "working"
	StageSettling ContractStage = "settling"
	StageSettled  ContractStage = "settled"
	StageEnded    ContractStage = "ended"
)

// ContractStages lists every stage, for the OpenAPI enum.
var ContractStages = []ContractStage{StageFunding, StageWorking, StageSettling, StageSettled, StageEnded}

// Stage is the contract's stage.
func (s ContractStatus) Stage() ContractStage {
	switch {
	case s == ContractAwaitingFunding:
		return StageFunding
	case s.working():
		return StageWorking
	case s == ContractSettling:
		return StageSettling
	case s == ContractSettled:
		return StageSettled
	}
	return StageEnded
}

// PathStep is the status's place on ContractPath (-1 off the path).
func (s ContractStatus) PathStep() int {
	for i, p := range ContractPath {
		if p == s {
			return i
		}
	}
	return -1
}
