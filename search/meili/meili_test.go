package meili

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"doorstep/search"
	"doorstep/search/searchtest"
)

// realIndex returns an index on the Meilisearch at MEILI_URL with a unique
// uid, deleted when the test ends; it skips the test without MEILI_URL.
func realIndex[E any](t *testing.T, prefix string, open func(url, key, uid string) (E, error), x func(E) *index) E {
	url := os.Getenv("MEILI_URL")
	if url == "" {
		t.Skip("MEILI_URL is not set: no Meilisearch binary can be installed on this machine, " +
			"so the engine is checked here against request-building tests and an HTTP fake; " +
			"set MEILI_URL (and MEILI_API_KEY) to run the conformance suite on a real server")
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	e, err := open(url, os.Getenv("MEILI_API_KEY"), prefix+hex.EncodeToString(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := x(e).wait(ctx)(x(e).client.DeleteIndexWithContext(ctx, x(e).uid)); err != nil {
			t.Logf("deleting test index %s: %v", x(e).uid, err)
		}
	})
	return e
}

// TestConformance runs the shared suites against a real Meilisearch (1.18 or
// newer) when MEILI_URL is set, each engine on an index of its own.
func TestConformance(t *testing.T) {
	if os.Getenv("MEILI_URL") == "" {
		realIndex(t, "", New, func(e *Engine) *index { return e.index }) // skips, saying why
	}
	searchtest.Run(t, func(t *testing.T) search.Engine {
		return realIndex(t, "doorstep_test_", New, func(e *Engine) *index { return e.index })
	})
}

func TestWorkshopConformance(t *testing.T) {
	if os.Getenv("MEILI_URL") == "" {
		realIndex(t, "", NewWorkshops, func(w *Workshops) *index { return w.index })
	}
	searchtest.RunWorkshops(t, func(t *testing.T) search.WorkshopEngine {
		return realIndex(t, "doorstep_test_workshops_", NewWorkshops, func(w *Workshops) *index { return w.index })
	})
}
