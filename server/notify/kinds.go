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

	PaymentReceived         Kind = "payment.received"          // → payer: money arrived
	PaymentShort            Kind = "payment.short"             // → payer: less arrived than was owed
	PaymentFailed           Kind = "payment.failed"            // → payer: a card payment failed
	ContractActive          Kind = "contract.active"           // → both: escrow funded, deposit paid or waived
	ContractLapsed          Kind = "contract.lapsed"           // → both: not funded in time
	ContractCancelRequested Kind = "contract.cancel_requested" // → the other party
	ContractCancelled       Kind = "contract.cancelled"        // → both
	DisbursementSent        Kind = "disbursement.sent"         // → recipient: a payout or refund left the platform

	MaterialsSent      Kind = "materials.sent"       // → workshop: a shipment is on its way
	MaterialsReceived  Kind = "materials.received"   // → company: the workshop counted a shipment (shortfall named)
	DeliverySubmitted  Kind = "delivery.submitted"   // → company: a batch to inspect, by a date
	DeliveryInspected  Kind = "delivery.inspected"   // → workshop: accepted, rejected, rework
	InspectionReminder Kind = "inspection.reminder"  // → both: accepted in full tomorrow if not inspected
	DeliveryAutoAccept Kind = "delivery.auto_accept" // → both: accepted in full by silence
	DisputeOpened      Kind = "dispute.opened"       // → company: the workshop disputes an inspection
	DisputeComment     Kind = "dispute.comment"      // → the parties: a comment on a dispute
	DisputeResolved    Kind = "dispute.resolved"     // → both: staff decided
	ContractMessage    Kind = "contract.message"     // → the other party: a message on the contract
	ContractSettling   Kind = "contract.settling"    // → both: all work decided, settlement next
	ContractSettled    Kind = "contract.settled"     // → both: the money is closed

	ReportUpheld    Kind = "report.upheld"    // → the reporter: staff agreed (and what they did)
	ReportDismissed Kind = "report.dismissed" // → the reporter, with the reason
)

