#!/usr/bin/env bash
# pgbench on transactions of the same shape as the write path (bid, award),
# on the load run's database: scripts/load/*.pgbench. Writes OUT/pgbench.json.
#   scripts/load-pgbench.sh PORT DB OUT
set -euo pipefail
cd "$(dirname "$0")/.."
port=$1 db=$2 out=$3
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
pgbench=${PGBENCH:-$bindir/pgbench}
read -r orders workshops < <(psql -h 127.0.0.1 -p "$port" -U postgres -qAt -F ' ' -f scripts/load/setup.sql "$db" | tail -1)
clients=${PGBENCH_CLIENTS:-8} secs=${PGBENCH_SECONDS:-20}
json="{\"clients\": $clients, \"seconds\": $secs"
for s in bid award; do
  tps=$("$pgbench" -h 127.0.0.1 -p "$port" -U postgres -n -c "$clients" -j 2 -T "$secs" -D orders="$orders" -D workshops="$workshops" \
    -f "scripts/load/$s.pgbench" "$db" 2>&1 | tee "$out/pgbench-$s.txt" | sed -n "s/^tps = \([0-9.]*\).*/\1/p" | head -1 || true)
  echo "pgbench $s: $tps transactions/s ($clients clients, $secs s)"
  json="$json, \"${s}_tps\": ${tps:-0}"
done
echo "$json}" > "$out/pgbench.json"
