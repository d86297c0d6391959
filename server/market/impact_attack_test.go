package market

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The differencing attack (issue 23.18): someone reads the public figures,
// a new workshop pays its 4 residents (all tagged disabled), they read
// again and subtract. With all-time figures the disabled group moved by
// exactly the 4's pay; with closed months it must recover nothing.

// The new workshop's 4 residents, paid on 10 April 2026.
var newcomers = crowdPaid("b", "B", "bamboo", "2026-04", []int64{41000, 42500, 43000, 44700}, TagDisabled)

func crowdPaid(prefix, workshop, craft, month string, incomes []int64, tags ...string) []paid {
	out := crowd(prefix, workshop, craft, month, len(incomes), 0, tags...)
	for i := range out {
		out[i].income = incomes[i]
	}
	return out
}

// established: workshop A's 20 residents paid January to April by the piece
// (so not the same each month); residents 0–5 are tagged disabled, and
// paid in April too when disabledInApril.
func established(disabledInApril bool) []paid {
	var ps []paid
	for m, month := range []string{"2026-01", "2026-02", "2026-03", "2026-04"} {
		for i := 0; i < 20; i++ {
			p := paid{fmt.Sprintf("a%d", i), "A", "weaving", month, int64(20000 + 1000*((i*7+m*3)%11)), nil}
			if i < 6 {
				if month == "2026-04" && !disabledInApril {
					continue
				}
				p.tags = []string{TagDisabled}
			}
			ps = append(ps, p)
		}
	}
	return ps
}

// publish is the public answer at now over everything paid so far: the same
// rules as the workflow (which also reads only before the running month).
func publish(ps []paid, now time.Time) map[string]int64 {
	lines, tags := inputs(ps)
	periods, totals := ImpactSeries(ImpactMonths(lines, tags, testTags, "", LastClosedMonth(now), ImpactK))
	seen := map[string]int64{"totals/months": int64(totals.Months), "totals/resident_months": int64(totals.ResidentMonths),
		"totals/pieces": totals.Pieces, "totals/income": totals.Income, "totals/avg": totals.AvgMonthlyIncome}
	for _, p := range periods {
		for part, cs := range map[string][]ImpactChange{"total": {p.Total}, "craft": p.ByCraft, "group": p.ByGroup} {
			for _, c := range cs {
				k := p.Month + "/" + part + "/" + c.Key
				for name, a := range map[string]*ImpactAmounts{"": c.Value, "/change": c.Change} {
					if a != nil {
						seen[k+name+"/residents"], seen[k+name+"/pieces"], seen[k+name+"/income"] = int64(a.Residents), a.Pieces, a.Income
					}
				}
			}
		}
	}
	return seen
}

// differences are what an attacker can subtract: every figure between two
// readings, and within one reading a month's total less its published parts.
func differences(readings ...map[string]int64) []int64 {
	var out []int64
	for i := 1; i < len(readings); i++ {
		for k, v := range readings[i] {
			if w, ok := readings[i-1][k]; ok {
				out = append(out, v-w)
			}
		}
	}
	for _, r := range readings {
		parts := map[string]int64{}
		for k, v := range r {
			if f := strings.Split(k, "/"); len(f) == 4 && f[3] == "income" && f[1] != "total" {
				parts[f[0]+"/"+f[1]] += v
				out = append(out, r[f[0]+"/total/total/income"]-v) // total − one group
			}
		}
		for k, sum := range parts {
			out = append(out, r[strings.Split(k, "/")[0]+"/total/total/income"]-sum) // total − a whole partition's published groups
		}
	}
	return out
}

func TestImpactDifferencingAttack(t *testing.T) {
	t.Parallel()
	secrets := map[int64]bool{} // the 4's pay, alone or in any combination
	for set := 1; set < 16; set++ {
		var s int64
		for i, p := range newcomers {
			if set&(1<<i) != 0 {
				s += p.income
			}
		}
		secrets[s] = true
	}
	china := func(s string) time.Time { at, _ := time.ParseInLocation("2006-01-02 15:04", s, ChinaTime); return at }
	for _, others := range []bool{false, true} {
		t.Run(fmt.Sprintf("other disabled residents paid in April: %v", others), func(t *testing.T) {
			t.Parallel()
			before := publish(established(others), china("2026-04-09 18:00"))
			after := publish(append(established(others), newcomers...), china("2026-04-11 09:00"))
			if !reflect.DeepEqual(before, after) {
				t.Fatal("a payment in the running month changed the public answer")
			}
			closed := publish(append(established(others), newcomers...), china("2026-05-01 00:00"))
			for k, v := range after {
				if closed[k] != v && !strings.HasPrefix(k, "totals/") {
					t.Errorf("%s changed from %d to %d after April closed", k, v, closed[k])
				}
			}
			for _, d := range differences(before, after, closed) {
				if secrets[d] {
					t.Fatalf("subtraction recovers the new residents' pay: %d", d)
				}
			}
			disabled, shown := closed["2026-04/group/disabled/residents"]
			if !others && shown {
				t.Fatalf("April's disabled are only the 4 newcomers, and shown: %v", closed)
			}
			if others && (!shown || disabled != 10) {
				t.Fatalf("April's 10 disabled residents: %d %v", disabled, shown)
			}
			if _, shown := closed["2026-04/craft/bamboo/income"]; shown {
				t.Fatal("the newcomers' craft (4 residents) is shown")
			}
			// Totals moved at April's close by April's published total, no more.
			if closed["totals/income"]-after["totals/income"] != closed["2026-04/total/total/income"] {
				t.Fatal("totals moved by something other than April's total")
			}
		})
	}
}

// TestImpactDifferencingAttackOnAllTimeFigures is the attack on what the
// page published before: all-time figures, read before and after.
func TestImpactDifferencingAttackOnAllTimeFigures(t *testing.T) {
	t.Parallel()
	allTime := func(ps []paid) ImpactGroup {
		lines, tags := inputs(ps)
		var g ImpactTagMonth
		residents := map[string]bool{}
		for _, a := range tags {
			if a.Tag == TagDisabled {
				g.Pieces, g.Income = g.Pieces+a.Pieces, g.Income+a.Income
			}
		}
		for _, p := range ps {
			if len(p.tags) > 0 {
				residents[p.resident] = true
			}
		}
		return TagImpact(TagDisabled, len(residents), g.Pieces, g.Income, DistinctResidents(rowsOfLines(lines)), ImpactK)
	}
	before, after := allTime(established(true)), allTime(append(established(true), newcomers...))
	var pay int64
	for _, p := range newcomers {
		pay += p.income
	}
	if before.Suppressed || after.Suppressed || after.Income-before.Income != pay {
		t.Fatalf("the control no longer shows the attack: %+v %+v", before, after)
	}
}

func rowsOfLines(ls []ImpactLine) []ImpactRow {
	out := make([]ImpactRow, len(ls))
	for i, l := range ls {
		out[i] = ImpactRow{Resident: l.Resident, Group: l.Month, Income: l.Income}
	}
	return out
}
