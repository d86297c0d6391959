package market

import (
	"cmp"
	"slices"
)

// Impact figures published beyond a workshop are k-anonymous: no figure
// describes fewer than ImpactK residents, neither directly nor as the
// difference of two published figures.
const ImpactK = 5

// ImpactRow is one paid distribution line's contribution to a group (a
// month, a craft, a workshop). Resident is an opaque key.
type ImpactRow struct {
	Resident string
	Group    string
	Pieces   int64
	Income   int64
}

// ImpactHidden says why a published figure is null.
type ImpactHidden string

const (
	// HiddenForPrivacy: the figure comes from fewer than k residents.
	HiddenForPrivacy ImpactHidden = "hidden_for_privacy"
	// HiddenComplementary: the figure comes from k or more residents, but
	// subtracting it from a published total would reveal fewer than k.
	HiddenComplementary ImpactHidden = "hidden_complementary"
	// HiddenNoPrevious (changes only): nothing to compare with, as this is
	// the first month or the group had no pay the month before.
	HiddenNoPrevious ImpactHidden = "no_previous_period"
	// HiddenPreviousHidden (changes only): the month before is hidden, and
	// the change would reveal it.
	HiddenPreviousHidden ImpactHidden = "previous_hidden"
)

// ImpactHiddenReasons are every reason, for the API's documentation.
var ImpactHiddenReasons = []ImpactHidden{HiddenForPrivacy, HiddenComplementary, HiddenNoPrevious, HiddenPreviousHidden}

// ImpactGroup is one group's figures; a suppressed group shows none.
type ImpactGroup struct {
	Key        string       `json:"key"`
	Residents  int          `json:"residents"`
	Pieces     int64        `json:"pieces"`
	Income     int64        `json:"income"`
	Suppressed bool         `json:"suppressed"`
	Hidden     ImpactHidden `json:"hidden,omitempty"` // why, when suppressed
}

func (g *ImpactGroup) suppress(why ImpactHidden) {
	*g = ImpactGroup{Key: g.Key, Suppressed: true, Hidden: why}
}

// GroupImpact aggregates rows by group, then suppresses every group of fewer
// than k residents. Because the groups partition the published total, the
// suppressed groups together could be recovered as total − published; so
// while they cover between 1 and k−1 distinct residents, the smallest
// published group is suppressed as well (complementary suppression).
// Groups are returned in key order.
func GroupImpact(rows []ImpactRow, k int) []ImpactGroup {
	members := map[string]map[string]bool{}
	sums := map[string]*ImpactGroup{}
	for _, r := range rows {
		g := sums[r.Group]
		if g == nil {
			g = &ImpactGroup{Key: r.Group}
			sums[r.Group], members[r.Group] = g, map[string]bool{}
		}
		g.Pieces += r.Pieces
		g.Income += r.Income
		members[r.Group][r.Resident] = true
	}
	out := make([]ImpactGroup, 0, len(sums))
	for key, g := range sums {
		g.Residents = len(members[key])
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b ImpactGroup) int { return cmp.Compare(a.Key, b.Key) })
	hidden := map[string]bool{}
	for i := range out {
		if out[i].Residents < k {
			for r := range members[out[i].Key] {
				hidden[r] = true
			}
			out[i].suppress(HiddenForPrivacy)
		}
	}
	for len(hidden) > 0 && len(hidden) < k {
		next := -1
		for i, g := range out {
			if !g.Suppressed && (next < 0 || g.Residents < out[next].Residents) {
				next = i
			}
		}
		if next < 0 {
			break // everything is hidden: the caller suppresses the total too
		}
		for r := range members[out[next].Key] {
			hidden[r] = true
		}
		out[next].suppress(HiddenComplementary)
	}
	return out
}

// TagImpact is one consented group's published figures: shown only when the
// group and everyone outside it (total − group, which anyone can compute
// from two published figures) are both at least k residents.
func TagImpact(tag string, residents int, pieces, income int64, totalResidents, k int) ImpactGroup {
	g := ImpactGroup{Key: tag, Residents: residents, Pieces: pieces, Income: income}
	switch {
	case residents < k:
		g.suppress(HiddenForPrivacy)
	case totalResidents-residents < k:
		g.suppress(HiddenComplementary)
	}
	return g
}

// AverageMonthlyIncome is income over resident-months: the mean a resident
// earned in a month in which they earned anything (rows grouped by month).
func AverageMonthlyIncome(byMonth []ImpactRow) int64 {
	months := map[[2]string]bool{}
	var income int64
	for _, r := range byMonth {
		months[[2]string{r.Resident, r.Group}] = true
		income += r.Income
	}
	if len(months) == 0 {
		return 0
	}
	return RoundHalfUpDiv(income, int64(len(months)))
}

// DistinctResidents counts the residents in rows.
func DistinctResidents(rows []ImpactRow) int {
	seen := map[string]bool{}
	for _, r := range rows {
		seen[r.Resident] = true
	}
	return len(seen)
}
