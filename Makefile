# Doorstep (家门口). `make run` starts it, `make test` is everything CI runs.
SHELL := /bin/bash
GO    ?= go
BIN   := bin/doorstep
NPM   := npm --prefix frontend

.PHONY: run build server frontend frontend-deps test test-go test-frontend test-e2e lint generate seed clean

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

test: lint test-go test-frontend test-e2e  ## everything CI runs

lint:
	$(GO) vet ./...
	@test -z "$$(gofmt -l server search migrations)" || (gofmt -l server search migrations; echo "gofmt needed"; exit 1)

test-go:
	$(GO) test -race -count=1 ./...
	# never 5xx for any JSON body on any route (about 9,000 inputs in 30 s on 2 cores)
	$(GO) test -run '^$$' -fuzz FuzzDecode -fuzztime 30s ./server/api/

test-frontend: frontend-deps
	$(NPM) run lint
	$(NPM) run typecheck
	$(NPM) test

test-e2e: server frontend
	DOORSTEP_BIN=$(CURDIR)/$(BIN) $(NPM) run e2e

generate:
	$(GO) tool sqlc generate

seed: server
	$(BIN) seed --demo

clean:
	rm -rf bin frontend/dist
