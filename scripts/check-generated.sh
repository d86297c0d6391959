#!/usr/bin/env bash
# Fails when generated code is stale: sqlc's output (server/store/dbq), the
# store's forwards to it (server/store/queries.go, from
# scripts/gen-store-forwards.py) or the frontend's API contract
# (frontend/src/api/openapi.{json,ts}, generated from the route table).
# Regenerates into a temporary directory and compares, so uncommitted but
# current files pass.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! go tool sqlc diff; then
  echo "sqlc output is stale: run 'make generate' and commit server/store/dbq" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 scripts/gen-store-forwards.py >"$tmp/queries.go"
gofmt -w "$tmp/queries.go"
if ! diff -u server/store/queries.go "$tmp/queries.go" >"$tmp/queries.diff"; then
  head -40 "$tmp/queries.diff" >&2
  echo "server/store/queries.go is stale: run 'make generate' and commit it" >&2
  exit 1
fi

go run ./server/cmd/openapi -o "$tmp/openapi.json"
frontend/node_modules/.bin/openapi-typescript "$tmp/openapi.json" -o "$tmp/openapi.ts" >/dev/null
stale=0
for f in openapi.json openapi.ts; do
  if ! diff -u "frontend/src/api/$f" "$tmp/$f" >"$tmp/$f.diff"; then
    head -40 "$tmp/$f.diff" >&2
    stale=1
  fi
done
if [ "$stale" = 1 ]; then
  echo "frontend/src/api/openapi.{json,ts} are stale: run 'make generate' (or 'npm --prefix frontend run gen:api') and commit them" >&2
  exit 1
fi
