package pgsearch

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"doorstep/search"
)

// heldTTL is how long whether an order holds a synonym's word is
// remembered: a synonym first used by an order is searched for within it.
const heldTTL = 30 * time.Second

// heldCache remembers which words orders hold (search_term_counts), so
// that synonym pruning costs no statement on most searches.
type heldCache struct {
	mu sync.Mutex
	m  map[string]heldEntry
}

type heldEntry struct {
	held  bool
	until time.Time
}

// lookup returns which of lexemes orders hold, asking db for the ones not
// remembered.
func (c *heldCache) lookup(ctx context.Context, db querier, lexemes []string) (map[string]bool, error) {
	now := time.Now()
	out := map[string]bool{}
	var ask []string
	c.mu.Lock()
	for _, l := range lexemes {
		if e, ok := c.m[l]; ok && now.Before(e.until) {
			out[l] = e.held
		} else {
			ask = append(ask, l)
		}
	}
	c.mu.Unlock()
	if len(ask) == 0 {
		return out, nil
	}
	rows, err := db.Query(ctx, "SELECT lexeme FROM search_term_counts WHERE lexeme = ANY($1::text[]) GROUP BY lexeme HAVING sum(n) > 0",
		pgx.QueryExecModeExec, ask)
	if err != nil {
		return nil, err
	}
	held, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) > 100000 {
		c.m = map[string]heldEntry{}
	}
	for _, l := range ask {
		out[l] = slices.Contains(held, l)
		c.m[l] = heldEntry{held: out[l], until: now.Add(heldTTL)}
	}
	return out, nil
}

// pruneVariants drops the synonyms of a word that no order holds (a
// variant whose tokens are not all among the counted words), always
// keeping one variant, so that a word with a synonym nobody uses costs
// what the word alone costs. Prefix tokens cannot be checked and are kept.
func pruneVariants(ctx context.Context, db querier, cache *heldCache, a search.Analysis) (search.Analysis, error) {
	var lexemes []string
	for _, w := range a.Words {
		if len(w.Variants) > 1 {
			for _, v := range w.Variants {
				lexemes = append(lexemes, search.Tokens(v)...)
			}
		}
	}
	if len(lexemes) == 0 {
		return a, nil
	}
	heldBy, err := cache.lookup(ctx, db, lexemes)
	if err != nil {
		return a, err
	}
	out := a
	out.Words = slices.Clone(a.Words)
	for i, w := range out.Words {
		if len(w.Variants) < 2 {
			continue
		}
		kept := slices.DeleteFunc(slices.Clone(w.Variants), func(v string) bool {
			return slices.ContainsFunc(search.Tokens(v), func(t string) bool { return !isPrefix(t) && !heldBy[t] })
		})
		if len(kept) == 0 {
			kept = w.Variants[:1] // nothing holds any: the word matches nothing, as typed
		}
		out.Words[i].Variants = kept
	}
	return out, nil
}

// probe reports, for each word set, whether a row of table matching cond
// (the filters, over b's parameters) holds every word: one statement of
// EXISTS, each an index lookup.
func probe(ctx context.Context, db querier, b *builder, table, cond string, sets []search.Analysis) ([]bool, error) {
	if cond == "" {
		cond = "TRUE"
	}
	parts := make([]string, len(sets))
	for i, s := range sets {
		match, _, _ := queryTerms(s)
		parts[i] = "EXISTS (SELECT 1 FROM " + table + " WHERE tokens @@ " + b.arg(match) + "::tsquery AND " + cond + ") AS p" + strconv.Itoa(i)
	}
	rows, err := db.Query(ctx, "SELECT "+strings.Join(parts, ", "), append([]any{pgx.QueryExecModeExec}, b.args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]bool, len(sets))
	ptrs := make([]any, len(sets))
	for i := range out {
		ptrs[i] = &out[i]
	}
	if !rows.Next() {
		return nil, rows.Err()
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, err
	}
	rows.Close()
	return out, rows.Err()
}
