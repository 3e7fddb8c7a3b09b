package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/bittunes/bittunes/abi"
	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/verify"
)

// standardInputPath is where the repository keeps the standard-JSON input explorers verify against.
const standardInputPath = "abi/BittunesMarket.standard-input.json"

func runVerify(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	cfg, err := parse("verify-contract", "Compares the runtime code deployed at --market with the market compiled from this repository\n"+
		"(abi/), immutables left out and the metadata hash compared on its own. Exits 1 when the code differs.",
		config.Chain|config.Logging|config.OutputFlags, args, env, stderr)
	if err != nil {
		return err
	}
	if cfg, err = withDeployment(ctx, cfg); err != nil {
		return err
	}
	if cfg.RPCURL == "" || cfg.Market == ([20]byte{}) {
		return errors.New("config: verify-contract needs --rpc and --market (or --deployment)")
	}
	client, chainID, err := dial(ctx, cfg)
	if err != nil {
		return err
	}
	defer client.Close()
	r, err := verify.Market(ctx, client, cfg.Market)
	if err != nil {
		return err
	}
	compiler, err := abi.MarketCompiler()
	if err != nil {
		return err
	}
	if cfg.JSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			ChainID       uint64 `json:"chainId"`
			Market        string `json:"market"`
			StandardInput string `json:"standardInput"`
			Compiler      abi.Compiler
			verify.Result
		}{chainID, cfg.Market.Hex(), standardInputPath, compiler, r}); err != nil {
			return err
		}
	} else {
		writeVerify(stdout, chainID, cfg, r, compiler)
	}
	if !r.OK() {
		return errors.New("the deployed code is not this market")
	}
	return nil
}

func writeVerify(w io.Writer, chainID uint64, cfg config.Config, r verify.Result, c abi.Compiler) {
	fmt.Fprintf(w, "Market %s on chain %d: %d bytes of runtime code (abi/BittunesMarket.bin-runtime: %d)\n\n", cfg.Market.Hex(), chainID, r.DeployedSize, r.ExpectedSize)
	if r.CodeMatches {
		fmt.Fprintln(w, "  executable code  matches the compiled market byte for byte")
	} else {
		fmt.Fprintf(w, "  executable code  DIFFERS from the compiled market (first at byte %d): this is not the market of this source\n", r.FirstDifference)
	}
	if !r.HasImmutables {
		fmt.Fprintln(w, "  immutables       none (the compiler reports no immutableReferences for this contract)")
	}
	for _, im := range r.Immutables {
		fmt.Fprintf(w, "  immutable        bytes %d-%d = %s (left out of the comparison)\n", im.Start, im.Start+im.Length-1, im.Value)
	}
	switch {
	case r.MetadataMatches:
		fmt.Fprintf(w, "  metadata hash    matches: %s (solc %s): compiled from exactly these source files and settings\n", r.DeployedMetadata, r.Solc)
	case r.CodeMatches:
		fmt.Fprintf(w, "  metadata hash    differs: deployed %s, compiled %s\n", orNone(r.DeployedMetadata), r.ExpectedMetadata)
		fmt.Fprintln(w, "                   the same code from other source text or paths: a partial match, not an exact one")
	default:
		fmt.Fprintf(w, "  metadata hash    deployed %s, compiled %s\n", orNone(r.DeployedMetadata), r.ExpectedMetadata)
	}
	fmt.Fprintf(w, "\nTo verify it on a block explorer or Sourcify, submit the standard-JSON input %s\n", standardInputPath)
	fmt.Fprintf(w, "(also embedded in this binary) with compiler %s, contract %s,\n", c.CompilerVersion, c.Contract)
	fmt.Fprintf(w, "optimizer %t with %d runs, viaIR %t, EVM %s; or run `npx hardhat verify --network target %s <owner> <feeRecipient> <feeBps>`.\n",
		c.Optimizer.Enabled, c.Optimizer.Runs, c.ViaIR, c.EVMVersion, cfg.Market.Hex())
	if _, err := os.Stat(standardInputPath); err != nil {
		fmt.Fprintf(w, "(%s is in the Bittunes repository, at the commit this binary was built from.)\n", standardInputPath)
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
