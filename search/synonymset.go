package search

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
)

// SynonymSetter is an index that takes synonyms at run time (every engine
// here does; an engine wrapper in a test may not).
type SynonymSetter interface {
	SetSynonyms(ctx context.Context, s *Synonyms) error
}

// SynonymHolder keeps an index's current synonyms, safe for concurrent
// searches; the zero value holds the built-in set.
type SynonymHolder struct{ p atomic.Pointer[Synonyms] }

var defaultOnce = sync.OnceValue(DefaultSynonyms)

// Synonyms returns the current set.
func (h *SynonymHolder) Synonyms() *Synonyms {
	if s := h.p.Load(); s != nil {
		return s
	}
	return defaultOnce()
}

// Store replaces the set.
func (h *SynonymHolder) Store(s *Synonyms) { h.p.Store(s) }

// ApplySynonyms hands the built-in groups plus staff's to every target that
// takes synonyms, and reports the failures together.
func ApplySynonyms(ctx context.Context, staff [][]string, targets ...any) error {
	s := WithStaff(staff)
	var errs []error
	for _, t := range targets {
		if ss, ok := t.(SynonymSetter); ok {
			errs = append(errs, ss.SetSynonyms(ctx, s))
		}
	}
	return errors.Join(errs...)
}
