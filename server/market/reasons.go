package market

import (
	"slices"
	"strings"
	"time"
)

// Reasons the server itself gives for a status change, in both languages.
// They are stored beside the reasons people type (Msg.Columns), so every
// view can show each reader their own language.
var (
	ReasonBiddingClosed  = Msg{"报名已截止", "the bidding deadline passed"}
	ReasonReported       = Msg{"多家机构举报，暂停待平台复核", "reported by several organisations; suspended pending review"}
	ReasonBackToReview   = Msg{"条款已修改，重新审核", "the terms changed; back to review"}
	ReasonQuantityBack   = Msg{"合同失效或取消，数量退回订单", "a contract ended; its quantity is open again"}
	ReasonDemoData       = Msg{"演示数据", "demo data"}
	ReasonSettled        = Msg{"结算完成", "settled"}
	ReasonSettledByStaff = Msg{"由平台结算", "settled by staff"}
)

// ReasonNotFunded is why a contract lapsed: its escrow was not paid by due.
func ReasonNotFunded(due time.Time) Msg {
	return Msg{"未在 " + FormatDate(due, "zh", false) + " 前托管货款", "not funded by " + FormatDate(due, "en", false)}
}

// ReasonCancelledByStaff is a staff cancellation with the reason they typed.
func ReasonCancelledByStaff(typed string) Msg {
	return Msg{"平台取消：" + typed, "cancelled by staff: " + typed}
}

// ReasonCancelAgreed is a cancellation both parties agreed to, with what
// each of them wrote.
func ReasonCancelAgreed(asked, agreed string) Msg {
	return Msg{"双方同意取消：" + asked + "；" + agreed, "both parties agreed: " + asked + "; " + agreed}
}

// orderFields name an order's fields (OrderInput's JSON keys) as the order
// form does, in its order.
var orderFields = []struct {
	key   string
	words Msg
}{
	{"title", Msg{"标题", "title"}}, {"description", Msg{"订单说明", "description"}}, {"craft", Msg{"手工类别", "craft"}},
	{"tags", Msg{"标签", "tags"}}, {"quantity", Msg{"数量", "quantity"}}, {"unit_price", Msg{"单价", "unit price"}},
	{"currency", Msg{"币种", "currency"}}, {"min_bid_quantity", Msg{"最小接单数量", "minimum bid quantity"}},
	{"minutes_per_piece", Msg{"每件用时", "minutes per piece"}}, {"bidding_deadline", Msg{"报名截止时间", "bidding deadline"}},
	{"delivery_deadline", Msg{"交货期限", "delivery deadline"}}, {"region_code", Msg{"所在地区", "region"}},
	{"address", Msg{"物资交接地址", "hand-over address"}}, {"lat", Msg{"地图位置", "map location"}}, {"lng", Msg{"地图位置", "map location"}},
	{"materials", Msg{"物资条款", "material terms"}}, {"deposit", Msg{"保证金条款", "deposit terms"}},
	{"quality", Msg{"质量条款", "quality terms"}}, {"sample_photos", Msg{"样品照片", "sample photos"}}, {"sample_photo_ids", Msg{"样品照片", "sample photos"}},
}

// ReasonOrderEdited names the fields a company changed (OrderInput's JSON
// keys), for the order's history: "修改了：单价、交货期限".
func ReasonOrderEdited(changed map[string]bool) Msg {
	var zh, en []string
	for _, f := range orderFields {
		if changed[f.key] && !slices.Contains(zh, f.words.ZH) { // lat and lng are one map location
			zh, en = append(zh, f.words.ZH), append(en, f.words.EN)
		}
	}
	return Msg{"修改了：" + strings.Join(zh, "、"), "changed: " + strings.Join(en, ", ")}
}
