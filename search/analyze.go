package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQueryWords is how many words of a query both engines search for:
// Meilisearch reads only the first ten words of a query (milli's
// words_limit), so the Postgres engine stops there too. Words are counted
// as Meilisearch counts them (see units): a Latin or digit run is one word,
// 十字绣 is two (十字 | 绣), an unknown run such as 碧林 one per character.
const MaxQueryWords = 10

// maxQueryRunes bounds the text analysed: ten words never need more.
const maxQueryRunes = 200

// Word is one word of a query. A query matches a document when every word
// matches it, each anywhere in the document's text.
type Word struct {
	Text     string   // folded, lower-cased: 网袋, a4, 纸, 碧林
	Variants []string // Text first, then its synonyms: any one may match
	// Around holds, for a lone CJK character, the bigrams it makes with
	// the words next to it in the query (便 in 365便民工坊: 便民): a lone
	// character matches a word it begins (纸 → 纸箱) or one of these.
	Around []string
}

// Analysis is a query as both engines search for it.
type Analysis struct {
	Words []Word
	// Phrase is the words as one string of tokens: every CJK bigram, also
	// those across two neighbouring words, whatever separated them in the
	// query (Meilisearch's proximity rule measures the words' distance in
	// the document alone). A document holding them all holds the query as
	// one phrase and ranks first.
	Phrase []string
}

// Texts are the words as searched.
func (a Analysis) Texts() []string {
	out := make([]string, len(a.Words))
	for i, w := range a.Words {
		out[i] = w.Text
	}
	return out
}

// Text is the words separated by spaces: what Meilisearch is sent.
func (a Analysis) Text() string { return strings.Join(a.Texts(), " ") }

// stopChars are function characters that, standing alone between words,
// carry nothing to search for (编织的网兜 is 编织 + 网兜).
var stopChars = map[string]bool{"的": true, "地": true, "得": true, "了": true, "和": true, "与": true, "及": true,
	"或": true, "在": true, "是": true, "之": true, "等": true, "着": true, "呢": true, "吗": true, "吧": true, "啊": true,
	"把": true, "被": true, "从": true, "向": true, "于": true}

// segment is one piece of the folded query: a CJK word (cut by the
// segmenter) or a Latin/digit word.
type segment struct {
	text string
	cjk  bool
	run  int // segments of one CJK run (no separator, no stop word between) share it
}

// Analyze turns a query into words: folded to simplified Chinese, cut into
// words (木质手绘 → 木质 + 手绘), synonyms attached, stop characters dropped,
// limited to MaxQueryWords. syn may be nil.
func Analyze(q string, syn *Synonyms) Analysis {
	text := Fold(limitRunes(strings.ToValidUTF8(q, ""), maxQueryRunes))
	segs := segments(text, syn, false)
	var a Analysis
	var phrase strings.Builder
	used := 0
	for i := 0; i < len(segs) && used < MaxQueryWords; {
		s := segs[i]
		j := i + 1
		if s.cjk && utf8.RuneCountInString(s.text) == 1 {
			for j < len(segs) && segs[j].run == s.run && utf8.RuneCountInString(segs[j].text) == 1 {
				j++ // characters the dictionary does not know: one word (碧 林 → 碧林)
			}
		}
		var word strings.Builder
		for _, t := range segs[i:j] {
			word.WriteString(t.text)
		}
		w := Word{Text: word.String()}
		if slices.ContainsFunc(a.Words, func(x Word) bool { return x.Text == w.Text }) {
			i = j // a repeated word is searched (and sent, and counted) once
			continue
		}
		n := countUnits(w.Text, s.cjk)
		if used+n > MaxQueryWords { // keep the units that fit, as Meilisearch does
			w.Text = strings.Join(wordUnits(w.Text)[:MaxQueryWords-used], "")
			n = MaxQueryWords - used
		}
		used += n
		if phrase.Len() > 0 && (!s.cjk || !segs[i-1].cjk) {
			phrase.WriteByte(' ')
		}
		phrase.WriteString(w.Text)
		if j == i+1 && s.cjk && utf8.RuneCountInString(w.Text) == 1 {
			w.Around = around(segs, i)
		}
		w.Variants = append([]string{w.Text}, syn.Of(w.Text)...)
		a.Words = append(a.Words, w)
		i = j
	}
	a.Phrase = Tokens(phrase.String())
	return a
}

// segments cuts folded text into CJK words and Latin/digit words; stop
// characters (unless kept) and separators end a CJK run; adjacent words
// that together are a synonym term are joined (粘 钻 → 粘钻).
func segments(text string, syn *Synonyms, keepStops bool) []segment {
	var out []segment
	run, start, kind := 0, 0, sep
	flush := func(endAt int) {
		piece := text[start:endAt]
		switch kind {
		case word:
			out = append(out, segment{text: truncate(foldWidthString(piece), MaxTokenBytes), run: run})
		case cjk:
			var cut []segment
			for _, w := range cutRun(piece) {
				if stopChars[w] && !keepStops {
					run++
					continue
				}
				cut = append(cut, segment{text: w, cjk: true, run: run})
			}
			out = append(out, joinTerms(cut, syn)...)
		}
		run++
	}
	for i, r := range text {
		k := classify(foldWidth(r))
		if k != kind {
			flush(i)
			start, kind = i, k
		}
	}
	flush(len(text))
	return out
}

// joinTerms joins runs of up to four adjacent segments of one run that
// spell a synonym term, longest first.
func joinTerms(segs []segment, syn *Synonyms) []segment {
	var out []segment
	for i := 0; i < len(segs); {
		j := i + 1
		for k := min(len(segs), i+4); k > i+1; k-- {
			var b strings.Builder
			for _, s := range segs[i:k] {
				b.WriteString(s.text)
			}
			if segs[k-1].run == segs[i].run && syn.Has(b.String()) {
				segs[k-1].text = b.String()
				i, j = k-1, k
				break
			}
		}
		out = append(out, segs[i])
		i = j
	}
	return out
}

// around is the bigrams a lone character at segs[i] makes with the
// characters next to it in its run.
func around(segs []segment, i int) []string {
	c := segs[i].text
	var out []string
	if i > 0 && segs[i-1].cjk && segs[i-1].run == segs[i].run {
		r, _ := utf8.DecodeLastRuneInString(segs[i-1].text)
		out = append(out, string(r)+c)
	}
	if i+1 < len(segs) && segs[i+1].cjk && segs[i+1].run == segs[i].run {
		r, _ := utf8.DecodeRuneInString(segs[i+1].text)
		out = append(out, c+string(r))
	}
	return out
}

// countUnits is how many words Meilisearch reads in w.
func countUnits(w string, isCJK bool) int {
	if !isCJK {
		return 1
	}
	return len(wordUnits(w))
}

// wordUnits is w as Meilisearch's tokenizer cuts it.
func wordUnits(w string) []string {
	var out []string
	for _, piece := range cutRun(w) {
		out = append(out, units(piece)...)
	}
	return out
}

func foldWidthString(s string) string {
	return strings.Map(func(r rune) rune { return unicode.ToLower(foldWidth(r)) }, s)
}

func limitRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
