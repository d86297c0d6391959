package market

import (
	"strings"
	"time"
)

// ChinaTime is UTC+8 (no daylight saving): the time zone of every order,
// deadline, payment reference and statement. Declared once, here.
var ChinaTime = time.FixedZone("CST", 8*3600)

// FormatDate renders a moment as the web app does (zh-CN "2026/12/15",
// en-GB "15/12/2026"), in China time, optionally with the time of day, so
// notifications, exports and pages read the same.
func FormatDate(t time.Time, lang string, withTime bool) string {
	t = t.In(ChinaTime)
	layout := "2006/01/02"
	if lang == "en" {
		layout = "02/01/2006"
	}
	if withTime {
		layout += " 15:04"
	}
	return t.Format(layout)
}

// FormatDateZH is FormatDate in Chinese with the time of day.
func FormatDateZH(t time.Time) string { return FormatDate(t, "zh", true) }

// FormatFen renders fen as the web app does: "¥3,600.00", "-¥0.05".
func FormatFen(fen int64) string {
	plain := FormatYuan(fen) // "-1234.50"
	sign := ""
	if strings.HasPrefix(plain, "-") {
		sign, plain = "-", plain[1:]
	}
	whole, cents, _ := strings.Cut(plain, ".")
	return sign + "¥" + groupThousands(whole) + "." + cents
}

// groupThousands puts a comma between each group of three digits.
func groupThousands(digits string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
