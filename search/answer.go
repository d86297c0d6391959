package search

import (
	"context"
	"slices"
)

// Match modes of a result page.
const (
	MatchAll     = "all"     // every hit has every word
	MatchPartial = "partial" // no document had every word: the hits have MatchedWords
)

// maxProbes bounds the word sets tried at one size in a partial match.
const maxProbes = 32

// Answer runs a search the way both engines answer it: every word of a
// must match (run); when nothing does and the query has two words or more,
// it falls back to the documents that match the most words, at least half
// (rounded up). Which words those are is found by probe, which reports for
// each word set whether any document (under the same filters) has them
// all: first each word alone, then the words that match alone, then ever
// smaller sets of them in query order, so both engines pick the same set
// and the answer never depends on an engine's ranking. The page says which
// mode answered and which words its hits have.
func Answer[H any](ctx context.Context, a Analysis,
	run func(context.Context, Analysis) (Page[H], error),
	probe func(context.Context, []Analysis) ([]bool, error)) (Page[H], error) {
	res, err := run(ctx, a)
	if err != nil {
		return res, err
	}
	res.Match, res.MatchedWords = MatchAll, a.Texts()
	if res.Total == 0 && len(a.Words) >= 2 {
		sub, err := partialWords(ctx, a, probe)
		if err != nil {
			return res, err
		}
		if sub != nil {
			if res, err = run(ctx, *sub); err != nil {
				return res, err
			}
			res.Match, res.MatchedWords = MatchPartial, sub.Texts()
		}
	}
	res.Words = a.Texts()
	res.TotalExact = res.Total < MaxResultWindow
	res.Total = min(res.Total, MaxResultWindow)
	return res, nil
}

// partialWords returns the word set a partial match keeps, or nil.
func partialWords(ctx context.Context, a Analysis, probe func(context.Context, []Analysis) ([]bool, error)) (*Analysis, error) {
	n := len(a.Words)
	need := (n + 1) / 2
	singles := make([]Analysis, n)
	for i, w := range a.Words {
		singles[i] = Analysis{Words: []Word{w}}
	}
	found, err := probe(ctx, singles)
	if err != nil {
		return nil, err
	}
	var live []int
	for i, ok := range found {
		if ok {
			live = append(live, i)
		}
	}
	for size := len(live); size >= need && size >= 1; size-- {
		if size == n {
			continue // every word: the search that found nothing
		}
		var sets []Analysis
		for _, idx := range combinations(live, size, maxProbes) {
			var s Analysis
			for _, i := range idx {
				s.Words = append(s.Words, a.Words[i])
			}
			sets = append(sets, s)
		}
		if size == 1 { // each live word alone already matches: the first one
			return &sets[0], nil
		}
		found, err := probe(ctx, sets)
		if err != nil {
			return nil, err
		}
		if i := slices.Index(found, true); i >= 0 {
			return &sets[i], nil
		}
	}
	return nil, nil
}

// combinations lists up to limit k-element subsets of items, in
// lexicographic order (the earliest words kept longest).
func combinations(items []int, k, limit int) [][]int {
	var out [][]int
	idx := make([]int, k)
	for i := range idx {
		idx[i] = i
	}
	for len(out) < limit {
		c := make([]int, k)
		for i, j := range idx {
			c[i] = items[j]
		}
		out = append(out, c)
		i := k - 1
		for i >= 0 && idx[i] == len(items)-k+i {
			i--
		}
		if i < 0 {
			break
		}
		idx[i]++
		for j := i + 1; j < k; j++ {
			idx[j] = idx[j-1] + 1
		}
	}
	return out
}
