package market

import "strings"

// Why a payment did not go through, as stored: a contract's end ("cancelled",
// "lapsed"), a reversed transfer, or the card network's code behind "card:"
// (Stripe's error code); older rows may hold the provider's English message.
const (
	FailureTransferReversed = "transfer reversed"
	failureCardPrefix       = "card:"
)

// CardFailure is the stored reason of a card payment the provider refused.
func CardFailure(code, message string) string {
	if code != "" {
		return failureCardPrefix + code
	}
	return message
}

var cardFailureWords = map[string]Msg{
	"card_declined":           {ZH: "银行卡被发卡行拒绝", EN: "the card was declined"},
	"insufficient_funds":      {ZH: "卡内余额不足", EN: "insufficient funds on the card"},
	"expired_card":            {ZH: "银行卡已过期", EN: "the card has expired"},
	"incorrect_cvc":           {ZH: "安全码（CVC）不正确", EN: "the card's security code is incorrect"},
	"incorrect_number":        {ZH: "卡号不正确", EN: "the card number is incorrect"},
	"processing_error":        {ZH: "支付机构处理出错，请稍后再试", EN: "the payment processor had an error; try again later"},
	"authentication_required": {ZH: "需要完成银行卡验证", EN: "the card needs authentication"},
}

// FailureWords is a payment's failure reason in words, in both languages,
// so no page shows a raw code or the provider's English in Chinese.
func FailureWords(reason string) Msg {
	switch reason {
	case "":
		return Msg{}
	case string(ContractCancelled):
		return Msg{ZH: "合同已取消，这笔付款作废", EN: "the contract was cancelled; this payment is void"}
	case string(ContractLapsed):
		return Msg{ZH: "合同未按期托管已失效，这笔付款作废", EN: "the contract lapsed unfunded; this payment is void"}
	case FailureTransferReversed:
		return Msg{ZH: "汇款被退回", EN: "the transfer was reversed"}
	}
	if code, ok := strings.CutPrefix(reason, failureCardPrefix); ok {
		if m, known := cardFailureWords[code]; known {
			return m
		}
		return Msg{ZH: "银行卡支付未成功，请换一张卡或改用银行转账", EN: "the card payment failed (" + code + ")"}
	}
	return Msg{ZH: "银行卡支付未成功，请换一张卡或改用银行转账", EN: reason}
}
