package main

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/swarm"
)

// startSeeder seeds the media folder's packages (checking each against its content hash first),
// announcing to the market's tracker, seeds each package any server checks about a second after
// its check, and scans the media folder every 10 seconds for files put there otherwise. The returned
// function stops it.
func startSeeder(ctx context.Context, cfg config.Config, st *store.Store, log *slog.Logger) (func(), error) {
	if cfg.Swarm.Off {
		log.Info("swarm: no seeder (--no-seeder): packages are served by the web seed only")
		return func() {}, nil
	}
	maxPeers := cfg.Swarm.MaxPeers
	if maxPeers <= 0 {
		maxPeers = 8
	}
	payout, err := seederPayout(cfg.Swarm.SeederKey)
	if err != nil {
		return nil, err
	}
	if payout != nil {
		log.Info("swarm: the seeder names its account to peers", "account", payout.Account.Hex())
	}
	index := &swarm.Index{Store: st, Media: content.Media{Dir: cfg.Media()}}
	s, err := swarm.NewSeeder(swarm.Config{ListenAddr: cfg.Swarm.Listen, DHT: cfg.Swarm.DHT, UploadRate: cfg.Swarm.UploadRate, MaxPeers: maxPeers,
		Payout: payout, Logger: log.With("component", "seeder")}, index, swarm.ServerLinks(cfg.Origin(), cfg.Swarm.TrackerURL))
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Run(ctx, 10*time.Second)
	}()
	return func() {
		cancel()
		<-done
		s.Close()
	}, nil
}

// seederPayout is the payout claim of the seeder's account, from --seeder-key; none without one.
func seederPayout(hexKey string) (*swarm.Payout, error) {
	hexKey = strings.TrimPrefix(strings.TrimSpace(hexKey), "0x")
	if hexKey == "" {
		return nil, nil
	}
	k, err := crypto.HexToECDSA(hexKey)
	if err != nil {
		return nil, errors.New("--seeder-key (BITTUNES_SEEDER_KEY) is not a private key (64 hex digits)")
	}
	return &swarm.Payout{Account: addressOf(k), Key: k}, nil
}
