#!/usr/bin/env bash
# Runs every fuzz target for FUZZTIME each (default 30s), one after another
# (the machine has 2 cores; fuzzing uses both). FuzzDecode needs Postgres
# (TEST_DATABASE_URL or 127.0.0.1:5432); the others need nothing.
#   scripts/fuzz.sh            # every target, 30 s each
#   FUZZTIME=10s scripts/fuzz.sh
#   SKIP=FuzzDecode scripts/fuzz.sh
#   ONLY=FuzzAnalyze,FuzzPlan scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
t=${FUZZTIME:-30s}
targets=(
  "FuzzCreditCode ./server/market/"
  "FuzzMoney ./server/market/"
  "FuzzSplit ./server/market/"
  "FuzzSettle ./server/market/"
  "FuzzDistribute ./server/market/"
  "FuzzAnalyze ./search/"
  "FuzzQueryValidate ./search/"
  "FuzzTokens ./search/"
  "FuzzBuildFilter ./search/meili/"
  "FuzzPlan ./search/pgsearch/"
  "FuzzDecode ./server/api/"
)
run() { go test -run '^$' -fuzz "^$1\$" -fuzztime "$t" "$2" 2>&1; }
for x in "${targets[@]}"; do
  set -- $x
  if [[ ",${SKIP:-}," == *",$1,"* ]]; then continue; fi
  if [[ -n "${ONLY:-}" && ",$ONLY," != *",$1,"* ]]; then continue; fi
  start=$(date +%s)
  if ! out=$(run "$@"); then
    # Go's fuzzing coordinator sometimes ends a healthy run with a bare
    # "context deadline exceeded" (no failing input written): run it again once.
    if grep -q 'context deadline exceeded' <<<"$out" && ! grep -q 'Failing input written' <<<"$out"; then
      echo "rerun $1: the fuzzing coordinator's own deadline error, no failing input"
      out=$(run "$@") || { echo "$out"; echo "FAIL $1"; exit 1; }
    else
      echo "$out"; echo "FAIL $1"; exit 1
    fi
  fi
  execs=$(grep -o 'execs: [0-9]*' <<<"$out" | tail -1 | grep -o '[0-9]*' || echo "?")
  echo "ok   $1 ($2): $execs execs in $t, $(( $(date +%s) - start ))s with build"
done
