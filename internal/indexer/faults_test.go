package indexer_test

import (
	"bytes"
	"context"
	"errors"
	"math/big"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

// killingStore aborts a random share of Apply calls part-way: their context is cancelled after a
// random few hundred microseconds, in the middle of the transaction or not at all, like a process
// killed at a random instant.
type killingStore struct {
	*store.Store
	mu    sync.Mutex
	rng   *rand.Rand
	kills int
}

func (k *killingStore) Apply(ctx context.Context, b store.Batch) error {
	k.mu.Lock()
	kill := k.rng.IntN(3) == 0
	after := time.Duration(k.rng.IntN(800)) * time.Microsecond
	k.mu.Unlock()
	if !kill {
		return k.Store.Apply(ctx, b)
	}
	ctx, cancel := context.WithTimeout(ctx, after)
	defer cancel()
	err := k.Store.Apply(ctx, b)
	if err != nil {
		k.mu.Lock()
		k.kills++
		k.mu.Unlock()
	}
	return err
}

// TestKilledAtRandomPointsLosesNothing kills the indexer at random points of a backfill (its
// transactions aborted mid-way, its process "restarted" as a new Indexer with no memory) until it
// finishes, then compares the database with one indexed without interruption and with the chain.
func TestKilledAtRandomPointsLosesNothing(t *testing.T) {
	if testing.Short() {
		// Its kills are timed in milliseconds: under the race detector (make test-race runs -short)
		// the indexer is too slow to progress between them.
		t.Skip("kills the indexer thousands of times on millisecond timers")
	}
	forEachDB(t, func(t *testing.T, open func() *store.Store) {
		m := simchain.New(t, 12)
		tr := newTruth()
		workload(t, m, tr, 7, 80)

		reference := open()
		runUntilCaughtUp(t, newIndexer(m, reference, m.Client, 8))

		victim := &killingStore{Store: open(), rng: rand.New(rand.NewPCG(42, 42))}
		rng := rand.New(rand.NewPCG(43, 43))
		// Each run is killed at a random instant drawn relative to how long a run takes to commit its
		// first batch, measured as it goes (on a loaded machine a fixed few milliseconds can end every
		// run before its first commit, and the test then measures the machine, not the indexer): about
		// half the runs die before their first commit, the others after one or more. The estimate
		// starts low and grows with every run that dies before committing: started high, a fast
		// machine finishes the whole backfill in a handful of long runs that all commit.
		firstCommit := time.Millisecond // estimate, from the runs that committed
		restarts, idle := 0, 0
		for !cursorAt(t, victim.Store, m) {
			if restarts++; restarts > 2_000 {
				t.Fatalf("no progress after 2 000 restarts (%d without a commit; first commit after about %v)", idle, firstCommit)
			}
			life := firstCommit/4 + time.Duration(rng.Int64N(int64(7*firstCommit/4)))
			ctx, cancel := context.WithTimeout(context.Background(), life)
			start := time.Now()
			var first time.Duration
			var firstOnce sync.Once
			// Small ranges make many batches, so there is something to kill in each run.
			victimIndexer := indexer.New(indexer.Config{ChainID: simchain.ChainID, Contract: m.Address, DeployBlock: m.DeployBlock,
				ReorgWindow: 8, MaxRange: 4, PollInterval: 20 * time.Millisecond, Logger: quietLogger(),
				OnApplied: func(store.Cursor) { firstOnce.Do(func() { first = time.Since(start) }) }}, m.Eth, victim)
			_ = victimIndexer.Run(ctx) // "killed" when the timeout ends it
			cancel()
			if first == 0 {
				// Killed before its first commit: that takes longer than this run lived.
				idle++
				firstCommit = max(firstCommit, life*5/4)
			} else {
				firstCommit = (4*firstCommit + first) / 5
			}
		}
		t.Logf("%d restarts (%d killed before their first commit), %d transactions aborted mid-way; first commit after about %v",
			restarts, idle, victim.kills, firstCommit)
		if victim.kills == 0 || idle == 0 || restarts-idle < 3 {
			t.Fatal("the test did not kill anything")
		}
		sameSnapshots(t, victim.Store, reference)
		checkAgainstTruth(t, victim.Store, m, tr)
	})
}

// faultyChain is an RPC that fails a share of calls, refuses log ranges wider than 3 blocks the way
// hosted providers do, and may have a head subscription.
type faultyChain struct {
	indexer.Chain
	mu       sync.Mutex
	rng      *rand.Rand
	failures int
	refusals int
}

var errFlaky = errors.New("dial tcp 127.0.0.1:8545: connect: connection refused")

func (f *faultyChain) fail() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.rng.IntN(5) == 0 {
		f.failures++
		return true
	}
	return false
}

