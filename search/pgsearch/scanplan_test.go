package pgsearch

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"doorstep/search"
	"doorstep/search/searchtest"
	"doorstep/server/store/storetest"
)

// statement is one statement a search ran, with the settings its
// transaction had made before it (set_config calls).
type statement struct {
	sql      string
	args     []any
	settings []string
}

// recorder is a pgx tracer that keeps the statements searches run.
type recorder struct {
	mu       sync.Mutex
	settings map[*pgx.Conn][]string
	stmts    []statement
}

func (r *recorder) TraceQueryStart(ctx context.Context, c *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	r.mu.Lock()
	defer r.mu.Unlock()
	sql := strings.TrimSpace(d.SQL)
	lower := strings.ToLower(sql)
	switch {
	case strings.HasPrefix(lower, "begin"), lower == "commit", lower == "rollback":
		delete(r.settings, c)
	case strings.Contains(lower, "set_config("):
		r.settings[c] = append(r.settings[c], sql)
	case strings.HasPrefix(lower, "select") || strings.HasPrefix(lower, "with"):
		var args []any
		for _, a := range d.Args {
			if _, mode := a.(pgx.QueryExecMode); !mode {
				args = append(args, a)
			}
		}
		r.stmts = append(r.stmts, statement{sql, args, append([]string(nil), r.settings[c]...)})
	}
	return ctx
}

func (r *recorder) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

func (r *recorder) take() []statement {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.stmts
	r.stmts = nil
	return s
}

// planNode is the part of EXPLAIN (FORMAT JSON) the check reads.
type planNode struct {
	NodeType     string     `json:"Node Type"`
	RelationName string     `json:"Relation Name"`
	IndexName    string     `json:"Index Name"`
	IndexCond    string     `json:"Index Cond"`
	OrderBy      string     `json:"Order By"`
	Plans        []planNode `json:"Plans"`
}

// orderedPassThrough are the nodes that pass a scan's rows on in its order
// and stop when a Limit above them does.
var orderedPassThrough = map[string]bool{"Limit": true, "Incremental Sort": true, "Subquery Scan": true, "Result": true,
	"Append": true, "Merge Append": true}

// fullScans lists the scans of search_orders in a plan that read the whole
// table or a whole index of it: every sequential scan, and an index scan
// with no condition and no distance order whose rows are not cut short by a
// Limit above it (sorted, counted or hashed first).
func fullScans(n planNode, limited bool) []string {
	var out []string
	if n.RelationName == "search_orders" {
		switch n.NodeType {
		case "Seq Scan":
			out = append(out, "Seq Scan on search_orders")
		case "Index Scan", "Index Only Scan":
			if n.IndexCond == "" && n.OrderBy == "" && !limited {
				out = append(out, n.NodeType+" of all of "+n.IndexName+" then "+"a consumer that reads every row")
			}
		}
	}
	for _, c := range n.Plans {
		out = append(out, fullScans(c, (limited || n.NodeType == "Limit") && orderedPassThrough[n.NodeType])...)
	}
	return out
}

// TestNoFullScans explains every statement of every query kind the
// benchmarks time (the 16-query mix, the run-together, natural-language
// and scorecard queries) and fails when one would read all of
// search_orders: a partial match's word probes, a distance sort without a
// radius, facets of an empty query (issue 24). SEARCH_PLAN_N orders
// (default 20,000) are loaded; at a million it checks the real plans:
//
//	SEARCH_PLAN_N=1000000 go test -run TestNoFullScans -v -timeout 30m ./search/pgsearch/
func TestNoFullScans(t *testing.T) {
	n := 20000
	if v, err := strconv.Atoi(os.Getenv("SEARCH_PLAN_N")); err == nil && v > 0 {
		n = v
	}
	if testing.Short() {
		n = 5000
	}
	ctx := context.Background()
	cfg, err := pgxpool.ParseConfig(storetest.NewURL(t))
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{settings: map[*pgx.Conn][]string{}}
	cfg.ConnConfig.Tracer = rec
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	e := New(pool)
	if err := e.Reindex(ctx, searchtest.Synthetic(n, 1)); err != nil {
		t.Fatal(err)
	}
	rec.take()

	var kinds []struct {
		name string
		q    search.Query
	}
	kinds = append(append(append(kinds, benchMix()...), naturalMix()...), scoreMix()...)
	partial := 0
	for _, k := range kinds {
		res, err := e.Search(ctx, k.q)
		if err != nil {
			t.Fatalf("%s: %v", k.name, err)
		}
		if res.Match == search.MatchPartial {
			partial++
		}
		stmts := rec.take()
		if len(stmts) == 0 {
			t.Fatalf("%s: no statement recorded", k.name)
		}
		for _, s := range stmts {
			plan, err := explain(ctx, pool, s)
			if err != nil {
				t.Fatalf("%s: explain %s: %v", k.name, s.sql, err)
			}
			if bad := fullScans(plan, false); len(bad) > 0 {
				t.Errorf("%s reads all of search_orders (%s):\n%s\nsettings %v", k.name, strings.Join(bad, "; "), s.sql, s.settings)
			}
		}
	}
	if partial == 0 {
		t.Fatal("no query kind was answered as a partial match: the probes went unchecked")
	}
}

// explain plans s as it ran: in a transaction with its settings.
func explain(ctx context.Context, pool *pgxpool.Pool, s statement) (planNode, error) {
	var plan []struct {
		Plan planNode `json:"Plan"`
	}
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		for _, set := range s.settings {
			if _, err := tx.Exec(ctx, set, pgx.QueryExecModeExec); err != nil {
				return err
			}
		}
		var raw []byte
		if err := tx.QueryRow(ctx, "EXPLAIN (FORMAT JSON) "+s.sql, append([]any{pgx.QueryExecModeExec}, s.args...)...).Scan(&raw); err != nil {
			return err
		}
		return json.Unmarshal(raw, &plan)
	})
	if err != nil {
		return planNode{}, err
	}
	if len(plan) != 1 {
		return planNode{}, fmt.Errorf("%d plans", len(plan))
	}
	return plan[0].Plan, nil
}
