package unlock_test

import (
	"context"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/time/rate"

	marketpkg "github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
	"github.com/bittunes/bittunes/internal/unlock"
)

// countingContract owns the track for its buyers from block from on, and counts its calls and the
// blocks it was asked about.
type countingContract struct {
	buyers map[common.Address]bool
	from   uint64
	calls  int
	asked  []*big.Int
}

func (c *countingContract) OwnsAt(_ context.Context, _ int64, a common.Address, block *big.Int) (bool, error) {
	c.calls++
	c.asked = append(c.asked, block)
	return c.buyers[a] && (block == nil || block.Uint64() >= c.from), nil
}

type head uint64

func (h head) HeaderByNumber(context.Context, *big.Int) (*types.Header, error) {
	return &types.Header{Number: new(big.Int).SetUint64(uint64(h))}, nil
}

// TestRefusedKeyRequestsWriteNothing: a forged request is refused without the database or the
// chain; a genuine request from an account that does not own the track reads ownership (one
// contract call) but writes nothing: its nonce stays unspent and no release is logged.
func TestRefusedKeyRequestsWriteNothing(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	chain := &countingContract{buyers: map[common.Address]bool{}}
	f.svc.Contract = chain

	r := request(f.stranger)
	forged := r.Text()
	if _, err := f.svc.Verify(7, forged, sign(t, f.buyer, forged)); err == nil {
		t.Fatal("a request signed by another key verifies")
	}
	req, err := f.svc.Verify(7, forged, sign(t, f.stranger, forged))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.ReleaseRequest(ctx, req, "r1"); !errors.Is(err, unlock.ErrNotOwner) {
		t.Fatalf("a stranger's request: %v, want ErrNotOwner", err)
	}
	if len(f.st.nonces) != 0 || len(f.st.releases) != 0 || chain.calls != 1 {
		t.Fatalf("after refusals: %d nonces, %d releases, %d contract calls; want 0, 0, 1", len(f.st.nonces), len(f.st.releases), chain.calls)
	}
	// An owner's request spends its nonce, once.
	own := request(f.buyer)
	req, err = f.svc.Verify(7, own.Text(), sign(t, f.buyer, own.Text()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.ReleaseRequest(ctx, req, "r2"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.ReleaseRequest(ctx, req, "r3"); err == nil {
		t.Fatal("a replayed request released the key again")
	}
	if len(f.st.nonces) != 1 || len(f.st.releases) != 1 {
		t.Fatalf("%d nonces, %d releases, want 1 and 1", len(f.st.nonces), len(f.st.releases))
	}
}

// TestContractReadsAreBounded: beyond ContractReads, ownership is not asked of the chain (ErrBusy).
func TestContractReadsAreBounded(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	chain := &countingContract{buyers: map[common.Address]bool{}}
	f.svc.Contract, f.svc.ContractReads = chain, rate.NewLimiter(rate.Every(1<<62), 5)
	busy := 0
	for range 100 {
		if _, err := f.svc.Release(ctx, 7, crypto.PubkeyToAddress(f.stranger.PublicKey), "session", "r"); errors.Is(err, unlock.ErrBusy) {
			busy++
		}
	}
	if chain.calls != 5 || busy != 95 {
		t.Fatalf("%d contract calls and %d busy answers for 100 requests, want 5 and 95", chain.calls, busy)
	}
}

// TestContractOwnershipIsReadAtTheConfirmedDepth: a purchase in the last Confirmations blocks is not
// yet enough from the contract; once it is that deep, it is.
func TestContractOwnershipIsReadAtTheConfirmedDepth(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	fresh := crypto.PubkeyToAddress(f.fresh.PublicKey)
	chain := &countingContract{buyers: map[common.Address]bool{fresh: true}, from: 100} // bought in block 100
	f.svc.Contract, f.svc.Confirmations = chain, 3
	for h, owns := range map[uint64]bool{100: false, 102: false, 103: true, 110: true, 2: false} {
		f.svc.Chain = head(h)
		_, err := f.svc.Release(ctx, 7, fresh, "session", "r")
		if owns != (err == nil) || (!owns && !errors.Is(err, unlock.ErrNotOwner)) {
			t.Errorf("head %d: %v, want owner %v", h, err, owns)
		}
	}
	for _, b := range chain.asked {
		if b == nil {
			t.Fatal("the contract was asked about the latest block")
		}
	}
}

// TestOnChainPurchaseReleasesTheKeyOnceConfirmed: on a simulated chain, with 2 confirmations, a
// purchase the indexer has not seen is not enough while it is in the last 2 blocks, and is once it
// is deeper.
func TestOnChainPurchaseReleasesTheKeyOnceConfirmed(t *testing.T) {
	ctx := context.Background()
	m := simchain.New(t, 3)
	track := m.Register(t, 1, 1000, 0)
	f := newFixture(t)
	f.st.track.ID, f.st.track.Artist = track, m.Addr(1)
	f.svc.Contract, f.svc.Chain, f.svc.Confirmations = marketpkg.NewReader(m.Client, m.Address), m.Client, 2
	m.Buy(t, 2, track, common.Address{})
	m.Commit()
	for i := range 3 {
		_, err := f.svc.Release(ctx, track, m.Addr(2), "session", "r")
		if want := i == 2; want != (err == nil) {
			t.Fatalf("%d blocks after the purchase's: %v, want released %v", i, err, want)
		}
		m.Commit()
	}
}
