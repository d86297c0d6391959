package market

import (
	"strings"
	"unicode/utf8"
)

// A workshop shares a contract's net among its residents by the pieces
// recorded for each (DESIGN.md "Distribution inside the workshop"). The
// split is only sound when the pieces recorded are the pieces the company
// accepted, and residents are paid only once the platform has paid the
// workshop: this policy holds those rules for the distribution page, its
// approval and the "paid" marks.

// DistributionFacts are what a contract's distribution is decided from.
type DistributionFacts struct {
	Contract ContractStatus
	Approved bool
	Net      int64 // released to the workshop for accepted work, net of commission
	Recorded int64 // pieces recorded for residents
	Accepted int64 // pieces the company accepted
	PaidOut  int64 // what the platform has sent the workshop for the contract
}

// DistributionCan is what the workshop's coordinator may do now.
type DistributionCan struct {
	RecordPieces Permission `json:"record_pieces"` // change piece records and hand-outs
	Approve      Permission `json:"approve"`       // freeze the split
	MarkPaid     Permission `json:"mark_paid"`     // record that a resident received their part
}

// DistributionPolicy is the answer for the workshop's coordinator.
type DistributionPolicy struct {
	Actions DistributionCan `json:"actions"`
	// Unrecorded is accepted pieces not yet recorded for a resident
	// (negative: more recorded than the company accepted).
	Unrecorded int64 `json:"unrecorded"`
	// ReasonRequired: approving now needs the coordinator's reason, shown on
	// every payslip, because the split would not rest on the accepted pieces.
	ReasonRequired bool `json:"reason_required"`
	// AwaitingPayout is the net the platform has not yet sent the workshop.
	AwaitingPayout int64 `json:"awaiting_payout"`
}

// DistributionPolicyFor decides for the workshop's own coordinator; the
// distribution is nobody else's to see (the workflow answers 404 to others).
func DistributionPolicyFor(f DistributionFacts) DistributionPolicy {
	p := DistributionPolicy{Unrecorded: f.Accepted - f.Recorded, AwaitingPayout: max(f.Net-f.PaidOut, 0)}
	started := f.Contract != ContractAwaitingFunding && f.Contract != ContractCancelled && f.Contract != ContractLapsed
	notApproved := when(!f.Approved, Deny(CodeState, "分配已批准，记录不能再修改", "the distribution is approved: the records are final"))
	p.Actions.RecordPieces = first(
		when(started, Deny(CodeState, "合同尚未开始或已取消，不能记录", "the contract has not started or was cancelled: nothing to record")),
		notApproved)
	p.Actions.Approve = first(
		when(!f.Approved, Deny(CodeConflict, "分配已经批准", "the distribution is approved already")),
		when(f.Net > 0, Deny(CodeState, "这份合同的加工费还没有发放到工坊", "no money has been released to the workshop for this contract yet")),
		when(f.Recorded > 0, Deny(CodeState, "还没有记录合格件数", "no accepted pieces are recorded yet")),
		// Releases and dispute decisions can still change the net until settlement.
		when(f.Contract == ContractSettled, Deny(CodeState, "合同结算后才能确认分配（在此之前金额可能还会变化）",
			"the distribution can be approved once the contract is settled (until then the amount can still change)")))
	p.ReasonRequired = !f.Approved && f.Recorded != f.Accepted
	p.Actions.MarkPaid = first(
		when(f.Approved, Deny(CodeState, "请先批准分配", "approve the distribution first")),
		when(f.PaidOut >= f.Net, Deny(CodeState,
			"平台还没有把这份合同的加工费全部汇给工坊（已汇出 "+FormatFen(f.PaidOut)+"，共 "+FormatFen(f.Net)+"），收到后再发给居民",
			"the platform has not sent the workshop all of this contract's pay yet ("+FormatFen(f.PaidOut)+" of "+FormatFen(f.Net)+"); pay residents once it arrives")))
	return p
}

// CheckBasisNote: a split that does not rest on the accepted pieces is
// approved only with the coordinator's reason.
func CheckBasisNote(p DistributionPolicy, note string) (string, error) {
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > 500 {
		return note, FieldError("reason", "原因最多500字", "the reason must be at most 500 characters")
	}
	if !p.ReasonRequired || utf8.RuneCountInString(note) >= 4 {
		return note, nil
	}
	zh := "记录的件数与企业验收合格的件数不一致（还差 " + FormatCount(p.Unrecorded) + " 件），请先补记，或写明按现有记录分配的原因（会印在每张工资条上）"
	en := "the pieces recorded differ from the pieces the company accepted (" + FormatCount(p.Unrecorded) +
		" unrecorded); record them, or say why you split by the current records (printed on every payslip)"
	if p.Unrecorded < 0 {
		zh = "记录的件数比企业验收合格的多 " + FormatCount(-p.Unrecorded) + " 件，请先更正，或写明原因（会印在每张工资条上）"
		en = "more pieces are recorded than the company accepted (" + FormatCount(-p.Unrecorded) +
			" over); correct them, or say why (printed on every payslip)"
	}
	return note, E(CodeInvalid, zh, en).WithField("reason", zh, en)
}

// PieceRate is what one piece earns in a split, in hundredths of a fen
// (¥1.1640 is 11640): distributed ÷ pieces, shown on payslips as the rate.
func PieceRate(distributed, pieces int64) int64 {
	if pieces <= 0 {
		return 0
	}
	r, err := MulChecked(distributed, 100)
	if err != nil {
		return 0
	}
	return (r + pieces/2) / pieces
}

// ShareBP is a part's share of the whole in basis points, rounded down so
// the shown percentages never add up to more than 100 %.
func ShareBP(part, whole int64) int64 {
	if whole <= 0 || part <= 0 {
		return 0
	}
	r, err := MulChecked(part, 10000)
	if err != nil {
		return 0
	}
	return r / whole
}

// PieceLimit is the most pieces a contract's records may add up to: the
// contract quantity while pieces can still be delivered and accepted, and
// the accepted pieces once the company has decided every delivery (the
// split then rests on what was accepted, never on more).
func PieceLimit(status ContractStatus, quantity, accepted int64) int64 {
	switch status {
	case ContractSettling, ContractSettled:
		return accepted
	}
	return quantity
}

// CheckPieceTotal refuses records adding up to more than the limit, saying
// by how much, on the records field the coordinator is editing.
func CheckPieceTotal(status ContractStatus, quantity, accepted, total int64) error {
	limit := PieceLimit(status, quantity, accepted)
	if total <= limit {
		return nil
	}
	over := FormatCount(total - limit)
	zh := "记录的件数合计 " + FormatCount(total) + " 件，超过合同数量 " + FormatCount(limit) + " 件，多了 " + over + " 件"
	en := "the records add up to " + FormatCount(total) + " pieces, " + over + " more than the contract's " + FormatCount(limit)
	if limit != quantity {
		zh = "记录的件数合计 " + FormatCount(total) + " 件，超过企业验收合格的 " + FormatCount(limit) + " 件，多了 " + over + " 件"
		en = "the records add up to " + FormatCount(total) + " pieces, " + over + " more than the " + FormatCount(limit) + " the company accepted"
	}
	return E(CodeInvalid, zh, en).WithField("records", zh, en)
}
