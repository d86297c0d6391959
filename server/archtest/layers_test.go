// Package archtest checks the layering rule of docs/architecture.md:
// handlers → workflows → store / market, never back up; only the store
// touches the generated queries.
package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "doorstep/"

// may is the allow-list of docs/architecture.md: for every package of the
// module, the module packages its (non-test) files may import. A package
// without an entry fails the test, so a new package takes its place in the
// layers before it is used, and which workflow may call which is written
// here, not discovered. Read it bottom-up.
var may = map[string][]string{
	// The bottom: pure domain rules and self-contained adapters.
	"server/market":   {},
	"server/auth":     {},
	"server/blob":     {},
	"server/config":   {},
	"server/events":   {},
	"server/mail":     {},
	"server/payments": {}, // the only importer of stripe-go
	"migrations":      {},
	"search":          {},
	"search/meili":    {"search"},
	"search/pgsearch": {"search"},
	// The store: SQL (the generated dbq) and the events a write records.
	"server/store":     {"migrations", "server/events", "server/market", "server/store/dbq"},
	"server/store/dbq": {"server/market"}, // typed statuses (sqlc.yaml overrides)
	// access: a row and market's policy on it, for the workflows.
	"server/access": {"server/market", "server/store"},
	// The workflows, each with the workflows it may call.
	"server/notify":      {"server/events", "server/market", "server/store"},
	"server/uploads":     {"server/access", "server/blob", "server/config", "server/market", "server/store"},
	"server/synonyms":    {"search", "server/market", "server/store"},
	"server/workshopops": {"server/access", "server/market", "server/store"},
	"server/accounts":    {"server/auth", "server/mail", "server/market", "server/notify", "server/store"},
	"server/orders":      {"server/access", "server/market", "server/notify", "server/store", "server/uploads"},
	"server/money":       {"server/access", "server/config", "server/events", "server/market", "server/notify", "server/payments", "server/store"},
	"server/contracts":   {"server/access", "server/market", "server/money", "server/notify", "server/orders", "server/store"},
	"server/fulfilment":  {"server/access", "server/events", "server/market", "server/money", "server/notify", "server/store", "server/uploads"},
	"server/settlement":  {"server/access", "server/market", "server/money", "server/notify", "server/store"},
	"server/bidding": {"server/access", "server/contracts", "server/market", "server/notify", "server/orders", "server/settlement",
		"server/store"},
	// workflows.New: the one constructor of every workflow.
	"server/workflows": {"server/accounts", "server/auth", "server/bidding", "server/blob", "server/config", "server/contracts",
		"server/fulfilment", "server/mail", "server/money", "server/notify", "server/orders", "server/payments", "server/settlement",
		"server/store", "server/synonyms", "server/uploads", "server/workshopops"},
	// The entry points: HTTP handlers and River workers call workflows.
	"server/api": {"search", "search/pgsearch", "server/accounts", "server/auth", "server/bidding", "server/blob", "server/config",
		"server/contracts", "server/fulfilment", "server/mail", "server/market", "server/money", "server/notify", "server/orders",
		"server/payments", "server/settlement", "server/store", "server/synonyms", "server/uploads", "server/workflows", "server/workshopops"},
	"server/jobs": {"search", "server/contracts", "server/events", "server/fulfilment", "server/mail", "server/market", "server/money",
		"server/orders", "server/settlement", "server/store", "server/uploads", "server/workflows"},
	"server/debug": {"search"},
	// The program and its tools.
	"server": {"search", "search/meili", "search/pgsearch", "server/accounts", "server/api", "server/blob", "server/config",
		"server/debug", "server/jobs", "server/mail", "server/money", "server/payments", "server/seed", "server/seed/scale",
		"server/store", "server/synonyms", "server/workflows"},
	"server/seed": {"server/accounts", "server/auth", "server/fulfilment", "server/market", "server/money", "server/orders",
		"server/settlement", "server/store", "server/workflows", "server/workshopops"},
	"server/seed/scale":  {"server/accounts", "server/auth", "server/market", "server/store"},
	"server/cmd/openapi": {"server/api"},
	"server/cmd/faults":  {"server/jobs", "server/payments", "server/store"},
	"server/cmd/load":    {},
	// Test support.
	"server/store/storetest":         {"migrations", "server/store"},
	"server/workflows/workflowstest": {"server/config", "server/store", "server/workflows"},
	"server/payments/stripetest":     {},
	"server/mail/mailtest":           {},
	"search/searchtest":              {"search"},
	"server/archtest":                {},
	"scripts":                        {},
}

func TestLayers(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	unknown := map[string]bool{}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		pkg := filepath.ToSlash(filepath.Dir(rel))
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		for _, imp := range f.Imports {
			ip, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(ip, "github.com/stripe/stripe-go") && pkg != "server/payments" && !strings.HasSuffix(rel, "_test.go") {
				t.Errorf("%s imports stripe-go; only server/payments may", rel)
			}
			if !strings.HasPrefix(ip, module) {
				continue
			}
			ip = strings.TrimPrefix(ip, module)
			if strings.HasPrefix(ip, "server/store/dbq") && !strings.HasPrefix(pkg, "server/store") {
				t.Errorf("%s imports the generated queries; only server/store may", rel)
			}
			if strings.HasSuffix(rel, "_test.go") && pkg != "server/market" {
				continue // tests may reach up to drive what they test; market's stay pure
			}
			allowed, known := may[pkg]
			if !known {
				unknown[pkg] = true
				continue
			}
			if !slices.Contains(allowed, ip) {
				t.Errorf("%s (%s) imports %s, which the allow-list does not give it (layers_test.go: may)", rel, pkg, ip)
			}
		}
		if _, known := may[pkg]; !known && !strings.HasSuffix(rel, "_test.go") {
			unknown[pkg] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for pkg := range unknown {
		t.Errorf("package %s has no entry in the allow-list (layers_test.go: may): say what it may import", pkg)
	}
	if checked < 100 {
		t.Fatalf("checked only %d files; is the root right?", checked)
	}
}
