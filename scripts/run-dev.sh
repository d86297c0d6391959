#!/usr/bin/env bash
# Starts the server for development. Uses DATABASE_URL when set; otherwise
# the local server on 127.0.0.1:5432 if it answers; otherwise a throwaway
# Postgres cluster under .tmp/ (needs only the PostgreSQL server binaries).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DATABASE_URL:-}" ]; then
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/doorstep?sslmode=disable"
  else
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$bindir" ] || bindir=$(dirname "$(command -v initdb)")
    dir="$PWD/.tmp/pg"; port=54329
    as=()
    if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); mkdir -p "$dir"; chown postgres "$dir" "$PWD/.tmp"; fi
    if [ ! -f "$dir/PG_VERSION" ]; then
      "${as[@]}" "$bindir/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    "${as[@]}" "$bindir/pg_ctl" -D "$dir" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" -l "$dir/server.log" -w start >/dev/null
    trap '"${as[@]}" "$bindir/pg_ctl" -D "$dir" -m fast stop >/dev/null' EXIT
    export DATABASE_URL="postgres://postgres@127.0.0.1:$port/doorstep?sslmode=disable"
    echo "started a throwaway Postgres in $dir (port $port)"
  fi
fi
echo "DATABASE_URL=$DATABASE_URL"
bin/doorstep seed --demo
bin/doorstep serve
