package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// TestOnlyAnArtistsFirstRegistrationOfAPackageIsListed: an artist who registers their package again
// (a v1 market allowed it; v2 refuses it) would otherwise sell it under the same title and key
// without the first registration's collaborators. The market lists, serves and unlocks only the
// first; another artist's registration of the package (an impostor's) is not listed either.
func TestOnlyAnArtistsFirstRegistrationOfAPackageIsListed(t *testing.T) {
	artist := common.HexToAddress("0x00000000000000000000000000000000000A5715")
	impostor := common.HexToAddress("0x0000000000000000000000000000000000005a77")
	collab := common.HexToAddress("0x00000000000000000000000000000000000c011a")
	pkg := hash(200)
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: pkg, Title: "Duet", ArtistName: "A",
			Genre: "Rock", Subgenre: "Indie", Uploader: artist}); err != nil {
			t.Fatal(err)
		}
		pos := func(n uint64) market.Position {
			return market.Position{BlockNumber: n, BlockHash: hash(n), BlockTime: t0, TxHash: hash(2000 + n)}
		}
		events := []market.Event{
			market.TrackRegistered{Position: pos(1), TrackID: 1, Artist: artist, Price: wei.FromUint64(10), ContentHash: pkg, MetadataURI: "x",
				Collaborators: []market.Collaborator{{Account: collab, Bps: 5_000}}},
			market.TrackRegistered{Position: pos(2), TrackID: 2, Artist: impostor, Price: wei.FromUint64(1), ContentHash: pkg, MetadataURI: "x"},
			market.TrackRegistered{Position: pos(3), TrackID: 3, Artist: artist, Price: wei.FromUint64(1), ContentHash: pkg, MetadataURI: "x"},
		}
		if err := s.Apply(ctx, store.Batch{From: 1, Events: events,
			Cursor: store.Cursor{ChainID: 1, Contract: contractA, BlockNumber: 3, BlockHash: hash(3)}}); err != nil {
			t.Fatal(err)
		}
		if tr, err := s.Track(ctx, 1, 1); err != nil || tr.Title != "Duet" || len(tr.Collaborators) != 1 {
			t.Fatalf("track 1: %+v, %v; want the listed duet with its collaborator", tr, err)
		}
		for _, id := range []int64{2, 3} {
			if _, err := s.Track(ctx, 1, id); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("track %d: %v, want ErrNotFound", id, err)
			}
		}
		list, _, err := s.BrowseTracks(ctx, 1, store.Browse{Limit: 10})
		if err != nil || len(list) != 1 || list[0].ID != 1 {
			t.Errorf("browse: %d tracks (%v), want only track 1", len(list), err)
		}
		if mine, err := s.ArtistTracks(ctx, 1, artist); err != nil || len(mine) != 1 || mine[0].ID != 1 {
			t.Errorf("the artist's tracks: %d (%v), want only track 1", len(mine), err)
		}
	})
}
