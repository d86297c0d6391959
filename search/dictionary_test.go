package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/go-ego/gse"
)

// The compact dictionary must cut exactly as gse does: the conformance
// suite's agreement with Meilisearch's tokenizer was checked with gse.
func TestCompactDictionaryCutsAsGse(t *testing.T) {
	t.Parallel()
	var g gse.Segmenter
	g.SkipLog = true
	if err := g.LoadDictEmbed("zh_s"); err != nil {
		t.Fatal(err)
	}
	d := compact(g.Dict)

	words := make([]string, len(g.Dict.Tokens))
	for i := range g.Dict.Tokens {
		words[i] = g.Dict.Tokens[i].Text()
	}
	if len(words) < 300_000 {
		t.Fatalf("gse read %d words; the embedded dictionary has about 350,000", len(words))
	}
	checkFind := func(w string) {
		wantFreq, _, wantOK := g.Find(w)
		freq, ok := d.find(w)
		if ok != wantOK || freq != wantFreq {
			t.Fatalf("find(%q) = %v, %v; gse: %v, %v", w, freq, ok, wantFreq, wantOK)
		}
	}
	for _, w := range words {
		checkFind(w)
		r := []rune(w)
		for i := 1; i < len(r); i++ {
			checkFind(string(r[:i]))
		}
	}
	for _, w := range []string{"工串", "质手", "网袋兜", "zzzz", "", "𠀀"} {
		checkFind(w)
	}

	// Runs as coordinators type them: words run together, unknown
	// characters, single characters that only begin longer words, traditional
	// forms, Latin letters and digits inside.
	rng := rand.New(rand.NewPCG(17, 18))
	chars := []rune("手工编织网兜串珠饰品绢花制作剪纸窗花木质玩具绘上色袋礼盒包装宝妈毛线围巾钥匙扣紙蘇繡來料加工abc123的了是")
	runs := []string{"木质手绘", "绢花制作", "手提网袋", "编织网兜", "手工串珠饰品", "十字绣", "来料加工", "剪紙", "礼盒包装宝妈", "iphone手机壳", "3d打印"}
	for range 20_000 {
		var b strings.Builder
		for range 1 + rng.IntN(5) {
			if rng.IntN(3) == 0 {
				b.WriteRune(chars[rng.IntN(len(chars))])
			} else {
				b.WriteString(words[rng.IntN(len(words))])
			}
		}
		runs = append(runs, b.String())
	}
	for _, run := range runs {
		want := g.Cut(run, false)
		if got := d.cut(run); !slices.Equal(got, want) {
			t.Fatalf("cut(%q) = %q; gse: %q", run, got, want)
		}
	}
}

// The server keeps the compact dictionary for its whole life.
func BenchmarkCutRun(b *testing.B) {
	WarmUp()
	for b.Loop() {
		cutRun("手工串珠饰品编织网兜")
	}
}
