# Bittunes: one binary (Go) and one contract (Solidity, Hardhat 3).
#
#   make test      everything CI runs: contract build + abi/ freshness + Solidity and node tests + Go tests
#   make gas       gas benchmark of the contract (BENCH lines)
#   make abi       rebuild the contract and regenerate abi/ and the Go bindings

NPM_STAMP := node_modules/.package-lock.json

.PHONY: test test-contracts test-go gas abi vet

test: test-contracts test-go

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

test-contracts: $(NPM_STAMP)
	npx hardhat build --quiet
	npm run --silent abi:check
	npx hardhat test

vet:
	go vet ./...

test-go: vet
	go test ./...

gas: $(NPM_STAMP)
	npm run --silent gas

abi: $(NPM_STAMP)
	npx hardhat build --quiet
	npm run --silent abi
	go generate ./internal/bindings
