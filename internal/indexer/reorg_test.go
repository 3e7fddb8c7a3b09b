package indexer_test

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

func TestReorgReplacesOrphanedPurchases(t *testing.T) {
	forEachDB(t, func(t *testing.T, open func() *store.Store) {
		ctx := context.Background()
		m := simchain.New(t, 8)
		const artist, alice, bob, carol = 1, 4, 5, 6
		t1 := m.Register(t, artist, 1_000_000, 2_000)
		t2 := m.Register(t, artist, 2_000_000, 2_000)
		base, err := m.Client.HeaderByNumber(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}

		// Chain A: alice buys t1, then carol buys it through alice's link.
		orphan := m.Buy(t, alice, t1, common.Address{})
		m.Commit()
		m.Buy(t, carol, t1, m.Addr(alice))
		m.Commit()
		s := open()
		ix := newIndexer(m, s, m.Eth, 64)
		runUntilCaughtUp(t, ix)
		if snap := snapshot(t, s); !strings.Contains(strings.Join(snap.Purchases, "\n"), orphan.Hash().Hex()[:20]) {
			t.Fatal("chain A's purchase was not indexed")
		}

		// Chain B forks off before A and grows longer: alice buys t2 instead, with the nonce of her
		// purchase on A (which the backend puts back in its pool), so that one can never come
		// back; bob buys t1; carol's purchase on A is mined again, in another block.
		if err := m.Backend.Fork(base.Hash()); err != nil {
			t.Fatal(err)
		}
		m.ForgetNonces()
		m.Replace(t, orphan, alice, m.Price(t, t2), market.PackPurchase(m.Contract, big.NewInt(t2), common.Address{}, common.Address{}, market.AnyTerms))
		m.Commit()
		m.Buy(t, bob, t1, common.Address{})
		m.Commit()
		m.Commit()
		runUntilCaughtUp(t, ix)

		snap := snapshot(t, s)
		if strings.Contains(strings.Join(snap.Purchases, "\n"), strings.ToLower(orphan.Hash().Hex())) {
			t.Error("the orphaned purchase is still in the read models")
		}
		// The reorg is in the history: from chain A's last block back to the fork, both of A's
		// purchases rolled back.
		history, err := s.RecentReorgs(ctx, simchain.ChainID, m.Address, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(history) != 1 || history[0].ToBlock != base.Number.Uint64() || history[0].FromBlock != base.Number.Uint64()+2 ||
			history[0].Depth != 2 || history[0].PurchasesRolledBack != 2 || history[0].HeadBelowCursor {
			t.Errorf("reorg history %+v, want one rollback from %d to %d of 2 purchases", history, base.Number.Uint64()+2, base.Number.Uint64())
		}
		// The reorged database equals one indexed from scratch on the canonical chain.
		fresh := open()
		runUntilCaughtUp(t, newIndexer(m, fresh, m.Client, 64))
		sameSnapshots(t, s, fresh)
		checkBalances(t, s, m)
	})
}

func snapshot(t *testing.T, s *store.Store) store.Snapshot {
	t.Helper()
	snap, err := s.Snapshot(context.Background(), simchain.ChainID)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}
