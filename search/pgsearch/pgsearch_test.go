package pgsearch

import (
	"testing"

	"doorstep/search"
	"doorstep/search/searchtest"
	"doorstep/server/store/storetest"
)

// TestConformance runs the shared suite on a fresh, migrated database.
func TestConformance(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) search.Engine { return New(storetest.New(t).Pool) })
}
