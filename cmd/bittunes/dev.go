package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/demo"
	"github.com/bittunes/bittunes/internal/devchain"
	"github.com/bittunes/bittunes/internal/metrics"
	"github.com/bittunes/bittunes/internal/retry"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/swarm"
)

const devAbout = `Runs the whole market on this machine: an in-process go-ethereum dev chain (JSON-RPC on 127.0.0.1),
the market contract deployed from the committed bytecode, SQLite in the data folder, the indexer, the
charts and the API, and on a fresh chain a demo catalogue. Chain and database are kept in the data
folder across restarts; --reset deletes them first.`

// devFlags are the flag groups of `bittunes dev`.
const devFlags = config.Common | config.DevFlags | config.WebFlags

func runDev(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	cfg, err := parse("dev", devAbout, devFlags, args, env, stderr)
	if err != nil {
		return err
	}
	log, err := cfg.Logger()
	if err != nil {
		return err
	}
	if cfg.DataDir, err = filepath.Abs(cfg.DataDir); err != nil {
		return err
	}
	if cfg.Dev.Reset {
		if err := resetDevData(cfg); err != nil {
			return err
		}
	}
	masterKey, err := devMasterKey(cfg)
	if err != nil {
		return err
	}
	chain, err := devchain.Start(ctx, devchain.Config{
		DataDir: filepath.Join(cfg.DataDir, "chain"), HTTPHost: "127.0.0.1", HTTPPort: cfg.Dev.RPCPort,
		WSPort: cfg.Dev.WSPort, BlockPeriod: cfg.Dev.BlockPeriod, Logger: log.With("component", "devchain"),
	})
	if err != nil {
		return err
	}
	defer chain.Stop()
	chainID := chain.ChainID().Uint64()

	dep, fresh, err := ensureMarket(ctx, chain, cfg.DataDir)
	if err != nil {
		return err
	}
	cfg.Market, cfg.DeployBlock = dep.Market, dep.DeployBlock
	if fresh && cfg.DatabaseURL == "" {
		// A new market on this chain: the embedded database must not hold another one's rows.
		if err := removeSQLite(cfg.Database()); err != nil {
			return err
		}
	}
	st, err := store.Open(ctx, cfg.Database(), store.WithLogger(log.With("component", "store")))
	if err != nil {
		return err
	}
	defer st.Close()

	info := newDevInfo(chain, dep, cfg.Origin())
	info.Ready = !(fresh && cfg.Dev.Seed) // else once the demo catalogue is indexed
	if err := info.write(filepath.Join(cfg.DataDir, "dev.json")); err != nil {
		return err
	}
	printBanner(stdout, cfg, info)

	if cfg.ChainName == "" {
		cfg.ChainName = "Bittunes dev chain"
	}
	if cfg.WalletRPC == "" {
		cfg.WalletRPC = chain.HTTPURL()
	}
	media, err := openMedia(cfg, log)
	if err != nil {
		return err
	}
	reg := metrics.NewRegistry()
	handler, err := newAPIHandler(cfg, &backend{log: log, store: st, client: chain.Client(), chainID: chainID}, masterKey, reg)
	if err != nil {
		return err
	}
	if cfg.Swarm.SeederKey == "" {
		cfg.Swarm.SeederKey = chain.Accounts()[0].KeyHex() // the operator, fee recipient of the dev market
	}
	stopSeeder, err := startSeeder(ctx, cfg, st, log)
	if err != nil {
		return err
	}
	defer stopSeeder()
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return follow(ctx, cfg, chainID, st, chain.Client(), log.With("component", "indexer")) })
	g.Go(func() error { return serveHTTP(ctx, api.NewServer(cfg.HTTPAddr, handler), connGate(cfg, reg), log) })
	g.Go(func() error { return uploadSweeper(cfg, st, media, chain.Client(), chainID, log).Run(ctx) })
	if fresh && cfg.Dev.Seed {
		g.Go(func() error {
			if err := seedDemo(ctx, cfg, chain, st, dep, info.API, masterKey, log); err != nil || ctx.Err() != nil {
				return err
			}
			info.Ready = true
			return info.write(filepath.Join(cfg.DataDir, "dev.json"))
		})
	}
	return ignoreCancel(g.Wait())
}

func seedDemo(ctx context.Context, cfg config.Config, chain *devchain.Chain, st *store.Store, dep deployment, apiBase string, masterKey []byte, log *slog.Logger) error {
	var keys = chain.Accounts()
	s := demo.Seeder{Backend: chain.Client(), ChainID: chain.ChainID(), Market: dep.Market, Store: st,
		Media: content.Media{Dir: cfg.Media()}, MasterKey: masterKey, APIBase: apiBase}
	for _, a := range keys {
		s.Keys = append(s.Keys, a.Key)
	}
	ids, err := s.Seed(ctx)
	if err != nil {
		return ignoreCancel(err)
	}
	if err := awaitDemo(ctx, chain, st, dep, content.Media{Dir: cfg.Media()}, ids); err != nil {
		return ignoreCancel(err)
	}
	log.Info("dev: demo catalogue seeded and indexed", "tracks", len(ids), "releases", len(demo.Releases), "purchases", demo.Purchases())
	return nil
}

// awaitDemo waits until the indexer has reached the block of the demo's last transaction, then
// checks the demo's packages, so that their tracks have torrent and download links (with or
// without the seeder).
func awaitDemo(ctx context.Context, chain *devchain.Chain, st *store.Store, dep deployment, media content.Media, ids []int64) error {
	head, err := chain.Client().BlockNumber(ctx)
	if err != nil {
		return err
	}
	chainID := chain.ChainID().Uint64()
	for {
		if c, err := st.Cursor(ctx, chainID, dep.Market); err == nil && c.BlockNumber >= head {
			break
		}
		if !retry.Sleep(ctx, 50*time.Millisecond) {
			return ctx.Err()
		}
	}
	index := &swarm.Index{Store: st, Media: media}
	for _, id := range ids {
		t, err := st.Track(ctx, chainID, id)
		if err != nil {
			return fmt.Errorf("dev: demo track %d: %w", id, err)
		}
		if _, err := index.Ensure(ctx, t.ContentHash); err != nil {
			return fmt.Errorf("dev: demo track %d: %w", id, err)
		}
	}
	return nil
}

// devMasterKey is the configured master key or, without one, the key kept in the data folder (made
// on first use, readable by its owner only; --reset keeps it).
func devMasterKey(cfg config.Config) ([]byte, error) {
	if cfg.MasterKey != "" {
		return content.ParseMasterKey(cfg.MasterKey)
	}
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return nil, err
	}
	return content.LoadOrCreateMasterKey(filepath.Join(cfg.DataDir, "master.key"))
}

// resetDevData deletes what `dev` keeps in the data folder.
func resetDevData(cfg config.Config) error {
	for _, name := range []string{"chain", "media", "dev.json"} {
		if err := os.RemoveAll(filepath.Join(cfg.DataDir, name)); err != nil {
			return fmt.Errorf("reset: %w", err)
		}
	}
	if cfg.DatabaseURL == "" {
		return removeSQLite(cfg.Database())
	}
	return nil
}

// removeSQLite deletes an SQLite database file and its journal files.
func removeSQLite(dsn string) error {
	path, ok := strings.CutPrefix(dsn, "sqlite:")
	if !ok {
		return nil
	}
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove %s: %w", path+suffix, err)
		}
	}
	return nil
}
