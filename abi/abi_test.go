package abi_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	gethabi "github.com/ethereum/go-ethereum/accounts/abi"

	"github.com/bittunes/bittunes/abi"
)

func TestArtefactsAreConsistent(t *testing.T) {
	parsed, err := gethabi.JSON(strings.NewReader(abi.MarketABI))
	if err != nil {
		t.Fatalf("ABI: %v", err)
	}
	for _, name := range []string{"purchase", "purchaseFor", "register", "withdraw", "withdrawTo", "owns", "balanceOf"} {
		if _, ok := parsed.Methods[name]; !ok {
			t.Errorf("ABI lacks %s", name)
		}
	}
	creation, runtime := abi.MarketBytecode(), abi.MarketRuntimeBytecode()
	if len(runtime) == 0 || len(creation) <= len(runtime) {
		t.Fatalf("bytecode sizes: creation %d, runtime %d", len(creation), len(runtime))
	}
	if !bytes.Contains(creation, runtime) {
		t.Error("the creation code does not carry the runtime code (no immutables, so it must, verbatim)")
	}
	if len(runtime) > 24576 {
		t.Errorf("runtime code is %d bytes, above the EIP-170 limit", len(runtime))
	}
	var input struct {
		Language string                     `json:"language"`
		Sources  map[string]json.RawMessage `json:"sources"`
	}
	if err := json.Unmarshal(abi.MarketStandardInput, &input); err != nil || input.Language != "Solidity" {
		t.Fatalf("standard input: %v (language %q)", err, input.Language)
	}
	c, err := abi.MarketCompiler()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := input.Sources[strings.Split(c.Contract, ":")[0]]; !ok {
		t.Errorf("standard input has no source %s", c.Contract)
	}
	if !strings.HasPrefix(c.CompilerVersion, "v0.8.") || c.EVMVersion != "cancun" {
		t.Errorf("compiler %s, evm %s", c.CompilerVersion, c.EVMVersion)
	}
}
