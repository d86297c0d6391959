package api

import "doorstep/search"

// SearchMeta says how a search was answered; both search endpoints carry it.
type SearchMeta struct {
	// TotalExact is false when total stopped at 10,000 (search.MaxResultWindow):
	// there are at least that many (the page shows "10,000+").
	TotalExact bool `json:"total_exact"`
	// Match is "all" (every hit has every word) or "partial": no hit had every
	// word, so the hits are those with matched_words, at least half of them.
	Match        string   `json:"match"`
	Words        []string `json:"words"`         // the words searched for: the query's first 10, folded to simplified Chinese
	MatchedWords []string `json:"matched_words"` // the words every hit has
}

func searchMeta[H any](p search.Page[H]) SearchMeta {
	m := SearchMeta{TotalExact: p.TotalExact, Match: p.Match, Words: p.Words, MatchedWords: p.MatchedWords}
	if m.Match == "" {
		m.Match = search.MatchAll
	}
	if m.Words == nil {
		m.Words = []string{}
	}
	if m.MatchedWords == nil {
		m.MatchedWords = []string{}
	}
	return m
}
