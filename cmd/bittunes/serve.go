package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"time"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/sweep"
	"github.com/bittunes/bittunes/internal/uploads"
	"github.com/bittunes/bittunes/internal/web"
)

func runServe(ctx context.Context, args []string, env func(string) string, _, stderr io.Writer) error {
	cfg, err := parse("serve", "Serves the API from the database the indexer fills. Stateless: run as many side by side as needed.",
		config.Common|config.Chain|config.WebFlags, args, env, stderr)
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
	media := content.Media{Dir: cfg.Media()}
	if err := media.Init(); err != nil {
		return err
	}
	if err := media.RemoveStaleTemp(24 * time.Hour); err != nil {
		log.Warn("serve: temporary media files left by a killed server", "err", err)
	}
	handler := api.Handler(api.Deps{Store: b.store, Chain: b.client, Contract: market.NewReader(b.client, cfg.Market),
		ChainID: b.chainID, Market: cfg.Market, Logger: log,
		Origin: cfg.Origin(), TrustedProxies: cfg.TrustedProxies, MediaDir: media.Dir, MasterKey: masterKey,
		MaxLag: 20, Confirms: cfg.Confirmations, Owners: market.NewReader(b.client, cfg.Market), TrackerURL: cfg.Swarm.TrackerURL,
		UploadBounds: uploadBounds(cfg)})
	handler, err = web.Handler(web.Config{ChainID: b.chainID, ChainName: cfg.ChainName, RPCURL: cfg.WalletRPC, Market: cfg.Market,
		ExplorerURL: cfg.ExplorerURL, MediaDir: media.Dir, Logger: log}, handler)
	if err != nil {
		return err
	}
	stopSeeder, err := startSeeder(ctx, cfg, b.store, log)
	if err != nil {
		return err
	}
	defer stopSeeder()
	go uploadSweeper(cfg, b.store, b.client, b.chainID, log).Run(ctx) // forgets uploads never registered; ends with ctx
	log.Info("serve: listening", "addr", cfg.HTTPAddr)
	return serveHTTP(ctx, api.NewServer(cfg.HTTPAddr, handler), log)
}

// uploadBounds are the API's bounds on unregistered uploads, from the configuration.
func uploadBounds(cfg config.Config) uploads.Limits {
	u := cfg.Uploads
	return uploads.Limits{PendingPerClient: u.PendingPerClient, PendingTotal: u.PendingTotal, MinFree: u.MinFree, Grace: u.Grace}
}

// uploadSweeper forgets the uploads never registered within the grace period, while the indexer
// is near the head.
func uploadSweeper(cfg config.Config, st *store.Store, chain sweep.Chain, chainID uint64, log *slog.Logger) sweep.Sweeper {
	return sweep.Sweeper{Store: st, Media: content.Media{Dir: cfg.Media()}, ChainID: chainID, Market: cfg.Market, Chain: chain,
		Confirmations: cfg.Confirmations, Grace: cfg.Uploads.Grace, Logger: log}
}
