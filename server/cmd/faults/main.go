// Command faults runs the fault scenarios of issue 17 against a real
// server process, on a throwaway Postgres cluster it starts itself (initdb
// in a temp dir, a free loopback port) and stripe-mock: the database
// restarted under load, the server SIGKILLed mid money traffic, SIGTERM
// under load, the payment provider failing, the search index failing.
// Every scenario is bounded in time, sends traffic to loopback only and
// prints a verdict line with the invariants it checked.
//
//	go run ./server/cmd/faults [-short] [-only a,b] [-keep]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

type scenario struct {
	id, name string
	run      func(ctx context.Context, e *Env, short bool) *Result
}

var scenarios = []scenario{
	{"a", "database restarted under load", dbRestart},
	{"b", "server SIGKILLed mid money traffic", sigkill},
	{"c", "SIGTERM under load", sigterm},
	{"d", "payment provider failing", providerFaults},
	{"e", "search index unreachable", searchDown},
}

func main() {
	short := flag.Bool("short", os.Getenv("SHORT") != "", "the CI-sized run (SHORT=1 also sets it)")
	only := flag.String("only", "", "comma-separated scenario ids (a-e) to run; empty runs all")
	keep := flag.Bool("keep", false, "keep the temp dir (logs, cluster) after the run")
	flag.Parse()
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute) // a hard bound on the whole run
	defer cancel()
	e, err := NewEnv(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "faults: setup:", err)
		os.Exit(2)
	}
	defer e.Close(*keep)
	fmt.Printf("faults: Postgres %s on 127.0.0.1:%d, stripe-mock %s, work dir %s (setup %.1fs)\n",
		e.PGVersion, e.PGPort, e.StripeURL, e.Dir, time.Since(start).Seconds())
	failed := 0
	for _, s := range scenarios {
		if *only != "" && !strings.Contains(","+*only+",", ","+s.id+",") {
			continue
		}
		t0 := time.Now()
		limit := 5 * time.Minute
		if *short {
			limit = 150 * time.Second // ~40–60 s on a quiet machine; the margin is for a loaded one
		}
		sctx, scancel := context.WithTimeout(ctx, limit)
		r := s.run(sctx, e, *short)
		scancel()
		r.Print(s.id, s.name, time.Since(t0))
		if !r.OK() {
			failed++
		}
	}
	fmt.Printf("faults: %d failed, total %.1fs\n", failed, time.Since(start).Seconds())
	if failed > 0 {
		e.Close(true)
		fmt.Printf("faults: logs kept in %s\n", e.Dir)
		os.Exit(1)
	}
}
