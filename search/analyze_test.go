package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestAnalyze(t *testing.T) {
	syn := NewSynonyms([]string{"网兜", "网袋"}, []string{"粘钻", "镶钻"})
	show := func(a Analysis) string {
		var parts []string
		for _, w := range a.Words {
			s := w.Text
			if len(w.Variants) > 1 {
				s += "=" + strings.Join(w.Variants[1:], "|")
			}
			if len(w.Around) > 0 {
				s += "~" + strings.Join(w.Around, "|")
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, " ")
	}
	for q, want := range map[string]string{
		"木质手绘":     "木质 手绘",    // run together: dictionary words
		"手提网袋":     "手提 网袋=网兜", // with its synonym
		"剪紙":       "剪纸",       // traditional folded to simplified
		"刺繡香包":     "刺绣 香包",
		"编织的网兜":    "编织 网兜=网袋",         // a stop character between words is dropped
		"粘钻发夹":     "粘钻=镶钻 发夹",         // 粘 钻 joined: a synonym term
		"碧林花园":     "碧林 花园",            // characters the dictionary lacks stay one word
		"365便民工坊":  "365 便~便民 民工 坊~工坊", // a lone character: prefix or bigram with its neighbours
		"A4纸":      "a4 纸",             // script changes cut; no neighbour across scripts
		"ＸＬ码":      "xl 码",             // full width folded, lower-cased
		"网兜 网兜 网袋": "网兜=网袋 网袋=网兜",      // repeated words once
		`"网兜" -剪纸`: "网兜=网袋 剪纸",
		"  ，。！ 的 ": "",
	} {
		if got := show(Analyze(q, syn)); got != want {
			t.Errorf("Analyze(%q) = %q, want %q", q, got, want)
		}
	}
	a := Analyze("木质，手绘", nil)
	if !slices.Equal(a.Phrase, []string{"木质", "质手", "手绘"}) || a.Text() != "木质 手绘" {
		t.Errorf("phrase %q, text %q", a.Phrase, a.Text())
	}
}

// TestWordLimit: words are counted as Meilisearch reads them, and what is
// sent never has more than MaxQueryWords of them.
func TestWordLimit(t *testing.T) {
	for q, want := range map[string]int{
		"一 二 三 四 五 六 七 八 九 十 十一":   10,
		strings.Repeat("编织 ", 20):  1,  // repeated: one word, sent once
		strings.Repeat("编", 10000): 10, // one run of unknown characters: ten of them
		"十字绣抱枕":                    4,  // 十字 绣 | 抱 枕 (抱枕 is not in the dictionary)
	} {
		a := Analyze(q, nil)
		if got := len(MeiliWords(a.Text())); got != want || got > MaxQueryWords {
			t.Errorf("%.20q: %d words sent (%q), want %d", q, got, a.Text(), want)
		}
	}
	var qs []string
	for i := range 12 {
		qs = append(qs, fmt.Sprintf("w%d", i))
	}
	if got := Analyze(strings.Join(qs, " "), nil).Texts(); len(got) != MaxQueryWords || got[9] != "w9" {
		t.Errorf("twelve words: %q", got)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"刺繡": "刺绣", "長豐縣雙墩鎮": "长丰县双墩镇", "编织网兜": "编织网兜", "A4紙卡": "A4纸卡", "": ""} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	if got := IndexTokens("剪紙窗花"); !slices.Equal(got, []string{"剪纸", "纸窗", "窗花"}) {
		t.Errorf("index tokens are folded: %q", got)
	}
}
