package pgsearch

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"doorstep/search"
	"doorstep/search/searchtest"
	"doorstep/server/store/storetest"
)

// TestWorkshopConformance runs the shared workshop suite on a fresh, migrated database.
func TestWorkshopConformance(t *testing.T) {
	searchtest.RunWorkshops(t, func(t *testing.T) search.WorkshopEngine { return NewWorkshops(storetest.NewPool(t)) })
}

func TestWorkshopVector(t *testing.T) {
	d := search.WorkshopDoc{Name: "串珠坊", Host: "社区", CraftNamesZH: []string{"串珠"}, CraftNamesEN: []string{"Beading"},
		RegionName: "滨城区"}
	want := "'串珠':1A '珠坊':2A '串珠':3B 'beading':4B '社区':5B '滨城':6C '城区':7C"
	if got := workshopVector(d); got != want {
		t.Errorf("workshopVector:\n got %s\nwant %s", got, want)
	}
}

var workshopPlaceholder = regexp.MustCompile(`\$(\d+)`)

// TestWorkshopSQLParameters checks that user input only ever reaches SQL as a
// bind parameter and that each statement uses every parameter it is given
// (Postgres refuses a statement with an unused one).
func TestWorkshopSQLParameters(t *testing.T) {
	evil := `x'); DROP TABLE search_workshops; --`
	bz := searchtest.Binzhou
	n := 5
	for _, q := range []search.WorkshopQuery{
		{},
		{Q: evil, Crafts: []string{evil}, Region: "370000", MinCapacity: &n, Verified: true, Guaranteed: true},
		{Q: "串珠", Near: &bz},
		{Q: "串珠", Near: &bz, RadiusKm: 10, Sort: search.SortDistance},
		{Near: &bz, Sort: search.SortDistance},
		{Near: &bz, RadiusKm: 10, Sort: search.SortCapacity},
		{Q: "编织 滨州", Sort: search.SortNewest, Page: 3, PerPage: 7},
	} {
		page, pageArgs, facets, facetArgs := buildWorkshopSQL(q.WithDefaults())
		for _, s := range []struct {
			sql  string
			args []any
		}{{page, pageArgs}, {facets, facetArgs}} {
			if strings.Contains(s.sql, "DROP") || strings.Contains(s.sql, "串珠") {
				t.Errorf("input inside SQL: %s", s.sql)
			}
			used := map[int]bool{}
			for _, m := range workshopPlaceholder.FindAllStringSubmatch(s.sql, -1) {
				i, _ := strconv.Atoi(m[1])
				used[i] = true
			}
			for i := 1; i <= len(s.args); i++ {
				if !used[i] {
					t.Errorf("%+v: parameter $%d unused in %s", q, i, s.sql)
				}
			}
			if len(used) != len(s.args) {
				t.Errorf("%+v: %d placeholders, %d args: %s", q, len(used), len(s.args), s.sql)
			}
		}
	}
}
