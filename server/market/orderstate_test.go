package market

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// Expected outcomes: a status, "closed/<reason>", or an error kind.
const (
	xIllegal = "illegal"   // the generic "cannot <act> an order that is <status>"
	xCancel  = "no-cancel" // an accepted bid forbids cancelling
	xFrozen  = "frozen"    // an accepted bid freezes the terms
	xNoBid   = "no-bid"    // fully awarded without any accepted bid
)

// orderTransitions is the full lifecycle, written out: every status ×
// action, with the outcome without and with an accepted bid.
var orderTransitions = []struct {
	act           Action
	from          OrderStatus
	noBid, hasBid string
}{
	{ActSubmit, OrderDraft, "pending_review", "pending_review"},
	{ActSubmit, OrderPendingReview, xIllegal, xIllegal},
	{ActSubmit, OrderPublished, xIllegal, xIllegal},
	{ActSubmit, OrderRejected, "pending_review", "pending_review"},
	{ActSubmit, OrderSuspended, xIllegal, xIllegal},
	{ActSubmit, OrderClosed, xIllegal, xIllegal},

	{ActApprove, OrderDraft, xIllegal, xIllegal},
	{ActApprove, OrderPendingReview, "published", "published"},
	{ActApprove, OrderPublished, xIllegal, xIllegal},
	{ActApprove, OrderRejected, xIllegal, xIllegal},
	{ActApprove, OrderSuspended, xIllegal, xIllegal},
	{ActApprove, OrderClosed, xIllegal, xIllegal},

	{ActReject, OrderDraft, xIllegal, xIllegal},
	{ActReject, OrderPendingReview, "rejected", "rejected"},
	{ActReject, OrderPublished, xIllegal, xIllegal},
	{ActReject, OrderRejected, xIllegal, xIllegal},
	{ActReject, OrderSuspended, xIllegal, xIllegal},
	{ActReject, OrderClosed, xIllegal, xIllegal},

	{ActSuspend, OrderDraft, xIllegal, xIllegal},
	{ActSuspend, OrderPendingReview, xIllegal, xIllegal},
	{ActSuspend, OrderPublished, "suspended", "suspended"},
	{ActSuspend, OrderRejected, xIllegal, xIllegal},
	{ActSuspend, OrderSuspended, xIllegal, xIllegal},
	{ActSuspend, OrderClosed, xIllegal, xIllegal},

	{ActReinstate, OrderDraft, xIllegal, xIllegal},
	{ActReinstate, OrderPendingReview, xIllegal, xIllegal},
	{ActReinstate, OrderPublished, xIllegal, xIllegal},
	{ActReinstate, OrderRejected, xIllegal, xIllegal},
	{ActReinstate, OrderSuspended, "published", "published"},
	{ActReinstate, OrderClosed, xIllegal, xIllegal},

	{ActCancel, OrderDraft, "closed/cancelled", xCancel},
	{ActCancel, OrderPendingReview, "closed/cancelled", xCancel},
	{ActCancel, OrderPublished, "closed/cancelled", xCancel},
	{ActCancel, OrderRejected, "closed/cancelled", xCancel},
	{ActCancel, OrderSuspended, "closed/cancelled", xCancel},
	{ActCancel, OrderClosed, xIllegal, xIllegal},

	{ActExpire, OrderDraft, xIllegal, xIllegal},
	{ActExpire, OrderPendingReview, xIllegal, xIllegal},
	{ActExpire, OrderPublished, "closed/expired", "closed/expired"},
	{ActExpire, OrderRejected, xIllegal, xIllegal},
	{ActExpire, OrderSuspended, "closed/expired", "closed/expired"},
	{ActExpire, OrderClosed, xIllegal, xIllegal},

	{ActEditTerms, OrderDraft, "draft", "draft"},
	{ActEditTerms, OrderPendingReview, "pending_review", "pending_review"},
	{ActEditTerms, OrderPublished, "pending_review", xFrozen},
	{ActEditTerms, OrderRejected, "rejected", "rejected"},
	{ActEditTerms, OrderSuspended, "pending_review", xFrozen},
	{ActEditTerms, OrderClosed, xIllegal, xIllegal},

	{ActFullyAwarded, OrderDraft, xIllegal, xIllegal},
	{ActFullyAwarded, OrderPendingReview, xIllegal, xIllegal},
	{ActFullyAwarded, OrderPublished, xNoBid, "closed/awarded"},
	{ActFullyAwarded, OrderRejected, xIllegal, xIllegal},
	{ActFullyAwarded, OrderSuspended, xIllegal, xIllegal},
	{ActFullyAwarded, OrderClosed, xIllegal, xIllegal},

	{ActAutoSuspend, OrderDraft, xIllegal, xIllegal},
	{ActAutoSuspend, OrderPendingReview, xIllegal, xIllegal},
	{ActAutoSuspend, OrderPublished, "suspended", "suspended"},
	{ActAutoSuspend, OrderRejected, xIllegal, xIllegal},
	{ActAutoSuspend, OrderSuspended, xIllegal, xIllegal},
	{ActAutoSuspend, OrderClosed, xIllegal, xIllegal},

	{ActReopen, OrderDraft, xIllegal, xIllegal},
	{ActReopen, OrderPendingReview, xIllegal, xIllegal},
	{ActReopen, OrderPublished, xIllegal, xIllegal},
	{ActReopen, OrderRejected, xIllegal, xIllegal},
	{ActReopen, OrderSuspended, xIllegal, xIllegal},
	{ActReopen, OrderClosed, "published", "published"},
}

