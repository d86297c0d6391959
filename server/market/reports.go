package market

// ReportReasons are the reasons a report can give, most serious first: the
// deposit scam this platform exists to stop heads the list, then unfair pay.
// The staff queue shows each order's most serious reason first in this order.
var ReportReasons = []string{"deposit_scam", "unfair_pay", "prohibited", "misleading", "other"}

// ValidReportReason reports whether r is one of ReportReasons.
func ValidReportReason(r string) bool { return ReportSeverity(r) >= 0 }

// ReportSeverity is r's place in ReportReasons (0 = most serious), or -1.
func ReportSeverity(r string) int {
	for i, x := range ReportReasons {
		if x == r {
			return i
		}
	}
	return -1
}

// Report outcomes staff can decide.
const (
	ReportDismissed = "dismissed"
	ReportUpheld    = "upheld"
)

// CheckReportOutcome validates a staff decision on reports: dismissing
// needs a reason (the reporter is told it), and only an upheld report can
// take the order down in the same step.
func CheckReportOutcome(status, note string, suspend bool) (string, error) {
	var v Validator
	v.Check(status == ReportDismissed || status == ReportUpheld, "status", "请选择驳回或成立", "status must be dismissed or upheld")
	note, err := CheckNote("note", note)
	if err != nil {
		return note, err
	}
	need := ReportChoicesFor(OrderPublished, false).NoteRequired
	if status == ReportDismissed {
		v.Check(!need.Dismiss || len([]rune(note)) >= 2, "note", "驳回举报需要填写理由（会告知举报人）", "dismissing needs a reason (the reporter is told)")
		v.Check(!suspend, "suspend_order", "驳回举报时不能暂停订单", "an order is suspended only when a report is upheld")
	}
	if status == ReportUpheld && suspend {
		v.Check(!need.Suspend || len([]rune(note)) >= 2, "note", "暂停订单需要填写理由（会告知企业）", "suspending the order needs a reason (the company is told)")
	}
	return note, v.Err()
}

// ReportChoices are what staff may decide on an order's reports, for the
// queue's dialog: whether upholding can take the order down in the same
// step, whether that box starts ticked, and which outcomes need a note.
type ReportChoices struct {
	// SuspendOrder: the order is up (published), or already taken down by
	// the reports (it then stays suspended, now by staff).
	SuspendOrder Permission `json:"suspend_order"`
	// SuspendSuggested: the order is still up, or only the reports took it
	// down; the dialog ticks "suspend" for staff to untick.
	SuspendSuggested bool `json:"suspend_suggested"`
	// NoteRequired: dismissing tells the reporter why; suspending tells the company.
	NoteRequired struct {
		Dismiss bool `json:"dismiss"`
		Suspend bool `json:"suspend"`
	} `json:"note_required"`
}

// ReportChoicesFor decides the choices for an order in status st.
func ReportChoicesFor(st OrderStatus, autoSuspended bool) ReportChoices {
	c := ReportChoices{
		SuspendOrder: when(st == OrderPublished || st == OrderSuspended, Deny(CodeState,
			"订单当前状态为“"+OrderStatusNameZH(st)+"”，无法暂停", "the order is "+string(st)+" and cannot be suspended")),
		SuspendSuggested: st == OrderPublished || (st == OrderSuspended && autoSuspended),
	}
	c.NoteRequired.Dismiss, c.NoteRequired.Suspend = true, true
	return c
}
