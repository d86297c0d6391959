package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token limits. A query is cut at MaxTokens so hostile input costs little;
// documents use IndexTokens, whose larger cap keeps long descriptions searchable.
const (
	MaxTokens      = 64
	MaxTokenBytes  = 64
	MaxIndexTokens = 1024
)

// Tokens analyses text the way Lucene's CJKAnalyzer does, so both engines
// see the same terms for a query and for a document:
//
//   - runs of Han, Hiragana, Katakana or Hangul emit overlapping bigrams
//     (编织网兜 → 编织 织网 网兜); a one-character run emits that character;
//   - runs of other letters and digits emit one lower-cased word;
//   - everything else (spaces, punctuation, quotes, operators) separates runs.
//
// A change of script also ends a run, so "A4纸" is "a4" + "纸" and "T恤衫" is
// "t" + "恤衫": the Latin part stays one word and the Chinese part is analysed
// as Chinese, exactly as a query typed either way is analysed.
//
// Traditional Chinese is folded to simplified (Fold) and full-width ASCII
// (ＡＢＣ１２３) to ASCII first, invalid UTF-8 is dropped, tokens are deduplicated (first occurrence wins) and capped at
// MaxTokens tokens of at most MaxTokenBytes bytes.
func Tokens(text string) []string { return tokens(text, MaxTokens) }

// IndexTokens is Tokens with the MaxIndexTokens cap, for document fields.
func IndexTokens(text string) []string { return tokens(text, MaxIndexTokens) }

type class uint8

const (
	sep class = iota
	word
	cjk
)

func classify(r rune) class {
	switch {
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul),
		r == 'ー': // the katakana length mark is "Common" script but part of the word
		return cjk
	case unicode.IsLetter(r), unicode.IsDigit(r):
		return word
	}
	return sep
}

// foldWidth maps full-width ASCII variants (U+FF01–FF5E) to ASCII.
func foldWidth(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}

type tokenizer struct {
	max  int
	seen map[string]struct{}
	out  []string
}

// emit adds a token and reports whether there is room for more.
func (t *tokenizer) emit(tok string) bool {
	tok = truncate(tok, MaxTokenBytes)
	if tok == "" {
		return len(t.out) < t.max
	}
	if _, dup := t.seen[tok]; !dup {
		t.seen[tok] = struct{}{}
		t.out = append(t.out, tok)
	}
	return len(t.out) < t.max
}

func tokens(text string, max int) []string {
	text = Fold(strings.ToValidUTF8(text, ""))
	t := tokenizer{max: max, seen: make(map[string]struct{})}
	var (
		kind    = sep
		w       strings.Builder // current word, lower-cased, capped
		prev    rune            // previous character of a CJK run
		runLen  int             // characters in the current CJK run
		hasRoom = true
	)
	flush := func() {
		switch {
		case kind == word:
			hasRoom = t.emit(w.String())
			w.Reset()
		case kind == cjk && runLen == 1:
			hasRoom = t.emit(string(prev))
		}
		runLen = 0
	}
	for _, r := range text {
		r = foldWidth(r)
		k := classify(r)
		if k != kind {
			flush()
			kind = k
		}
		if !hasRoom {
			break
		}
		switch k {
		case word:
			if w.Len() < MaxTokenBytes { // a 10,000-letter "word" is cut, not buffered
				w.WriteRune(unicode.ToLower(r))
			}
		case cjk:
			if runLen > 0 {
				hasRoom = t.emit(string([]rune{prev, r}))
			}
			prev = r
			runLen++
		}
	}
	if hasRoom {
		flush()
	}
	return t.out
}

// truncate cuts s to at most n bytes without splitting a character.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
