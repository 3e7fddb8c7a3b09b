package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/retry"
	"github.com/bittunes/bittunes/internal/store"
)

func runIndex(ctx context.Context, args []string, env func(string) string, _, stderr io.Writer) error {
	cfg, err := parse("index", "Follows the market contract's events into the database. On PostgreSQL only one indexer writes\nat a time: a second one waits and takes over when the first dies. A restarted database or RPC\nis waited for, not a reason to exit.",
		config.Common|config.Chain|config.Metrics, args, env, stderr)
	if err != nil {
		return err
	}
	if cfg, err = withDeployment(ctx, cfg); err != nil {
		return err
	}
	b, err := openBackendRetrying(ctx, cfg, 500*time.Millisecond)
	if err != nil {
		return ignoreCancel(err)
	}
	defer b.Close()
	log, st, client, chainID := b.log, b.store, b.client, b.chainID

	var watch *indexer.Metrics
	_, _, err = privateMetrics(ctx, cfg.MetricsAddr, st.PoolStats, log, func(reg *prometheus.Registry) map[string]http.Handler {
		watch = indexer.NewMetrics(reg)
		health := &indexer.Health{Metrics: watch, PingDB: st.Ping, MaxLag: maxIndexerLag, Confirmations: cfg.Confirmations,
			PingRPC: func(ctx context.Context) error { _, err := client.BlockNumber(ctx); return err }}
		return health.Routes()
	})
	if err != nil {
		return err
	}
	log.Info("index: taking the indexer lock", "chain", chainID, "market", cfg.Market)
	runner := &indexer.Runner{
		TryLock: func(ctx context.Context) (indexer.Lock, bool, error) {
			return st.TryIndexerLock(ctx, chainID, cfg.Market, lockPing)
		},
		Follow:  func(ctx context.Context) error { return followWatched(ctx, cfg, chainID, st, client, log, watch) },
		Poll:    lockPoll,
		Metrics: watch, Logger: log,
	}
	return ignoreCancel(runner.Run(ctx))
}

// lockPoll is how often a standby asks for the indexer lock; lockPing how often the holder pings
// the lock's connection, so that it stops writing soon after losing it.
const (
	lockPoll = 2 * time.Second
	lockPing = 500 * time.Millisecond
)

// openBackendRetrying is openBackend waiting, with backoff from first, for a database or an RPC
// that does not answer yet (being restarted) instead of giving up; what waiting cannot fix (bad
// flags, an RPC serving another chain) ends it at once.
func openBackendRetrying(ctx context.Context, cfg config.Config, first time.Duration) (*backend, error) {
	backoff := retry.Backoff{First: first, Max: 5 * time.Second}
	for {
		b, err := openBackend(ctx, cfg)
		if err == nil || !(errors.Is(err, store.ErrUnavailable) || errors.Is(err, errRPCUnreachable)) {
			return b, err
		}
		wait := backoff.Next()
		if log, logErr := cfg.Logger(); logErr == nil {
			log.Warn("index: cannot start yet; retrying", "err", err, "retry_in", wait)
		}
		if !retry.Sleep(ctx, wait) {
			return nil, ctx.Err()
		}
	}
}

// errRPCUnreachable marks an RPC that did not answer (as opposed to one that answered wrongly).
var errRPCUnreachable = errors.New("unreachable")

// rpcUnreachable wraps err in errRPCUnreachable when it is a network failure or a server error.
func rpcUnreachable(err error) error {
	var netErr net.Error
	var httpErr rpc.HTTPError
	if errors.As(err, &netErr) || (errors.As(err, &httpErr) && httpErr.StatusCode >= 500) {
		return fmt.Errorf("%w: %w", errRPCUnreachable, err)
	}
	return err
}

// backend is what the production roles run against: a logger, the database and the chain's RPC.
type backend struct {
	log     *slog.Logger
	store   *store.Store
	client  *ethclient.Client
	chainID uint64
}

// openBackend checks the chain settings and opens the database and the RPC.
func openBackend(ctx context.Context, cfg config.Config) (*backend, error) {
	if err := cfg.CheckChain(); err != nil {
		return nil, err
	}
	log, err := cfg.Logger()
	if err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, cfg.Database(), store.WithLogger(log))
	if err != nil {
		return nil, err
	}
	client, chainID, err := dial(ctx, cfg)
	if err != nil {
		st.Close()
		return nil, err
	}
	return &backend{log: log, store: st, client: client, chainID: chainID}, nil
}

// Close closes the RPC connection and the database.
func (b *backend) Close() {
	b.client.Close()
	b.store.Close()
}

// dial connects to the configured RPC and checks its chain id.
func dial(ctx context.Context, cfg config.Config) (*ethclient.Client, uint64, error) {
	client, err := ethclient.DialContext(ctx, cfg.RPCURL)
	if err != nil {
		return nil, 0, fmt.Errorf("rpc %s: %w", cfg.RPCURL, rpcUnreachable(err))
	}
	id, err := client.ChainID(ctx)
	if err != nil {
		client.Close()
		return nil, 0, fmt.Errorf("rpc %s: chain id: %w", cfg.RPCURL, rpcUnreachable(err))
	}
	if cfg.ChainID != 0 && id.Uint64() != cfg.ChainID {
		client.Close()
		return nil, 0, fmt.Errorf("rpc %s serves chain %d, not the configured %d", cfg.RPCURL, id, cfg.ChainID)
	}
	return client, id.Uint64(), nil
}
