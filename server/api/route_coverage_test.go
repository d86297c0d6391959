package api_test

import (
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"doorstep/server/api"
)

// routeTables is every handler file's scenario table, grouped by the
// world they run on.
func routeTables() []tableGroup {
	return []tableGroup{
		{name: "accounts", setup: plainWorld, tables: []routeTable{metaRoutes(), synonymsRoutes(), notificationsRoutes(), meRoutes(), orgsRoutes(),
			staffRoutes(), ordersRoutes(), moderationRoutes(), authRoutes()}}, // auth signs the owner and the member out: last
		{name: "contract", setup: contractWorld, tables: []routeTable{contractsRoutes(), uploadRoutes(), moneyRoutes()}},
		{name: "search", setup: searchWorld, tables: []routeTable{searchRoutes(), workshopSearchRoutes()}},
		alone(bidsRoutes()), alone(stripeRoutes()), alone(fulfilmentRoutes()), alone(settlementRoutes()), alone(workshopOpsRoutes()),
	}
}

// TestRouteScenarios runs every table (the groups in parallel, each on
// its own database), then fails naming each route no scenario reached the way the
// route needs: answered with success; for a route that is not public,
// refused to an anonymous caller (401); for one that names another
// organisation's data or needs staff, refused to a signed-in caller who
// may not (403 or 404). What counts is what the runner saw, matched to the
// route table, not a list kept by hand.
func TestRouteScenarios(t *testing.T) {
	t.Parallel()
	groups := routeTables()
	tables := 0
	cov := &coverage{seen: map[string]*reached{}}
	t.Run("tables", func(t *testing.T) {
		for _, g := range groups {
			tables += len(g.tables)
			t.Run(g.name, func(t *testing.T) {
				t.Parallel()
				runGroup(t, g, cov)
			})
		}
	})
	t.Run("every route has a scenario", func(t *testing.T) {
		if cov.done != tables {
			t.Skipf("%d of %d tables ran to the end (a -run filter, or a failure above)", cov.done, tables)
		}
		routes := api.NewServerForDocs().Routes()
		for _, missing := range cov.missing(routes) {
			t.Error(missing)
		}
		t.Logf("%d routes in the route table, %d reached by the scenarios of %d tables", len(routes), len(cov.seen), tables)
	})
}

// reached is what the scenarios did with one route.
type reached struct{ succeeded, anonRefused, callerRefused bool }

type coverage struct {
	mu   sync.Mutex
	seen map[string]*reached // "METHOD path" of the route table
	done int                 // tables that ran to the end
}

func (c *coverage) record(r api.Route, as string, status int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := r.Method + " " + r.Path
	if c.seen[k] == nil {
		c.seen[k] = &reached{}
	}
	switch got := c.seen[k]; {
	case status >= 200 && status < 300:
		got.succeeded = true
	case as == "" && status == http.StatusUnauthorized:
		got.anonRefused = true
	case as != "" && (status == http.StatusForbidden || status == http.StatusNotFound):
		got.callerRefused = true
	}
}

func (c *coverage) tableDone() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.done++
}

func (c *coverage) missing(routes []api.Route) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, r := range routes {
		k := r.Method + " " + r.Path
		got := c.seen[k]
		if got == nil {
			out = append(out, k+": no scenario")
			continue
		}
		access := r.Access.String()
		if !got.succeeded {
			out = append(out, k+": no scenario where it succeeds")
		}
		if access != "public" && !got.anonRefused {
			out = append(out, k+": no scenario refusing an anonymous caller (401)")
		}
		if access != "public" && (strings.Contains(r.Path, ":") || access != "signed_in") && !got.callerRefused {
			out = append(out, k+": no scenario refusing a signed-in caller who may not (403/404)")
		}
	}
	return out
}

var apiRoutes = sync.OnceValue(func() []api.Route { return api.NewServerForDocs().Routes() })

// routeFor finds the route a request reaches the way Fiber does: the first
// in table order whose segments match (":name" matches any one segment).
func routeFor(method, path string) (api.Route, bool) {
	segs := strings.Split(path, "/")
	i := slices.IndexFunc(apiRoutes(), func(r api.Route) bool {
		pat := strings.Split(r.Path, "/")
		if r.Method != method || len(pat) != len(segs) {
			return false
		}
		for j, p := range pat {
			if p != segs[j] && !(strings.HasPrefix(p, ":") && segs[j] != "") {
				return false
			}
		}
		return true
	})
	if i < 0 {
		return api.Route{}, false
	}
	return apiRoutes()[i], true
}
