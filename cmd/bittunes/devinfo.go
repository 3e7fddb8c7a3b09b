package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/abi"
	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/devchain"
)

// devFeeBps is the platform fee of the dev market: 5 %.
const devFeeBps = 500

// deployment is where the market lives on the dev chain.
type deployment struct {
	Market      common.Address
	DeployBlock uint64
}

// devInfo is dev.json: what tools need to connect to a running `bittunes dev`.
type devInfo struct {
	RPC         string       `json:"rpc"`
	WS          string       `json:"ws"`
	ChainID     uint64       `json:"chainId"`
	Market      string       `json:"market"`
	DeployBlock uint64       `json:"deployBlock"`
	API         string       `json:"api"`
	Accounts    []devAccount `json:"accounts"`
	// Ready says the market is ready to use: on a fresh chain, once the demo catalogue is on the
	// chain, indexed, and its packages checked (with their torrent and download links).
	Ready bool `json:"ready"`
}

type devAccount struct {
	Address    string `json:"address"`
	PrivateKey string `json:"privateKey"`
}

func newDevInfo(chain *devchain.Chain, dep deployment, apiBase string) devInfo {
	info := devInfo{RPC: chain.HTTPURL(), WS: chain.WSURL(), ChainID: chain.ChainID().Uint64(), Market: dep.Market.Hex(),
		DeployBlock: dep.DeployBlock, API: apiBase}
	for _, a := range chain.Accounts() {
		info.Accounts = append(info.Accounts, devAccount{Address: a.Address.Hex(), PrivateKey: a.KeyHex()})
	}
	return info
}

func (d devInfo) write(path string) error {
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	// Written beside and renamed over, so that a tool polling it never reads half a file.
	if err := os.WriteFile(path+".tmp", append(b, '\n'), 0o600); err != nil {
		return fmt.Errorf("dev.json: %w", err)
	}
	if err := os.Rename(path+".tmp", path); err != nil {
		return fmt.Errorf("dev.json: %w", err)
	}
	return nil
}

// ensureMarket returns the market recorded in the data folder's dev.json if its code is on the
// chain, or deploys a new one from the committed bytecode (fresh = true).
func ensureMarket(ctx context.Context, chain *devchain.Chain, dataDir string) (dep deployment, fresh bool, err error) {
	client := chain.Client()
	if b, err := os.ReadFile(dataDir + "/dev.json"); err == nil {
		var prev devInfo
		if json.Unmarshal(b, &prev) == nil && common.IsHexAddress(prev.Market) && prev.ChainID == chain.ChainID().Uint64() {
			code, err := client.CodeAt(ctx, common.HexToAddress(prev.Market), nil)
			if err == nil && len(code) > 0 {
				return deployment{common.HexToAddress(prev.Market), prev.DeployBlock}, false, nil
			}
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return dep, false, err
	}
	operator := chain.Accounts()[0]
	opts := bind.NewKeyedTransactor(operator.Key, chain.ChainID())
	opts.Context = ctx
	ctor := bindings.NewMarket().PackConstructor(operator.Address, operator.Address, big.NewInt(devFeeBps))
	addr, tx, err := bind.DeployContract(opts, abi.MarketBytecode(), client, ctor)
	if err != nil {
		return dep, false, fmt.Errorf("deploy market: %w", err)
	}
	wait, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	receipt, err := bind.WaitMined(wait, client, tx.Hash())
	if err != nil {
		return dep, false, fmt.Errorf("deploy market: %w", err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return dep, false, fmt.Errorf("deploy market: transaction %s failed", tx.Hash().Hex())
	}
	return deployment{addr, receipt.BlockNumber.Uint64()}, true, nil
}

var devRoles = map[int]string{0: "operator, fee recipient", 1: "demo artist", 2: "demo artist", 3: "demo artist"}

func printBanner(w io.Writer, cfg config.Config, d devInfo) {
	fmt.Fprintf(w, `
Bittunes dev is running.

  Market contract  %s (chain %d, deployed in block %d)
  JSON-RPC         %s   %s
  API              %s   (/healthz, /readyz)
  Database         %s
  Connection info  %s/dev.json

Browser wallet: add a network with RPC URL %s, chain ID %d and currency ETH,
then import one of these funded dev accounts (public test keys: never use them on a real chain):

`, d.Market, d.ChainID, d.DeployBlock, d.RPC, d.WS, d.API, cfg.Database(), cfg.DataDir, d.RPC, d.ChainID)
	for i, a := range d.Accounts {
		role := devRoles[i]
		if role == "" {
			role = "demo fan"
		}
		fmt.Fprintf(w, "  %d  %s  %s  (%s)\n", i, a.Address, a.PrivateKey, role)
	}
	fmt.Fprintf(w, "\nState is kept in %s across restarts; --reset starts afresh. Ctrl-C stops.\n\n", cfg.DataDir)
}
