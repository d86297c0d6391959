package notify

import "doorstep/server/market"

// Kind names a notification. Every kind is in templates, with its text in
// Chinese and English and whether it is also mailed; this table is the one
// place to read what the platform tells whom.
type Kind string

const (
	BidNew           Kind = "bid.new"            // → company: a workshop bid
	BidRevised       Kind = "bid.revised"        // → company
	BidWithdrawn     Kind = "bid.withdrawn"      // → company
	BidInvited       Kind = "bid.invited"        // → workshop: a company invites it to bid
	BidAccepted      Kind = "bid.accepted"       // → workshop: awarded, a contract exists
	BidRejected      Kind = "bid.rejected"       // → workshop, with the reason
	BidOrderClosed   Kind = "bid.order_closed"   // → workshop: its open bid ended with the order
	OrderApproved    Kind = "order.approved"     // → company
	OrderRejected    Kind = "order.rejected"     // → company, with the reason
	OrderSuspended   Kind = "order.suspended"    // → company, with the reason
	OrderAutoSuspend Kind = "order.auto_suspend" // → company: several reports took it down
	OrderReinstated  Kind = "order.reinstated"   // → company
	OrderExpired     Kind = "order.expired"      // → company: bidding deadline passed
	OrgVerified      Kind = "org.verified"       // → the organisation
	OrgUnverified    Kind = "org.unverified"     // → the organisation, with the note
	OrgGuarantee     Kind = "org.guarantee"      // → workshop: community guarantee set
	OrgNoGuarantee   Kind = "org.no_guarantee"   // → workshop: community guarantee removed
	ReportUpheld     Kind = "report.upheld"      // → the reporter: staff agreed (and what they did)
	ReportDismissed  Kind = "report.dismissed"   // → the reporter, with the reason
)

// Data fills a template. Each kind uses the fields its text names.
type Data struct {
	Order    string // order title
	Org      string // the other organisation's name
	Quantity int64
	Reason   string     // a reason or note written by a person (shown as written)
	Why      market.Msg // a reason the system gives, in both languages
}

type text struct {
	TitleZH, TitleEN string
	BodyZH, BodyEN   string
	Mail             bool // also mailed to every member
}

// templates are text/template strings over Data.
var templates = map[Kind]text{
	BidNew: {TitleZH: `{{.Org}} 对“{{.Order}}”报价 {{.Quantity}} 件`,
		TitleEN: `{{.Org}} bid for {{.Quantity}} units of {{.Order}}`},
	BidRevised: {TitleZH: `{{.Org}} 修改了对“{{.Order}}”的报价`,
		TitleEN: `{{.Org}} revised its bid for {{.Order}}`},
	BidWithdrawn: {TitleZH: `{{.Org}} 撤回了对“{{.Order}}”的报价`,
		TitleEN: `{{.Org}} withdrew its bid for {{.Order}}`},
	BidInvited: {TitleZH: `{{.Org}} 邀请您对“{{.Order}}”报价`, TitleEN: `{{.Org}} invites you to bid for {{.Order}}`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`, Mail: true},
	BidAccepted: {TitleZH: `恭喜！您对“{{.Order}}”的报价已被接受`, TitleEN: `Your bid for {{.Order}} was accepted`,
		BodyZH: `合同已生成，等待企业托管货款。`, BodyEN: `A contract was created; the company funds escrow next.`, Mail: true},
	BidRejected: {TitleZH: `您对“{{.Order}}”的报价未被接受`, TitleEN: `Your bid for {{.Order}} was not accepted`,
		BodyZH: `原因：{{.Reason}}`, BodyEN: `Reason: {{.Reason}}`},
	BidOrderClosed: {TitleZH: `订单“{{.Order}}”已结束报价`, TitleEN: `Bidding on {{.Order}} has ended`,
		BodyZH: `{{.Why.ZH}}，您的报价已结束。`, BodyEN: `Your bid has ended: {{.Why.EN}}.`},
	OrderApproved: {TitleZH: `订单已通过审核并发布：{{.Order}}`, TitleEN: `Order approved and published: {{.Order}}`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`, Mail: true},
	OrderRejected: {TitleZH: `订单未通过审核，请修改后重新提交：{{.Order}}`, TitleEN: `Order rejected: edit and resubmit: {{.Order}}`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`, Mail: true},
	OrderSuspended: {TitleZH: `订单已被平台暂停：{{.Order}}`, TitleEN: `Order suspended by platform staff: {{.Order}}`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`, Mail: true},
	OrderAutoSuspend: {TitleZH: `订单因多次举报被暂停，等待平台复核：{{.Order}}`,
		TitleEN: `Order suspended after several reports, pending review: {{.Order}}`, Mail: true},
	OrderReinstated: {TitleZH: `订单已恢复发布：{{.Order}}`, TitleEN: `Order reinstated: {{.Order}}`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`},
	OrderExpired: {TitleZH: `订单报名已截止：{{.Order}}`, TitleEN: `Bidding closed: {{.Order}}`},
	OrgVerified: {TitleZH: `{{.Org}} 已通过平台认证`, TitleEN: `{{.Org}} is now verified`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`, Mail: true},
	OrgUnverified: {TitleZH: `{{.Org}} 的平台认证已被取消`, TitleEN: `{{.Org}} is no longer verified`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`, Mail: true},
	OrgGuarantee: {TitleZH: `{{.Org}} 已获社区担保，可免交保证金`, TitleEN: `{{.Org}} now has a community guarantee (deposits can be waived)`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`, Mail: true},
	OrgNoGuarantee: {TitleZH: `{{.Org}} 的社区担保已取消`, TitleEN: `{{.Org}} no longer has a community guarantee`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`, Mail: true},
	ReportUpheld: {TitleZH: `您对“{{.Order}}”的举报经平台核实成立`, TitleEN: `Your report on {{.Order}} was upheld`,
		BodyZH: `{{.Why.ZH}}{{.Reason}}`, BodyEN: `{{.Why.EN}}{{.Reason}}`, Mail: true},
	ReportDismissed: {TitleZH: `您对“{{.Order}}”的举报未被采纳`, TitleEN: `Your report on {{.Order}} was dismissed`,
		BodyZH: `原因：{{.Reason}}`, BodyEN: `Reason: {{.Reason}}`, Mail: true},
}
