package market

import "github.com/google/uuid"

// PaymentFacts are a payment's payer, way and state.
type PaymentFacts struct {
	PayerOrgID uuid.UUID
	Manual     bool // a bank transfer finance confirms by hand (else a card payment the provider confirms)
	Status     PaymentStatus
	HasRef     bool // the provider's object exists (card payments)
	TestMode   bool // the provider runs in test mode: staff may simulate card payments
}

// PaymentCan is what the caller may do with a payment now.
type PaymentCan struct {
	AttachReceipt Permission `json:"attach_receipt"` // the payer notes how and when it transferred
	Confirm       Permission `json:"confirm"`        // finance records what arrived
	Simulate      Permission `json:"simulate"`       // finance, in test mode, sends a signed test event
}

// PaymentPolicyFor decides what the caller may do with a payment; role is
// the caller's role in its contract (a payment is seen by whoever sees the
// contract: its parties and staff).
func PaymentPolicyFor(a *Actor, role Role, f PaymentFacts) PaymentCan {
	if !role.Visible() {
		n := denyErr(ErrNotFound)
		return PaymentCan{n, n, n}
	}
	pending := when(f.Status == PaymentPending, Deny(CodeState, "该款项已处理", "this payment has been handled already"))
	payer := when(a != nil && a.OrgID == f.PayerOrgID && f.PayerOrgID != uuid.Nil,
		Deny(CodeForbidden, "此款项应由合同另一方支付", "the other party pays this"))
	finance := when(role.HandlesMoney(), denyStaffOnlyFinance)
	return PaymentCan{
		AttachReceipt: first(payer, pending),
		Confirm: first(finance,
			when(f.Manual, Deny(CodeState, "银行卡付款由 Stripe 自动确认", "card payments are confirmed by Stripe, not by hand")),
			// A cancelled payment (its contract lapsed) may still arrive: it is then refunded in full.
			when(f.Status == PaymentPending || f.Status == PaymentCancelled, Deny(CodeState, "该款项已确认过", "this payment was confirmed already"))),
		Simulate: first(finance,
			when(f.TestMode, Deny(CodeForbidden, "只有 Stripe 测试模式可以模拟付款", "payments can only be simulated in Stripe test mode")),
			when(!f.Manual && f.HasRef && f.Status == PaymentPending, Deny(CodeState, "该款项不是待付的银行卡付款", "this is not a pending card payment"))),
	}
}

// DisbursementCan is what the caller may do with money going out.
type DisbursementCan struct {
	MarkSent Permission `json:"mark_sent"` // finance records a bank transfer it sent by hand
}

// DisbursementPolicyFor: finance marks a queued bank payout or refund sent;
// a payout (or compensation) once the recipient has said which account to
// send it to — a refund goes back to the account the transfer came from.
func DisbursementPolicyFor(a *Actor, kind DisbursementKind, manual bool, status DisbursementStatus, recipientReady bool) DisbursementCan {
	return DisbursementCan{MarkSent: first(when(staffRole(a).HandlesMoney(), denyStaffOnlyFinance),
		when(manual, Deny(CodeState, "Stripe 付款由系统自动发出", "Stripe payouts are sent automatically")),
		when(status == DisbursementQueued, Deny(CodeState, "这笔款项已处理", "this has been handled already")),
		when(recipientReady || kind == DisburseRefund, Deny(CodeState, "收款方还没有填写收款账户，无法汇出；平台已提醒对方在“收款账户”中填写",
			"the recipient has not given a payout account yet, so this cannot be sent; they have been asked to add one")))}
}