func TestNextOrderStatusEveryCombination(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, tt := range orderTransitions {
		for _, bid := range []bool{false, true} {
			want := tt.noBid
			if bid {
				want = tt.hasBid
			}
			key := string(tt.act) + " " + string(tt.from) + " " + map[bool]string{false: "no bid", true: "accepted bid"}[bid]
			if seen[key] {
				t.Errorf("%s listed twice", key)
			}
			seen[key] = true
			to, reason, err := NextOrderStatus(tt.from, tt.act, bid)
			checkOutcome(t, key, tt.from, tt.act, want, to, reason, err)
		}
	}
	// The table must cover the whole product of statuses, actions and the flag.
	for _, s := range OrderStatuses {
		for _, a := range OrderActions {
			for _, b := range []string{"no bid", "accepted bid"} {
				if !seen[string(a)+" "+string(s)+" "+b] {
					t.Errorf("no expectation for %s %s %s", a, s, b)
				}
			}
		}
	}
	if want := len(OrderStatuses) * len(OrderActions) * 2; len(seen) != want || want != 132 {
		t.Errorf("covered %d combinations, want %d (= 132)", len(seen), want)
	}
}

func checkOutcome(t *testing.T, key string, from OrderStatus, act Action, want string, to OrderStatus, reason string, err error) {
	t.Helper()
	wantErr := map[string]error{xCancel: errCancelAwarded, xFrozen: errTermsFrozen, xNoBid: errAwardNoBid}
	switch {
	case want == xIllegal:
		var e *Error
		if !errors.As(err, &e) || e.Code != CodeState || to != "" || reason != "" {
			t.Errorf("%s: got %q %q %v, want a state error", key, to, reason, err)
			return
		}
		if !strings.Contains(e.Message.ZH, "“"+OrderStatusNameZH(from)+"”") || !strings.Contains(e.Message.ZH, "“"+ActionNameZH(act)+"”") {
			t.Errorf("%s: zh message %q does not name the status and action", key, e.Message.ZH)
		}
		if !strings.HasPrefix(e.Message.EN, "cannot ") || !strings.Contains(e.Message.EN, statusEN(from)) {
			t.Errorf("%s: en message %q", key, e.Message.EN)
		}
	case wantErr[want] != nil:
		if err != wantErr[want] || to != "" || ErrorCode(err) != CodeState {
			t.Errorf("%s: got %q %q %v, want %v", key, to, reason, err, wantErr[want])
		}
	default:
		wantTo, wantReason, _ := strings.Cut(want, "/")
		if err != nil || string(to) != wantTo || reason != wantReason {
			t.Errorf("%s: got %q %q %v, want %q %q", key, to, reason, err, wantTo, wantReason)
		}
		if (to == OrderClosed) != (reason != "") {
			t.Errorf("%s: a close reason goes with closed and only with closed", key)
		}
	}
}

