package search

import (
	"slices"
	"strings"
	"testing"
)

// TestSynonymFile: the built-in list parses, has 30+ groups, each with a
// source or reason, and no term twice.
func TestSynonymFile(t *testing.T) {
	groups, err := ParseSynonymTSV(builtinTSV)
	if err != nil || len(groups) < 30 {
		t.Fatalf("%d groups, %v", len(groups), err)
	}
	seen := map[string]bool{}
	for _, g := range groups {
		for _, term := range g.Terms {
			if seen[term] {
				t.Errorf("%s is in two groups", term)
			}
			seen[term] = true
		}
	}
	for _, line := range strings.Split(builtinTSV, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			if _, reason, _ := strings.Cut(line, "\t"); len([]rune(reason)) < 10 {
				t.Errorf("no source or reason: %q", line)
			}
		}
	}
}

func TestNormalizeGroup(t *testing.T) {
	if g, err := NormalizeGroup([]string{" 網兜 ", "网兜", "ＤＩＹ", ""}); err != nil || !slices.Equal(g, []string{"网兜", "ｄｉｙ"}) && !slices.Equal(g, []string{"网兜", "diy"}) {
		t.Errorf("normalized %q, %v", g, err)
	}
	for _, bad := range [][]string{{"网兜"}, {"网兜", "网兜"}, {"网兜", "，，"}, {"网兜", strings.Repeat("长", MaxTermRunes+1)},
		strings.Fields("a b c d e f g h i j k")} {
		if _, err := NormalizeGroup(bad); err == nil {
			t.Errorf("NormalizeGroup(%q) accepted", bad)
		}
	}
	s := WithStaff([][]string{{"滴胶", "水晶胶"}, {"bad"}})
	if !slices.Equal(s.Of("水晶胶"), []string{"滴胶"}) || !slices.Contains(s.Of("网袋"), "网兜") || s.Version() == DefaultSynonyms().Version() {
		t.Errorf("staff groups: %v", s.Groups()[len(s.Groups())-1])
	}
	var none *Synonyms
	if none.Has("网兜") || none.Of("网兜") != nil || len(none.Map()) != 0 {
		t.Error("a nil set has synonyms")
	}
}
