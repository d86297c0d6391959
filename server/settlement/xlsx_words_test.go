package settlement

import (
	"testing"

	"doorstep/server/market"
)

// Every line kind and contract status the statement sheet can hold is
// worded in both languages (no raw "payout_sent" or "settled" in a sheet).
func TestStatementSheetWordsEveryKind(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, k := range LineKinds() {
			key := k
			if w, ok := lineWord[k]; ok {
				key = w
			}
			if got := word(lang, key); got == key || got == "" {
				t.Errorf("%s: line kind %q has no words", lang, k)
			}
		}
		for _, st := range market.ContractStatuses {
			if got := word(lang, "status_"+string(st)); got == "status_"+string(st) {
				t.Errorf("%s: status %q has no words", lang, st)
			}
		}
	}
	if got := word("zh", "payout_sent"); got != "付给工坊（已汇出）" {
		t.Errorf("payout_sent in Chinese = %q", got)
	}
	if got := word("en", "refund_queued"); got != "Refund (queued)" {
		t.Errorf("refund_queued in English = %q", got)
	}
}
