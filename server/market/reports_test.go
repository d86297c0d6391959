package market

import "testing"

func TestReportSeverityAndOutcome(t *testing.T) {
	if ReportSeverity("deposit_scam") != 0 || ReportSeverity("other") != len(ReportReasons)-1 || ValidReportReason("spam") {
		t.Fatal("report reasons are not ordered most serious first")
	}
	for _, c := range []struct {
		status, note string
		suspend, ok  bool
	}{
		{"dismissed", "", false, false}, // dismissing needs a reason
		{"dismissed", "证据不足", false, true},
		{"dismissed", "证据不足", true, false}, // cannot suspend on a dismissal
		{"upheld", "", false, true},
		{"upheld", "", true, false}, // suspending needs a reason
		{"upheld", "核实收取押金", true, true},
		{"open", "x", false, false},
	} {
		if _, err := CheckReportOutcome(c.status, c.note, c.suspend); (err == nil) != c.ok {
			t.Errorf("%+v: %v", c, err)
		}
	}
}
