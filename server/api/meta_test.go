package api_test

// metaRoutes: reference data and public figures, for anyone.
func metaRoutes() routeTable {
	return routeTable{name: "meta", scenarios: []scenario{
		{method: "GET", url: "/api/v1/meta/crafts", want: 200, fragments: []string{`"code":"weaving"`, `"name_zh":"编织"`}},
		{method: "GET", url: "/api/v1/meta/regions", want: 200, fragments: []string{`"山东省"`, `"370000"`}},
		{method: "GET", url: "/api/v1/meta/regions?parent=370000", want: 200, fragments: []string{`"滨州市"`, `"371602"`}},
		{method: "GET", url: "/api/v1/meta/regions?q=滨城", want: 200, fragments: []string{`"山东省"`, `"滨州市"`, `"371602"`}},
		{method: "GET", url: "/api/v1/meta/regions?parent=371602", want: 400, fragments: []string{`"parent"`}},
		{method: "GET", url: "/api/v1/meta/map", want: 200, fragments: []string{`"tile_url"`, `"attribution"`}},
		{method: "GET", url: "/api/v1/stats/public", want: 200, fragments: []string{`"workshops":1`}},
	}}
}
