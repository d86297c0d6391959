package workshopops

import (
	"context"

	"github.com/google/uuid"

	"doorstep/server/market"
)

// DistributionXLSX is the whole distribution (draft or approved) as a
// spreadsheet: a heading with the money, then one line per resident.
func (s *Service) DistributionXLSX(ctx context.Context, a *market.Actor, contractID uuid.UUID, lang string) (File, error) {
	v, err := s.Distribution(ctx, a, contractID, nil)
	if err != nil {
		return File{}, err
	}
	m := func(zh, en string) string { return market.Msg{ZH: zh, EN: en}.In(lang) }
	status := map[string]string{DistNotReleased: m("未发放", "not released"), DistDraft: m("草稿（未批准）", "draft (not approved)"),
		DistApproved: m("已批准", "approved"), DistPaid: m("已全部支付", "all paid")}[v.Status]
	titles := []string{
		m("加工费分配表", "Pay distribution") + " — " + v.Contract.Title,
		m("工坊：", "Workshop: ") + v.Contract.WorkshopName + "    " + m("企业：", "Company: ") + v.Contract.CompanyName,
		m("状态：", "Status: ") + status,
		m("工坊净收入（元）：", "Workshop net (yuan): ") + market.FormatYuan(v.Net) +
			"    " + m("社区基金（元）：", "Community fund (yuan): ") + market.FormatYuan(v.CommunityFund) +
			" (" + market.FormatYuan(int64(v.CommunityFundBP)) + "%)" +
			"    " + m("分配给居民（元）：", "To residents (yuan): ") + market.FormatYuan(v.Distributed),
	}
	header := []string{m("姓名", "Name"), m("合格件数", "Accepted pieces"), m("金额（元）", "Amount (yuan)"),
		m("支付方式", "Paid by"), m("参考号", "Reference"), m("支付时间", "Paid at"), m("经办人", "Recorded by")}
	methods := map[string]string{market.PaidCash: m("现金", "cash"), market.PaidWeChat: m("微信", "WeChat"), market.PaidBank: m("银行转账", "bank transfer")}
	rows := make([][]any, 0, len(v.Lines)+1)
	for _, l := range v.Lines {
		paidAt := ""
		if l.PaidAt != nil {
			paidAt = l.PaidAt.In(market.ChinaTime).Format("2006-01-02 15:04")
		}
		rows = append(rows, []any{l.Name, l.Pieces, market.FormatYuan(l.Amount), methods[l.PaidMethod], l.PaidReference, paidAt, l.PaidBy})
	}
	rows = append(rows, []any{m("合计", "Total"), v.TotalPieces, market.FormatYuan(v.Distributed)})
	data, err := writeSheet(m("分配", "Distribution"), titles, header, rows, []float64{14, 14, 14, 12, 20, 18, 12})
	return File{Name: "distribution.xlsx", Data: data}, err
}
