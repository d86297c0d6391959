package search

import (
	"sync"
	"unicode"

	"github.com/longbridgeapp/opencc"
)

// Traditional and simplified Chinese are the same text to a searcher: index
// and query are both folded to simplified with OpenCC's t2s tables
// (github.com/longbridgeapp/opencc, a pure-Go port that embeds OpenCC's
// dictionaries), so 刺繡 finds 刺绣 and 剪紙 finds 剪纸. Only the searchable
// form is folded; documents are shown as written.

var (
	t2sOnce sync.Once
	t2s     *opencc.OpenCC
	// tradBits marks, for U+3400–U+9FFF, the characters t2s changes on their
	// own. Simplified text (nearly every document) holds none of them and is
	// returned as it is, without walking the phrase tables.
	tradBits []uint64
)

const tradLo, tradHi = 0x3400, 0x9FFF

func loadT2S() {
	cc, err := opencc.New("t2s")
	if err != nil {
		panic("search: OpenCC t2s tables: " + err.Error()) // embedded: cannot fail unless the module is broken
	}
	t2s = cc
	tradBits = make([]uint64, (tradHi-tradLo)/64+1)
	for r := rune(tradLo); r <= tradHi; r++ {
		if s, err := cc.Convert(string(r)); err == nil && s != string(r) {
			tradBits[(r-tradLo)/64] |= 1 << ((r - tradLo) % 64)
		}
	}
}

// mayBeTraditional reports whether t2s could change text.
func mayBeTraditional(text string) bool {
	for _, r := range text {
		switch {
		case r >= tradLo && r <= tradHi:
			if tradBits[(r-tradLo)/64]&(1<<((r-tradLo)%64)) != 0 {
				return true
			}
		case r > tradHi && unicode.Is(unicode.Han, r): // rare: compatibility and extension blocks
			return true
		}
	}
	return false
}

// Fold returns text with traditional Chinese converted to simplified.
func Fold(text string) string {
	t2sOnce.Do(loadT2S)
	if !mayBeTraditional(text) {
		return text
	}
	if s, err := t2s.Convert(text); err == nil {
		return s
	}
	return text
}
