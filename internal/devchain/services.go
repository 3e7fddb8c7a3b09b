package devchain

import (
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/eth/tracers"
	_ "github.com/ethereum/go-ethereum/eth/tracers/native" // callTracer and prestateTracer for debug_trace*
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/rpc"
)

// chooseGenesis returns the genesis for a new chain, or a nil genesis (and a
// nil error) when the data directory already holds a chain that fits cfg:
// eth then reuses the stored genesis, as geth --dev does, instead of failing
// with a genesis mismatch when anything that shapes the genesis block differs
// from the first run.
func chooseGenesis(stack *node.Node, cfg Config, accounts []Account) (*core.Genesis, error) {
	stored, found, err := storedGenesis(stack)
	if err != nil {
		return nil, err
	}
	if !found {
		return newGenesis(cfg.ChainID, cfg.GasLimit, accounts, cfg.Balance), nil
	}
	unfunded, err := checkStoredGenesis(stored, cfg, accounts)
	if err != nil {
		return nil, err
	}
	if len(unfunded) > 0 {
		cfg.Logger.Warn("reusing the chain in the data dir, whose genesis does not fund some accounts; delete the data dir for a fresh chain",
			"data_dir", cfg.DataDir, "unfunded", len(unfunded), "first", unfunded[0])
	}
	return nil, nil
}

// registerServices registers eth, the log filter API, the tracing API and the
// simulated beacon client that seals blocks, much as cmd/geth's makeFullNode
// does for --dev. genesis is nil to reuse the stored one.
func registerServices(stack *node.Node, cfg Config, genesis *core.Genesis) error {
	ethCfg := ethConfig(cfg, genesis)
	backend, err := eth.New(stack, ethCfg)
	if err != nil {
		return fmt.Errorf("devchain: create eth service: %w", err)
	}
	// The stored chain config wins over ours; checkStoredGenesis has
	// compared them already, this guards the invariant the Chain reports.
	if got := backend.BlockChain().Config().ChainID; !got.IsUint64() || got.Uint64() != cfg.ChainID {
		return fmt.Errorf("devchain: chain id is %s, config asks for %d", got, cfg.ChainID)
	}
	stack.RegisterAPIs(tracers.APIs(backend.APIBackend))

	// eth.New leaves out eth_getLogs, eth_newFilter and log subscriptions.
	filterSystem := filters.NewFilterSystem(backend.APIBackend, filters.Config{
		LogCacheSize:  ethCfg.FilterLogCacheSize,
		LogQueryLimit: ethCfg.LogQueryLimit,
		RangeLimit:    ethCfg.RangeLimit,
	})
	stack.RegisterAPIs([]rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(filterSystem)}})

	// Priority fees go to the zero address, so the development accounts'
	// balances change only by what they send and pay.
	period := uint64(cfg.BlockPeriod / time.Second)
	beacon, err := catalyst.NewSimulatedBeacon(period, common.Address{}, backend)
	if err != nil {
		return fmt.Errorf("devchain: create simulated beacon: %w", err)
	}
	stack.RegisterLifecycle(beacon) // with a period, it seals on its own
	if period == 0 {
		// Instead of catalyst.RegisterSimulatedBeaconAPIs, whose loop is
		// what seals on demand in geth --dev; see onDemandSealer. (The dev_
		// namespace it would add is not served over RPC anyway.)
		stack.RegisterLifecycle(newOnDemandSealer(beacon, backend.TxPool(), backend.BlockChain()))
	}
	return nil
}
