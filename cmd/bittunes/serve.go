package main

import (
	"context"
	"io"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
)

func runServe(ctx context.Context, args []string, env func(string) string, _, stderr io.Writer) error {
	cfg, err := parse("serve", "Serves the API from the database the indexer fills. Stateless: run as many side by side as needed.",
		config.Common|config.Chain, args, env, stderr)
	if err != nil {
		return err
	}
	if err := cfg.CheckChain(); err != nil {
		return err
	}
	log, err := cfg.Logger()
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.Database(), store.WithLogger(log))
	if err != nil {
		return err
	}
	defer st.Close()
	client, chainID, err := dial(ctx, cfg)
	if err != nil {
		return err
	}
	defer client.Close()
	handler := api.Handler(api.Deps{Store: st, Chain: client, Contract: market.NewReader(client, cfg.Market), ChainID: chainID, Market: cfg.Market, Logger: log,
		MaxLag: 20, Confirms: cfg.Confirmations})
	log.Info("serve: listening", "addr", cfg.HTTPAddr)
	return serveHTTP(ctx, api.NewServer(cfg.HTTPAddr, handler), log)
}
