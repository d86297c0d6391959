package market

import "time"

// The order lifecycle (DESIGN.md "Lifecycle") as a pure function, so the
// store, the API and the jobs all agree on what may happen next and tests
// can cover every combination without a database.
//
//	draft → pending_review → published → closed (awarded | cancelled | expired)
//	            ↘ rejected (edit and resubmit)     published ⇄ suspended

// OrderStatus is where an order is in its lifecycle.
type OrderStatus string

// Order statuses.
const (
	OrderDraft         OrderStatus = "draft"
	OrderPendingReview OrderStatus = "pending_review"
	OrderPublished     OrderStatus = "published"
	OrderRejected      OrderStatus = "rejected"
	OrderSuspended     OrderStatus = "suspended"
	OrderClosed        OrderStatus = "closed"
)

// Why a closed order closed.
const (
	CloseAwarded   = "awarded"
	CloseCancelled = "cancelled"
	CloseExpired   = "expired"
)

// AutoSuspendReports is how many open reports take a published order out of
// public view (ActAutoSuspend) until staff look at it.
const AutoSuspendReports = 3

// Action is something that changes an order's status. Who may perform it
// (company, staff or the system) is checked by the caller; this file only
// knows which statuses allow it.
type Action string

const (
	ActSubmit       Action = "submit"        // company: send for review
	ActApprove      Action = "approve"       // staff: publish
	ActReject       Action = "reject"        // staff, with a reason
	ActSuspend      Action = "suspend"       // staff, with a reason
	ActReinstate    Action = "reinstate"     // staff: publish again
	ActCancel       Action = "cancel"        // company, only before any award
	ActExpire       Action = "expire"        // system, once the bidding deadline has passed
	ActEditTerms    Action = "edit_terms"    // company edits the order
	ActFullyAwarded Action = "fully_awarded" // system, when accepted bids cover the quantity
	ActAutoSuspend  Action = "auto_suspend"  // system, after AutoSuspendReports reports
	ActReopen       Action = "reopen"        // system: a lapsed or cancelled contract gave quantity back (see CanReopen)
)

// OrderActions lists every action, for tests and documentation.
var OrderActions = []Action{ActSubmit, ActApprove, ActReject, ActSuspend, ActReinstate,
	ActCancel, ActExpire, ActEditTerms, ActFullyAwarded, ActAutoSuspend, ActReopen}

// OrderStatuses lists every status in lifecycle order.
var OrderStatuses = []OrderStatus{OrderDraft, OrderPendingReview, OrderPublished, OrderRejected, OrderSuspended, OrderClosed}

// ActionNeedsReason reports whether the action must carry a written reason:
// staff decisions that take an order away from a company are explained.
func ActionNeedsReason(act Action) bool { return act == ActReject || act == ActSuspend }

// IsPublic reports whether orders in this status are visible and searchable
// by everyone. Only published ones are: the rest are unreviewed, refused,
// taken down or finished.
func IsPublic(status OrderStatus) bool { return status == OrderPublished }

var (
	errCancelAwarded = E(CodeState, "已有报价被接受，订单不能取消，请在合同中处理",
		"cannot cancel an order with an accepted bid; handle it in the contract")
	errTermsFrozen = E(CodeState, "已有报价被接受，订单条款已锁定，不能修改",
		"the terms are frozen once a bid has been accepted")
	errAwardNoBid = E(CodeState, "订单没有被接受的报价，不能标记为全部授予",
		"cannot mark an order as fully awarded without an accepted bid")
)

