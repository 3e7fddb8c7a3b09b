package main

import (
	"context"
	"log/slog"
	"time"

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
	index := &swarm.Index{Store: st, Media: content.Media{Dir: cfg.Media()}}
	s, err := swarm.NewSeeder(swarm.Config{ListenAddr: cfg.Swarm.Listen, DHT: cfg.Swarm.DHT, UploadRate: cfg.Swarm.UploadRate, MaxPeers: maxPeers,
		Logger: log.With("component", "seeder")}, index, swarm.ServerLinks(cfg.Origin(), cfg.Swarm.TrackerURL))
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
