# Bittunes: one binary (Go) and one contract (Solidity, Hardhat 3).
#
#   make dev       run the whole market locally (bittunes dev) on the embedded chain and SQLite
#   make test      everything CI runs: contract build + abi/ freshness + Solidity and node tests + Go tests
#   make gas       gas benchmark of the contract (BENCH lines)
#   make abi       rebuild the contract and regenerate abi/ and the Go bindings

NPM_STAMP := node_modules/.package-lock.json

.PHONY: dev build test test-contracts test-go gas abi vet

dev:
	go run ./cmd/bittunes dev

build:
	go build -o bittunes ./cmd/bittunes

test: test-contracts test-go

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

test-contracts: $(NPM_STAMP)
	npx hardhat build --no-tests --quiet
	npm run --silent abi:check
	npx hardhat test

vet:
	go vet ./...

test-go: vet
	go test ./...

gas: $(NPM_STAMP)
	npm run --silent gas

abi: $(NPM_STAMP)
	npx hardhat build --no-tests --quiet
	npm run --silent abi
	go generate ./internal/bindings
