package devchain

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"

	"github.com/bittunes/bittunes/internal/logging"
)

// nodeName names the node's instance directory inside Config.DataDir. Set
// explicitly: go-ethereum would otherwise use the executable's name, so a test
// binary and `bittunes` would not find each other's chain.
const nodeName = "devchain"

// rpcModules returns the API namespaces served over HTTP and WebSocket.
func rpcModules() []string {
	return []string{"eth", "net", "web3", "txpool", "debug"}
}

// nodeConfig is the node part of `geth --dev`: RPC on cfg's host and ports,
// no IPC, no peer-to-peer networking.
func nodeConfig(cfg Config) (*node.Config, error) {
	// The node key only names the (disabled) p2p server; an ephemeral one
	// keeps it from being written to the data directory.
	nodeKey, err := crypto.GenerateKey()
	if err != nil {
		return nil, fmt.Errorf("node key: %w", err)
	}
	c := node.DefaultConfig // a copy; the slices are replaced below
	c.Name = nodeName
	c.DataDir = cfg.DataDir
	c.IPCPath = ""
	c.UseLightweightKDF = true
	c.Logger = log.NewLogger(logging.Geth(cfg.Logger.Handler())) // the node's info lines are our debug

	c.HTTPHost = cfg.HTTPHost
	c.HTTPPort = cfg.HTTPPort
	c.HTTPModules = rpcModules()
	c.HTTPCors = cfg.AllowedOrigins
	// Host names other than these are refused (DNS rebinding protection);
	// IP addresses are always accepted.
	c.HTTPVirtualHosts = []string{"localhost", cfg.HTTPHost}

	c.WSHost = cfg.HTTPHost
	c.WSPort = cfg.WSPort
	c.WSModules = rpcModules()
	c.WSOrigins = cfg.AllowedOrigins

	c.P2P = p2p.Config{
		PrivateKey:  nodeKey,
		MaxPeers:    0,
		ListenAddr:  "",
		NoDial:      true,
		NoDiscovery: true,
		DiscoveryV4: false,
		DiscoveryV5: false,
	}
	return &c, nil
}

// ethConfig is the eth part of `geth --dev`. genesis is nil to reuse the one
// stored in the data directory.
func ethConfig(cfg Config, genesis *core.Genesis) *ethconfig.Config {
	c := ethconfig.Defaults // a copy; pointer fields are replaced, never mutated
	c.Genesis = genesis
	c.NetworkId = cfg.ChainID
	c.SyncMode = ethconfig.FullSync
	c.EnablePreimageRecording = true

	// A development chain is small: keep memory modest (the defaults are
	// sized for mainnet, several GB).
	c.DatabaseCache = 64
	c.DatabaseHandles = 256
	c.TrieCleanCache = 64
	c.TrieDirtyCache = 64
	c.SnapshotCache = 32

	c.Miner.GasCeil = cfg.GasLimit
	// Include every transaction the pool accepts (its floor is 1 wei). With
	// the default 0.001 gwei floor of the miner, a transaction tipping less
	// would stay pending forever and the on-demand sealer would spin on it.
	c.Miner.GasPrice = big.NewInt(1)
	return &c
}
