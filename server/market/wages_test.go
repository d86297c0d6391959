package market

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestMinimumHourlyWage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code string
		want MinimumWage
		ok   bool
	}{
		{"110000", MinimumWage{"110000", "北京市", 2640, ""}, true},
		{"110101", MinimumWage{"110000", "北京市", 2640, ""}, true}, // 东城区
		{"310000", MinimumWage{"310000", "上海市", 2500, "2025-07-01"}, true},
		{"310104", MinimumWage{"310000", "上海市", 2500, "2025-07-01"}, true}, // 徐汇区
		{"370000", MinimumWage{"370000", "山东省", 2200, ""}, true},
		{"371600", MinimumWage{"370000", "山东省", 2200, ""}, true}, // 滨州市
		{"371602", MinimumWage{"370000", "山东省", 2200, ""}, true}, // 滨城区, 滨州
		{"440300", MinimumWage{"440000", "广东省", 2370, "2025-03-01"}, true},
		{"999999", MinimumWage{}, false},
		{"990000", MinimumWage{}, false},
		{"371699", MinimumWage{}, false}, // shaped like Shandong, but no such district
		{"37160", MinimumWage{}, false},
		{"", MinimumWage{}, false},
		{"abcdef", MinimumWage{}, false},
	}
	for _, tt := range tests {
		got, ok := MinimumHourlyWage(tt.code)
		if ok != tt.ok || got != tt.want {
			t.Errorf("MinimumHourlyWage(%q) = %+v, %v; want %+v, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}

// TestMinimumWageTable checks every row against the bundled regions and
// keeps the figures plausible, so a typo in the TSV fails the build.
func TestMinimumWageTable(t *testing.T) {
	t.Parallel()
	tab := minWages()
	if len(tab.byCode) != 31 {
		t.Errorf("table has %d provinces, want the 31 mainland ones (update the header if some are left out)", len(tab.byCode))
	}
	for code, w := range tab.byCode {
		r, ok := LookupRegion(code)
		if !ok || r.Level != LevelProvince {
			t.Errorf("%s: not a province in regions.tsv", code)
			continue
		}
		if r.Name != w.ProvinceName {
			t.Errorf("%s: name %q, regions.tsv says %q", code, w.ProvinceName, r.Name)
		}
		// Every published first-tier hourly figure lies between 15 and 35 yuan.
		if w.HourlyFen < 1500 || w.HourlyFen > 3500 || w.HourlyFen%10 != 0 {
			t.Errorf("%s: implausible hourly_fen %d", code, w.HourlyFen)
		}
		if w.EffectiveDate != "" {
			if d, err := time.Parse(time.DateOnly, w.EffectiveDate); err != nil || d.Year() < 2015 {
				t.Errorf("%s: bad effective_date %q", code, w.EffectiveDate)
			}
		}
	}
	for _, p := range RegionTree() {
		if _, ok := tab.byCode[p.Code]; !ok {
			t.Logf("no minimum wage figure for %s %s", p.Code, p.Name)
		}
	}
}

func TestMinimumWageSource(t *testing.T) {
	t.Parallel()
	src := MinimumWageSource()
	if u := MinimumWageSourceURL(); !strings.HasPrefix(u, "https://www.mohrss.gov.cn/") {
		t.Errorf("MinimumWageSourceURL() = %q", u)
	}
	if strings.Contains(src, "published") || strings.Contains(src, "http") {
		t.Errorf("the citation reads in Chinese, the link apart: %q", src)
	}
	for _, want := range []string{"人力资源社会保障部", "最低工资标准情况", "截至2025年7月1日", "2025年7月15日发布"} {
		if !strings.Contains(src, want) {
			t.Errorf("MinimumWageSource() = %q, missing %q", src, want)
		}
	}
	if strings.HasPrefix(src, "#") || strings.Contains(src, "\n") {
		t.Errorf("MinimumWageSource() should be the bare line, got %q", src)
	}
	// The header must also explain why the first tier is used.
	if !regexp.MustCompile(`(?m)^# Why the first tier`).MatchString(minWageTSV) {
		t.Error("min_wage.tsv header does not explain the choice of the first tier")
	}
}

func TestBelowMinimumWage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		price       int64
		mins        int
		region      string
		hourly, min int64
		below, err  bool
	}{
		// 山东 2200 fen/h: 1 piece in 6 minutes needs 220 fen.
		{"exactly the minimum", 220, 6, "371602", 2200, 2200, false, false},
		{"one fen short", 219, 6, "371602", 2190, 2200, true, false},
		{"above", 300, 6, "370000", 3000, 2200, false, false},
		// 北京 2640 fen/h, 7 minutes: 308 fen earns exactly 2640.
		{"exact at odd minutes", 308, 7, "110101", 2640, 2640, false, false},
		{"below at odd minutes", 307, 7, "110101", 2631, 2640, true, false},
		// 4399 fen per 2 hours is 2199.5 fen/h: shown rounded as 2200, yet below 2200.
		{"rounding does not hide a shortfall", 4399, 120, "370000", 2200, 2200, true, false},
		// 上海 2500 fen/h: 83.33 fen per 2 minutes; 84 clears it, 83 rounds to 2490.
		{"shanghai above", 84, 2, "310104", 2520, 2500, false, false},
		{"shanghai below", 83, 2, "310104", 2490, 2500, true, false},
		{"zero minutes", 100, 0, "370000", 0, 0, false, true},
		{"unknown region is never flagged", 1, 60, "999999", 1, 0, false, false},
		{"empty region", 1, 60, "", 1, 0, false, false},
		{"zero price", 0, 10, "370000", 0, 2200, true, false},
		{"negative price", -1, 10, "370000", 0, 0, false, true},
		{"huge price", 1 << 60, 60, "370000", 1 << 60, 2200, false, false},
	}
	for _, tt := range tests {
		hourly, min, below, err := BelowMinimumWage(tt.price, tt.mins, tt.region)
		if hourly != tt.hourly || min.HourlyFen != tt.min || below != tt.below || (err != nil) != tt.err {
			t.Errorf("%s: BelowMinimumWage(%d, %d, %q) = %d, %d, %v, %v; want %d, %d, %v, err %v",
				tt.name, tt.price, tt.mins, tt.region, hourly, min.HourlyFen, below, err, tt.hourly, tt.min, tt.below, tt.err)
		}
	}
}

func TestParseMinWagesRejectsBadFiles(t *testing.T) {
	t.Parallel()
	const src = "# source: test\n# source-url: https://example.gov.cn/\n"
	const head = src + minWageHeader + "\n"
	bad := map[string]string{
		"no source":        minWageHeader + "\n370000\t山东省\t2200\t\n",
		"no header":        src + "370000\t山东省\t2200\t\n",
		"wrong header":     src + "code\tname\tfen\tdate\n",
		"city code":        head + "371600\t滨州市\t2200\t\n",
		"missing column":   head + "370000\t山东省\t2200\n",
		"empty name":       head + "370000\t\t2200\t\n",
		"decimal yuan":     head + "370000\t山东省\t22.00\t\n",
		"zero fen":         head + "370000\t山东省\t0\t\n",
		"duplicate":        head + "370000\t山东省\t2200\t\n370000\t山东省\t2300\t\n",
		"malformed number": head + "370000\t山东省\t2,200\t\n",
	}
	for name, tsv := range bad {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: parseMinWages did not panic", name)
				}
			}()
			parseMinWages(tsv)
		}()
	}
	ok := parseMinWages(head + "\r\n370000\t山东省\t2200\t2025-01-01\r\n")
	if w := ok.byCode["370000"]; ok.source != "test" || w.HourlyFen != 2200 || w.EffectiveDate != "2025-01-01" {
		t.Errorf("parseMinWages = %+v", ok)
	}
}
