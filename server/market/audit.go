package market

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// AuditChange is one field a staff action changed, worded for the audit
// log: the field's name and both values in each language (money as
// ¥3,600.00, pieces as 1,000 件, statuses in words, dates as 2026/12/15).
// An empty value is a field the snapshot did not have.
type AuditChange struct {
	Field  string `json:"field"`
	Label  Msg    `json:"label"`
	Before Msg    `json:"before"`
	After  Msg    `json:"after"`
}

// auditField is how one snapshot field reads.
type auditField struct {
	label Msg
	kind  string // money (fen), pieces, yesno, status (of the target), kind (a disbursement's), or text
}

var auditFields = map[string]auditField{
	"name": {Msg{"名称", "Name"}, "text"}, "verified": {Msg{"已认证", "Verified"}, "yesno"},
	"community_guarantee": {Msg{"社区担保", "Community guarantee"}, "yesno"}, "status": {Msg{"状态", "Status"}, "status"},
	"amount": {Msg{"金额", "Amount"}, "money"}, "amount_received": {Msg{"实收金额", "Amount received"}, "money"},
	"bank_reference": {Msg{"银行流水号", "Bank reference"}, "text"}, "kind": {Msg{"类型", "Kind"}, "kind"},
	"units": {Msg{"申诉件数", "Pieces disputed"}, "pieces"}, "accepted": {Msg{"裁定合格件数", "Pieces decided accepted"}, "pieces"},
	"escrow_refund": {Msg{"退回企业的货款", "Escrow refunded"}, "money"}, "missing_units": {Msg{"缺少的物料", "Material missing"}, "pieces"},
	"chargeable_units": {Msg{"应赔件数", "Chargeable pieces"}, "pieces"}, "deduction": {Msg{"保证金扣除", "Deposit deduction"}, "money"},
	"deposit_refund": {Msg{"退还保证金", "Deposit refunded"}, "money"}, "terms": {Msg{"同义词", "Terms"}, "text"},
	"note": {Msg{"备注", "Note"}, "text"},
}

// auditStatuses word a status by the kind of row it belongs to.
var auditStatuses = map[string]map[string]Msg{
	"order": {string(OrderDraft): {"草稿", "Draft"}, string(OrderPendingReview): {"待审核", "Pending review"},
		string(OrderPublished): {"已发布", "Published"}, string(OrderRejected): {"已驳回", "Rejected"},
		string(OrderSuspended): {"已暂停", "Suspended"}, string(OrderClosed): {"已关闭", "Closed"}},
	"report": {"open": {"待处理", "Open"}, ReportDismissed: {"已驳回", "Dismissed"}, ReportUpheld: {"已采纳", "Upheld"}},
	"payment": {string(PaymentPending): {"待核对", "To match"}, string(PaymentSucceeded): {"已到账", "Received"},
		string(PaymentShort): {"少付", "Short"}, string(PaymentOver): {"多付", "Over"}, string(PaymentFailed): {"失败", "Failed"},
		string(PaymentCancelled): {"已作废", "Void"}},
	"disbursement": {string(DisbursementQueued): {"待汇出", "To send"}, string(DisbursementSending): {"汇出中", "Sending"},
		string(DisbursementSent): {"已汇出", "Sent"}, string(DisbursementFailed): {"汇出失败", "Failed"},
		string(DisbursementReversed): {"已退回", "Reversed"}},
	"contract": {string(ContractAwaitingFunding): {"待托管", "Awaiting funding"}, string(ContractActive): {"已生效", "Active"},
		string(ContractMaterialsSent): {"物料已发出", "Materials sent"}, string(ContractInProduction): {"生产中", "In production"},
		string(ContractDelivering): {"交货中", "Delivering"}, string(ContractSettling): {"结算中", "Settling"},
		string(ContractSettled): {"已结算", "Settled"}, string(ContractLapsed): {"已失效", "Lapsed"},
		string(ContractCancelled): {"已取消", "Cancelled"}},
	"dispute": {string(DisputeOpen): {"待裁决", "Open"}, string(DisputeResolved): {"已裁决", "Decided"}},
}

var disbursementKindWords = map[string]Msg{string(DisbursePayout): {"付给工坊", "Payout to the workshop"},
	string(DisburseRefund): {"退款", "Refund"}, string(DisburseCompensation): {"物料赔偿付企业", "Material compensation to the company"}}

// AuditChanges lists the fields whose values differ between an audit row's
// before and after snapshots (JSON objects, or empty), in the order of
// their names, each worded for target (the row's target_type).
func AuditChanges(target string, before, after []byte) []AuditChange {
	b, a := auditSnapshot(before), auditSnapshot(after)
	var fields []string
	for _, m := range []map[string]any{b, a} {
		for k := range m {
			if !slices.Contains(fields, k) {
				fields = append(fields, k)
			}
		}
	}
	slices.Sort(fields)
	out := []AuditChange{}
	for _, f := range fields {
		bv, av := b[f], a[f]
		if fmt.Sprint(bv) == fmt.Sprint(av) {
			continue
		}
		spec, ok := auditFields[f]
		if !ok {
			spec = auditField{Msg{f, f}, "text"}
		}
		out = append(out, AuditChange{Field: f, Label: spec.label, Before: auditValue(target, spec.kind, bv), After: auditValue(target, spec.kind, av)})
	}
	return out
}

func auditSnapshot(raw []byte) map[string]any {
	m := map[string]any{}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()    // fen stay exact
	_ = d.Decode(&m) // null, empty or not an object: no fields
	return m
}

// auditValue words one value; nil (absent) is empty.
func auditValue(target, kind string, v any) Msg {
	switch v := v.(type) {
	case nil:
		return Msg{}
	case bool:
		if v {
			return Msg{"是", "Yes"}
		}
		return Msg{"否", "No"}
	case json.Number:
		n, err := v.Int64()
		switch {
		case err != nil:
			return Typed(v.String())
		case kind == "money":
			return Typed(FormatFen(n))
		case kind == "pieces":
			return Msg{FormatCount(n) + " 件", FormatCount(n) + " pieces"}
		}
		return Typed(FormatCount(n))
	case string:
		if w, ok := auditStatuses[target][v]; ok && kind == "status" {
			return w
		}
		if w, ok := disbursementKindWords[v]; ok && kind == "kind" {
			return w
		}
		if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
			return Msg{FormatDate(t, "zh", true), FormatDate(t, "en", true)}
		}
		return Typed(v)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = fmt.Sprint(x)
		}
		return Msg{strings.Join(parts, "、"), strings.Join(parts, ", ")}
	}
	b, _ := json.Marshal(v)
	return Typed(string(b))
}
