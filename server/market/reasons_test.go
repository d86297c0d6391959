package market

import (
	"testing"
	"time"
)

// A reason the server writes is stored as Chinese plus English; one a person
// typed is stored once and reads as typed in both languages.
func TestReasonColumns(t *testing.T) {
	t.Parallel()
	zh, en := ReasonBiddingClosed.Columns()
	if zh != "报名已截止" || en != "the bidding deadline passed" || FromColumns(zh, en) != ReasonBiddingClosed {
		t.Errorf("system reason stored as %q / %q", zh, en)
	}
	zh, en = Typed("单价过低").Columns()
	if zh != "单价过低" || en != "" || FromColumns(zh, en) != Typed("单价过低") {
		t.Errorf("typed reason stored as %q / %q", zh, en)
	}
	if FromColumns("", "").OrNil() != nil {
		t.Error("no reason is not nil")
	}
}

func TestReasonWords(t *testing.T) {
	t.Parallel()
	got := ReasonOrderEdited(map[string]bool{"unit_price": true, "lat": true, "lng": true, "title": true, "tags": false})
	if got != (Msg{"修改了：标题、单价、地图位置", "changed: title, unit price, map location"}) {
		t.Errorf("edited: %+v", got)
	}
	due := time.Date(2026, 12, 15, 23, 0, 0, 0, ChinaTime)
	if got := ReasonNotFunded(due); got != (Msg{"未在 2026/12/15 前托管货款", "not funded by 15/12/2026"}) {
		t.Errorf("not funded: %+v", got)
	}
}
