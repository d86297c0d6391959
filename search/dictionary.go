package search

import (
	"math"
	"runtime/debug"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// dictionary is jieba's simplified-Chinese dictionary exactly as gse reads
// it, kept compactly. gse's double-array trie and token structs hold about
// 130 MB of heap for its 350,000 words for the life of the process, which
// alone was most of a server's memory; sorted words in one string, their
// ends and frequencies hold about 9 MB. A query cuts a few short runs, so
// binary search is fast enough (a few µs a run).
type dictionary struct {
	words    string    // every word, sorted bytewise, concatenated
	ends     []uint32  // word i is words[ends[i-1]:ends[i]]
	freqs    []float64 // jieba's counts
	logTotal float64   // log of the sum of all counts, as gse sums them
}

// loadDictionary lets gse read its embedded dictionary (so parsing rules,
// duplicates and frequency fixes stay gse's), copies the words out and
// hands gse's structures back to the operating system.
func loadDictionary() *dictionary {
	var g gse.Segmenter
	g.SkipLog = true
	if err := g.LoadDictEmbed("zh_s"); err != nil {
		panic("search: gse dictionary: " + err.Error()) // embedded: cannot fail unless the module is broken
	}
	d := compact(g.Dict)
	g = gse.Segmenter{}
	debug.FreeOSMemory()
	return d
}

func compact(gd *gse.Dictionary) *dictionary {
	type entry struct {
		word string
		freq float64
	}
	entries := make([]entry, len(gd.Tokens))
	size := 0
	for i := range gd.Tokens {
		t := &gd.Tokens[i]
		entries[i] = entry{t.Text(), t.Freq()}
		size += len(entries[i].word)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].word < entries[j].word })
	var b strings.Builder
	b.Grow(size)
	d := &dictionary{ends: make([]uint32, len(entries)), freqs: make([]float64, len(entries)), logTotal: math.Log(gd.TotalFreq())}
	for i, e := range entries {
		b.WriteString(e.word)
		d.ends[i] = uint32(b.Len())
		d.freqs[i] = e.freq
	}
	d.words = b.String()
	return d
}

func (d *dictionary) word(i int) string {
	start := uint32(0)
	if i > 0 {
		start = d.ends[i-1]
	}
	return d.words[start:d.ends[i]]
}

// find answers as gse's Dictionary.Find does: ok when w is a word or the
// beginning of one; freq is w's count, 0 when it only begins longer words.
func (d *dictionary) find(w string) (freq float64, ok bool) {
	if w == "" {
		return 0, false
	}
	i := sort.Search(len(d.ends), func(i int) bool { return d.word(i) >= w })
	if i == len(d.ends) {
		return 0, false
	}
	got := d.word(i)
	if got == w {
		return d.freqs[i], true
	}
	return 0, strings.HasPrefix(got, w)
}

// cut is gse's Cut(text, false): jieba's most probable path through the
// graph of dictionary words, without HMM for unknown runs. It follows gse's
// dag.go line by line (including its tie-breaks and its treatment of a
// character that only begins longer words), so that the words, and with
// them the agreement with Meilisearch, do not change; a test compares the
// two on every dictionary word and on generated runs.
func (d *dictionary) cut(text string) []string {
	runes := []rune(strings.ToLower(text))
	n := len(runes)
	score := make([]float64, n+1) // score[n] = 0: the end
	last := make([]int, n+1)      // the word from idx ends at last[idx]
	for idx := n - 1; idx >= 0; idx-- {
		first := true
		for _, i := range d.wordEnds(runes, idx) {
			freq, ok := d.find(string(runes[idx : i+1]))
			if !ok {
				freq = 1
			}
			f := math.Log(freq) - d.logTotal + score[i+1]
			if first || score[idx] < f || (score[idx] == f && last[idx] < i) {
				score[idx], last[idx], first = f, i, false
			}
		}
	}
	var out, buf []string
	for x := 0; x < n; {
		y := last[x] + 1
		frag := string(runes[x:y])
		if y-x == 1 && isASCIIAlnum(runes[x]) {
			buf = append(buf, frag) // gse glues single Latin letters and digits together
		} else {
			if len(buf) > 0 {
				out = append(out, strings.Join(buf, ""))
				buf = buf[:0]
			}
			out = append(out, frag)
		}
		x = y
	}
	if len(buf) > 0 {
		out = append(out, strings.Join(buf, ""))
	}
	return out
}

// wordEnds lists where dictionary words starting at k end (inclusive), or
// k alone when none does: gse's getDag for one position.
func (d *dictionary) wordEnds(runes []rune, k int) []int {
	var ends []int
	for i := k; i < len(runes); i++ {
		freq, ok := d.find(string(runes[k : i+1]))
		if !ok {
			break
		}
		if freq > 0 {
			ends = append(ends, i)
		}
	}
	if len(ends) == 0 {
		ends = append(ends, k)
	}
	return ends
}

func isASCIIAlnum(r rune) bool {
	return r < utf8.RuneSelf && ('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
}
