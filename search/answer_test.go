package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestAnswer checks the partial fallback's choice of words with a probe
// over a fixed "index" of word sets, and the total cap.
func TestAnswer(t *testing.T) {
	docs := [][]string{{"编织", "网兜", "滨州"}, {"剪纸", "窗花"}, {"香包"}}
	has := func(a Analysis) int {
		n := 0
		for _, d := range docs {
			if !slices.ContainsFunc(a.Texts(), func(w string) bool { return !slices.Contains(d, w) }) {
				n++
			}
		}
		return n
	}
	for _, c := range []struct {
		q, match, matched string
		probes            int
	}{
		{"编织 网兜", MatchAll, "编织 网兜", 0},
		{"编织 上海", MatchPartial, "编织", 1},       // singles only: 编织 lives
		{"剪纸 香包", MatchPartial, "剪纸", 1},       // both live alone: the first
		{"编织 网兜 上海", MatchPartial, "编织 网兜", 2}, // singles, then the two that live
		{"编织 剪纸 香包", MatchAll, "编织 剪纸 香包", 2},  // every pair is empty and one word is below half
		{"上海 北京", MatchAll, "上海 北京", 1},
		{"上海", MatchAll, "上海", 0}, // one word: no fallback
	} {
		probes := 0
		res, err := Answer(context.Background(), Analyze(c.q, nil),
			func(_ context.Context, a Analysis) (Page[string], error) { return Page[string]{Total: has(a)}, nil },
			func(_ context.Context, sets []Analysis) ([]bool, error) {
				probes++
				out := make([]bool, len(sets))
				for i, s := range sets {
					out[i] = has(s) > 0
				}
				return out, nil
			})
		if err != nil || res.Match != c.match || strings.Join(res.MatchedWords, " ") != c.matched || probes != c.probes ||
			strings.Join(res.Words, " ") != c.q {
			t.Errorf("%s: %s on %q of %q after %d probes (%v), want %s on %q after %d", c.q, res.Match, res.MatchedWords, res.Words,
				probes, err, c.match, c.matched, c.probes)
		}
	}
	boom := errors.New("down")
	_, err := Answer(context.Background(), Analyze("编织 上海", nil),
		func(context.Context, Analysis) (Page[string], error) { return Page[string]{}, nil },
		func(context.Context, []Analysis) ([]bool, error) { return nil, boom })
	if !errors.Is(err, boom) {
		t.Errorf("probe error: %v", err)
	}
	for total, exact := range map[int]bool{0: true, 9999: true, MaxResultWindow: false, 250000: false} {
		res, _ := Answer(context.Background(), Analysis{},
			func(context.Context, Analysis) (Page[string], error) { return Page[string]{Total: total}, nil }, nil)
		if res.Total != min(total, MaxResultWindow) || res.TotalExact != exact {
			t.Errorf("total %d: %d exact %v", total, res.Total, res.TotalExact)
		}
	}
}

func TestCombinations(t *testing.T) {
	got := combinations([]int{1, 3, 5, 7}, 2, 100)
	want := [][]int{{1, 3}, {1, 5}, {1, 7}, {3, 5}, {3, 7}, {5, 7}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("combinations = %v", got)
	}
	if got := combinations([]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 5, 32); len(got) != 32 {
		t.Errorf("limit: %d", len(got))
	}
}
