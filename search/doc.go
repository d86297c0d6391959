// Package search will hold the order search Engine interface with its
// Meilisearch and embedded Postgres engines and their shared conformance
// suite (search/searchtest). See DESIGN.md, "Search"; not built yet.
package search
