package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// TestLibraryListsOwnedTracksWithTheirReferrals: a fan's library is what it bought or was given,
// newest first, each track with the fan's referral credits for it; a track the market does not
// list is left out; on both databases.
func TestLibraryListsOwnedTracksWithTheirReferrals(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		artist, fan, friend, buyer := common.HexToAddress("0xa1"), common.HexToAddress("0xf1"), common.HexToAddress("0xf2"), common.HexToAddress("0xb1")
		h := func(s string) common.Hash { return crypto.Keccak256Hash([]byte(s)) }
		pos := func(log uint) market.Position {
			return market.Position{BlockNumber: 1, BlockHash: h("b1"), BlockTime: t0, TxHash: h(fmt.Sprint("tx", log)), LogIndex: log}
		}
		for _, p := range []string{"p1", "p2"} { // p3 was never uploaded here
			if err := s.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: h(p), Title: p, Genre: "Rock", Uploader: artist, CreatedAt: t0}); err != nil {
				t.Fatal(err)
			}
		}
		price := wei.FromUint64(1_000)
		sale := func(log uint, track int64, buyer, recipient, referrer common.Address, referral uint64) market.Sale {
			return market.Sale{Position: pos(log), TrackID: track, Buyer: buyer, Recipient: recipient, Referrer: referrer, Price: price,
				ArtistAmount: wei.FromUint64(1_000 - referral), ReferrerAmount: wei.FromUint64(referral)}
		}
		events := []market.Event{
			market.TrackRegistered{Position: pos(0), TrackID: 1, Artist: artist, Price: price, ContentHash: h("p1"), MetadataURI: "x"},
			market.TrackRegistered{Position: pos(1), TrackID: 2, Artist: artist, Price: price, ContentHash: h("p2"), MetadataURI: "x"},
			market.TrackRegistered{Position: pos(2), TrackID: 3, Artist: artist, Price: price, ContentHash: h("p3"), MetadataURI: "x"},
			sale(3, 1, fan, fan, common.Address{}, 0),
			sale(4, 3, fan, fan, common.Address{}, 0),
			sale(5, 2, friend, fan, common.Address{}, 0), // a gift
			sale(6, 1, buyer, buyer, fan, 250),
			sale(7, 1, friend, friend, fan, 250),
		}
		if err := s.Apply(ctx, store.Batch{From: 1, Events: events, Cursor: store.Cursor{ChainID: 1337, Contract: common.HexToAddress("0xc3"),
			BlockNumber: 1, BlockHash: h("b1")}}); err != nil {
			t.Fatal(err)
		}
		lib, next, err := s.Library(ctx, 1337, fan, nil, 0)
		if err != nil || next != nil {
			t.Fatal(next, err)
		}
		if len(lib) != 2 || lib[0].Track.ID != 2 || lib[1].Track.ID != 1 {
			t.Fatalf("library: %+v, want tracks 2 then 1", lib)
		}
		if got := lib[0]; got.Acquired.TxHash != h("tx5") || got.Acquired.Buyer != friend || got.Referrals.Sales != 0 || !got.Referrals.Amount.IsZero() {
			t.Errorf("the gift: %+v", got)
		}
		if got := lib[1]; got.Acquired.TxHash != h("tx3") || got.Track.Title != "p1" || got.Referrals.Sales != 2 || got.Referrals.Amount.String() != "500" {
			t.Errorf("the bought track: %+v", got)
		}
		none, _, err := s.Library(ctx, 1337, common.HexToAddress("0xf9"), nil, 0)
		if err != nil || len(none) != 0 {
			t.Fatalf("an account that owns nothing: %v, %v", none, err)
		}
		// In pages of one: the same tracks, in the same order (a page whose sale is of a track the
		// market does not list, here track 3, holds none), and no cursor after the last.
		var paged []int64
		next = nil
		for pages := 0; pages == 0 || next != nil; pages++ {
			if pages > 5 {
				t.Fatal("the pages do not end")
			}
			page, after, err := s.Library(ctx, 1337, fan, next, 1)
			if err != nil || len(page) > 1 {
				t.Fatalf("page %d of one: %+v, %v", pages, page, err)
			}
			for _, it := range page {
				paged = append(paged, it.Track.ID)
				if it.Track.ID == 1 && (it.Referrals.Sales != 2 || it.Referrals.Amount.String() != "500") {
					t.Errorf("track 1 in a page of one: referrals %+v, want 2 sales, 500 wei", it.Referrals)
				}
			}
			next = after
		}
		if fmt.Sprint(paged) != "[2 1]" {
			t.Errorf("in pages of one: tracks %v, want [2 1]", paged)
		}
	})
}
