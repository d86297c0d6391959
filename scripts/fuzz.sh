#!/usr/bin/env bash
# Runs every fuzz target for FUZZTIME each (default 30s). The targets are
# found, not listed: every `func FuzzX(f *testing.F)` in the test files go
# itself compiles (go list: build constraints and go.mod's ignore apply),
# so a new target runs here and in CI with no edit. By default one after
# another, each with a worker per core; FUZZJOBS=2 runs two targets at a
# time with one worker each (what CI does: the same 30 s per target in half
# the wall time, at half the execs). FuzzDecode needs Postgres
# (TEST_DATABASE_URL or 127.0.0.1:5432); the others need nothing.
#   scripts/fuzz.sh            # every target, 30 s each
#   FUZZTIME=10s scripts/fuzz.sh
#   SKIP=FuzzDecode scripts/fuzz.sh
#   ONLY=FuzzAnalyze,FuzzPlan scripts/fuzz.sh
#   FUZZJOBS=2 scripts/fuzz.sh
#   LIST=1 scripts/fuzz.sh     # print the targets found and stop
set -euo pipefail
cd "$(dirname "$0")/.."
t=${FUZZTIME:-30s}
# "FuzzName package" per target, in package order.
targets=()
while read -r pkg file; do
  while read -r name; do
    targets+=("$name $pkg")
  done < <(sed -n -E 's/^func (Fuzz[A-Za-z0-9_]*)\([A-Za-z_][A-Za-z0-9_]* \*testing\.F\).*/\1/p' "$file")
done < <(go list -f '{{$p := .ImportPath}}{{range .TestGoFiles}}{{$p}} {{$.Dir}}/{{.}}{{"\n"}}{{end}}{{range .XTestGoFiles}}{{$p}} {{$.Dir}}/{{.}}{{"\n"}}{{end}}' ./...)
if (( ${#targets[@]} == 0 )); then
  echo "no fuzz targets found" >&2
  exit 1
fi
if [[ -n "${LIST:-}" ]]; then
  printf '%s\n' "${targets[@]}"
  exit 0
fi
jobs=${FUZZJOBS:-1}
workers=()
[ "$jobs" = 1 ] || workers=(-test.parallel=1)

# One instrumented test binary per package, built once before any target
# runs (`go test -fuzz` would build it again for every target: five times
# for server/market). The binary runs in its package's directory, as go
# test runs it, so seeds and failing inputs stay in testdata/fuzz.
bindir=$(mktemp -d)
trap 'rm -rf "$bindir"' EXIT
cache=$(go env GOCACHE)/fuzz
bin_of() { echo "$bindir/${1//\//_}.test"; }
declare -A dir_of=()
build_start=$(date +%s)
for x in "${targets[@]}"; do
  set -- $x
  [[ -n "${dir_of[$2]:-}" ]] && continue
  if [[ ",${SKIP:-}," == *",$1,"* ]]; then continue; fi
  if [[ -n "${ONLY:-}" && ",$ONLY," != *",$1,"* ]]; then continue; fi
  dir_of[$2]=$(go list -f '{{.Dir}}' "$2")
  go test -c -fuzz=. -o "$(bin_of "$2")" "$2"
done
echo "built ${#dir_of[@]} instrumented test binaries in $(( $(date +%s) - build_start ))s"
run() {
  (cd "${dir_of[$2]}" && "$(bin_of "$2")" -test.run='^$' -test.fuzz="^$1\$" -test.fuzztime="$t" \
    -test.fuzzcachedir="$cache/$2" "${workers[@]}" 2>&1)
}

# fuzz_one prints one verdict block (the whole output on failure) at once,
# so that targets running side by side do not interleave.
fuzz_one() {
  local start out execs
  start=$(date +%s)
  if ! out=$(run "$@"); then
    # Go's fuzzing coordinator sometimes ends a healthy run with a bare
    # "context deadline exceeded" (no failing input written): run it again once.
    if grep -q 'context deadline exceeded' <<<"$out" && ! grep -q 'Failing input written' <<<"$out"; then
      echo "rerun $1: the fuzzing coordinator's own deadline error, no failing input"
      out=$(run "$@") || { printf '%s\nFAIL %s\n' "$out" "$1"; return 1; }
    else
      printf '%s\nFAIL %s\n' "$out" "$1"; return 1
    fi
  fi
  execs=$(grep -o 'execs: [0-9]*' <<<"$out" | tail -1 | grep -o '[0-9]*' || echo "?")
  echo "ok   $1 ($2): $execs execs in $t, $(( $(date +%s) - start ))s"
}

failed=0
running=0
for x in "${targets[@]}"; do
  set -- $x
  if [[ ",${SKIP:-}," == *",$1,"* ]]; then continue; fi
  if [[ -n "${ONLY:-}" && ",$ONLY," != *",$1,"* ]]; then continue; fi
  if (( running >= jobs )); then
    wait -n || failed=1
    running=$((running - 1))
  fi
  fuzz_one "$@" &
  running=$((running + 1))
done
while (( running > 0 )); do
  wait -n || failed=1
  running=$((running - 1))
done
exit $failed
