package pgsearch

import (
	"context"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"doorstep/search"
	"doorstep/search/searchtest"
	"doorstep/server/store/storetest"
)

// benchMix is the kind of traffic the search page sees.
func benchMix() []struct {
	name string
	q    search.Query
} {
	p := func(v int64) *int64 { return &v }
	before := searchtest.Base.AddDate(0, 0, 20)
	bz := searchtest.Binzhou
	return []struct {
		name string
		q    search.Query
	}{
		{"word_网兜", search.Query{Q: "网兜"}},
		{"word_串珠", search.Query{Q: "串珠"}},
		{"word_包装_common", search.Query{Q: "包装"}},
		{"char_纸_prefix", search.Query{Q: "纸"}},
		{"two_words", search.Query{Q: "编织 滨州"}},
		{"long_phrase", search.Query{Q: "手工串珠饰品"}},
		{"latin_LED", search.Query{Q: "LED"}},
		{"word_craft_price_sort", search.Query{Q: "发夹", Crafts: []string{"rhinestone"}, Sort: search.SortPriceAsc}},
		{"filter_craft_province", search.Query{Crafts: []string{"beading"}, Region: "370000", Sort: search.SortNewest}},
		{"filter_price_deposit_deadline", search.Query{PriceMin: p(20), PriceMax: p(100), Deposit: "none", DeadlineBefore: &before}},
		{"filter_city_deadline_sort", search.Query{Region: "371600", Sort: search.SortDeadline}},
		{"match_all_home", search.Query{}},
		{"near_50km_distance", search.Query{Near: &bz, RadiusKm: 50, Sort: search.SortDistance}},
		{"near_20km_text", search.Query{Q: "包装", Near: &bz, RadiusKm: 20}},
		{"deep_page_50", search.Query{Sort: search.SortNewest, Page: 50}},
		{"deep_text_page_20", search.Query{Q: "组装", Page: 20}},
		// run together (issue 18): words apart in titles, a phrase, three words
		{"run_毛线围巾", search.Query{Q: "毛线围巾"}},
		{"run_串珠钥匙扣", search.Query{Q: "串珠钥匙扣"}},
		{"run_礼盒包装宝妈", search.Query{Q: "礼盒包装宝妈"}},
	}
}

// scoreMix are the scorecard filters and sorts (issue 13), timed on their
// own so that the mixes above stay comparable with earlier runs.
func scoreMix() []struct {
	name string
	q    search.Query
} {
	pct := func(v float64) *float64 { return &v }
	return []struct {
		name string
		q    search.Query
	}{
		{"score_rejection_max_5", search.Query{Company: search.CompanyFilter{RejectionMax: pct(5)}}},
		{"score_sort_rating", search.Query{Sort: search.SortCompanyRating}},
		{"score_sort_rejection_page_20", search.Query{Sort: search.SortCompanyRejection, Page: 20}},
		{"score_word_包装_rejection_5", search.Query{Q: "包装", Company: search.CompanyFilter{RejectionMax: pct(5)}}},
		{"score_word_串珠_sort_rating", search.Query{Q: "串珠", Sort: search.SortCompanyRating}},
		{"score_craft_province_rating_4", search.Query{Crafts: []string{"beading"}, Region: "370000",
			Company: search.CompanyFilter{RatingMin: pct(4)}, Sort: search.SortCompanyRating}},
	}
}

// naturalMix is how people type (issue 24): run-together words, traditional
// characters, a sentence no order holds every word of (the partial-match
// fallback), distance sorts without a radius, facets of an empty query.
func naturalMix() []struct {
	name string
	q    search.Query
} {
	bz, gz := searchtest.Binzhou, search.Point{Lat: 23.12, Lng: 113.36}
	return []struct {
		name string
		q    search.Query
	}{
		{"nat_run_毛线围巾", search.Query{Q: "毛线围巾"}},
		{"nat_run_串珠手链批发", search.Query{Q: "串珠手链批发"}},
		{"nat_trad_剪紙_刺繡", search.Query{Q: "剪紙 刺繡"}},
		{"nat_trad_編織網兜", search.Query{Q: "編織網兜"}},
		{"nat_partial_在家做的串珠活", search.Query{Q: "在家做的串珠活"}},
		{"nat_partial_宝妈 十字绣 包邮 义乌", search.Query{Q: "宝妈 十字绣 包邮 义乌 批发"}},
		{"nat_distance_no_radius", search.Query{Near: &bz, Sort: search.SortDistance}},
		{"nat_distance_no_radius_word", search.Query{Q: "包装", Near: &gz, Sort: search.SortDistance}},
		{"nat_distance_no_radius_page_5", search.Query{Near: &gz, Sort: search.SortDistance, Page: 5}},
		{"nat_facets_empty_query", search.Query{}},
		{"nat_facets_empty_deposit", search.Query{Deposit: "fixed", Sort: search.SortNewest}},
	}
}

// mix16 is the mix measured before issue 18 added the run-together queries.
const mix16 = 16

// BenchmarkSearch loads SEARCH_BENCH_N synthetic orders (default 20000) once,
// then times each query kind and the whole mix, reporting latency percentiles.
//
//	SEARCH_BENCH_N=100000 go test -run '^$' -bench Search -benchtime 2000x ./search/pgsearch/
func BenchmarkSearch(b *testing.B) {
	n := 20000
	if v, err := strconv.Atoi(os.Getenv("SEARCH_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	ctx := context.Background()
	pool := storetest.NewPool(b)
	e := New(pool)
	start := time.Now()
	if err := e.Reindex(ctx, searchtest.Synthetic(n, 1)); err != nil {
		b.Fatal(err)
	}
	// Steady state: autovacuum would have set the visibility map by now.
	if _, err := pool.Exec(ctx, "VACUUM ANALYZE search_orders"); err != nil {
		b.Fatal(err)
	}
	b.Logf("loaded %d orders in %v", n, time.Since(start).Round(time.Millisecond))

	mix := benchMix()
	for _, m := range mix {
		b.Run(m.name, func(b *testing.B) {
			benchQueries(b, e, []search.Query{m.q})
		})
	}
	qs := make([]search.Query, len(mix))
	for i, m := range mix {
		qs[i] = m.q
	}
	b.Run("mix", func(b *testing.B) { benchQueries(b, e, qs[:mix16]) })
	b.Run("mix_with_run_together", func(b *testing.B) { benchQueries(b, e, qs) })
	var nat []search.Query
	for _, m := range naturalMix() {
		b.Run(m.name, func(b *testing.B) { benchQueries(b, e, []search.Query{m.q}) })
		nat = append(nat, m.q)
	}
	b.Run("natural", func(b *testing.B) { benchQueries(b, e, nat) })
	for _, m := range scoreMix() {
		b.Run(m.name, func(b *testing.B) { benchQueries(b, e, []search.Query{m.q}) })
	}
}

// benchQueries runs qs round robin and reports p50/p95/p99 and the mean hits.
func benchQueries(b *testing.B, e *Engine, qs []search.Query) {
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	total := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		res, err := e.Search(ctx, qs[i%len(qs)])
		lat = append(lat, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
		total += res.Total
	}
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(total)/float64(b.N), "matches/op")
}
