package main

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/ignition"
)

// withDeployment fills the market's address, deployment block and chain id from the Hardhat
// Ignition deployment folder --deployment names, where flags did not give them. A flag that
// disagrees with the deployment is an error. When the journal holds no confirmation of the
// deployment, the block comes from the deployment transaction's receipt, over the RPC.
func withDeployment(ctx context.Context, cfg config.Config) (config.Config, error) {
	if cfg.Deployment == "" {
		return cfg, nil
	}
	d, err := ignition.Read(cfg.Deployment)
	if err != nil {
		return cfg, err
	}
	switch {
	case cfg.Market == (common.Address{}):
		cfg.Market = d.Market
	case cfg.Market != d.Market:
		return cfg, fmt.Errorf("config: --market %s, but the deployment %s deployed the market at %s", cfg.Market.Hex(), cfg.Deployment, d.Market.Hex())
	}
	switch {
	case cfg.ChainID == 0:
		cfg.ChainID = d.ChainID
	case d.ChainID != 0 && cfg.ChainID != d.ChainID:
		return cfg, fmt.Errorf("config: --chain-id %d, but the deployment %s is on chain %d", cfg.ChainID, cfg.Deployment, d.ChainID)
	}
	if cfg.DeployBlock != 0 {
		return cfg, nil
	}
	if d.Block == 0 && d.TxHash != (common.Hash{}) && cfg.RPCURL != "" {
		client, _, err := dial(ctx, cfg)
		if err != nil {
			return cfg, err
		}
		defer client.Close()
		r, err := client.TransactionReceipt(ctx, d.TxHash)
		if err != nil {
			return cfg, fmt.Errorf("config: receipt of the deployment transaction %s: %w", d.TxHash.Hex(), err)
		}
		if r.ContractAddress != d.Market {
			return cfg, fmt.Errorf("config: the deployment transaction %s created %s, not the market %s", d.TxHash.Hex(), r.ContractAddress.Hex(), d.Market.Hex())
		}
		d.Block = r.BlockNumber.Uint64()
	}
	cfg.DeployBlock = d.Block
	return cfg, nil
}
