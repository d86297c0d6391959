#!/usr/bin/env bash
# `make test` runs this first: it checks everything the test run needs and
# says exactly what to install, instead of failing after ten minutes of Go
# tests. Checks: Go (go.mod's version), Node >= 20.19 and npm, Chromium for
# the browser tests, a reachable Postgres for the Go and browser tests, and
# Postgres' server programs (initdb, pg_ctl) for the fault runs.
set -uo pipefail
cd "$(dirname "$0")/.."

missing=0
need() { missing=1; printf '  ✗ %s\n      → %s\n' "$1" "$2" >&2; }
ok() { printf '  ✓ %s\n' "$1"; }
# ver_ge A B: version A >= version B (dotted numbers).
ver_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]; }

echo "checking what 'make test' needs:"

gomod=$(sed -n 's/^go \([0-9.]*\)$/\1/p' go.mod)
if ! command -v go >/dev/null; then
  need "Go $gomod or newer is not installed" "install Go $gomod (the official release tarball; Debian 12's golang-go is too old) and put it on PATH"
else
  gov=$(go env GOVERSION 2>/dev/null | sed 's/^go//')
  if ver_ge "$gov" "$gomod"; then ok "Go $gov"; else
    need "Go $gov is older than go.mod's $gomod" "install Go $gomod or newer (or set GOTOOLCHAIN=auto to let go fetch it)"
  fi
fi

node_hint="install Node 20.19+ or 22 (Debian 12's apt nodejs is 18, too old): NodeSource's nodejs package, or nvm/fnm"
if ! command -v node >/dev/null; then
  need "Node.js >= 20.19 is not installed" "$node_hint"
else
  nodev=$(node --version 2>/dev/null | sed 's/^v//')
  if ver_ge "$nodev" "20.19"; then ok "Node $nodev"; else need "Node $nodev is too old (the web app's tools need >= 20.19)" "$node_hint"; fi
fi
if command -v npm >/dev/null; then ok "npm $(npm --version 2>/dev/null)"; else
  need "npm is not installed" "it comes with Node.js ($node_hint)"
fi

chrome=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$chrome" ]; then ok "Chromium at $chrome"; else
  need "no Chromium at $chrome (the browser tests drive it; none is downloaded)" \
    "apt-get install chromium, or set CHROMIUM_PATH to a Chromium/Chrome binary"
fi

pgurl=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}
hostport=$(printf '%s' "$pgurl" | sed -E 's#^[a-z]+://([^@/]*@)?([^/?]*).*#\2#')
host=${hostport%:*}; port=${hostport##*:}
[ "$port" != "$hostport" ] || port=5432
if command -v psql >/dev/null && psql "$pgurl" -tAc 'select 1' >/dev/null 2>&1; then
  ok "Postgres at $host:$port"
elif (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then
  ok "Postgres listening at $host:$port (psql not found: login not checked)"
else
  need "no Postgres answers at $host:$port (the Go and browser tests create their own databases there)" \
    "apt-get install postgresql and start it (user postgres with trust auth on 127.0.0.1), or set TEST_DATABASE_URL"
fi

# The fault runs (make test-faults) start a throwaway cluster of their own.
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -n "$pgbin" ] && [ -x "$pgbin/initdb" ]; then ok "Postgres server programs in $pgbin (fault runs)"
elif command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then ok "initdb and pg_ctl on PATH (fault runs)"
else
  need "no initdb/pg_ctl (the fault runs start a throwaway Postgres cluster of their own)" \
    "apt-get install postgresql (its programs land in /usr/lib/postgresql/*/bin)"
fi

if [ "$missing" = 1 ]; then
  echo "install the above, then run 'make test' again (.ci/run installs them on a fresh Debian machine)" >&2
  exit 1
fi
