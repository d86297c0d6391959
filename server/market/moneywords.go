package market

import "strings"

// Statements and exports name how money moved in words, with the references
// people match against their bank or Stripe records: never the provider's
// code ("manual DS-…", "stripe pi_…").

// PaymentNote is money paid in: "银行转账 · 参考号 DS-20261215-0001 · 银行流水号 …".
func PaymentNote(provider, reference, bankRef string) Msg {
	m := Msg{"银行转账", "bank transfer"}
	if provider == "stripe" {
		m = Msg{"银行卡支付", "card payment"}
	}
	m = m.with(reference, "参考号", "ref")
	return m.with(bankRef, "银行流水号", "bank ref")
}

// DisbursementNote is money sent out: by bank transfer with the bank's
// reference, or to the recipient's Stripe account with the transfer's id.
func DisbursementNote(provider, providerRef, bankRef string) Msg {
	if provider == "stripe" {
		return Msg{"汇至 Stripe 账户", "to the Stripe account"}.with(providerRef, "转账编号", "transfer")
	}
	return Msg{"银行转账", "bank transfer"}.with(bankRef, "银行流水号", "bank ref")
}

// ShipmentNote is how material travelled, with what the company entered.
func ShipmentNote(method, carrier, trackingNo, driver string) Msg {
	switch method {
	case "pickup":
		return Msg{"上门自提", "collected by the workshop"}
	case "company_delivery":
		return Msg{"企业送货上门", "delivered by the company"}.with(driver, "司机", "driver")
	}
	return Msg{strings.TrimSpace(carrier), strings.TrimSpace(carrier)}.with(trackingNo, "运单号", "tracking number")
}

// with appends " · label value" when value is not empty.
func (m Msg) with(value, zh, en string) Msg {
	if value = strings.TrimSpace(value); value == "" {
		return m
	}
	join := func(s, label string) string {
		if s == "" {
			return label + " " + value
		}
		return s + " · " + label + " " + value
	}
	return Msg{join(m.ZH, zh), join(m.EN, en)}
}
