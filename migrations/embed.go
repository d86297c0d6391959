// Package migrations holds the numbered SQL migrations (goose format). The
// server and the tests apply the same embedded files.
package migrations

import "embed"

//go:embed *.sql
var FS embed.FS
