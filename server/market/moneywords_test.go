package market

import "testing"

// Statement notes are words in each language, never "manual DS-…" or "stripe pi_…".
func TestMoneyNotes(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		got, want Msg
	}{
		{PaymentNote("manual", "DS-20261215-0001", ""), Msg{"银行转账 · 参考号 DS-20261215-0001", "bank transfer · ref DS-20261215-0001"}},
		{PaymentNote("manual", "DS-20261215-0001", "ICBC-77"), Msg{"银行转账 · 参考号 DS-20261215-0001 · 银行流水号 ICBC-77",
			"bank transfer · ref DS-20261215-0001 · bank ref ICBC-77"}},
		{PaymentNote("stripe", "DS-20261215-0002", ""), Msg{"银行卡支付 · 参考号 DS-20261215-0002", "card payment · ref DS-20261215-0002"}},
		{DisbursementNote("manual", "", "ICBC-88"), Msg{"银行转账 · 银行流水号 ICBC-88", "bank transfer · bank ref ICBC-88"}},
		{DisbursementNote("manual", "", ""), Msg{"银行转账", "bank transfer"}},
		{DisbursementNote("stripe", "tr_123", ""), Msg{"汇至 Stripe 账户 · 转账编号 tr_123", "to the Stripe account · transfer tr_123"}},
		{ShipmentNote("carrier", "顺丰速运", "SF100", ""), Msg{"顺丰速运 · 运单号 SF100", "顺丰速运 · tracking number SF100"}},
		{ShipmentNote("pickup", "", "", ""), Msg{"上门自提", "collected by the workshop"}},
		{ShipmentNote("company_delivery", "", "", "张师傅"), Msg{"企业送货上门 · 司机 张师傅", "delivered by the company · driver 张师傅"}},
	} {
		if c.got != c.want {
			t.Errorf("got %+v, want %+v", c.got, c.want)
		}
	}
}
