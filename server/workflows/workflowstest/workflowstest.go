// Package workflowstest builds the workflow set for tests through the one
// constructor, on the default configuration with any changes a test needs.
package workflowstest

import (
	"testing"

	"doorstep/server/config"
	"doorstep/server/store"
	"doorstep/server/workflows"
)

// New builds the set on st with the default configuration, changed by
// tweak (the Deps are filled in first: a tweak may replace the provider,
// the mailer or the clock).
func New(t testing.TB, st *store.Store, tweak ...func(*workflows.Deps)) *workflows.Set {
	t.Helper()
	cfg, err := config.Load(func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	cfg.UploadDir = t.TempDir()
	d := workflows.Deps{Store: st, Config: cfg}
	for _, f := range tweak {
		f(&d)
	}
	set, err := workflows.New(d)
	if err != nil {
		t.Fatal(err)
	}
	return set
}
