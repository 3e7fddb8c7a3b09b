package indexer_test

import (
	"context"
	"errors"
	"math/big"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

// droppingChain is an RPC whose head subscriptions the test can cut, as an RPC restart does, and
// refuse for a while; it counts the head polls (HeaderByNumber of the latest block).
type droppingChain struct {
	*simchain.Market
	polls   atomic.Int64
	subs    atomic.Int64
	mu      sync.Mutex
	refuse  bool
	current *cutSub
}

func (c *droppingChain) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	return c.Client.FilterLogs(ctx, q)
}

func (c *droppingChain) SubscribeFilterLogs(ctx context.Context, q ethereum.FilterQuery, ch chan<- types.Log) (ethereum.Subscription, error) {
	return c.Client.SubscribeFilterLogs(ctx, q, ch)
}

func (c *droppingChain) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	if n == nil {
		c.polls.Add(1)
	}
	return c.Client.HeaderByNumber(ctx, n)
}

func (c *droppingChain) SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.refuse {
		return nil, errors.New("dial tcp 127.0.0.1:8546: connect: connection refused")
	}
	inner, err := c.Client.SubscribeNewHead(ctx, ch)
	if err != nil {
		return nil, err
	}
	c.subs.Add(1)
	c.current = &cutSub{Subscription: inner, err: make(chan error, 1)}
	return c.current, nil
}

// cut ends the current subscription with an error and refuses new ones until heal.
func (c *droppingChain) cut() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.refuse = true
	c.current.Subscription.Unsubscribe()
	c.current.err <- errors.New("websocket: close 1006 (abnormal closure): unexpected EOF")
}

func (c *droppingChain) heal() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.refuse = false
}

// cutSub is a subscription whose error channel the test writes.
type cutSub struct {
	ethereum.Subscription
	err chan error
}

func (s *cutSub) Err() <-chan error { return s.err }

func TestHeadSubscriptionIsRenewedAndPollingStopsWithIt(t *testing.T) {
	m := simchain.New(t, 8)
	id := m.Register(t, 1, 1_000_000, 2_000)
	s := openStore(t, "sqlite:"+t.TempDir()+"/b.db")
	chain := &droppingChain{Market: m}
	reg := prometheus.NewRegistry()
	watch := indexer.NewMetrics(reg)
	ix := indexer.New(indexer.Config{ChainID: simchain.ChainID, Contract: m.Address, DeployBlock: m.DeployBlock,
		ReorgWindow: 8, MaxRange: 16, PollInterval: 10 * time.Millisecond, RetryDelay: 20 * time.Millisecond,
		Logger: quietLogger(), Metrics: watch}, chain, s)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ix.Run(ctx) }()
	defer func() { cancel(); <-done }()
	buy := func(buyer int) {
		t.Helper()
		m.Buy(t, buyer, id, common.Address{})
		m.Commit()
		waitFor(t, "the purchase indexed", func() bool { return cursorAt(t, s, m) })
	}
	subscribed := func() bool { return testutil.ToFloat64(watchGauge(t, reg, "bittunes_indexer_head_subscription")) == 1 }

	waitFor(t, "a head subscription", subscribed)
	buy(4)
	// With a subscription, nothing polls the head while no block comes.
	idle := func() int64 {
		before := chain.polls.Load()
		time.Sleep(300 * time.Millisecond) // 30 poll intervals
		return chain.polls.Load() - before
	}
	if n := idle(); n > 2 {
		t.Fatalf("%d head polls in 300 ms with a head subscription, want none", n)
	}

	chain.cut()
	waitFor(t, "the dropped subscription noticed", func() bool { return !subscribed() })
	buy(5) // found by polling while the subscription is refused
	if n := idle(); n < 5 {
		t.Fatalf("%d head polls in 300 ms without a subscription, want polling every 10 ms", n)
	}

	chain.heal()
	waitFor(t, "a renewed subscription", subscribed)
	if got := chain.subs.Load(); got != 2 {
		t.Errorf("%d subscriptions, want 2 (the first and the renewed one)", got)
	}
	buy(6)
	if n := idle(); n > 2 {
		t.Fatalf("%d head polls in 300 ms after resubscribing, want none: polling did not stop", n)
	}
	tr := newTruth()
	for _, buyer := range []int{4, 5, 6} {
		tr.bought(id, m.Addr(buyer), big.NewInt(1_000_000))
	}
	checkAgainstTruth(t, s, m, tr)
}

