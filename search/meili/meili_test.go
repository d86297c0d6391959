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

// TestConformance runs the shared suite against a real Meilisearch (1.18 or
// newer) when MEILI_URL is set, each engine on an index of its own.
func TestConformance(t *testing.T) {
	url := os.Getenv("MEILI_URL")
	if url == "" {
		t.Skip("MEILI_URL is not set: no Meilisearch binary can be installed on this machine, " +
			"so the engine is checked here against request-building tests and an HTTP fake; " +
			"set MEILI_URL (and MEILI_API_KEY) to run the conformance suite on a real server")
	}
	searchtest.Run(t, func(t *testing.T) search.Engine {
		b := make([]byte, 6)
		_, _ = rand.Read(b)
		e, err := New(url, os.Getenv("MEILI_API_KEY"), "doorstep_test_"+hex.EncodeToString(b))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if err := e.wait(ctx)(e.client.DeleteIndexWithContext(ctx, e.uid)); err != nil {
				t.Logf("deleting test index %s: %v", e.uid, err)
			}
		})
		return e
	})
}
