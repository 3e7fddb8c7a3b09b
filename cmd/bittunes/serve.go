package main

import (
	"context"
	"errors"
	"io"
	"log/slog"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/sweep"
	"github.com/bittunes/bittunes/internal/uploads"
)

// serveFlags are the flag groups of `bittunes serve`.
const serveFlags = config.Common | config.Chain | config.WebFlags | config.Metrics

func runServe(ctx context.Context, args []string, env func(string) string, _, stderr io.Writer) error {
	cfg, err := parse("serve", "Serves the API from the database the indexer fills. Stateless: run as many side by side as needed.",
		serveFlags, args, env, stderr)
	if err != nil {
		return err
	}
	if cfg, err = withDeployment(ctx, cfg); err != nil {
		return err
	}
	if cfg.MasterKey == "" {
		return errors.New("config: missing --master-key (BITTUNES_MASTER_KEY): 64 hex digits, e.g. from openssl rand -hex 32, the same on every server; keep it: without it no sold track can be unlocked")
	}
	masterKey, err := content.ParseMasterKey(cfg.MasterKey)
	if err != nil {
		return err
	}
	b, err := openBackend(ctx, cfg)
	if err != nil {
		return err
	}
	defer b.Close()
	log := b.log
	media, err := openMedia(cfg, log)
	if err != nil {
		return err
	}
	reg, _, err := privateMetrics(ctx, cfg.MetricsAddr, b.store.PoolStats, log, nil)
	if err != nil {
		return err
	}
	handler, err := newAPIHandler(cfg, b, masterKey, reg)
	if err != nil {
		return err
	}
	stopSeeder, err := startSeeder(ctx, cfg, b.store, log)
	if err != nil {
		return err
	}
	defer stopSeeder()
	go uploadSweeper(cfg, b.store, media, b.client, b.chainID, log).Run(ctx) // forgets uploads never registered; ends with ctx
	log.Info("serve: listening", "addr", cfg.HTTPAddr)
	return serveHTTP(ctx, api.NewServer(cfg.HTTPAddr, handler), connGate(cfg, reg), log)
}

// uploadBounds are the API's bounds on unregistered uploads, from the configuration.
func uploadBounds(cfg config.Config) uploads.Limits {
	u := cfg.Uploads
	return uploads.Limits{PendingPerClient: u.PendingPerClient, PendingTotal: u.PendingTotal, MinFree: u.MinFree, Grace: u.Grace}
}

// uploadSweeper forgets the uploads never registered within the grace period, while the indexer
// is near the head.
func uploadSweeper(cfg config.Config, st *store.Store, media content.Media, chain sweep.Chain, chainID uint64, log *slog.Logger) sweep.Sweeper {
	return sweep.Sweeper{Store: st, Media: media, ChainID: chainID, Market: cfg.Market, Chain: chain,
		Confirmations: cfg.Confirmations, Grace: cfg.Uploads.Grace, Logger: log}
}