// Data fills a template. Each kind uses the fields its text names.
type Data struct {
	Order    string // order title
	Org      string // the other organisation's name
	Quantity int64
	Amount   int64      // fen; templates print it as {{money .Amount}}
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
	BidNew: {TitleZH: `{{.Org}} 对“{{.Order}}”报价 {{count .Quantity}} 件`,
		TitleEN: `{{.Org}} bid for {{count .Quantity}} units of {{.Order}}`},
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
	PaymentReceived: {TitleZH: `已收到“{{.Order}}”的{{.Why.ZH}} {{money .Amount}}`, TitleEN: `{{money .Amount}} received for {{.Order}} ({{.Why.EN}})`,
		Mail: true},
	PaymentShort: {TitleZH: `“{{.Order}}”的{{.Why.ZH}}到账不足`, TitleEN: `Short payment for {{.Order}} ({{.Why.EN}})`,
		BodyZH: `还需支付 {{money .Amount}}，请在合同页面再次付款。`, BodyEN: `{{money .Amount}} is still owed; pay the rest from the contract page.`, Mail: true},
	PaymentFailed: {TitleZH: `“{{.Order}}”的付款未成功`, TitleEN: `Payment for {{.Order}} failed`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`, Mail: true},
	ContractActive: {TitleZH: `合同已生效：{{.Order}}`, TitleEN: `Contract active: {{.Order}}`,
		BodyZH: `货款已由平台托管，保证金已缴纳或免交，可以开始发料和生产。`,
		BodyEN: `The platform holds the escrow and the deposit is paid or waived: materials and production can start.`, Mail: true},
	ContractLapsed: {TitleZH: `合同未按期托管，已失效：{{.Order}}`, TitleEN: `Contract lapsed (not funded in time): {{.Order}}`,
		BodyZH: `数量已退回订单；已付款项将全额退回。`, BodyEN: `Its quantity went back to the order; anything paid is refunded in full.`, Mail: true},
	ContractCancelRequested: {TitleZH: `{{.Org}} 申请取消合同：{{.Order}}`, TitleEN: `{{.Org}} asks to cancel the contract: {{.Order}}`,
		BodyZH: `原因：{{.Reason}}。同意请在合同页面确认取消。`, BodyEN: `Reason: {{.Reason}}. To agree, confirm the cancellation on the contract page.`, Mail: true},
	ContractCancelled: {TitleZH: `合同已取消：{{.Order}}`, TitleEN: `Contract cancelled: {{.Order}}`,
		BodyZH: `原因：{{.Reason}}。已付款项将全额退回。`, BodyEN: `Reason: {{.Reason}}. Anything paid is refunded in full.`, Mail: true},
	DisbursementSent: {TitleZH: `{{.Why.ZH}} {{money .Amount}} 已汇出：{{.Order}}`, TitleEN: `{{.Why.EN}} of {{money .Amount}} sent: {{.Order}}`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`, Mail: true},
	MaterialsSent: {TitleZH: `物料已发出：{{.Order}}（{{count .Quantity}} 件用料）`, TitleEN: `Materials sent for {{.Order}} ({{count .Quantity}} pieces' worth)`,
		BodyZH: `{{.Why.ZH}}`, BodyEN: `{{.Why.EN}}`, Mail: true},
	MaterialsReceived: {TitleZH: `{{.Org}}已确认收到 {{count .Quantity}} 件用料：{{.Order}}`, TitleEN: `{{.Org}} received {{count .Quantity}} pieces' worth of materials: {{.Order}}`,
		BodyZH: `{{.Why.ZH}}`, BodyEN: `{{.Why.EN}}`},
	DeliverySubmitted: {TitleZH: `{{.Org}}交付了 {{count .Quantity}} 件，请验收：{{.Order}}`, TitleEN: `{{.Org}} delivered {{count .Quantity}} pieces for inspection: {{.Order}}`,
		BodyZH: `请在 {{.Why.ZH}} 前验收，逾期将全部视为合格。`, BodyEN: `Inspect by {{.Why.EN}}; after that the batch is accepted in full.`, Mail: true},
	DeliveryInspected: {TitleZH: `交付已验收：{{.Order}}`, TitleEN: `Delivery inspected: {{.Order}}`,
		BodyZH: `{{.Why.ZH}}`, BodyEN: `{{.Why.EN}}`, Mail: true},
	InspectionReminder: {TitleZH: `验收期明天截止：{{.Order}}（{{count .Quantity}} 件）`, TitleEN: `Inspection window ends tomorrow: {{.Order}} ({{count .Quantity}} pieces)`,
		BodyZH: `未验收的交付将全部视为合格并放款。`, BodyEN: `An uninspected delivery is accepted in full and paid.`, Mail: true},
	DeliveryAutoAccept: {TitleZH: `验收期已过，{{count .Quantity}} 件全部视为合格：{{.Order}}`, TitleEN: `Inspection window passed: {{count .Quantity}} pieces accepted in full: {{.Order}}`, Mail: true},
	DisputeOpened: {TitleZH: `工坊对验收结果提出申诉：{{.Order}}`, TitleEN: `The workshop disputes an inspection: {{.Order}}`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`, Mail: true},
	DisputeComment: {TitleZH: `申诉有新的留言：{{.Order}}`, TitleEN: `New comment on a dispute: {{.Order}}`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`, Mail: true},
	DisputeResolved: {TitleZH: `申诉已裁决：{{.Order}}，认定合格 {{count .Quantity}} 件`, TitleEN: `Dispute decided: {{.Order}}, {{count .Quantity}} pieces accepted`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`, Mail: true},
	ContractMessage: {TitleZH: `{{.Org}} 发来消息：{{.Order}}`, TitleEN: `Message from {{.Org}}: {{.Order}}`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`, Mail: true},
	ContractSettling: {TitleZH: `全部验收完毕，进入结算：{{.Order}}`, TitleEN: `All work decided; settlement next: {{.Order}}`, Mail: true},
	ContractSettled: {TitleZH: `合同已结算：{{.Order}}`, TitleEN: `Contract settled: {{.Order}}`,
		BodyZH: `结算单已生成，可在合同页面查看和下载。`, BodyEN: `The settlement statement is ready on the contract page.`, Mail: true},
	OrgNoGuarantee: {TitleZH: `{{.Org}} 的社区担保已取消`, TitleEN: `{{.Org}} no longer has a community guarantee`,
		BodyZH: `{{.Reason}}`, BodyEN: `{{.Reason}}`, Mail: true},
	ReportUpheld: {TitleZH: `您对“{{.Order}}”的举报经平台核实成立`, TitleEN: `Your report on {{.Order}} was upheld`,
		BodyZH: `{{.Why.ZH}}{{.Reason}}`, BodyEN: `{{.Why.EN}}{{.Reason}}`, Mail: true},
	ReportDismissed: {TitleZH: `您对“{{.Order}}”的举报未被采纳`, TitleEN: `Your report on {{.Order}} was dismissed`,
		BodyZH: `原因：{{.Reason}}`, BodyEN: `Reason: {{.Reason}}`, Mail: true},
}
