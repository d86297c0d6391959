package pgsearch

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"doorstep/search"
)

// Which words any order holds (the partial-match fallback, search.Answer)
// is answered without reading search_orders where the word counters can
// say (issue 24): one EXISTS per word on search_orders ran as a sequential
// scan expecting an early hit, and read all 1,000,000 rows when no order
// held the word. A word set is decided by the counters when
//   - a token of every alternative of one of its words is in no order:
//     no order holds the set (true under any filter);
//   - it is one word, an alternative of which is one token some order
//     holds under the query's filters, and the filters are all ones the
//     counters have (craft, province, deposit kind).
// Any other set (several words together, a filter the counters lack) is
// asked of the GIN index, with the planner kept off scans that expect an
// early hit (noScans).

// verdict is what the counters say about a word set.
type verdict int

const (
	unknown verdict = iota
	held
	notHeld
)

// noScans keeps a probe's planner on bitmap scans (the word index, combined
// with the filters' indexes): a sequential or plain index scan stops at
// the first hit but reads the whole table when there is none. JIT off, as
// for every search statement.
const noScans = "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true), " +
	"set_config('jit', 'off', true)"

// probeOrders reports for each word set whether an order under q's filters
// holds every word of it.
func (e *Engine) probeOrders(ctx context.Context, q search.Query, sets []search.Analysis) ([]bool, error) {
	out := make([]bool, len(sets))
	err := pgx.BeginTxFunc(ctx, e.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, noScans, pgx.QueryExecModeExec); err != nil {
			return err
		}
		exact := countersFilter(q)
		heldTokens, err := tokensHeld(ctx, tx, q, exact, setTokens(sets))
		if err != nil {
			return err
		}
		var ask []search.Analysis
		var at []int
		for i, s := range sets {
			switch setVerdict(s, heldTokens, exact) {
			case held:
				out[i] = true
			case unknown:
				ask, at = append(ask, s), append(at, i)
			}
		}
		if len(ask) == 0 {
			return nil
		}
		var b builder
		cond := strings.Join(otherFilters(&b, q, &filters{}), " AND ")
		found, err := probe(ctx, tx, &b, "search_orders", cond, ask)
		for k, i := range at {
			if err == nil {
				out[i] = found[k]
			}
		}
		return err
	})
	return out, err
}

// countersFilter reports whether every filter of q is one search_term_counts
// has (the conditions of countedWord, without its one-word ones).
func countersFilter(q search.Query) bool {
	return q.PriceMin == nil && q.PriceMax == nil && q.DeadlineBefore == nil && !q.Company.Any() && q.RadiusKm == 0 &&
		(q.Region == "" || search.RegionLevel(q.Region) == "province")
}

// alternatives are the token lists a word matches as (wordTerm): each
// variant's tokens, each neighbouring bigram alone.
func alternatives(w search.Word) [][]string {
	var alts [][]string
	for _, v := range w.Variants {
		if toks := search.Tokens(v); len(toks) > 0 {
			alts = append(alts, toks)
		}
	}
	for _, b := range w.Around {
		alts = append(alts, []string{b})
	}
	if len(alts) == 0 {
		alts = append(alts, []string{w.Text})
	}
	return alts
}

// setTokens lists the distinct tokens of the sets' words.
func setTokens(sets []search.Analysis) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range sets {
		for _, w := range s.Words {
			for _, alt := range alternatives(w) {
				for _, t := range alt {
					if !seen[t] {
						seen[t] = true
						out = append(out, t)
					}
				}
			}
		}
	}
	return out
}

// setVerdict decides a word set from which tokens orders hold; exact says
// that heldTokens was counted under all of the query's filters.
func setVerdict(s search.Analysis, heldTokens map[string]bool, exact bool) verdict {
	v := held
	for _, w := range s.Words {
		wordHeld, wordMaybe := false, false
		for _, alt := range alternatives(w) {
			all := true
			for _, t := range alt {
				all = all && heldTokens[t]
			}
			switch {
			case all && len(alt) == 1:
				wordHeld = true
			case all:
				wordMaybe = true // its tokens are held, maybe never together
			}
		}
		switch {
		case !wordHeld && !wordMaybe:
			return notHeld
		case !wordHeld:
			v = unknown
		}
	}
	if v == held && (len(s.Words) != 1 || !exact) {
		v = unknown // several words held apart, maybe never together; or held outside the filters
	}
	return v
}

// tokensHeld asks search_term_counts which tokens some order holds (a lone
// CJK character as a prefix, as conj writes it): an index range per token.
// With exact, only orders under q's counted filters count.
func tokensHeld(ctx context.Context, tx pgx.Tx, q search.Query, exact bool, tokens []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(tokens) == 0 {
		return out, nil
	}
	var b builder
	cond := "n > 0"
	if exact {
		if fs := countedFilters(&b, q); len(fs) > 0 {
			cond += " AND " + strings.Join(fs, " AND ")
		}
	}
	parts := make([]string, len(tokens))
	for i, t := range tokens {
		var match string
		if isPrefix(t) {
			match = "lexeme >= " + b.arg(t) + " AND lexeme < " + b.arg(prefixEnd(t))
		} else {
			match = "lexeme = " + b.arg(t)
		}
		parts[i] = "EXISTS (SELECT 1 FROM search_term_counts WHERE " + match + " AND " + cond + ")"
	}
	row := tx.QueryRow(ctx, "SELECT "+strings.Join(parts, ", "), append([]any{pgx.QueryExecModeExec}, b.args...)...)
	found := make([]bool, len(tokens))
	ptrs := make([]any, len(tokens))
	for i := range found {
		ptrs[i] = &found[i]
	}
	if err := row.Scan(ptrs...); err != nil {
		return nil, err
	}
	for i, t := range tokens {
		out[t] = found[i]
	}
	return out, nil
}

// prefixEnd is the first string after every string starting with the lone
// character c, in byte ("C" collation) order.
func prefixEnd(c string) string {
	r, _ := utf8.DecodeRuneInString(c)
	return string(r + 1)
}
