package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"testing"

	"doorstep/search"
	"doorstep/server/api"
)

// awayEngine fails every search as an unreachable engine does.
type awayEngine struct{ search.Engine }

func (awayEngine) Search(context.Context, search.Query) (search.Result, error) {
	return search.Result{}, fmt.Errorf("%w: meili: dial tcp 127.0.0.1:7700: connection refused", search.ErrUnavailable)
}

// TestSearchEngineAwayIs503: an engine outage is 503 unavailable with
// Retry-After (the client may retry), never a 500 (fault run e's finding).
func TestSearchEngineAwayIs503(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	app := api.New(api.Options{Config: e.cfg, Store: e.st, Engine: awayEngine{}, Logger: testLogger(t)})
	r, err := app.Test(httptest.NewRequest("GET", "/api/v1/search/orders?q=%E7%BD%91%E5%85%9C", nil), -1)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	var body struct {
		Error struct{ Code, Message string }
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if r.StatusCode != 503 || body.Error.Code != "unavailable" || r.Header.Get("Retry-After") == "" {
		t.Fatalf("got %d %q Retry-After=%q, want 503 unavailable with Retry-After", r.StatusCode, body.Error.Code, r.Header.Get("Retry-After"))
	}
}
