package search

import (
	"slices"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzAnalyze: reading any query never panics and gives at most
// MaxQueryWords words, each non-empty valid UTF-8 and searched once, with
// phrase tokens that are valid; the same query always reads the same way.
// Run it with
//
//	go test -run '^$' -fuzz '^FuzzAnalyze$' -fuzztime 30s ./search/
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"编织网兜", "木质手绘 串珠钥匙扣", "刺繡 長豐縣", "的了吗", "a4纸 2024 ＡＢＣ", "碧林花园社区微工厂",
		"一二三四五六七八九十十一十二", "'; DROP TABLE x; --", "\xff\xfe", "网袋 镶钻 十字绣", ""} {
		f.Add(s)
	}
	syn := DefaultSynonyms()
	// Load the segmenter's dictionary in every worker before its first input:
	// seconds (far more on a loaded machine), past the fuzzer's 10 s hang limit.
	WarmUp()
	f.Fuzz(func(t *testing.T, q string) {
		for _, s := range []*Synonyms{nil, syn} {
			a := Analyze(q, s)
			units := 0
			seen := map[string]bool{}
			for _, w := range a.Words {
				if w.Text == "" || !utf8.ValidString(w.Text) || seen[w.Text] {
					t.Fatalf("Analyze(%q): bad word %q in %q", q, w.Text, a.Texts())
				}
				seen[w.Text] = true
				units += len(wordUnits(w.Text))
				if len(w.Variants) == 0 || w.Variants[0] != w.Text {
					t.Fatalf("Analyze(%q): variants %q of %q", q, w.Variants, w.Text)
				}
			}
			if len(a.Words) > MaxQueryWords {
				t.Fatalf("Analyze(%q): %d words", q, len(a.Words))
			}
			for _, tok := range a.Phrase {
				if tok == "" || !utf8.ValidString(tok) {
					t.Fatalf("Analyze(%q): phrase token %q", q, tok)
				}
			}
			if b := Analyze(q, s); !slices.Equal(a.Texts(), b.Texts()) || !slices.Equal(a.Phrase, b.Phrase) {
				t.Fatalf("Analyze(%q) is not deterministic: %q vs %q", q, a.Texts(), b.Texts())
			}
		}
	})
}

// FuzzQueryValidate: validating any search parameters never panics, and
// what passes is within the documented limits.
func FuzzQueryValidate(f *testing.F) {
	f.Add("weaving", "371602", "none", "newest", int64(30), int64(100), 1, 20, 37.38, 117.97, 50.0, int64(0))
	f.Add("", "", "", "", int64(-1), int64(-2), -1, 1000, 91.0, 181.0, -1.0, int64(-62135596800))
	f.Add("\xff", "37160", "bogus", "distance", int64(9223372036854775807), int64(0), 501, 0, 0.0, 0.0, 1e308, int64(253402300799))
	f.Fuzz(func(t *testing.T, craft, region, deposit, sort string, pmin, pmax int64, page, perPage int, lat, lng, km float64, deadline int64) {
		d := time.Unix(deadline%(1<<40), 0)
		q := Query{Q: craft, Crafts: []string{craft}, Region: region, Deposit: deposit, Sort: sort, PriceMin: &pmin, PriceMax: &pmax,
			Page: page, PerPage: perPage, Near: &Point{Lat: lat, Lng: lng}, RadiusKm: km, DeadlineBefore: &d}
		if q.Validate() != nil {
			return
		}
		w := q.WithDefaults()
		if w.Page < 1 || w.PerPage < 1 || w.PerPage > MaxPerPage || w.Page > MaxResultWindow/w.PerPage ||
			pmin < 0 || pmax < pmin || km < 0 || km > MaxRadiusKm || lat < -90 || lat > 90 || lng < -180 || lng > 180 {
			t.Fatalf("accepted out of limits: %+v", w)
		}
	})
}
