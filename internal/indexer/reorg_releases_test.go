package indexer_test

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

// TestReorgRollsBackReleases: a release's price change, delisting, purchase and a second release,
// all on a chain that a longer fork replaces, leave the read models; the reorged database equals one
// indexed from scratch on the canonical chain, and the release's price and listing are the contract's.
func TestReorgRollsBackReleases(t *testing.T) {
	forEachDB(t, func(t *testing.T, open func() *store.Store) {
		ctx := context.Background()
		m := simchain.New(t, 8)
		const artist, alice, bob, dave = 1, 4, 5, 7
		t1 := m.Register(t, artist, 1_000_000, 2_000)
		t2 := m.Register(t, artist, 2_000_000, 2_000)
		release := m.RegisterRelease(t, artist, 2_400_000, "", t1, t2)
		m.Buy(t, alice, t1, common.Address{})
		m.Commit()
		base, err := m.Client.HeaderByNumber(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}

		// Chain A: the artist discounts the release, dave buys it through alice, the artist delists it
		// and registers a second release.
		m.Send(t, artist, nil, m.Contract.PackSetReleasePrice(big.NewInt(release), big.NewInt(2_000_000)))
		m.Commit()
		m.BuyRelease(t, dave, release, m.Addr(alice))
		m.Commit()
		delist := m.Send(t, artist, nil, m.Contract.PackSetReleaseListed(big.NewInt(release), false))
		second := m.Send(t, artist, nil, m.Contract.PackRegisterRelease([]*big.Int{big.NewInt(t2)}, big.NewInt(1_500_000), "ipfs://single"))
		m.Commit()
		m.Receipt(t, delist)
		m.Receipt(t, second)
		s := open()
		ix := newIndexer(m, s, m.Eth, 64)
		runUntilCaughtUp(t, ix)
		snap := snapshot(t, s)
		if len(snap.ReleasePurchases) != 1 || len(snap.ReleaseChanges) != 2 || len(snap.Releases) != 2 {
			t.Fatalf("chain A's releases were not indexed: %d releases, %d changes, %d purchases",
				len(snap.Releases), len(snap.ReleaseChanges), len(snap.ReleasePurchases))
		}

		// Chain B forks off before A and grows longer, with bob's purchase of t2 alone. (A's
		// transactions go back into the pool and may be mined again: whatever B holds, the read
		// models must be B's.)
		if err := m.Backend.Fork(base.Hash()); err != nil {
			t.Fatal(err)
		}
		m.ForgetNonces()
		for range 4 {
			m.Commit()
		}
		m.Buy(t, bob, t2, common.Address{})
		m.Commit()
		runUntilCaughtUp(t, ix)

		fresh := open()
		runUntilCaughtUp(t, newIndexer(m, fresh, m.Client, 64))
		sameSnapshots(t, s, fresh)
		checkBalances(t, s, m)
		got, err := s.Release(ctx, simchain.ChainID, release)
		if err != nil {
			t.Fatal(err)
		}
		c := m.Contract
		want, err := bind.Call(c.Instance(m.Client, m.Address), nil, c.PackRelease(big.NewInt(release)), c.UnpackRelease)
		if err != nil {
			t.Fatal(err)
		}
		if got.Price.BigInt().Cmp(want.Price) != 0 || got.Listed != want.Listed {
			t.Errorf("after the reorg the store says price %s, listed %t; the contract %s, %t", got.Price, got.Listed, want.Price, want.Listed)
		}
	})
}
