package api_test

import (
	"context"
	"encoding/json"
	"maps"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// A scenario is one HTTP call and what must come back, in the style of
// pocketbase's ApiScenario. Each handler file has a table of them
// (<file>_test.go, func <area>Routes); TestRouteScenarios runs every table
// and then checks that every route of the route table was called by one.
type scenario struct {
	name   string // optional; the subtest is named "<caller> <method> <url>" anyway
	as     string // the caller: a key of the fixture's accounts; "" is anonymous
	method string
	url    string            // {placeholders} are the world's vars
	body   any               // JSON (placeholders expanded), []byte sent as is, or func(*world) any
	header map[string]string // placeholders expanded

	before func(w *world) // runs first: vars or rows the call needs

	want      int
	fragments []string          // each must be in the response body (placeholders expanded)
	absent    []string          // none may be
	notified  []string          // "caller:kind": the call tells that caller's organisation
	jobs      []string          // River job kinds (events) the call enqueues
	save      map[string]string // var ← path in the response ("id", "items.0.id")
	check     func(w *world, r resp)
}

// routeTable is one handler file's scenarios, run in order on one world.
// setup builds that world; a table without one runs in a tableGroup.
type routeTable struct {
	name      string
	setup     func(t *testing.T) *world
	scenarios []scenario
}

// tableGroup is tables that run one after another on one world, so they
// share one database (its clone is most of a table's time). A table in a
// group builds what it needs with its own scenarios and asserts nothing
// another table of the group could change.
type tableGroup struct {
	name   string
	setup  func(t *testing.T) *world
	tables []routeTable
}

// alone is a table with its own world.
func alone(tb routeTable) tableGroup {
	return tableGroup{name: tb.name, setup: tb.setup, tables: []routeTable{tb}}
}

// plainWorld is newFixture's marketplace: companies A (owner, member) and
// B (other), workshop W, a moderator and an admin.
func plainWorld(t *testing.T) *world { return newWorld(newFixture(t), nil) }

// world is the state a table runs on: a fixture and the ids it names.
type world struct {
	*fixture
	vars map[string]string
}

// newWorld names the fixture's organisations {A}, {B} (companies), {W}
// (workshop) and {W2} when there is a second workshop; setup adds more.
func newWorld(f *fixture, vars map[string]string) *world {
	w := &world{fixture: f, vars: map[string]string{"A": f.as["owner"].orgID, "B": f.as["other"].orgID, "W": f.as["workshop"].orgID,
		"nil": "00000000-0000-0000-0000-000000000000"}}
	if a, ok := f.as["workshop2"]; ok {
		w.vars["W2"] = a.orgID
	}
	for k, v := range vars {
		w.vars[k] = v
	}
	return w
}

var placeholder = regexp.MustCompile(`\{[A-Za-z0-9_]+\}`)

func (w *world) expand(s string) string {
	w.t.Helper()
	return placeholder.ReplaceAllStringFunc(s, func(p string) string {
		v, ok := w.vars[p[1:len(p)-1]]
		if !ok {
			w.t.Fatalf("unknown placeholder %s in %q (an earlier scenario did not save it?)", p, s)
		}
		return v
	})
}

func (w *world) body(b any) any {
	if f, ok := b.(func(*world) any); ok {
		b = f(w)
	}
	switch b := b.(type) {
	case nil, []byte:
		return b
	case string:
		return w.expand(b)
	default:
		raw, err := json.Marshal(b)
		must(w.t, err)
		return w.expand(string(raw))
	}
}

func (sc scenario) title() string {
	as := sc.as
	if as == "" {
		as = "anon"
	}
	if sc.name != "" {
		return as + " " + sc.name
	}
	return as + " " + sc.method + " " + sc.url
}

// run makes the call through the harness (which validates the response
// against the OpenAPI document), records which route it reached and checks
// what the scenario expects.
func (w *world) run(sc scenario, cov *coverage) {
	t := w.t
	t.Helper()
	if sc.before != nil {
		sc.before(w)
	}
	token := ""
	if sc.as != "" {
		a, ok := w.as[sc.as]
		if !ok {
			t.Fatalf("unknown caller %q", sc.as)
		}
		token = a.token
	}
	path, body := w.expand(sc.url), w.body(sc.body)
	header := map[string]string{}
	for k, v := range sc.header {
		header[k] = w.expand(v)
	}
	hr := httptest.NewRequest(sc.method, path, nil)
	route, ok := routeFor(sc.method, hr.URL.Path)
	if !ok {
		t.Fatalf("%s %s is no route of the route table", sc.method, path)
	}
	if _, _, err := contractRouter(t).FindRoute(hr); err != nil {
		t.Fatalf("%s %s is not in the OpenAPI document, so its answer would go unchecked: %v", sc.method, path, err)
	}
	notified := w.counts(sc.notified, w.notifications)
	jobs := w.counts(sc.jobs, w.jobCount)

	r := w.do(req{method: sc.method, path: path, body: body, token: token, header: header})
	cov.record(route, sc.as, r.status)

	if r.status != sc.want {
		t.Fatalf("status %d, want %d: %.1500s", r.status, sc.want, r.raw)
	}
	if r.status >= 400 && r.str("error.code") == "" {
		t.Errorf("an error without a code: %s", r.raw)
	}
	for _, f := range sc.fragments {
		if f = w.expand(f); !strings.Contains(r.raw, f) {
			t.Errorf("the answer lacks %s: %.1500s", f, r.raw)
		}
	}
	for _, f := range sc.absent {
		if f = w.expand(f); strings.Contains(r.raw, f) {
			t.Errorf("the answer has %s: %.1500s", f, r.raw)
		}
	}
	for i, k := range sc.notified {
		if got := w.notifications(k); got <= notified[i] {
			t.Errorf("no new %s notification", k)
		}
	}
	for i, k := range sc.jobs {
		if got := w.jobCount(k); got <= jobs[i] {
			t.Errorf("no %s job enqueued", k)
		}
	}
	for name, p := range sc.save {
		v := lookup(r.body, p)
		if v == "" {
			t.Fatalf("nothing at %s to save as {%s}: %.1500s", p, name, r.raw)
		}
		w.vars[name] = v
	}
	if sc.check != nil {
		sc.check(w, r)
	}
}

func (w *world) counts(keys []string, count func(string) int) []int {
	out := make([]int, len(keys))
	for i, k := range keys {
		out[i] = count(k)
	}
	return out
}

// notifications counts "caller:kind" notifications of the caller's organisation.
func (w *world) notifications(key string) int {
	as, kind, ok := strings.Cut(key, ":")
	if !ok || w.as[as].orgID == "" {
		w.t.Fatalf("notified %q: want caller:kind for a caller with an organisation", key)
	}
	var n int
	must(w.t, w.pool.QueryRow(context.Background(), "SELECT count(*) FROM notifications WHERE org_id = $1 AND kind = $2", w.as[as].orgID, kind).Scan(&n))
	return n
}

func (w *world) jobCount(kind string) int {
	var n int
	must(w.t, w.pool.QueryRow(context.Background(), "SELECT count(*) FROM river_job WHERE kind = $1", kind).Scan(&n))
	return n
}

// lookup reads a dotted path ("items.0.id") from a decoded JSON body as text.
func lookup(body map[string]any, path string) string {
	var cur any = body
	for _, k := range strings.Split(path, ".") {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[k]
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(c) {
				return ""
			}
			cur = c[i]
		default:
			return ""
		}
	}
	switch v := cur.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

// runGroup builds the group's world and runs its tables in order, each
// scenario as a subtest; a failing scenario stops the group, since later
// ones build on it.
func runGroup(t *testing.T, g tableGroup, cov *coverage) {
	w := g.setup(t)
	base := w.vars
	for _, tb := range g.tables {
		w.vars = maps.Clone(base) // a table names only what its own scenarios saved
		if tb.setup != nil && len(g.tables) > 1 {
			t.Fatalf("table %s has its own setup but runs in group %s", tb.name, g.name)
		}
		ok := t.Run(tb.name, func(t *testing.T) {
			for _, sc := range tb.scenarios {
				ok := t.Run(sc.title(), func(t *testing.T) {
					w.env.t = t
					w.run(sc, cov)
				})
				w.env.t = t
				if !ok {
					t.Fatalf("stopped at %q", sc.title())
				}
			}
			cov.tableDone()
		})
		w.env.t = t
		if !ok {
			t.FailNow()
		}
	}
}
