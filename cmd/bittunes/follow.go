package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/ratelimit"
	"github.com/bittunes/bittunes/internal/store"
)

// follow runs the indexer and rebuilds the charts after what it indexes, until ctx ends.
func follow(ctx context.Context, cfg config.Config, chainID uint64, st *store.Store, chain indexer.Chain, log *slog.Logger) error {
	return followWatched(ctx, cfg, chainID, st, chain, log, nil)
}

// followWatched is follow recording metrics in m (nil: none).
func followWatched(ctx context.Context, cfg config.Config, chainID uint64, st *store.Store, chain indexer.Chain, log *slog.Logger, m *indexer.Metrics) error {
	builder := charts.NewBuilder(st, chainID)
	sched := charts.NewScheduler(func(ctx context.Context, now time.Time) error {
		start := time.Now()
		err := builder.Build(ctx, now)
		m.ChartBuilt(time.Since(start))
		return err
	}, log)
	ix := indexer.New(indexer.Config{
		ChainID: chainID, Contract: cfg.Market, DeployBlock: cfg.DeployBlock, Confirmations: cfg.Confirmations,
		Logger: log, Metrics: m, OnApplied: func(store.Cursor) { sched.Notify() },
		OnRolledBack: func(store.Block) { builder.Reset(); sched.Notify() },
	}, chain, st)
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return ix.Run(ctx) })
	g.Go(func() error { return sched.Run(ctx) })
	return ignoreCancel(g.Wait())
}

// serveHTTP serves handler on addr until ctx ends, then shuts down gracefully.
func serveHTTP(ctx context.Context, srv *http.Server, gate *ratelimit.ConnGate, log *slog.Logger) error {
	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		return fmt.Errorf("http %s: %w", srv.Addr, err)
	}
	errc := make(chan error, 1)
	go func() { errc <- gate.Server(srv).Serve(gate.Listener(ln)) }()
	select {
	case err := <-errc:
		return fmt.Errorf("http %s: %w", srv.Addr, err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	log.Info("http: shutting down")
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("http shutdown: %w", err)
	}
	return nil
}

func ignoreCancel(err error) error {
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}