func TestNextOrderStatusMessages(t *testing.T) {
	t.Parallel()
	_, _, err := NextOrderStatus(OrderPublished, ActSubmit, false)
	var e *Error
	if !errors.As(err, &e) || e.Message.ZH != "订单当前状态为“已发布”，不能执行“提交审核”" || e.Message.EN != "cannot submit an order that is published" {
		t.Errorf("got %#v", err)
	}
	_, _, err = NextOrderStatus(OrderDraft, ActApprove, false)
	if !errors.As(err, &e) || e.Message.EN != "cannot approve an order that is still a draft" {
		t.Errorf("got %#v", err)
	}
	for _, tc := range []struct {
		from OrderStatus
		act  Action
	}{{"", ActSubmit}, {"archived", ActApprove}, {OrderDraft, "publish_now"}, {OrderPublished, ""}} {
		to, reason, err := NextOrderStatus(tc.from, tc.act, false)
		if ErrorCode(err) != CodeState || to != "" || reason != "" {
			t.Errorf("NextOrderStatus(%q, %q) = %q, %q, %v; want a state error", tc.from, tc.act, to, reason, err)
		}
	}
}

func TestOrderNamesAndVisibility(t *testing.T) {
	t.Parallel()
	names := map[string]bool{}
	for _, s := range OrderStatuses {
		n := OrderStatusNameZH(s)
		if n == string(s) || names[n] {
			t.Errorf("status %q has no distinct Chinese name (%q)", s, n)
		}
		names[n] = true
		if IsPublic(s) != (s == OrderPublished) {
			t.Errorf("IsPublic(%q) = %v", s, IsPublic(s))
		}
	}
	for _, a := range OrderActions {
		n := ActionNameZH(a)
		if n == string(a) || names[n] {
			t.Errorf("action %q has no distinct Chinese name (%q)", a, n)
		}
		names[n] = true
		if ActionNeedsReason(a) != (a == ActReject || a == ActSuspend) {
			t.Errorf("ActionNeedsReason(%q) = %v", a, ActionNeedsReason(a))
		}
	}
	for _, r := range []string{CloseAwarded, CloseCancelled, CloseExpired} {
		if CloseReasonNameZH(r) == r {
			t.Errorf("close reason %q has no Chinese name", r)
		}
	}
	if OrderStatusNameZH("x") != "x" || ActionNameZH("y") != "y" || CloseReasonNameZH("z") != "z" || IsPublic("") {
		t.Error("unknown values should pass through unchanged and never be public")
	}
}

func TestCanReopen(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	o := Order{Status: OrderClosed, CloseReason: CloseAwarded, BiddingDeadline: now.Add(time.Hour)}
	if !CanReopen(o, now) {
		t.Error("a fully awarded order before its deadline does not reopen")
	}
	for name, mod := range map[string]func(*Order){
		"deadline passed": func(o *Order) { o.BiddingDeadline = now },
		"cancelled":       func(o *Order) { o.CloseReason = CloseCancelled },
		"expired":         func(o *Order) { o.CloseReason = CloseExpired },
		"published":       func(o *Order) { o.Status, o.CloseReason = OrderPublished, "" },
	} {
		c := o
		mod(&c)
		if CanReopen(c, now) {
			t.Errorf("%s: reopens", name)
		}
	}
}
