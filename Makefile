# Doorstep (家门口). `make run` starts it, `make test` is everything CI runs.
SHELL := /bin/bash
GO    ?= go
BIN   := bin/doorstep
NPM   := npm --prefix frontend

.PHONY: run build server frontend frontend-deps prereqs test test-go test-faults test-frontend test-e2e lint generate seed seed-scale load clean faults fuzz fuzz-ci

run: server frontend-if-missing  ## start on DATABASE_URL or a throwaway local Postgres
	@scripts/run-dev.sh

build: server frontend

server:
	$(GO) build -o $(BIN) ./server

frontend-deps:
	@if [ ! -d frontend/node_modules ] || [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then $(NPM) ci --no-audit --no-fund; fi

frontend: frontend-deps
	$(NPM) run build

# The API works without the web app; build it only when Node is available.
.PHONY: frontend-if-missing
frontend-if-missing:
	@if [ -f frontend/dist/index.html ]; then exit 0; fi; \
	if command -v npm >/dev/null; then $(MAKE) frontend; else echo "npm not found: serving the API only (no web app)"; fi

test: prereqs lint test-go test-faults test-frontend test-e2e  ## everything CI runs

# Go, Node >= 20.19 + npm, Chromium, a reachable Postgres: checked first, with what to install.
prereqs:
	@scripts/check-prereqs.sh

lint: frontend-deps
	$(GO) vet ./...
	@test -z "$$(gofmt -l server search migrations scripts)" || (gofmt -l server search migrations scripts; echo "gofmt needed"; exit 1)
	@scripts/check-generated.sh

test-go:
	$(GO) test -race -count=1 -timeout 30m ./...
	# every fuzz target for 30 s: never a 5xx for any JSON body on any route; money, settlement and
	# distribution math; credit codes; search parsing and filters
	$(MAKE) fuzz-ci

test-frontend: frontend-deps frontend
	$(NPM) run lint
	$(NPM) run typecheck
	$(NPM) test
	$(NPM) run size  # per-route JS (gzip) against the budgets in frontend/scripts/bundle-size.mjs

test-e2e: server frontend
	DOORSTEP_BIN=$(CURDIR)/$(BIN) $(NPM) run e2e

# Fault runs (issue 17): their own throwaway Postgres cluster on a free loopback port, stripe-mock
# and the server as a process; each scenario prints a verdict and its invariants. SHORT=1 is the
# CI-sized run (about 1.5 minutes on a quiet 2-core machine; `make test` runs it); ONLY=a,c picks.
faults:
	$(GO) run ./server/cmd/faults $(if $(SHORT),-short) $(if $(ONLY),-only $(ONLY))
test-faults:  # the short run of every scenario, as CI runs it
	$(GO) run ./server/cmd/faults -short

# Every fuzz target, FUZZTIME each (30s default; FUZZJOBS=2 two at a time); fuzz-ci is the
# run `make test` does.
fuzz:
	FUZZTIME=$(or $(FUZZTIME),30s) scripts/fuzz.sh
fuzz-ci:  # two targets at a time, one worker each, after one instrumented build per package
	FUZZTIME=30s FUZZJOBS=2 scripts/fuzz.sh

generate: frontend-deps  ## sqlc, then the OpenAPI document and the frontend's API types
	$(GO) tool sqlc generate
	python3 scripts/gen-store-forwards.py > server/store/queries.go && gofmt -w server/store/queries.go
	$(NPM) run gen:api

seed: server
	$(BIN) seed --demo

# A generated marketplace of SCALE orders into an empty DATABASE_URL (issue 17).
SCALE ?= 100000
seed-scale: server
	$(BIN) seed --scale $(SCALE)

# Mixed traffic against a server on a throwaway Postgres cluster (scripts/load.sh:
# LOAD_SCALE, LOAD_RATES, LOAD_STEP, LOAD_WRITE_RATES); not part of `make test`.
load: server
	@scripts/load.sh

clean:
	rm -rf bin frontend/dist
