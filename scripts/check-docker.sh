#!/usr/bin/env bash
# Checks the Docker files without a Docker engine (CI has none):
#  - docker-compose.yml is valid (Debian's docker-compose validates offline);
#  - the builder image's Go is go.mod's `go` version;
#  - the server builds with the Dockerfile's own build command (same flags);
#  - the build context leaves out what must not enter it.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v docker-compose >/dev/null; then
  docker-compose -f docker-compose.yml config -q
  echo "docker-compose.yml: valid"
else
  echo "docker-compose not installed (apt-get install docker-compose): compose file not validated" >&2
  [ -z "${CI:-}" ] || exit 1
fi

want=$(sed -n 's/^go \([0-9.]*\)$/\1/p' go.mod)
have=$(sed -n 's/^FROM golang:\([0-9.]*\)-.* AS server$/\1/p' Dockerfile)
if [ "$want" != "$have" ]; then
  echo "Dockerfile builds with golang:$have but go.mod says go $want: pin the same version" >&2
  exit 1
fi

build=$(sed -n 's/^RUN \(CGO_ENABLED=0 go build .*\) -o \/out\/doorstep \(.*\)$/\1 -o "$tmp\/doorstep" \2/p' Dockerfile)
if [ -z "$build" ]; then
  echo "no 'RUN CGO_ENABLED=0 go build ... -o /out/doorstep ./server' line in the Dockerfile" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "+ $build"
(export GOTOOLCHAIN=local; eval "$build")
{ "$tmp/doorstep" 2>&1 || true; } | grep -q '^usage: doorstep' || { echo "the Docker-built server does not start" >&2; exit 1; }
echo "server builds as in the Dockerfile (go $want)"

for p in .git '**/node_modules' frontend/dist bin; do
  grep -qxF "$p" .dockerignore || { echo ".dockerignore must exclude $p" >&2; exit 1; }
done
