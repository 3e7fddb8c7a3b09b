package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/bittunes/bittunes/internal/store"
)

// A rollback recorded as a reorg removes the same facts as Rollback, and the history says when,
// from which block to which, how deep, and how many purchases went, newest first.
func TestRollbackReorgRecordsTheRollback(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		batches := newSyntheticChain(5, 20, 60, 10).batches(1337, marketAddress, 1)
		applyAll(t, s, batches)
		before, err := s.Snapshot(ctx, 1337)
		if err != nil {
			t.Fatal(err)
		}
		to, from := batches[1].Cursor, batches[len(batches)-1].Cursor
		var wantGone int64
		if err := store.GormDB(s).Table("purchases").Where("block_number > ?", to.BlockNumber).Count(&wantGone).Error; err != nil {
			t.Fatal(err)
		}
		if wantGone == 0 {
			t.Fatal("the fixture has no purchase above the ancestor")
		}
		at := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
		got, err := s.RollbackReorg(ctx, store.Reorg{ChainID: 1337, Contract: marketAddress, At: at, FromBlock: from.BlockNumber,
			ToBlock: to.BlockNumber, Depth: from.BlockNumber - to.BlockNumber}, store.Block{ChainID: 1337, Number: to.BlockNumber, Hash: to.BlockHash})
		if err != nil {
			t.Fatal(err)
		}
		if got.PurchasesRolledBack != wantGone {
			t.Errorf("%d purchases rolled back, want %d", got.PurchasesRolledBack, wantGone)
		}
		after, err := s.Snapshot(ctx, 1337)
		if err != nil {
			t.Fatal(err)
		}
		if int64(len(before.Purchases)-len(after.Purchases)) != wantGone {
			t.Errorf("%d purchases left of %d, want %d gone", len(after.Purchases), len(before.Purchases), wantGone)
		}
		cur, err := s.Cursor(ctx, 1337, marketAddress)
		if err != nil || cur.BlockNumber != to.BlockNumber {
			t.Errorf("cursor %d (%v), want the ancestor %d", cur.BlockNumber, err, to.BlockNumber)
		}
		if _, err := s.RollbackReorg(ctx, store.Reorg{ChainID: 1337, Contract: marketAddress, At: at.Add(time.Hour), FromBlock: to.BlockNumber + 5,
			ToBlock: to.BlockNumber, Depth: 5, HeadBelowCursor: true}, store.Block{ChainID: 1337, Number: to.BlockNumber, Hash: to.BlockHash}); err != nil {
			t.Fatal(err)
		}
		history, err := s.RecentReorgs(ctx, 1337, marketAddress, 10)
		if err != nil {
			t.Fatal(err)
		}
		want := []store.Reorg{
			{ChainID: 1337, Contract: marketAddress, At: at.Add(time.Hour), FromBlock: to.BlockNumber + 5, ToBlock: to.BlockNumber, Depth: 5, HeadBelowCursor: true},
			{ChainID: 1337, Contract: marketAddress, At: at, FromBlock: from.BlockNumber, ToBlock: to.BlockNumber, Depth: from.BlockNumber - to.BlockNumber, PurchasesRolledBack: wantGone},
		}
		if len(history) != len(want) {
			t.Fatalf("history %+v, want %+v", history, want)
		}
		for i := range want {
			if history[i] != want[i] {
				t.Errorf("history[%d] = %+v, want %+v", i, history[i], want[i])
			}
		}
		if other, err := s.RecentReorgs(ctx, 1, marketAddress, 10); err != nil || len(other) != 0 {
			t.Errorf("another chain's history: %v, %v; want none", other, err)
		}
	})
}

// The history keeps the last store.ReorgsKept rollbacks of a contract.
func TestReorgHistoryKeepsTheLastOnes(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		batches := newSyntheticChain(2, 4, 4, 2).batches(1337, marketAddress, 1)
		applyAll(t, s, batches[:1])
		to := batches[0].Cursor
		block := store.Block{ChainID: 1337, Number: to.BlockNumber, Hash: to.BlockHash}
		for i := range store.ReorgsKept + 5 {
			if _, err := s.RollbackReorg(ctx, store.Reorg{ChainID: 1337, Contract: marketAddress, FromBlock: uint64(1000 + i),
				ToBlock: to.BlockNumber}, block); err != nil {
				t.Fatal(err)
			}
		}
		history, err := s.RecentReorgs(ctx, 1337, marketAddress, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(history) != store.ReorgsKept || history[0].FromBlock != uint64(1000+store.ReorgsKept+4) || history[len(history)-1].FromBlock != 1005 {
			t.Fatalf("%d rows kept, newest from %d, oldest from %d; want the last %d", len(history), history[0].FromBlock,
				history[len(history)-1].FromBlock, store.ReorgsKept)
		}
	})
}
