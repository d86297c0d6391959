package scale

import (
	"math/rand/v2"

	"github.com/google/uuid"
)

// table is the rows of one table, in the column order of cols, ready for
// COPY. identity marks a GENERATED ALWAYS id column in cols (copied through
// a staging table, since COPY cannot override one).
type table struct {
	name     string
	cols     []string
	rows     [][]any
	identity bool
}

func (t *table) add(vals ...any) { t.rows = append(t.rows, vals) }

// rng is the generator's only source of randomness: one PCG stream per
// seed, so a seed (and a base time) gives the same marketplace every time.
type rng struct{ *rand.Rand }

func newRNG(seed uint64) rng { return rng{rand.New(rand.NewPCG(seed, 0x646f6f7273746570))} }

func (r rng) uuid() uuid.UUID {
	var u uuid.UUID
	a, b := r.Uint64(), r.Uint64()
	for i := range 8 {
		u[i], u[8+i] = byte(a>>(8*i)), byte(b>>(8*i))
	}
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return u
}

func pick[T any](r rng, xs []T) T { return xs[r.IntN(len(xs))] }

// between is a uniform integer in [lo, hi].
func (r rng) between(lo, hi int64) int64 {
	if hi <= lo {
		return lo
	}
	return lo + r.Int64N(hi-lo+1)
}

// chance is true with probability pct/100.
func (r rng) chance(pct int) bool { return r.IntN(100) < pct }

// weighted picks an index with the given weights.
func (r rng) weighted(w []int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	n := r.IntN(total)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	return len(w) - 1
}
