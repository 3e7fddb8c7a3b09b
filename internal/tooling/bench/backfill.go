package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"time"

	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/store"
)

// denseShape is the dense backfill's workload at scale 1: 100 000 purchases in waves of 200.
var denseShape = Shape{Artists: 100, Tracks: 1_000, Fans: 5_000, Purchases: 100_000, Wave: 200, CollabEvery: 5, Seed: 1}

// sparseShape is the sparse backfill's workload at scale 1: 10 000 purchases, one per block.
var sparseShape = Shape{Artists: 10, Tracks: 100, Fans: 400, Purchases: 10_000, Wave: 1, CollabEvery: 5, Seed: 2}

func (r *runner) dense(ctx context.Context) error {
	s := denseShape
	s.Artists, s.Tracks, s.Fans = r.scaledRoot(s.Artists, 4), r.scaledRoot(s.Tracks, 10), r.scaledRoot(s.Fans, 50)
	s.Purchases = r.scaled(s.Purchases, 100)
	// A block a second, so that each wave of 200 purchases is mined in one block.
	m, err := r.buildWorkload(ctx, "dense", s, time.Second)
	if err != nil {
		return err
	}
	defer m.Stop()

	dsn, drop, err := r.freshDatabase(ctx, "dense")
	if err != nil {
		return err
	}
	defer drop()
	took, pgStore, err := r.backfill(ctx, m, dsn, "index_dense_pg")
	if err != nil {
		return err
	}
	defer pgStore.Close()
	r.report(Result{"index_dense_pg", float64(m.blocks.logs) / took.Seconds(), "events/s"})

	dir, err := os.MkdirTemp("", "bittunes-bench-sqlite-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	took, liteStore, err := r.backfill(ctx, m, "sqlite:"+filepath.Join(dir, "bench.db"), "index_dense_sqlite")
	if err != nil {
		return err
	}
	defer liteStore.Close()
	r.report(Result{"index_dense_sqlite", float64(m.blocks.logs) / took.Seconds(), "events/s"})
	return r.check(ctx, m, s.Purchases, pgStore, liteStore)
}

func (r *runner) sparse(ctx context.Context) error {
	s := sparseShape
	s.Purchases = r.scaled(s.Purchases, 100)
	m, err := r.buildWorkload(ctx, "sparse", s, 0)
	if err != nil {
		return err
	}
	defer m.Stop()
	dsn, drop, err := r.freshDatabase(ctx, "sparse")
	if err != nil {
		return err
	}
	defer drop()
	head, err := m.client.BlockNumber(ctx)
	if err != nil {
		return err
	}
	took, st, err := r.backfill(ctx, m, dsn, "index_sparse_pg")
	if err != nil {
		return err
	}
	defer st.Close()
	r.report(Result{"index_sparse_pg", float64(head-m.deployBlock+1) / took.Seconds(), "blocks/s"})
	return r.check(ctx, m, s.Purchases, st)
}

// buildWorkload starts a dev chain with the market and makes the planned purchases, each wave
// mined before the next is sent.
func (r *runner) buildWorkload(ctx context.Context, label string, s Shape, period time.Duration) (*devMarket, error) {
	start := time.Now()
	p, err := newPlan(label, s)
	if err != nil {
		return nil, err
	}
	m, err := startDevMarket(ctx, period)
	if err != nil {
		return nil, err
	}
	if err := r.makePurchases(ctx, m, p); err != nil {
		m.Stop()
		return nil, err
	}
	head, err := m.client.BlockNumber(ctx)
	if err != nil {
		m.Stop()
		return nil, err
	}
	r.log.Info("bench: workload built", "workload", label, "purchases", len(p.purchases), "purchase_blocks", len(m.blocks.blocks),
		"blocks", head-m.deployBlock+1, "market_logs", m.blocks.logs, "took", time.Since(start).Round(time.Millisecond))
	return m, nil
}

func (r *runner) makePurchases(ctx context.Context, m *devMarket, p *plan) error {
	if err := m.setUp(ctx, p); err != nil {
		return err
	}
	clear(m.blocks.blocks)
	waves := p.waves()
	for i, wave := range waves {
		reqs := make([]txRequest, len(wave))
		for j, q := range wave {
			reqs[j] = m.purchase(p, q)
		}
		if _, err := m.transact(ctx, reqs); err != nil {
			return fmt.Errorf("wave %d: %w", i, err)
		}
		if (i+1)%max(1, len(waves)/10) == 0 {
			r.log.Info("bench: building", "workload", p.shape, "wave", i+1, "waves", len(waves), "blocks", len(m.blocks.blocks))
		}
	}
	return nil
}

// backfill indexes the market from its deployment block to the head into a fresh database at dsn,
// as the indexer does by default, and returns how long it took and the store.
func (r *runner) backfill(ctx context.Context, m *devMarket, dsn, name string) (time.Duration, *store.Store, error) {
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return 0, nil, err
	}
	ix := indexer.New(indexer.Config{ChainID: m.chain.ChainID().Uint64(), Contract: m.address, DeployBlock: m.deployBlock,
		Logger: r.log.With("component", "indexer")}, m.client, st)
	var took time.Duration
	err = r.profile(name, func() error {
		start := time.Now()
		for {
			caughtUp, err := ix.Step(ctx)
			if err != nil {
				return err
			}
			if caughtUp {
				took = time.Since(start)
				return nil
			}
		}
	})
	if err != nil {
		st.Close()
		return 0, nil, err
	}
	r.log.Info("bench: indexed", "benchmark", name, "took", took.Round(time.Millisecond))
	return took, st, nil
}

// check compares what the stores hold with the workload and with each other.
func (r *runner) check(ctx context.Context, m *devMarket, purchases int, stores ...*store.Store) error {
	var first store.Snapshot
	for i, st := range stores {
		snap, err := st.Snapshot(ctx, m.chain.ChainID().Uint64())
		if err != nil {
			return err
		}
		if len(snap.Purchases) != purchases {
			return fmt.Errorf("the %s database holds %d purchases, want %d", st.Dialect(), len(snap.Purchases), purchases)
		}
		if i == 0 {
			first = snap
		} else if !reflect.DeepEqual(snap, first) {
			return fmt.Errorf("the %s and %s databases hold different read models", stores[0].Dialect(), st.Dialect())
		}
	}
	return nil
}
