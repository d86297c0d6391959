package search

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"编织网兜", []string{"编织", "织网", "网兜"}},
		{"手工串珠饰品 A4纸 2024", []string{"手工", "工串", "串珠", "珠饰", "饰品", "a4", "纸", "2024"}},
		{"编织网兜 5000 个", []string{"编织", "织网", "网兜", "5000", "个"}},
		{"T恤衫XL码", []string{"t", "恤衫", "xl", "码"}},
		{"网", []string{"网"}},
		{"", nil},
		{"  ，。！？  ", nil},
		// full-width Latin and digits fold to ASCII; the ideographic space separates
		{"Ａ４纸　ＬＥＤ灯", []string{"a4", "纸", "led", "灯"}},
		{"Beading, Paper-cutting!", []string{"beading", "paper", "cutting"}},
		// punctuation, quotes and operators separate runs and never appear in tokens
		{`"剪纸" OR '窗花' \ _geoRadius(1,2,3) a&b|c`, []string{"剪纸", "or", "窗花", "georadius", "1", "2", "3", "a", "b", "c"}},
		{"'; DROP TABLE x; --", []string{"drop", "table", "x"}},
		// duplicates are dropped, first occurrence wins
		{"网兜 网兜 WANG wang", []string{"网兜", "wang"}},
		// other scripts: letters are words; kana and hangul are bigrammed like Han
		{"Café Москва", []string{"café", "москва"}},
		{"ハンドメイド 수공예", []string{"ハン", "ンド", "ドメ", "メイ", "イド", "수공", "공예"}},
		// invalid UTF-8 bytes are dropped, joining what surrounds them
		{"编\xff织 a\xc3b", []string{"编织", "ab"}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokensLimits(t *testing.T) {
	long := strings.Repeat("a", 10000)
	if got := Tokens(long); len(got) != 1 || len(got[0]) != MaxTokenBytes {
		t.Errorf("10,000-letter word: got %d tokens, first %d bytes", len(got), len(got[0]))
	}
	// a long run of Chinese is cut at MaxTokens bigrams
	var b strings.Builder
	for r := rune(0x4E00); r < 0x4E00+1000; r++ {
		b.WriteRune(r)
	}
	if got := Tokens(b.String()); len(got) != MaxTokens {
		t.Errorf("1000 distinct Han characters: %d tokens, want %d", len(got), MaxTokens)
	}
	if got := IndexTokens(b.String()); len(got) != 999 {
		t.Errorf("IndexTokens: %d tokens, want 999", len(got))
	}
	// a word of multi-byte letters is cut on a character boundary
	got := Tokens(strings.Repeat("é", 100))
	if len(got) != 1 || len(got[0]) > MaxTokenBytes || !utf8.ValidString(got[0]) {
		t.Errorf("long accented word: %q", got)
	}
	many := strings.Repeat("x1 y2 z3 ", 5000) + strings.Repeat("词", 3)
	if got := Tokens(many); len(got) != 4 || got[3] != "词词" {
		t.Errorf("repeated words: %q", got)
	}
}

func TestTokensAlwaysClean(t *testing.T) {
	inputs := []string{"\x00\x01'\"\\:*&|!()<->", "编织\u200b网兜", "\xed\xa0\x80", "a\u0301b", "１２３４５６７８９０"}
	for _, in := range inputs {
		for _, tok := range Tokens(in) {
			if tok == "" || !utf8.ValidString(tok) || strings.ContainsAny(tok, "'\"\\:*&|!()<> \t\n\x00") {
				t.Errorf("Tokens(%q) produced unsafe token %q", in, tok)
			}
		}
	}
}

func FuzzTokens(f *testing.F) {
	f.Add("手工串珠饰品 A4纸 2024")
	f.Add("'; DROP TABLE x; --")
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokens(s)
		if len(toks) > MaxTokens {
			t.Fatalf("%d tokens", len(toks))
		}
		seen := map[string]bool{}
		for _, tok := range toks {
			if tok == "" || len(tok) > MaxTokenBytes || !utf8.ValidString(tok) || seen[tok] {
				t.Fatalf("bad token %q in %q", tok, toks)
			}
			seen[tok] = true
		}
	})
}
