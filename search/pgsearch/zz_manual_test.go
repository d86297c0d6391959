package pgsearch

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/search/searchtest"
)

func TestZZLoadManual(t *testing.T) {
	url := os.Getenv("LOAD_URL")
	if url == "" {
		t.Skip()
	}
	pool, err := pgxpool.New(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if err := New(pool).Reindex(context.Background(), searchtest.Synthetic(100000, 1)); err != nil {
		t.Fatal(err)
	}
}

func TestZZExplain(t *testing.T) {
	url := os.Getenv("LOAD_URL")
	if url == "" {
		t.Skip()
	}
	pool, err := pgxpool.New(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	want := os.Getenv("ONLY")
	for _, m := range benchMix() {
		if want != "" && !strings.Contains(m.name, want) {
			continue
		}
		p := buildPlan(m.q.WithDefaults())
		for _, s := range []struct {
			sql  string
			args []any
		}{{p.page, p.pageArgs}, {p.facets, p.facetArgs}} {
			var out []string
			for range 3 {
				out = nil
				rows, err := pool.Query(context.Background(), "EXPLAIN (ANALYZE, BUFFERS) "+s.sql, s.args...)
				if err != nil {
					t.Fatal(err)
				}
				for rows.Next() {
					var l string
					rows.Scan(&l)
					out = append(out, l)
				}
			}
			fmt.Printf("==== %s\n%s\n%s\n", m.name, s.sql, strings.Join(out, "\n"))
		}
	}
}
