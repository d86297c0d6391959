package pgsearch

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"doorstep/search"
)

var paramRef = regexp.MustCompile(`\$(\d+)`)

// FuzzPlan: for any valid query the SQL of both statements holds none of
// the query's text (values travel only as parameters) and every $n names a
// parameter that exists. Run it with
//
//	go test -run '^$' -fuzz '^FuzzPlan$' -fuzztime 30s ./search/pgsearch/
func FuzzPlan(f *testing.F) {
	f.Add("编织网兜", "weaving", "371602", "none", "newest", 1, 20, int64(30), 37.38, 117.97, 50.0)
	f.Add("x'; DROP TABLE orders; --", "x' OR '1'='1", "370000", "fixed", "distance", 3, 100, int64(0), -90.0, 180.0, 0.0)
	f.Add("木质手绘 串珠 钥匙扣 a4", "", "", "", "price_asc", 500, 20, int64(-1), 0.0, 0.0, 20000.0)
	syn := search.DefaultSynonyms()
	search.WarmUp() // the segmenter's dictionary, before the fuzzer's 10 s hang limit runs
	f.Fuzz(func(t *testing.T, text, craft, region, deposit, sort string, page, perPage int, price int64, lat, lng, km float64) {
		marked := "zqxjmark" + text
		q := search.Query{Q: marked, Crafts: []string{"zqxjmark" + craft}, Region: region, Deposit: deposit, Sort: sort, Page: page,
			PerPage: perPage, PriceMax: &price, Near: &search.Point{Lat: lat, Lng: lng}, RadiusKm: km}
		q = q.WithDefaults()
		if q.Validate() != nil {
			return
		}
		p := buildPlan(q, search.Analyze(q.Q, syn))
		for _, st := range []struct {
			sql  string
			args []any
		}{{p.page, p.pageArgs}, {p.facets, p.facetArgs}} {
			if strings.Contains(strings.ToLower(st.sql), "zqxj") {
				t.Fatalf("query text inside the SQL: %s", st.sql)
			}
			for _, m := range paramRef.FindAllStringSubmatch(st.sql, -1) {
				if n, _ := strconv.Atoi(m[1]); n < 1 || n > len(st.args) {
					t.Fatalf("$%d with %d args: %s", n, len(st.args), st.sql)
				}
			}
		}
	})
}
