// Package archtest checks the layering rule of docs/architecture.md:
// handlers → workflows → store / market, never back up; only the store
// touches the generated queries.
package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "doorstep/"

// workflows are the packages between the handlers (and jobs) and the store.
var workflows = []string{"server/accounts", "server/orders", "server/bidding", "server/contracts", "server/notify", "server/money",
	"server/fulfilment", "server/settlement", "server/uploads", "server/synonyms", "server/workshops"}

// forbidden lists, per package prefix, the imports it may not have.
var forbidden = map[string][]string{
	"server/market":    {"server/", "search"},
	"server/events":    {"server/store", "server/api", "server/jobs", "server/market"},
	"server/store":     append([]string{"server/api", "server/jobs"}, workflows...),
	"server/accounts":  {"server/api", "server/jobs"},
	"server/orders":    {"server/api", "server/jobs", "server/bidding", "server/contracts"},
	"server/contracts": {"server/api", "server/jobs", "server/bidding"},
	"server/bidding":   {"server/api", "server/jobs"},
	"server/notify":    {"server/api", "server/jobs", "server/orders", "server/bidding", "server/contracts", "server/accounts"},
	"server/workshops": {"server/api", "server/jobs", "server/bidding"},
	"server/jobs":      {"server/api"},
	"search":           {"server/"},
}

func TestLayers(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
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
			for prefix, bad := range forbidden {
				if pkg != prefix && !strings.HasPrefix(pkg, prefix+"/") {
					continue
				}
				if strings.HasSuffix(rel, "_test.go") && prefix != "server/market" {
					continue // tests may reach up to drive what they test
				}
				for _, b := range bad {
					if ip == b || strings.HasPrefix(ip, strings.TrimSuffix(b, "/")+"/") || (strings.HasSuffix(b, "/") && strings.HasPrefix(ip, b)) {
						t.Errorf("%s (%s) imports %s, which is above it", rel, pkg, ip)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Fatalf("checked only %d files; is the root right?", checked)
	}
}
