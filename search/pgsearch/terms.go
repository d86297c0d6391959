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

// queryTerms turns query tokens into two tsquery literals: match (every token,
// anywhere) and title (every token, in the title: weight A). A lone CJK
// character becomes a prefix term, so 纸 also finds the bigrams 纸箱 and 纸盒.
// nil tokens give empty strings: match everything.
func queryTerms(tokens []string) (match, title string) {
	var m, t strings.Builder
	for i, tok := range tokens {
		if i > 0 {
			m.WriteString(" & ")
			t.WriteString(" & ")
		}
		suffix := ":"
		if isPrefix(tok) {
			suffix = ":*"
		}
		writeLexeme(&m, tok)
		if suffix == ":*" {
			m.WriteString(suffix)
		}
		writeLexeme(&t, tok)
		t.WriteString(suffix + "A")
	}
	return m.String(), t.String()
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