// TestHeadBelowCursorRollsBackToTheCommonAncestor: the chain is replaced by a shorter fork (a deep
// reorg, or an RPC node that lost its last blocks). The purchases in the lost blocks leave the
// read models, the status says what happened, and the indexer follows the new chain.
func TestHeadBelowCursorRollsBackToTheCommonAncestor(t *testing.T) {
	forEachDB(t, func(t *testing.T, open func() *store.Store) {
		ctx := context.Background()
		m := simchain.New(t, 10)
		tr := newTruth()
		workload(t, m, tr, 3, 10)
		base, err := m.Client.HeaderByNumber(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		id := m.Register(t, 1, 1_000_000, 2_000)
		m.Commit()
		for buyer := 4; buyer < 8; buyer++ {
			m.Buy(t, buyer, id, common.Address{})
			m.Commit()
		}
		s := open()
		reg := prometheus.NewRegistry()
		watch := indexer.NewMetrics(reg)
		ix := indexer.New(indexer.Config{ChainID: simchain.ChainID, Contract: m.Address, DeployBlock: m.DeployBlock,
			ReorgWindow: 4, MaxRange: 16, PollInterval: 20 * time.Millisecond, Logger: quietLogger(), Metrics: watch}, m.Eth, s)
		runUntilCaughtUp(t, ix)
		cursor, err := s.Cursor(ctx, simchain.ChainID, m.Address)
		if err != nil {
			t.Fatal(err)
		}

		// The node now has the chain up to base only: its head is 5 blocks below the cursor.
		if err := m.Backend.Fork(base.Hash()); err != nil {
			t.Fatal(err)
		}
		runUntilCaughtUp(t, ix)
		st := watch.Status()
		// Backfill remembers the last block of each range: the newest remembered block at or below
		// the new head is the common ancestor.
		if st.LastReorg == nil || !st.LastReorg.HeadBelowCursor || st.LastReorg.ToBlock > base.Number.Uint64() || st.LastReorg.FromBlock != cursor.BlockNumber {
			t.Fatalf("status after the head fell below the cursor: %+v, want a reorg from %d to at most %d", st.LastReorg, cursor.BlockNumber, base.Number)
		}
		if got := testutil.ToFloat64(watchGauge(t, reg, "bittunes_indexer_reorgs_total")); got != 1 {
			t.Errorf("reorgs_total %v, want 1", got)
		}
		// and the database's reorg history, which serve's /status shows, says so too.
		history, err := s.RecentReorgs(ctx, simchain.ChainID, m.Address, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(history) != 1 || !history[0].HeadBelowCursor || history[0].FromBlock != cursor.BlockNumber || history[0].PurchasesRolledBack < 4 {
			t.Errorf("reorg history %+v, want one head-below-cursor rollback from %d of the 4 lost purchases", history, cursor.BlockNumber)
		}
		fresh := open()
		runUntilCaughtUp(t, newIndexer(m, fresh, m.Client, 4))
		sameSnapshots(t, s, fresh)
		checkAgainstTruth(t, s, m, tr) // the purchases of the lost blocks are gone

		// The new chain grows (the backend mines the lost transactions again): it is indexed.
		m.Commit()
		m.Commit()
		runUntilCaughtUp(t, ix)
		fresh = open()
		runUntilCaughtUp(t, newIndexer(m, fresh, m.Client, 4))
		sameSnapshots(t, s, fresh)
		checkBalances(t, s, m)
	})
}

// watchGauge returns the collector of the one metric called name in reg, for testutil.ToFloat64.
func watchGauge(t *testing.T, reg *prometheus.Registry, name string) prometheus.Collector {
	t.Helper()
	return collectorFunc(func(ch chan<- prometheus.Metric) {
		mfs, err := reg.Gather()
		if err != nil {
			t.Fatal(err)
		}
		for _, mf := range mfs {
			if mf.GetName() != name {
				continue
			}
			for _, mt := range mf.GetMetric() {
				v := mt.GetGauge().GetValue() + mt.GetCounter().GetValue()
				ch <- prometheus.MustNewConstMetric(prometheus.NewDesc(name, "", nil, nil), prometheus.GaugeValue, v)
			}
		}
	})
}

type collectorFunc func(chan<- prometheus.Metric)

func (f collectorFunc) Describe(chan<- *prometheus.Desc)    {}
func (f collectorFunc) Collect(ch chan<- prometheus.Metric) { f(ch) }

// waitFor waits up to 20 s for cond.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within 20 s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
