package api_test

import "testing"

// contractWorld: an awarded contract {contract} on order {order}, not yet
// funded (newContractFixture).
func contractWorld(t *testing.T) *world {
	f := newContractFixture(t)
	return newWorld(f.fixture, map[string]string{"contract": f.contractID, "order": f.orderID})
}

// contractsRoutes: an awarded contract, seen by its two parties and staff.
func contractsRoutes() routeTable {
	return routeTable{name: "contracts", scenarios: []scenario{
		{method: "GET", url: "/api/v1/contracts", want: 401},
		{as: "owner", method: "GET", url: "/api/v1/contracts", want: 200, fragments: []string{`"total":1`, `"id":"{contract}"`}},
		{as: "workshop", method: "GET", url: "/api/v1/contracts?order_id={order}", want: 200, fragments: []string{`"id":"{contract}"`}},
		{as: "other", method: "GET", url: "/api/v1/contracts", want: 200, fragments: []string{`"total":0`}},
		{as: "owner", method: "GET", url: "/api/v1/contracts?status=bogus", want: 400, fragments: []string{`"status"`}},
		{method: "GET", url: "/api/v1/contracts/{contract}", want: 401},
		{as: "other", method: "GET", url: "/api/v1/contracts/{contract}", want: 404},
		{as: "workshop2", method: "GET", url: "/api/v1/contracts/{contract}", want: 404},
		{as: "workshop", method: "GET", url: "/api/v1/contracts/{contract}", want: 200,
			fragments: []string{`"id":"{contract}"`, `"status":"awaiting_funding"`, `"company":{"id":"{A}"`, `"workshop":{"id":"{W}"`}},
		{as: "moderator", method: "GET", url: "/api/v1/contracts/{contract}", want: 200, fragments: []string{`"id":"{contract}"`}},
	}}
}
