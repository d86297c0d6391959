package market

import (
	_ "embed"
	"math/bits"
	"strconv"
	"strings"
	"sync"
)

// minWageTSV is the provincial minimum hourly wage table; its header says
// where the figures come from and why the first tier is used.
//
//go:embed data/min_wage.tsv
var minWageTSV string

// MinimumWage is one province's minimum hourly wage for part-time work
// (非全日制小时最低工资标准), the closest legal yardstick for piece work.
type MinimumWage struct {
	ProvinceCode  string
	ProvinceName  string
	HourlyFen     int64
	EffectiveDate string // YYYY-MM-DD, or "" when the source gives none
}

type minWageTable struct {
	source string // the citation, in Chinese as the UI shows it
	url    string // where it is published
	byCode map[string]MinimumWage
}

const minWageHeader = "province_code\tprovince_name\thourly_fen\teffective_date"

// minWages parses the embedded table once. A malformed file is a build
// mistake, so it panics (and the tests load it) rather than serving guesses.
var minWages = sync.OnceValue(func() minWageTable { return parseMinWages(minWageTSV) })

func parseMinWages(tsv string) minWageTable {
	t := minWageTable{byCode: map[string]MinimumWage{}}
	sawHeader := false
	for line := range strings.Lines(tsv) {
		line = strings.TrimRight(line, "\r\n")
		if src, ok := strings.CutPrefix(line, "# source: "); ok {
			t.source = src
		}
		if u, ok := strings.CutPrefix(line, "# source-url: "); ok {
			t.url = u
		}
		if line == "" || line[0] == '#' {
			continue
		}
		if !sawHeader {
			if line != minWageHeader {
				panic("market: min_wage.tsv: unexpected column header: " + line)
			}
			sawHeader = true
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 || codeLevel(f[0]) != LevelProvince || f[1] == "" {
			panic("market: malformed min_wage.tsv line: " + line)
		}
		fen, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || fen <= 0 {
			panic("market: bad hourly_fen in min_wage.tsv: " + line)
		}
		if _, dup := t.byCode[f[0]]; dup {
			panic("market: duplicate province in min_wage.tsv: " + f[0])
		}
		t.byCode[f[0]] = MinimumWage{ProvinceCode: f[0], ProvinceName: f[1], HourlyFen: fen, EffectiveDate: f[3]}
	}
	if t.source == "" || t.url == "" {
		panic("market: min_wage.tsv has no '# source: ' or '# source-url: ' line")
	}
	return t
}

// MinimumHourlyWage returns the minimum hourly wage of the province that
// contains regionCode (any known province, city or district code).
func MinimumHourlyWage(regionCode string) (MinimumWage, bool) {
	if !ValidRegionCode(regionCode) {
		return MinimumWage{}, false
	}
	w, ok := minWages().byCode[ProvinceCode(regionCode)]
	return w, ok
}

// MinimumWageSource names the published table the figures come from, so the
// UI can show where a "below minimum wage" warning is grounded.
func MinimumWageSource() string { return minWages().source }

// MinimumWageSourceURL is where that table is published.
func MinimumWageSourceURL() string { return minWages().url }

// BelowMinimumWage compares a piece rate's hourly equivalent with the
// region's minimum hourly wage. The comparison is exact
// (unitPrice×60 < minimum×minutes), so rounding the displayed hourly figure
// can never hide a shortfall of a fraction of a fen. Regions without a
// figure are not flagged: no warning is better than a made-up one.
func BelowMinimumWage(unitPrice int64, minutesPerPiece int, regionCode string) (hourly int64, min MinimumWage, below bool, err error) {
	hourly, err = HourlyEquivalent(unitPrice, minutesPerPiece)
	if err != nil {
		return 0, MinimumWage{}, false, err
	}
	min, ok := MinimumHourlyWage(regionCode)
	if !ok {
		return hourly, MinimumWage{}, false, nil
	}
	earnHi, earnLo := bits.Mul64(uint64(unitPrice), 60)
	needHi, needLo := bits.Mul64(uint64(min.HourlyFen), uint64(minutesPerPiece))
	below = earnHi < needHi || (earnHi == needHi && earnLo < needLo)
	return hourly, min, below, nil
}