// NextOrderStatus returns the status (and, for closed, the close reason)
// that act leads to from status from. hasAcceptedBid tells whether any part
// of the quantity has been awarded: from then on the terms are frozen and
// the company can no longer cancel, because workshops rely on them.
func NextOrderStatus(from OrderStatus, act Action, hasAcceptedBid bool) (to OrderStatus, closeReason string, err error) {
	switch act {
	case ActSubmit:
		if from == OrderDraft || from == OrderRejected {
			return OrderPendingReview, "", nil
		}
	case ActApprove:
		if from == OrderPendingReview {
			return OrderPublished, "", nil
		}
	case ActReject:
		if from == OrderPendingReview {
			return OrderRejected, "", nil
		}
	case ActSuspend, ActAutoSuspend:
		if from == OrderPublished {
			return OrderSuspended, "", nil
		}
	case ActReinstate:
		if from == OrderSuspended {
			return OrderPublished, "", nil
		}
	case ActCancel:
		switch from {
		case OrderDraft, OrderPendingReview, OrderRejected, OrderPublished, OrderSuspended:
			if hasAcceptedBid {
				return "", "", errCancelAwarded
			}
			return OrderClosed, CloseCancelled, nil
		}
	case ActExpire:
		// Expiry closes what is left even after partial awards; the
		// contracts already made live on independently.
		if from == OrderPublished || from == OrderSuspended {
			return OrderClosed, CloseExpired, nil
		}
	case ActEditTerms:
		switch from {
		case OrderDraft, OrderRejected, OrderPendingReview:
			return from, "", nil
		case OrderPublished, OrderSuspended:
			if hasAcceptedBid {
				return "", "", errTermsFrozen
			}
			// Changed terms are unreviewed terms: back to the moderation
			// queue and out of public view. A suspended order that is fixed
			// this way also lands where staff will see it.
			return OrderPendingReview, "", nil
		}
	case ActReopen:
		if from == OrderClosed {
			return OrderPublished, "", nil
		}
	case ActFullyAwarded:
		if from == OrderPublished {
			if !hasAcceptedBid {
				return "", "", errAwardNoBid
			}
			return OrderClosed, CloseAwarded, nil
		}
	}
	return "", "", illegalTransition(from, act)
}

func illegalTransition(from OrderStatus, act Action) *Error {
	return E(CodeState,
		"订单当前状态为“"+OrderStatusNameZH(from)+"”，不能执行“"+ActionNameZH(act)+"”",
		"cannot "+actionVerbEN(act)+" an order that is "+statusEN(from))
}

// OrderStatusNameZH is the status as the Chinese UI shows it.
func OrderStatusNameZH(s OrderStatus) string {
	switch s {
	case OrderDraft:
		return "草稿"
	case OrderPendingReview:
		return "待审核"
	case OrderPublished:
		return "已发布"
	case OrderRejected:
		return "已驳回"
	case OrderSuspended:
		return "已暂停"
	case OrderClosed:
		return "已关闭"
	}
	return string(s)
}

// ActionNameZH is the action as the Chinese UI and audit log name it.
func ActionNameZH(a Action) string {
	switch a {
	case ActSubmit:
		return "提交审核"
	case ActApprove:
		return "审核通过"
	case ActReject:
		return "驳回"
	case ActSuspend:
		return "暂停发布"
	case ActReinstate:
		return "恢复发布"
	case ActCancel:
		return "取消订单"
	case ActExpire:
		return "到期关闭"
	case ActEditTerms:
		return "修改订单"
	case ActFullyAwarded:
		return "全部授予"
	case ActAutoSuspend:
		return "因举报自动暂停"
	case ActReopen:
		return "重新开放报价"
	}
	return string(a)
}

// CloseReasonNameZH is a close reason as the Chinese UI shows it.
func CloseReasonNameZH(r string) string {
	switch r {
	case CloseAwarded:
		return "已全部授予"
	case CloseCancelled:
		return "已取消"
	case CloseExpired:
		return "已过期"
	}
	return r
}

func actionVerbEN(a Action) string {
	switch a {
	case ActEditTerms:
		return "edit"
	case ActFullyAwarded:
		return "fully award"
	case ActAutoSuspend:
		return "auto-suspend"
	}
	return string(a)
}

func statusEN(s OrderStatus) string {
	switch s {
	case OrderDraft:
		return "still a draft"
	case OrderPendingReview:
		return "pending review"
	case "":
		return "in an unknown state"
	}
	return string(s)
}

// CanReopen reports whether quantity given back by a lapsed or cancelled
// contract reopens a closed order: only one closed because it was fully
// awarded, and only while its bidding deadline has not passed.
func CanReopen(o Order, now time.Time) bool {
	return o.Status == OrderClosed && o.CloseReason == CloseAwarded && now.Before(o.BiddingDeadline)
}
