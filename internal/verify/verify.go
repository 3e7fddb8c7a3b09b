// Package verify tells whether the code deployed at an address is the market compiled from this
// repository's source: it compares the deployed runtime bytecode with the compiled artefact in abi/,
// leaving out the values of immutables (which the constructor writes into the code) and comparing
// the metadata hash solc appends (which pins the exact source files and settings) on its own.
package verify

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/abi"
)

// Range is where an immutable's value sits in the runtime code.
type Range struct{ Start, Length int }

// Immutable is the value an immutable has in the deployed code.
type Immutable struct {
	Start  int    `json:"start"`
	Length int    `json:"length"`
	Value  string `json:"value"` // 0x hex
}

// Result is how deployed code compares with the compiled artefact.
type Result struct {
	DeployedSize int `json:"deployedSize"`
	ExpectedSize int `json:"expectedSize"`
	// CodeMatches: the executable code, immutables left out, is the compiled code byte for byte.
	CodeMatches bool `json:"codeMatches"`
	// FirstDifference is the offset of the first differing byte of the executable code (-1: none).
	FirstDifference int `json:"firstDifference"`
	// MetadataMatches: the appended metadata hash is the compiled one too, so the code was compiled
	// from exactly these source files with these settings (a "full" or "exact" match).
	MetadataMatches  bool   `json:"metadataMatches"`
	DeployedMetadata string `json:"deployedMetadata,omitempty"`
	ExpectedMetadata string `json:"expectedMetadata,omitempty"`
	Solc             string `json:"solc,omitempty"`
	// Immutables are the deployed values of the contract's immutables (none for the market).
	Immutables    []Immutable `json:"immutables"`
	HasImmutables bool        `json:"hasImmutables"`
}

// OK reports whether the deployed code is this source's executable code.
func (r Result) OK() bool { return r.CodeMatches }

// Compare compares deployed runtime code with the compiled runtime code, ignoring the bytes of the
// immutables at the given ranges (of the compiled code's executable part).
func Compare(deployed, compiled []byte, immutables []Range) Result {
	r := Result{DeployedSize: len(deployed), ExpectedSize: len(compiled), FirstDifference: -1,
		HasImmutables: len(immutables) > 0, Immutables: []Immutable{}}
	dExec, dMeta, dOK := SplitMetadata(deployed)
	cExec, cMeta, cOK := SplitMetadata(compiled)
	if dOK {
		r.DeployedMetadata, r.Solc = dMeta.String(), dMeta.Solc
	}
	if cOK {
		r.ExpectedMetadata = cMeta.String()
	}
	r.MetadataMatches = dOK && cOK && bytes.Equal(dMeta.Raw, cMeta.Raw)

	dMasked, cMasked := bytes.Clone(dExec), bytes.Clone(cExec)
	for _, im := range immutables {
		end := im.Start + im.Length
		if im.Start < 0 || im.Length <= 0 || end > len(cMasked) || end > len(dMasked) {
			continue // the codes differ in length anyway
		}
		r.Immutables = append(r.Immutables, Immutable{Start: im.Start, Length: im.Length, Value: "0x" + hex.EncodeToString(dExec[im.Start:end])})
		clear(dMasked[im.Start:end])
		clear(cMasked[im.Start:end])
	}
	r.CodeMatches = bytes.Equal(dMasked, cMasked)
	if !r.CodeMatches {
		r.FirstDifference = min(len(dMasked), len(cMasked))
		for i := range min(len(dMasked), len(cMasked)) {
			if dMasked[i] != cMasked[i] {
				r.FirstDifference = i
				break
			}
		}
	}
	return r
}

// CodeReader reads deployed code; ethclient.Client and the simulated backend's client provide it.
type CodeReader interface {
	CodeAt(ctx context.Context, account common.Address, block *big.Int) ([]byte, error)
}

// Market compares the code at address with the market compiled into abi/.
func Market(ctx context.Context, chain CodeReader, address common.Address) (Result, error) {
	code, err := chain.CodeAt(ctx, address, nil)
	if err != nil {
		return Result{}, fmt.Errorf("verify: code at %s: %w", address.Hex(), err)
	}
	if len(code) == 0 {
		return Result{}, fmt.Errorf("verify: no contract at %s", address.Hex())
	}
	compiler, err := abi.MarketCompiler()
	if err != nil {
		return Result{}, fmt.Errorf("verify: %w", err)
	}
	var ranges []Range
	for _, refs := range compiler.ImmutableReferences {
		for _, ref := range refs {
			ranges = append(ranges, Range{Start: ref.Start, Length: ref.Length})
		}
	}
	return Compare(code, abi.MarketRuntimeBytecode(), ranges), nil
}
