#!/usr/bin/env bash
# make load: the marketplace under mixed traffic (issue 17). Starts a
# throwaway Postgres cluster under .tmp/load-pg (never the machine's shared
# one), seeds a template database once per scale and seed (kept between
# runs), copies it for the run, starts the server on loopback with a debug
# listener, compares the write path with pgbench, runs the load tool and
# stops everything. Bounded: every step has a fixed duration.
#
#   LOAD_SCALE=100000 LOAD_RATES=50,100,200 LOAD_STEP=30s scripts/load.sh
#   LOAD_RATES= LOAD_WRITE_RATES=800,1600 LOAD_AWARD_RATES=300,600 LOAD_WRITE_COMPANIES=2000 scripts/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${LOAD_SCALE:-100000}
SEED=${LOAD_SEED:-1}
RATES=${LOAD_RATES-200}  # empty: skip the mixed run (write-path runs only)
STEP=${LOAD_STEP:-30s}
OUT=${LOAD_OUT:-.tmp/load}
PORT=${LOAD_PG_PORT:-54431}
HTTP=127.0.0.1:${LOAD_HTTP_PORT:-18080}
DEBUG=127.0.0.1:${LOAD_DEBUG_PORT:-16060}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bindir" ] || bindir=$(dirname "$(command -v initdb)")
dir=${LOAD_PG_DIR:-$PWD/.tmp/load-pg}
as=()
mkdir -p "$dir" "$OUT"
if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); chown postgres "$dir" "$PWD/.tmp"; fi
if [ ! -f "$dir/PG_VERSION" ]; then
  "${as[@]}" "$bindir/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
started=
if ! "${as[@]}" "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  "${as[@]}" "$bindir/pg_ctl" -D "$dir" -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=256MB" \
    -l "$dir/server.log" -w start >/dev/null
  started=1
fi
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi  # it may be gone already
  if [ -n "$started" ]; then "${as[@]}" "$bindir/pg_ctl" -D "$dir" -m fast stop >/dev/null || true; fi
}
trap cleanup EXIT
pg="postgres://postgres@127.0.0.1:$PORT"
template="scale_${SCALE}_s${SEED}"
exists=$(psql -h 127.0.0.1 -p "$PORT" -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$template'" postgres)
if [ "$exists" != 1 ]; then
  echo "seeding $template (once; kept in $dir for later runs)"
  start=$(date +%s)
  DATABASE_URL="$pg/$template?sslmode=disable" LOG_FORMAT=text bin/doorstep seed --scale "$SCALE" --seed "$SEED" 2>&1 | tee "$OUT/seed.log"
  echo "seed --scale $SCALE took $(( $(date +%s) - start )) s" | tee -a "$OUT/seed.log"
fi
psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "DROP DATABASE IF EXISTS load_run" -c "CREATE DATABASE load_run TEMPLATE $template" postgres
export DATABASE_URL="$pg/load_run?sslmode=disable"

# The write path's database work alone: pgbench runs transactions of the
# same shape as a bid and an award (scripts/load/*.pgbench) for 20 s each.
if [ "${LOAD_PGBENCH:-1}" = 1 ]; then
  scripts/load-pgbench.sh "$PORT" load_run "$OUT" || echo "pgbench comparison failed" >&2
fi

ADDR=$HTTP DEBUG_ADDR=$DEBUG LOG_LEVEL=warn LOG_FORMAT=text FRONTEND_DIR=/nonexistent \
  LOGIN_LIMIT_PER_IP=100000 LOGIN_LIMIT_PER_ACCOUNT=100000 APP_BASE_URL=http://$HTTP \
  bin/doorstep serve > "$OUT/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do curl -sf "http://$HTTP/healthz" >/dev/null && break; sleep 1; done
curl -sf "http://$HTTP/healthz" >/dev/null || { echo "server did not start"; tail -20 "$OUT/server.log"; exit 1; }
# The start-up reconcile rebuilds both search indexes and re-syncs changed
# rows; then the periodic jobs catch up with the generated day (overdue
# deliveries accepted, contracts settled: each settlement re-syncs both
# parties' documents for their scorecards, about 2,000 jobs). Measure the
# steady state: wait until no index job has been pending for 10 s (at most
# 5 minutes).
quiet=0
for _ in $(seq 1 300); do
  n=$(psql "$DATABASE_URL" -Atc "SELECT count(*) FROM river_job WHERE (kind LIKE 'search_%' OR kind LIKE 'index_%' OR kind LIKE 'resync_%') AND state IN ('available','running','retryable','scheduled')")
  if [ "$n" = 0 ]; then quiet=$((quiet + 1)); else quiet=0; fi
  [ "$quiet" -ge 10 ] && break; sleep 1
done
[ "$quiet" -ge 10 ] || echo "warning: search sync jobs still pending after 5 minutes; the first steps measure the catch-up too" >&2
go build -o bin/load ./server/cmd/load
if [ -n "$RATES" ]; then
  bin/load -base "http://$HTTP" -debug "http://$DEBUG" -db "$DATABASE_URL" -rates "$RATES" -step "$STEP" -out "$OUT"
fi
# The write path alone (bids, then awards) at rates above what it can
# take: the answered rate is its capacity, compared with pgbench's TPS.
# Every award uses up a bid on a signed-in company's order: sign in enough
# companies (LOAD_WRITE_COMPANIES, about 9 awards each) for the award steps.
if [ -n "${LOAD_WRITE_RATES:-}" ]; then
  for s in bid award; do
    rates=$LOAD_WRITE_RATES
    [ "$s" = award ] && rates=${LOAD_AWARD_RATES:-$LOAD_WRITE_RATES}
    bin/load -base "http://$HTTP" -debug "http://$DEBUG" -db "$DATABASE_URL" -only "$s" -rates "$rates" \
      -step "${LOAD_WRITE_STEP:-15s}" -companies "${LOAD_WRITE_COMPANIES:-300}" -warmup 2s -profile 0 -out "$OUT/write-$s"
  done
fi
