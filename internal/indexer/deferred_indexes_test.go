package indexer_test

import (
	"context"
	"testing"
	"time"

	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

// TestABackfillDefersReaderIndexesUntilNearTheHead: a backfill with more logs left than
// DeferIndexesAbove writes without the deferrable indexes, builds them before it reaches the head, and
// stores what an indexer that never deferred them stores.
func TestABackfillDefersReaderIndexesUntilNearTheHead(t *testing.T) {
	forEachDB(t, func(t *testing.T, open func() *store.Store) {
		m := simchain.New(t, 12)
		tr := newTruth()
		workload(t, m, tr, 5, 80)
		reference := open()
		never := indexer.New(indexer.Config{ChainID: simchain.ChainID, Contract: m.Address, DeployBlock: m.DeployBlock,
			ReorgWindow: 4, MaxRange: 4, PollInterval: 20 * time.Millisecond, Logger: quietLogger(), DeferIndexesAbove: -1}, m.Eth, reference)
		runUntilCaughtUp(t, never)
		if names, err := reference.DeferredIndexes(context.Background()); err != nil || len(names) > 0 {
			t.Fatalf("DeferIndexesAbove -1 deferred %v (err %v)", names, err)
		}

		s := open()
		var deferredWhile []uint64 // the cursors committed while indexes were deferred
		ix := indexer.New(indexer.Config{ChainID: simchain.ChainID, Contract: m.Address, DeployBlock: m.DeployBlock,
			ReorgWindow: 4, MaxRange: 4, TargetLogs: 5, PollInterval: 20 * time.Millisecond, Logger: quietLogger(), DeferIndexesAbove: 20,
			OnApplied: func(c store.Cursor) {
				names, err := s.DeferredIndexes(context.Background())
				if err != nil {
					t.Error(err)
				}
				if len(names) > 0 {
					deferredWhile = append(deferredWhile, c.BlockNumber)
				}
			}}, m.Eth, s)
		runUntilCaughtUp(t, ix)
		names, err := s.DeferredIndexes(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(names) > 0 {
			t.Fatalf("caught up with %v still deferred", names)
		}
		head, err := m.Client.BlockNumber(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if s.Dialect() == store.DialectPostgres {
			if len(deferredWhile) == 0 {
				t.Fatal("no batch was written with the deferrable indexes deferred")
			}
			if last := deferredWhile[len(deferredWhile)-1]; last+4 >= head {
				t.Errorf("a batch ending at block %d, within the reorg window of head %d, was written with indexes deferred", last, head)
			}
		} else if len(deferredWhile) > 0 {
			t.Fatal("indexes were deferred on SQLite")
		}
		sameSnapshots(t, s, reference)
		checkAgainstTruth(t, s, m, tr)
	})
}

// TestIndexesLeftDeferredByAKilledProcessAreBuiltOnItsNextStart: the process that deferred them
// died; the next one, already at the head, builds them before it reports being caught up.
func TestIndexesLeftDeferredByAKilledProcessAreBuiltOnItsNextStart(t *testing.T) {
	forEachDB(t, func(t *testing.T, open func() *store.Store) {
		if testing.Short() {
			t.Skip("covered on the normal run")
		}
		m := simchain.New(t, 12)
		workload(t, m, newTruth(), 6, 10)
		s := open()
		runUntilCaughtUp(t, newIndexer(m, s, m.Eth, 8))
		deferred, err := s.DeferIndexes(context.Background(), 1<<40)
		if err != nil {
			t.Fatal(err)
		}
		if s.Dialect() == store.DialectPostgres && !deferred {
			t.Fatal("could not defer the indexes")
		}
		runUntilCaughtUp(t, newIndexer(m, s, m.Eth, 8))
		if names, err := s.DeferredIndexes(context.Background()); err != nil || len(names) > 0 {
			t.Fatalf("the next process caught up with %v deferred (err %v)", names, err)
		}
	})
}