func (f *faultyChain) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	if f.fail() {
		return nil, errFlaky
	}
	if q.FromBlock != nil && new(big.Int).Sub(q.ToBlock, q.FromBlock).Int64() >= 3 {
		f.mu.Lock()
		f.refusals++
		f.mu.Unlock()
		return nil, errors.New("query exceeds max block range 3")
	}
	return f.Chain.FilterLogs(ctx, q)
}

func (f *faultyChain) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	if f.fail() {
		return nil, errFlaky
	}
	return f.Chain.HeaderByNumber(ctx, n)
}

func TestRPCFaultsAreRetriedWithoutGaps(t *testing.T) {
	forEachDB(t, func(t *testing.T, open func() *store.Store) {
		m := simchain.New(t, 12)
		tr := newTruth()
		workload(t, m, tr, 11, 40)
		s := open()
		chain := &faultyChain{Chain: m.Client, rng: rand.New(rand.NewPCG(5, 5))}
		var logs bytes.Buffer
		var logMu sync.Mutex
		ix := indexer.New(indexer.Config{ChainID: simchain.ChainID, Contract: m.Address, DeployBlock: m.DeployBlock,
			ReorgWindow: 4, MaxRange: 64, PollInterval: 10 * time.Millisecond, RetryDelay: time.Millisecond, Logger: bufferLogger(&logs, &logMu)}, chain, s)
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		done := make(chan error, 1)
		go func() { done <- ix.Run(ctx) }()
		for !cursorAt(t, s, m) {
			select {
			case err := <-done:
				t.Fatalf("indexer stopped: %v", err)
			case <-time.After(20 * time.Millisecond):
			}
		}
		cancel()
		<-done
		checkAgainstTruth(t, s, m, tr)
		logMu.Lock()
		out := logs.String()
		logMu.Unlock()
		if chain.failures == 0 || chain.refusals == 0 {
			t.Fatalf("no faults were injected (%d failures, %d refusals)", chain.failures, chain.refusals)
		}
		for _, want := range []string{"retrying", "connection refused", "halving"} {
			if !strings.Contains(out, want) {
				t.Errorf("the log does not say %q", want)
			}
		}
	})
}

func TestLiveFollowingByHeadSubscription(t *testing.T) {
	forEachDB(t, func(t *testing.T, open func() *store.Store) {
		m := simchain.New(t, 8)
		id := m.Register(t, 1, 1_000_000, 2_000)
		s := open()
		ix := newIndexer(m, s, m.Eth, 8)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- ix.Run(ctx) }()
		defer func() { cancel(); <-done }()

		tr := newTruth()
		for buyer := 4; buyer < 8; buyer++ {
			price := m.Price(t, id)
			ref := m.Addr(4)
			m.Buy(t, buyer, id, ref)
			m.Commit()
			tr.bought(id, m.Addr(buyer), price)
			deadline := time.Now().Add(5 * time.Second)
			for !cursorAt(t, s, m) {
				if time.Now().After(deadline) {
					t.Fatalf("purchase by %d not indexed within 5 s", buyer)
				}
				time.Sleep(5 * time.Millisecond)
			}
		}
		checkAgainstTruth(t, s, m, tr)
	})
}
