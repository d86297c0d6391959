package store_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryForwardIsCalled: each method scripts/gen-store-forwards.py writes
// into queries.go is called by product code outside the store (tests do not
// count). A forward nothing calls is a query nothing needs: delete it from
// queries/*.sql and run `make generate`. The check is by name, so a method
// of another type with the same name hides a dead forward; it never flags a
// live one.
func TestEveryForwardIsCalled(t *testing.T) {
	t.Parallel()
	forwards := map[string]bool{}
	gen, err := parser.ParseFile(token.NewFileSet(), "queries.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range gen.Decls {
		if f, ok := d.(*ast.FuncDecl); ok && f.Recv != nil {
			forwards[f.Name.Name] = false
		}
	}
	if len(forwards) < 50 {
		t.Fatalf("found only %d forwards in queries.go", len(forwards))
	}

	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") || rel == "server/store" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if s, ok := n.(*ast.SelectorExpr); ok {
				if _, known := forwards[s.Sel.Name]; known {
					forwards[s.Sel.Name] = true
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, called := range forwards {
		if !called {
			t.Errorf("store.DB.%s (queries.go) is called by nothing outside server/store", name)
		}
	}
}
