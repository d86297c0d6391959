package search

import (
	"sync"
	"unicode/utf8"
)

// Query segmentation (github.com/go-ego/gse, a pure-Go jieba with jieba's
// dictionary embedded): a run of Chinese typed without spaces is cut into
// dictionary words, 木质手绘 → 木质 | 手绘, so that each word may be found
// anywhere in an order rather than the run as one string. Cutting follows
// Meilisearch's Chinese tokenizer (charabia: jieba without HMM, then words
// of three or more characters split into dictionary bigrams and trigrams),
// so that both engines count the same words and agree on the word limit.
// Documents are not segmented: their CJK bigrams already hold every word.

var (
	segOnce sync.Once
	dict    *dictionary
)

// loadSegmenter reads the simplified-Chinese dictionary (about 350,000
// words; two seconds once per process, ≈ 9 MB kept). Warm it at start
// with WarmUp so that the first search does not wait.
func loadSegmenter() { dict = loadDictionary() }

// WarmUp loads the segmenter's dictionary and the t2s tables.
func WarmUp() {
	segOnce.Do(loadSegmenter)
	Fold("")
}

// cutRun cuts a run of CJK characters into words as jieba does without
// HMM: dictionary words by the most probable path, unknown characters alone.
func cutRun(run string) []string {
	segOnce.Do(loadSegmenter)
	return dict.cut(run)
}

// inDict reports whether word is a dictionary word or begins one (gse's
// Find, which charabia's model was checked against).
func inDict(word string) bool {
	segOnce.Do(loadSegmenter)
	_, ok := dict.find(word)
	return ok
}

// units splits a word as charabia's cut_for_search does: a word of at most
// two characters stays whole; a longer one is taken apart from the left
// into dictionary bigrams, else dictionary trigrams, else single characters
// (十字绣 → 十字 | 绣, 来料加工 → 来料 | 加工). Meilisearch counts these
// toward its ten-word limit.
func units(word string) []string {
	if utf8.RuneCountInString(word) <= 2 {
		return []string{word}
	}
	r := []rune(word)
	var out []string
	for i := 0; i < len(r); {
		switch {
		case i+2 <= len(r) && inDict(string(r[i:i+2])):
			out = append(out, string(r[i:i+2]))
			i += 2
		case i+3 <= len(r) && inDict(string(r[i:i+3])):
			out = append(out, string(r[i:i+3]))
			i += 3
		default:
			out = append(out, string(r[i]))
			i++
		}
	}
	return out
}

// MeiliWords is a model of the words Meilisearch's tokenizer (charabia with
// the cmn locale) reads in text: Latin and digit runs lower-cased, CJK runs
// cut by jieba without HMM and then cut_for_search (units). It leaves out
// charabia's character normalisation, which does not change simplified
// text. Tests use it to compare query forms; the word limit counts the same
// way.
func MeiliWords(text string) []string {
	var out []string
	for _, s := range segments(Fold(text), nil, true) {
		if s.cjk {
			out = append(out, units(s.text)...)
		} else {
			out = append(out, s.text)
		}
	}
	return out
}
