package market

import (
	"strings"
	"testing"
)

// No page shows a raw failure code or the provider's English in Chinese.
func TestFailureWords(t *testing.T) {
	t.Parallel()
	for reason, zh := range map[string]string{
		"cancelled":             "合同已取消",
		"lapsed":                "合同未按期托管已失效",
		FailureTransferReversed: "汇款被退回",
		CardFailure("insufficient_funds", "Your card has insufficient funds."): "卡内余额不足",
		CardFailure("weird_code", "Something odd"):                             "银行卡支付未成功",
		CardFailure("", "Your card was declined."):                             "银行卡支付未成功",
	} {
		m := FailureWords(reason)
		if !strings.Contains(m.ZH, zh) || m.EN == "" {
			t.Errorf("%q: got %+v, want zh containing %q", reason, m, zh)
		}
		for _, r := range m.ZH {
			if r >= 'a' && r <= 'z' && !strings.Contains(m.ZH, "CVC") {
				t.Errorf("%q: Latin letters in zh %q", reason, m.ZH)
				break
			}
		}
	}
	if FailureWords("").OrNil() != nil {
		t.Error("no reason must give no message")
	}
}
