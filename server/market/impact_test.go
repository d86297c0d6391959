package market

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

func rowsFor(group string, residents []string, income int64) []ImpactRow {
	out := make([]ImpactRow, len(residents))
	for i, r := range residents {
		out[i] = ImpactRow{Resident: r, Group: group, Pieces: 10, Income: income}
	}
	return out
}

func people(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%d", prefix, i)
	}
	return out
}

func byKey(gs []ImpactGroup) map[string]ImpactGroup {
	m := map[string]ImpactGroup{}
	for _, g := range gs {
		m[g.Key] = g
	}
	return m
}

func TestGroupImpactSuppression(t *testing.T) {
	t.Parallel()
	// A month of 4 earners is hidden; so is the next smallest (6), since
	// total − published would otherwise give the 4 earners' income.
	var rows []ImpactRow
	rows = append(rows, rowsFor("2026-01", people("a", 4), 50000)...)
	rows = append(rows, rowsFor("2026-02", people("b", 6), 40000)...)
	rows = append(rows, rowsFor("2026-03", people("c", 9), 45000)...)
	g := byKey(GroupImpact(rows, ImpactK))
	if !g["2026-01"].Suppressed || g["2026-01"].Income != 0 || g["2026-01"].Residents != 0 {
		t.Fatalf("group of 4 shown: %+v", g["2026-01"])
	}
	if !g["2026-02"].Suppressed {
		t.Fatal("complementary suppression missing: total − published reveals the group of 4")
	}
	if g["2026-01"].Hidden != HiddenForPrivacy || g["2026-02"].Hidden != HiddenComplementary || g["2026-03"].Hidden != "" {
		t.Fatalf("reasons: %+v", g)
	}
	if c := g["2026-03"]; c.Suppressed || c.Residents != 9 || c.Income != 9*45000 {
		t.Fatalf("group of 9: %+v", c)
	}

	// Two small groups of different people already hide ≥ k together.
	rows = append(rowsFor("x", people("p", 2), 1), rowsFor("y", people("q", 3), 1)...)
	rows = append(rows, rowsFor("z", people("s", 7), 1)...)
	g = byKey(GroupImpact(rows, ImpactK))
	if !g["x"].Suppressed || !g["y"].Suppressed || g["z"].Suppressed {
		t.Fatalf("%+v", g)
	}
	// … but not when they are the same two people.
	rows = append(rowsFor("x", people("p", 2), 1), rowsFor("y", people("p", 2), 1)...)
	rows = append(rows, rowsFor("z", people("s", 7), 1)...)
	if g = byKey(GroupImpact(rows, ImpactK)); !g["z"].Suppressed {
		t.Fatalf("two groups of the same 2 people leave z recoverable: %+v", g)
	}
}

// TestGroupImpactDifferencing: for random partitions, whatever is not
// published (total − sum of published groups) is either nothing or the
// income of at least k residents, and no published group has fewer than k.
func TestGroupImpactDifferencing(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 5))
	for c := 0; c < 2000; c++ {
		var rows []ImpactRow
		groups := 1 + rng.IntN(6)
		for g := 0; g < groups; g++ {
			n := rng.IntN(12)
			for i := 0; i < n; i++ {
				rows = append(rows, ImpactRow{Resident: fmt.Sprintf("r%d", rng.IntN(30)), Group: fmt.Sprintf("g%d", g),
					Pieces: 1, Income: 1 + rng.Int64N(100000)})
			}
		}
		published := map[string]bool{}
		for _, g := range GroupImpact(rows, ImpactK) {
			if !g.Suppressed {
				published[g.Key] = true
				if g.Residents < ImpactK {
					t.Fatalf("case %d: published group of %d", c, g.Residents)
				}
			}
		}
		hidden := map[string]bool{}
		for _, r := range rows {
			if !published[r.Group] {
				hidden[r.Resident] = true
			}
		}
		if len(hidden) > 0 && len(hidden) < ImpactK && DistinctResidents(rows) >= ImpactK {
			t.Fatalf("case %d: total − published reveals %d residents", c, len(hidden))
		}
	}
}

func TestTagImpact(t *testing.T) {
	t.Parallel()
	if g := TagImpact(TagDisabled, 4, 1, 100, 50, ImpactK); !g.Suppressed || g.Income != 0 {
		t.Fatal("group of 4 shown")
	}
	// 20 of 23 earners are elderly: total − elderly describes 3 people.
	if g := TagImpact(TagElderly, 20, 1, 100, 23, ImpactK); !g.Suppressed || g.Hidden != HiddenComplementary {
		t.Fatal("complement of 3 recoverable")
	}
	if g := TagImpact(TagElderly, 12, 1, 100, 23, ImpactK); g.Suppressed || g.Residents != 12 {
		t.Fatal(g)
	}
}

func TestAverageMonthlyIncome(t *testing.T) {
	t.Parallel()
	rows := []ImpactRow{{"a", "2026-01", 1, 40000}, {"a", "2026-01", 1, 20000}, {"a", "2026-02", 1, 50000}, {"b", "2026-02", 1, 30000}}
	if got := AverageMonthlyIncome(rows); got != 46667 { // 140000 / 3 resident-months
		t.Fatal(got)
	}
	if AverageMonthlyIncome(nil) != 0 {
		t.Fatal("empty")
	}
}

func TestApplyResidentInput(t *testing.T) {
	t.Parallel()
	today := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	name, phone, date := "李秀英", "138 1234 5678", "2025-03-08"
	tags := []string{TagElderly}
	r, got, err := ApplyResidentInput(Resident{}, ResidentInput{Name: &name, Phone: &phone, Crafts: []string{"weaving"},
		JoinedOn: &date, Tags: &tags, TagsConsent: true}, true, today)
	if err != nil || r.Phone != "13812345678" || !r.Active || len(got) != 1 || r.JoinedOn.Format(DateLayout) != date {
		t.Fatal(r, got, err)
	}
	// A new tag needs consent; one already recorded does not.
	more := []string{TagElderly, TagDisabled}
	if _, _, err := ApplyResidentInput(r, ResidentInput{Tags: &more}, false, today); err == nil {
		t.Fatal("tag without consent accepted")
	}
	r.Tags = []TagConsent{{Tag: TagElderly}}
	if _, _, err := ApplyResidentInput(r, ResidentInput{Tags: &tags}, false, today); err != nil {
		t.Fatal(err)
	}
	bad := []string{"criminal"}
	empty := ""
	if _, _, err := ApplyResidentInput(Resident{}, ResidentInput{Name: &empty, Tags: &bad, TagsConsent: true, Crafts: []string{"x"}}, true, today); err == nil {
		t.Fatal("bad input accepted")
	} else if e := err.(*Error); len(e.Fields) != 3 {
		t.Fatalf("want name, tags and crafts: %v", e.Fields)
	}
}
