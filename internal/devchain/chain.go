package devchain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/bittunes/bittunes/internal/retry"
)

// Chain is a running development chain. Its methods are safe for concurrent
// use.
type Chain struct {
	stack    *node.Node
	client   *ethclient.Client
	httpURL  string
	wsURL    string
	chainID  *big.Int
	accounts []Account

	stopOnce sync.Once
	stopErr  error
}

// Start starts a development chain and returns once its HTTP endpoint
// answers. ctx bounds the start-up only; the chain runs until Stop.
func Start(ctx context.Context, cfg Config) (*Chain, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	accounts, err := DeriveAccounts(cfg.Mnemonic, cfg.Accounts)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("devchain: start: %w", err)
	}
	nodeCfg, err := nodeConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("devchain: start: %w", err)
	}
	stack, err := node.New(nodeCfg)
	if err != nil {
		return nil, fmt.Errorf("devchain: create node: %w", err)
	}
	started := false
	defer func() {
		if !started {
			_ = stack.Close() // best effort; the start-up error is what matters
		}
	}()

	genesis, err := chooseGenesis(stack, cfg, accounts)
	if err != nil {
		return nil, fmt.Errorf("devchain: genesis: %w", err)
	}
	if err := registerServices(stack, cfg, genesis); err != nil {
		return nil, err
	}
	if err := stack.Start(); err != nil {
		return nil, fmt.Errorf("devchain: start node: %w", err)
	}
	if err := waitHTTP(ctx, stack.HTTPEndpoint()); err != nil {
		return nil, fmt.Errorf("devchain: wait for %s: %w", stack.HTTPEndpoint(), err)
	}
	started = true
	cfg.Logger.Info("development chain started", "http", stack.HTTPEndpoint(), "ws", stack.WSEndpoint(),
		"chain_id", cfg.ChainID, "accounts", len(accounts), "data_dir", cfg.DataDir)
	return &Chain{
		stack:    stack,
		client:   ethclient.NewClient(stack.Attach()),
		httpURL:  stack.HTTPEndpoint(),
		wsURL:    stack.WSEndpoint(),
		chainID:  new(big.Int).SetUint64(cfg.ChainID),
		accounts: accounts,
	}, nil
}

// waitHTTP waits until the JSON-RPC server at url answers eth_chainId.
func waitHTTP(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	for {
		err := pingRPC(ctx, url)
		if err == nil {
			return nil
		}
		if !retry.Sleep(ctx, 20*time.Millisecond) {
			return errors.Join(ctx.Err(), err)
		}
	}
}

func pingRPC(ctx context.Context, url string) error {
	// A transport of its own, so that no connection outlives the ping.
	transport := &http.Transport{}
	defer transport.CloseIdleConnections()
	client, err := rpc.DialOptions(ctx, url, rpc.WithHTTPClient(&http.Client{Transport: transport}))
	if err != nil {
		return err
	}
	defer client.Close()
	var id string
	return client.CallContext(ctx, &id, "eth_chainId")
}

// HTTPURL returns the JSON-RPC over HTTP endpoint, e.g. http://127.0.0.1:8545.
func (c *Chain) HTTPURL() string { return c.httpURL }

// WSURL returns the JSON-RPC over WebSocket endpoint, e.g. ws://127.0.0.1:8546.
func (c *Chain) WSURL() string { return c.wsURL }

// ChainID returns the chain id.
func (c *Chain) ChainID() *big.Int { return new(big.Int).Set(c.chainID) }

// Accounts returns the development accounts, in derivation order.
func (c *Chain) Accounts() []Account { return append([]Account(nil), c.accounts...) }

// Client returns an in-process client of the chain (no TCP). It is closed by
// Stop; callers must not close it.
func (c *Chain) Client() *ethclient.Client { return c.client }

// Stop shuts the chain down, flushing its state to the data directory if it
// has one. It is safe to call more than once; later calls return the result
// of the first.
func (c *Chain) Stop() error {
	c.stopOnce.Do(func() {
		c.client.Close()
		if err := c.stack.Close(); err != nil {
			c.stopErr = fmt.Errorf("devchain: stop: %w", err)
		}
	})
	return c.stopErr
}
