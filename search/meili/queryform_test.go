package meili

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"doorstep/search"
	"doorstep/search/searchtest"
)

// bigramForm is how queries were sent before issue 16: the query's CJK
// bigrams and words, single CJK characters last (kept here to measure it;
// the old code did not fold traditional characters, search.Tokens now does).
func bigramForm(q string) string {
	toks := search.Tokens(q)
	single := func(tok string) int {
		r, n := utf8.DecodeRuneInString(tok)
		if n == len(tok) && unicode.Is(unicode.Han, r) {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(toks, func(a, b string) int { return single(a) - single(b) })
	return strings.Join(toks, " ")
}

// TestQueryForm: what Meilisearch is sent, before and after. The words form
// is the query's dictionary words (search.Analyze): no bigram across two
// words (工串, 质手), never more than ten words as Meilisearch reads them.
func TestQueryForm(t *testing.T) {
	for _, c := range []struct{ q, before, after string }{
		{"编织网兜", "编织 织网 网兜", "编织 网兜"},
		{"手工串珠饰品", "手工 工串 串珠 珠饰 饰品", "手工 串珠 饰品"},
		{"木质手绘", "木质 质手 手绘", "木质 手绘"},
		{"剪紙窗花", "剪纸 纸窗 窗花", "剪纸 窗花"},
		{"十字绣抱枕套", "十字 字绣 绣抱 抱枕 枕套", "十字绣 抱 枕套"},
		{"编织超市水果网兜来料加工", "编织 织超 超市 市水 水果 果网 网兜 兜来 来料 料加 加工", "编织 超市 水果 网兜 来料加工"},
		// operators and filter syntax are separators: never sent
		{`"网兜" OR -剪纸`, "网兜 or 剪纸", "网兜 or 剪纸"},
		{`_geoRadius(1, 2, 3)`, "georadius 1 2 3", "georadius 1 2 3"},
		{"'; DROP TABLE x; --", "drop table x", "drop table x"},
		{"\xff\xfe", "", ""},
		{strings.Repeat("a b ", 10000), "a b", "a b"},
		{strings.Repeat("编", 10000), "编编", "编编编编编编编编编编"}, // ten words, as Meilisearch reads it
	} {
		if got := bigramForm(c.q); got != c.before {
			t.Errorf("before %.30q: %q, want %q", c.q, got, c.before)
		}
		got := search.Analyze(c.q, search.DefaultSynonyms()).Text()
		if got != c.after {
			t.Errorf("after %.30q: %q, want %q", c.q, got, c.after)
		}
		if n := len(search.MeiliWords(got)); n > search.MaxQueryWords {
			t.Errorf("%.30q sends %d words, Meilisearch reads %d", c.q, n, search.MaxQueryWords)
		}
	}
}

// meiliModel is a model of Meilisearch's "all words" matching, enough to
// compare query forms on the conformance suite's Chinese cases: document
// words are the searchable attributes' words as charabia reads them
// (search.MeiliWords, the same dictionary); a query word matches a
// document word exactly, the last one also as a prefix; two or three
// neighbouring query words may match as one word (Meilisearch's n-grams);
// a word or n-gram that is a synonym may match as any of its synonyms.
// Typos are off for Chinese attributes, as in the settings. It is a model,
// not the server: TestConformance with MEILI_URL is the real check.
type meiliModel struct {
	syn    *search.Synonyms
	docs   map[string]map[string]bool // id → its words
	tokens map[string]map[string]bool // id → its CJK bigrams and words (the cjk fields)
}

func newModel(s *spec, syn *search.Synonyms, docs map[string]any) meiliModel {
	m := meiliModel{syn: syn, docs: map[string]map[string]bool{}, tokens: map[string]map[string]bool{}}
	for id, d := range docs {
		raw, _ := json.Marshal(d)
		var fields map[string]any
		_ = json.Unmarshal(raw, &fields)
		words := map[string]bool{}
		for _, attr := range s.searchable {
			var texts []string
			switch v := fields[attr].(type) {
			case string:
				texts = []string{v}
			case []any:
				for _, x := range v {
					texts = append(texts, x.(string))
				}
			}
			for _, text := range texts {
				for _, w := range search.MeiliWords(text) {
					words[w] = true
				}
			}
		}
		m.docs[id] = words
		m.tokens[id] = map[string]bool{}
		for _, attr := range []string{"cjk_title", "cjk_name", "cjk"} {
			if v, ok := fields[attr].(string); ok {
				for _, tok := range strings.Fields(v) {
					m.tokens[id][tok] = true
				}
			}
		}
	}
	return m
}

// phrases is the third form the issue proposed: every bigram sent as a
// quoted phrase, which Meilisearch finds as neighbouring words of the cjk
// fields, so a document matches when it holds every bigram (and no
// synonym or prefix applies inside a phrase).
func (m meiliModel) phrases(q string) []string {
	var out []string
	for id, toks := range m.tokens {
		if !slices.ContainsFunc(search.Tokens(q), func(t string) bool { return !toks[t] }) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

func (m meiliModel) search(q string) []string {
	qw := search.MeiliWords(q)
	qw = qw[:min(len(qw), search.MaxQueryWords)]
	var out []string
	for id, words := range m.docs {
		if m.matches(qw, words) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

func (m meiliModel) matches(qw []string, words map[string]bool) bool {
	has := func(w string, prefix bool) bool {
		if words[w] {
			return true
		}
		for d := range words {
			if prefix && strings.HasPrefix(d, w) {
				return true
			}
		}
		return false
	}
	term := func(i, j int) bool {
		w := strings.Join(qw[i:j], "")
		if has(w, j == len(qw) && j-i == 1) {
			return true
		}
		for _, alt := range m.syn.Of(w) {
			if !slices.ContainsFunc(search.MeiliWords(alt), func(a string) bool { return !words[a] }) {
				return true
			}
		}
		return false
	}
	ok := make([]bool, len(qw)+1)
	ok[len(qw)] = true
	for i := len(qw) - 1; i >= 0; i-- {
		for l := 1; l <= 3 && i+l <= len(qw); l++ {
			if ok[i+l] && term(i, i+l) {
				ok[i] = true
				break
			}
		}
	}
	return ok[0]
}

// TestQueryFormModel measures both query forms on the suite's Chinese text
// cases with the model: the words form must agree with the expected
// results at least as often as the bigram form did, and the figures are
// logged for the record (go test -v -run QueryFormModel ./search/meili/).
func TestQueryFormModel(t *testing.T) {
	syn := search.DefaultSynonyms()
	orderDocs, workshopDocs := map[string]any{}, map[string]any{}
	for _, d := range searchtest.Fixtures() {
		orderDocs[d.ID] = toDocument(d)
	}
	for _, d := range searchtest.WorkshopFixtures() {
		workshopDocs[d.ID] = toWorkshopDocument(d)
	}
	type suite struct {
		name  string
		model meiliModel
		cases []searchtest.TextCase
	}
	agree := map[string]int{}
	total := 0
	for _, s := range []suite{
		{"orders", newModel(orders, syn, orderDocs), searchtest.OrderTextCases()},
		{"workshops", newModel(workshops, syn, workshopDocs), searchtest.WorkshopTextCases()},
	} {
		for _, c := range s.cases {
			if !strings.ContainsFunc(c.Q, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				continue
			}
			total++
			want := slices.Sorted(slices.Values(c.Want))
			words := search.Analyze(c.Q, syn).Text()
			for form, got := range map[string][]string{"bigrams": s.model.search(bigramForm(c.Q)),
				"quoted bigrams": s.model.phrases(c.Q), "words": s.model.search(words)} {
				if slices.Equal(got, want) || len(got) == 0 && len(want) == 0 {
					agree[form]++
				} else {
					t.Logf("%s, %s form, %q: %d documents, want %d", s.name, form, c.Q, len(got), len(want))
				}
			}
		}
	}
	t.Logf("Chinese cases agreeing with the suite: bigrams %d/%d, quoted bigrams %d/%d, words %d/%d",
		agree["bigrams"], total, agree["quoted bigrams"], total, agree["words"], total)
	if agree["words"] < max(agree["bigrams"], agree["quoted bigrams"]) {
		t.Errorf("the words form agrees less often than a bigram form")
	}
}

// TestQueryFormRealistic compares, on the realistic marketplace and its 50
// queries (searchtest.Realistic), what the model of Meilisearch finds with
// each query form against the rule both engines promise (every word, or
// one of its synonyms, in the order's bigrams): queries answered exactly
// alike, documents found that lack a word (precision) and documents missed.
func TestQueryFormRealistic(t *testing.T) {
	syn := search.DefaultSynonyms()
	docs := map[string]any{}
	tokens := map[string]map[string]bool{}
	for _, d := range searchtest.Realistic() {
		doc := toDocument(d)
		docs[d.ID] = doc
		tokens[d.ID] = map[string]bool{}
		for _, tok := range strings.Fields(doc.CJKTitle + " " + doc.CJK) {
			tokens[d.ID][tok] = true
		}
	}
	m := newModel(orders, syn, docs)
	promised := func(q string) []string {
		var out []string
		for id, toks := range tokens {
			has := func(tok string) bool {
				if toks[tok] {
					return true
				}
				for d := range toks {
					if utf8.RuneCountInString(tok) == 1 && strings.HasPrefix(d, tok) {
						return true
					}
				}
				return false
			}
			all := true
			for _, w := range search.Analyze(q, syn).Words {
				ok := slices.ContainsFunc(w.Around, has)
				for _, v := range w.Variants {
					ok = ok || !slices.ContainsFunc(search.Tokens(v), func(t string) bool { return !has(t) })
				}
				all = all && ok
			}
			if all {
				out = append(out, id)
			}
		}
		slices.Sort(out)
		return out
	}
	type score struct{ same, extra, missed int }
	scores := map[string]*score{"bigrams": {}, "words": {}}
	for _, q := range searchtest.RealisticQueries {
		want := promised(q)
		for form, text := range map[string]string{"bigrams": bigramForm(q), "words": search.Analyze(q, syn).Text()} {
			got, s := m.search(text), scores[form]
			if slices.Equal(got, want) {
				s.same++
			} else {
				t.Logf("%s form %q (sent %q): %d documents, the rule gives %d", form, q, text, len(got), len(want))
			}
			for _, id := range got {
				if !slices.Contains(want, id) {
					s.extra++
				}
			}
			for _, id := range want {
				if !slices.Contains(got, id) {
					s.missed++
				}
			}
		}
	}
	for _, form := range []string{"bigrams", "words"} {
		s := scores[form]
		t.Logf("%s form: %d of %d queries alike, %d documents found without a word, %d missed",
			form, s.same, len(searchtest.RealisticQueries), s.extra, s.missed)
	}
	if w, b := scores["words"], scores["bigrams"]; w.same < b.same {
		t.Errorf("the words form answers fewer queries like the Postgres engine than the bigram form")
	}
}
