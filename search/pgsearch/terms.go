package pgsearch

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"doorstep/search"
)

// maxPosition is the largest tsvector position Postgres stores.
const maxPosition = 16383

// field is one weighted part of a document's searchable text.
type field struct {
	weight byte // A, B or C
	text   string
}

// vector is the tsvector literal of weighted fields: each token with a
// position and a weight. array_to_tsvector would be simpler, but it makes
// lexemes without positions, and a weight lives on a position, so setweight
// would silently drop it and ts_rank could not favour title matches.
func vector(fields ...field) string {
	var b strings.Builder
	pos := 0
	for _, f := range fields {
		for _, tok := range search.IndexTokens(f.text) {
			pos = min(pos+1, maxPosition)
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			writeLexeme(&b, tok)
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(pos))
			b.WriteByte(f.weight)
		}
	}
	return b.String()
}

// docVector is an order's tsvector: A title, B tags, craft and company,
// C description and region.
func docVector(d search.OrderDoc) string {
	return vector(field{'A', d.Title},
		field{'B', strings.Join(append(append([]string(nil), d.Tags...), d.CraftNameZH, d.CraftNameEN, d.CompanyName), "\n")},
		field{'C', d.Description + "\n" + d.RegionName})
}

// queryTerms turns an analysed query into tsquery literals: match (every
// word, anywhere), title (every word, in the title: weight A) and phrase
// (every token of the query as typed, bigrams across words included).
// A word matches as any of its variants (itself and its synonyms), each
// variant as all its tokens; a lone CJK character is a prefix term (纸
// finds 纸箱) or one of the bigrams it makes with its neighbours (Around).
// No words give empty strings: match everything.
func queryTerms(a search.Analysis) (match, title, phrase string) {
	var m, t []string
	for _, w := range a.Words {
		m = append(m, wordTerm(w, ""))
		t = append(t, wordTerm(w, "A"))
	}
	return strings.Join(m, " & "), strings.Join(t, " & "), conj(a.Phrase, "")
}

// wordTerm is one word's tsquery: its alternatives ORed.
func wordTerm(w search.Word, weight string) string {
	var alts []string
	for _, v := range w.Variants {
		if c := conj(search.Tokens(v), weight); c != "" {
			alts = append(alts, c)
		}
	}
	for _, b := range w.Around {
		alts = append(alts, conj([]string{b}, weight))
	}
	switch len(alts) {
	case 0:
		return conj([]string{w.Text}, weight) // unreachable: every word has a token
	case 1:
		return alts[0]
	}
	return "(" + strings.Join(alts, " | ") + ")"
}

// conj ANDs tokens, a lone CJK character as a prefix; weight ("A" or "")
// limits every term to that field.
func conj(tokens []string, weight string) string {
	var b strings.Builder
	for i, tok := range tokens {
		if i > 0 {
			b.WriteString(" & ")
		}
		writeLexeme(&b, tok)
		switch {
		case isPrefix(tok):
			b.WriteString(":*" + weight)
		case weight != "":
			b.WriteString(":" + weight)
		}
	}
	if len(tokens) > 1 {
		return "(" + b.String() + ")"
	}
	return b.String()
}

// writeLexeme quotes a lexeme for tsvector/tsquery input. Tokens never hold a
// quote or a backslash, but the escaping keeps that an optimisation, not a
// safety requirement. The literal is always sent as a bind parameter.
func writeLexeme(b *strings.Builder, tok string) {
	b.WriteByte('\'')
	for _, r := range tok {
		switch r {
		case '\'':
			b.WriteString("''")
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
}

// isPrefix reports whether a query token is a lone CJK character, which
// matches as a prefix (纸 finds 纸箱).
func isPrefix(tok string) bool {
	r, n := utf8.DecodeRuneInString(tok)
	return n == len(tok) && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// tierQuery is the tsquery of the orders holding word in exactly one tier
// (bits 4 title A, 2 B, 1 C; see migrations/00007_search_perf.sql): 5 is
// 'w':A & !'w':B & 'w':C.
func tierQuery(word string, tier int) string {
	var b strings.Builder
	for i, w := range []struct {
		bit    int
		weight string
	}{{4, "A"}, {2, "B"}, {1, "C"}} {
		if i > 0 {
			b.WriteString(" & ")
		}
		if tier&w.bit == 0 {
			b.WriteByte('!')
		}
		writeLexeme(&b, word)
		b.WriteString(":" + w.weight)
	}
	return b.String()
}
