package main

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"time"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/sweep"
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
		MaxLag: 20, Confirms: cfg.Confirmations, Owners: market.NewReader(b.client, cfg.Market), TrackerURL: cfg.Swarm.TrackerURL})
	handler, err = web.Handler(web.Config{ChainID: b.chainID, ChainName: cfg.ChainName, RPCURL: cfg.WalletRPC, Market: cfg.Market,
		ExplorerURL: cfg.ExplorerURL, MediaDir: media.Dir, Logger: log,
		Catalog: b.store, Origin: cfg.Origin(), CardDir: filepath.Join(cfg.DataDir, "cards")}, handler)
	if err != nil {
		return err
	}
	stopSeeder, err := startSeeder(ctx, cfg, b.store, log)
	if err != nil {
		return err
	}
	defer stopSeeder()
	go sweep.Run(ctx, b.store, media, b.chainID, log) // forgets uploads never registered; ends with ctx
	log.Info("serve: listening", "addr", cfg.HTTPAddr)
	return serveHTTP(ctx, api.NewServer(cfg.HTTPAddr, handler), log)
}
