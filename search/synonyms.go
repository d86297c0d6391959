package search

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Craft synonyms: words that name the same thing to a coordinator (网兜 and
// 网袋, 粘钻 and 镶钻). Both engines use one list: Meilisearch through its
// synonyms setting, the Postgres engine by matching any of a word's
// synonyms. The built-in groups are synonyms.tsv; staff add more at run time
// (table search_synonyms, /api/v1/synonyms), and SetSynonyms hands the
// merged list to an engine.
//
//go:embed synonyms.tsv
var builtinTSV string

// Synonym limits: a group is 2..MaxSynonymTerms terms of 1..MaxTermRunes characters.
const (
	MaxSynonymTerms = 10
	MaxTermRunes    = 20
)

// Synonyms is an immutable set of synonym groups. A nil *Synonyms has none.
type Synonyms struct {
	groups [][]string
	of     map[string][]string // term → the other terms of its groups
}

// SynonymGroup is a group of terms with its source or reason.
type SynonymGroup struct {
	Terms []string
	Note  string
}

// ParseSynonymTSV reads the built-in file format: one group a line, terms
// separated by "/", a tab, then the source or reason; # starts a comment.
func ParseSynonymTSV(tsv string) ([]SynonymGroup, error) {
	var groups []SynonymGroup
	for n, line := range strings.Split(tsv, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		terms, reason, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(reason) == "" {
			return nil, fmt.Errorf("synonyms line %d: terms, a tab, then the source or reason", n+1)
		}
		g, err := NormalizeGroup(strings.Split(terms, "/"))
		if err != nil {
			return nil, fmt.Errorf("synonyms line %d: %w", n+1, err)
		}
		groups = append(groups, SynonymGroup{Terms: g, Note: strings.TrimSpace(reason)})
	}
	return groups, nil
}

// NormalizeGroup folds, lower-cases and deduplicates a group's terms and
// checks them: 2..MaxSynonymTerms terms, each 1..MaxTermRunes characters
// with something searchable in it.
func NormalizeGroup(terms []string) ([]string, error) {
	var g []string
	for _, t := range terms {
		t = strings.ToLower(strings.Join(strings.Fields(Fold(strings.ToValidUTF8(t, ""))), " "))
		switch {
		case t == "":
			continue
		case utf8.RuneCountInString(t) > MaxTermRunes:
			return nil, fmt.Errorf("term %q is longer than %d characters", t, MaxTermRunes)
		case len(Tokens(t)) == 0:
			return nil, fmt.Errorf("term %q has nothing to search for", t)
		}
		if !slices.Contains(g, t) {
			g = append(g, t)
		}
	}
	if len(g) < 2 || len(g) > MaxSynonymTerms {
		return nil, fmt.Errorf("a group needs 2 to %d different terms", MaxSynonymTerms)
	}
	return g, nil
}

// NewSynonyms builds a set from normalized groups. A term in several groups
// is a synonym of every term in each.
func NewSynonyms(groups ...[]string) *Synonyms {
	s := &Synonyms{of: map[string][]string{}}
	for _, g := range groups {
		s.groups = append(s.groups, slices.Clone(g))
		for _, t := range g {
			for _, o := range g {
				if o != t && !slices.Contains(s.of[t], o) {
					s.of[t] = append(s.of[t], o)
				}
			}
		}
	}
	return s
}

// BuiltinGroups are the groups of synonyms.tsv.
func BuiltinGroups() []SynonymGroup {
	g, err := ParseSynonymTSV(builtinTSV)
	if err != nil {
		panic("search: " + err.Error()) // a test reads the file: it cannot reach a release broken
	}
	return g
}

// DefaultSynonyms is the built-in set.
func DefaultSynonyms() *Synonyms { return WithStaff(nil) }

// WithStaff is the built-in set plus staff groups (each normalized; a group
// that fails the checks is skipped, so one bad row cannot stop search).
func WithStaff(staff [][]string) *Synonyms {
	var groups [][]string
	for _, g := range BuiltinGroups() {
		groups = append(groups, g.Terms)
	}
	for _, g := range staff {
		if n, err := NormalizeGroup(g); err == nil {
			groups = append(groups, n)
		}
	}
	return NewSynonyms(groups...)
}

// Of returns the synonyms of a term (not the term itself).
func (s *Synonyms) Of(term string) []string {
	if s == nil {
		return nil
	}
	return s.of[term]
}

// Has reports whether term is in a group.
func (s *Synonyms) Has(term string) bool { return s != nil && len(s.of[term]) > 0 }

// Groups returns the groups.
func (s *Synonyms) Groups() [][]string {
	if s == nil {
		return nil
	}
	return slices.Clone(s.groups)
}

// Map is the set as Meilisearch's synonyms setting: every term → its
// synonyms (Meilisearch applies a synonym one way only, so each term is
// listed with all the others).
func (s *Synonyms) Map() map[string][]string {
	m := map[string][]string{}
	if s != nil {
		for t, o := range s.of {
			m[t] = slices.Clone(o)
		}
	}
	return m
}

// Version identifies the set's content, to tell whether it changed.
func (s *Synonyms) Version() string {
	h := sha256.New()
	for _, g := range s.Groups() {
		fmt.Fprintln(h, strings.Join(g, "/"))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
