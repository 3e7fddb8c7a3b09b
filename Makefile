# Bittunes: one binary (Go) and one contract (Solidity, Hardhat 3).
#
#   make dev       run the whole market locally (bittunes dev) on the embedded chain and SQLite
#   make test      everything CI runs: contract build + abi/ freshness + Solidity and node tests + lint
#                  + Go tests (and the race detector on the concurrent packages) + the web bundle's
#                  freshness and the browser tests (Chromium)
#   make lint      gofmt, go vet, staticcheck and go mod tidy checks (fail on any finding)
#   make web       rebuild the pages' JavaScript bundle (internal/web/static/app.js) after editing web/src
#   make gas       gas benchmark of the contract (BENCH lines)
#   make abi       rebuild the contract and regenerate abi/ and the Go bindings

NPM_STAMP := node_modules/.package-lock.json

.PHONY: dev build test test-contracts test-go test-race test-web web gas abi lint vet

dev:
	go run ./cmd/bittunes dev

build:
	go build -buildvcs=auto -o bittunes ./cmd/bittunes

test: test-contracts test-go test-race test-web

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

test-contracts: $(NPM_STAMP)
	npx hardhat build --no-tests --quiet
	npm run --silent abi:check
	npx hardhat test

lint:
	@unformatted=$$(gofmt -l $$(find . -name '*.go' -not -path './node_modules/*' -not -path './.*')); if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	go vet ./...
	go tool staticcheck ./...
	@go mod tidy -diff || { echo "go.mod/go.sum are not tidy: run go mod tidy"; exit 1; }

vet:
	go vet ./...

test-go: lint
	go test ./...

# The packages whose goroutines share state, under the race detector. -short skips the tests that
# the detector would slow to minutes without anything to find: the indexer's random-kill soak and
# the store's large single-goroutine histories (go test ./... runs them).
RACE_PACKAGES := ./internal/indexer ./internal/charts ./internal/api ./internal/swarm ./internal/store

test-race:
	go test -race -short $(RACE_PACKAGES)

# The browser tests build the binary once, start `bittunes dev` on free ports and drive Chromium.
test-web: $(NPM_STAMP)
	npm run --silent web:check
	npm run --silent test:web-unit
	npm run --silent test:web

web: $(NPM_STAMP)
	npm run --silent web:build

gas: $(NPM_STAMP)
	npm run --silent gas

abi: $(NPM_STAMP)
	npx hardhat build --no-tests --quiet
	npm run --silent abi
	go generate ./internal/bindings
