package market_test

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

// TestQuoteGivesTheTermsAPurchaseNames: the quote carries the price, the fee and the referral share
// and the referrer the contract credits; a purchase naming those terms goes through, and the same
// terms after the fee rose revert it (TermsChanged), as do a gift to the track's artist.
func TestQuoteGivesTheTermsAPurchaseNames(t *testing.T) {
	m := simchain.New(t, 5)
	artist, alice, bob, carol := 1, 2, 3, 4
	id := m.Register(t, artist, 1_000_000, 2_000)
	m.Buy(t, alice, id, common.Address{})
	m.Commit()
	r := market.NewReader(m.Client, m.Address)
	ctx := context.Background()

	q, err := r.Quote(ctx, id, m.Addr(alice), m.Addr(bob), m.Addr(bob))
	if err != nil {
		t.Fatal(err)
	}
	if q.Price.Int64() != 1_000_000 || q.FeeBps != simchain.FeeBps || q.ReferralBps != 2_000 || q.CreditedReferrer != m.Addr(alice) ||
		q.ReferrerAmount.Int64() != 200_000 || q.FeeAmount.Int64() != 50_000 || q.ArtistAmount.Int64() != 750_000 {
		t.Fatalf("quote %+v", q)
	}
	if got := q.Terms(); got != (market.Terms{MaxFeeBps: simchain.FeeBps, MinReferralBps: 2_000}) {
		t.Errorf("terms %+v", got)
	}
	if q, err := r.Quote(ctx, id, m.Addr(carol), m.Addr(bob), m.Addr(bob)); err != nil || q.CreditedReferrer != (common.Address{}) || q.ReferralBps != 2_000 {
		t.Errorf("a referrer who owns nothing: %+v, %v; want no credited referrer and the track's share", q, err)
	}

	status := func(tx *types.Transaction) uint64 {
		t.Helper()
		m.Commit()
		rec, err := m.Client.TransactionReceipt(ctx, tx.Hash())
		if err != nil {
			t.Fatal(err)
		}
		return rec.Status
	}
	m.Send(t, 0, nil, m.Contract.PackSetFeeBps(big.NewInt(1_000)))
	m.Commit()
	price := big.NewInt(1_000_000)
	if s := status(m.Send(t, bob, price, market.PackPurchase(m.Contract, big.NewInt(id), common.Address{}, m.Addr(alice), q.Terms()))); s != types.ReceiptStatusFailed {
		t.Error("a purchase on terms the fee has since exceeded went through")
	}
	if s := status(m.Send(t, bob, price, market.PackPurchase(m.Contract, big.NewInt(id), m.Addr(artist), m.Addr(alice), market.AnyTerms))); s != types.ReceiptStatusFailed {
		t.Error("a gift to the track's artist went through")
	}
	q, err = r.Quote(ctx, id, m.Addr(alice), m.Addr(bob), m.Addr(carol))
	if err != nil {
		t.Fatal(err)
	}
	if s := status(m.Send(t, bob, q.Price, market.PackPurchase(m.Contract, big.NewInt(id), m.Addr(carol), m.Addr(alice), q.Terms()))); s != types.ReceiptStatusSuccessful {
		t.Error("a gift on the terms quoted now reverted")
	}
	if owns, err := r.Owns(ctx, id, m.Addr(carol)); err != nil || !owns {
		t.Errorf("carol owns the gift: %v, %v", owns, err)
	}
}
