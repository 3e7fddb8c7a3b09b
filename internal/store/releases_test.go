package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

const (
	releaseDraft = "0123456789abcdef0123456789abcdef"
	otherDraft   = "fedcba9876543210fedcba9876543210"
)

// releaseChain: two tracks, a release of both (in the order 2, 1) whose metadata URI names
// releaseDraft, its price changed and delisted, a release purchase of both tracks, relisted, and a
// second release naming otherDraft (written by somebody else).
func releaseChain() *syntheticChain {
	base := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	pos := func(block, tx, log int) market.Position {
		return market.Position{BlockNumber: uint64(block + 1), BlockTime: base.Add(time.Duration(block) * time.Minute),
			TxHash: crypto.Keccak256Hash([]byte(fmt.Sprintf("tx %d %d", block, tx))), LogIndex: uint(log)}
	}
	artist, fan, operator := addr("artist", 0), addr("fan", 0), addr("operator", 0)
	sale := func(p market.Position, track int64, price uint64) market.Sale {
		return market.Sale{Position: p, TrackID: track, Buyer: fan, Recipient: fan, Price: wei.FromUint64(price),
			ArtistAmount: wei.FromUint64(price - price/20), FeeAmount: wei.FromUint64(price / 20)}
	}
	uri := "https://market.test" + store.ReleaseMetadataPath(releaseDraft)
	return &syntheticChain{blocks: [][]market.Event{
		{market.OwnershipTransferred{Position: pos(0, 0, 0), Owner: operator}, market.FeeRecipientUpdated{Position: pos(0, 0, 1), Recipient: operator},
			market.FeeUpdated{Position: pos(0, 0, 2), Bps: 500}},
		{market.TrackRegistered{Position: pos(1, 0, 0), TrackID: 1, Artist: artist, Price: wei.FromUint64(1_000)},
			market.TrackRegistered{Position: pos(1, 1, 1), TrackID: 2, Artist: artist, Price: wei.FromUint64(2_000)}},
		{market.ReleaseRegistered{Position: pos(2, 0, 0), ReleaseID: 1, Artist: artist, Price: wei.FromUint64(1_500), TrackIDs: []int64{2, 1}, MetadataURI: uri}},
		{market.ReleasePriceUpdated{Position: pos(3, 0, 0), ReleaseID: 1, Previous: wei.FromUint64(1_500), Price: wei.FromUint64(1_200)},
			market.ReleaseListingUpdated{Position: pos(3, 1, 1), ReleaseID: 1, Listed: false}},
		{sale(pos(4, 0, 0), 2, 800), sale(pos(4, 0, 1), 1, 400),
			market.ReleasePurchased{Position: pos(4, 0, 2), ReleaseID: 1, Buyer: fan, Recipient: fan, Amount: wei.FromUint64(1_200), TracksBought: 2}},
		{market.ReleaseListingUpdated{Position: pos(5, 0, 0), ReleaseID: 1, Listed: true},
			market.ReleaseRegistered{Position: pos(5, 1, 1), ReleaseID: 2, Artist: artist, Price: wei.FromUint64(900), TrackIDs: []int64{1},
				MetadataURI: "https://market.test" + store.ReleaseMetadataPath(otherDraft)}},
	}}
}

func TestReleasesAreStoredAndRolledBack(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		artist := addr("artist", 0)
		now := time.Date(2026, 3, 1, 11, 0, 0, 0, time.UTC)
		for _, m := range []store.ReleaseMetadata{
			{ID: releaseDraft, ChainID: 1337, Uploader: artist, Title: "Tides", Kind: "album", ReleaseDate: "2026-03-01", CreatedAt: now, UpdatedAt: now},
			{ID: otherDraft, ChainID: 1337, Uploader: addr("squatter", 0), Title: "Not theirs", Kind: "single", CreatedAt: now, UpdatedAt: now},
		} {
			if err := s.CreateReleaseMetadata(ctx, m, []byte{0xff, 0xd8}); err != nil {
				t.Fatal(err)
			}
		}
		if n, err := s.UnregisteredReleaseMetadata(ctx, 1337, artist); err != nil || n != 1 {
			t.Fatalf("unregistered drafts before registering = %d, %v; want 1", n, err)
		}
		batches := releaseChain().batches(1337, marketAddress, 1)
		applyAll(t, s, batches)

		r1, err := s.Release(ctx, 1337, 1)
		if err != nil {
			t.Fatal(err)
		}
		if r1.Artist != artist || r1.Price.String() != "1200" || !r1.Listed || !reflect.DeepEqual(r1.TrackIDs, []int64{2, 1}) || r1.Purchases != 1 {
			t.Errorf("release 1 = %+v", r1)
		}
		if r1.Metadata == nil || r1.Metadata.Title != "Tides" || r1.Metadata.Kind != "album" || !r1.Metadata.HasCover {
			t.Errorf("release 1's metadata = %+v", r1.Metadata)
		}
		r2, err := s.Release(ctx, 1337, 2)
		if err != nil {
			t.Fatal(err)
		}
		if r2.Metadata != nil {
			t.Errorf("release 2 names another account's metadata, shown as its own: %+v", r2.Metadata)
		}
		all, err := s.ArtistReleases(ctx, 1337, artist)
		if err != nil || len(all) != 2 || all[0].ID != 2 || all[1].ID != 1 {
			t.Errorf("artist releases = %+v, %v; want 2 then 1", all, err)
		}
		var listed []int64
		for _, r := range all {
			if r.Listed {
				listed = append(listed, r.ID)
			}
		}
		newest, err := s.NewestReleases(ctx, 1337)
		var got []int64
		for _, r := range newest {
			got = append(got, r.ID)
		}
		if err != nil || len(listed) == 0 || !reflect.DeepEqual(got, listed) {
			t.Errorf("newest releases = %v, %v; want the listed ones newest first, %v", got, err, listed)
		}
		if ids, err := releaseIDs(s.ReleasesOfTrack(ctx, 1337, 1, 10)); err != nil || !reflect.DeepEqual(ids, []int64{1, 2}) {
			t.Errorf("releases of track 1 = %v, %v", ids, err)
		}
		if ids, err := releaseIDs(s.ReleasesOfTrack(ctx, 1337, 1, 1)); err != nil || !reflect.DeepEqual(ids, []int64{1}) {
			t.Errorf("the first release of track 1 = %v, %v", ids, err)
		}
		if n, err := s.UnregisteredReleaseMetadata(ctx, 1337, artist); err != nil || n != 0 {
			t.Errorf("unregistered drafts after registering = %d, %v; want 0", n, err)
		}
		if _, err := s.Release(ctx, 1337, 3); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("release 3: %v, want ErrNotFound", err)
		}

		// Back to block 3 (the release registered, nothing changed yet): as if nothing after it happened.
		to := batches[2].Cursor
		if err := s.Rollback(ctx, 1337, marketAddress, store.Block{ChainID: 1337, Number: to.BlockNumber, Hash: to.BlockHash}); err != nil {
			t.Fatal(err)
		}
		r1, err = s.Release(ctx, 1337, 1)
		if err != nil {
			t.Fatal(err)
		}
		if r1.Price.String() != "1500" || !r1.Listed || r1.Purchases != 0 || !reflect.DeepEqual(r1.TrackIDs, []int64{2, 1}) {
			t.Errorf("release 1 after the rollback = %+v", r1)
		}
		if _, err := s.Release(ctx, 1337, 2); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("release 2 after the rollback: %v, want ErrNotFound", err)
		}
		if ids, err := releaseIDs(s.ReleasesOfTrack(ctx, 1337, 1, 10)); err != nil || !reflect.DeepEqual(ids, []int64{1}) {
			t.Errorf("releases of track 1 after the rollback = %v, %v", ids, err)
		}
		// Applied again, the history gives the same releases.
		applyAll(t, s, batches[3:])
		again, err := s.ArtistReleases(ctx, 1337, artist)
		if err != nil || !reflect.DeepEqual(again, all) {
			t.Errorf("releases after rollback and reapply = %+v, %v; want %+v", again, err, all)
		}
	})
}

func TestEditReleaseMetadataOnlyByItsAuthor(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		artist := addr("artist", 0)
		now := time.Date(2026, 3, 1, 11, 0, 0, 0, time.UTC)
		if err := s.CreateReleaseMetadata(ctx, store.ReleaseMetadata{ID: releaseDraft, ChainID: 1337, Uploader: artist, Title: "Tides",
			Kind: "album", CreatedAt: now, UpdatedAt: now}, nil); err != nil {
			t.Fatal(err)
		}
		title, kind := "Tides (deluxe)", "ep"
		if _, err := s.EditReleaseMetadata(ctx, releaseDraft, addr("squatter", 0), store.ReleaseMetadataEdit{Title: &title}, now); !errors.Is(err, store.ErrForbidden) {
			t.Errorf("edit by another account: %v, want ErrForbidden", err)
		}
		if _, err := s.EditReleaseMetadata(ctx, otherDraft, artist, store.ReleaseMetadataEdit{Title: &title}, now); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("edit of unknown metadata: %v, want ErrNotFound", err)
		}
		m, err := s.EditReleaseMetadata(ctx, releaseDraft, artist, store.ReleaseMetadataEdit{Title: &title, Kind: &kind, Cover: []byte{1, 2, 3}}, now.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if m.Title != title || m.Kind != kind || !m.HasCover || !m.UpdatedAt.Equal(now.Add(time.Hour)) {
			t.Errorf("edited = %+v", m)
		}
		cover, _, err := s.ReleaseCover(ctx, releaseDraft)
		if err != nil || !reflect.DeepEqual(cover, []byte{1, 2, 3}) {
			t.Errorf("cover = %v, %v", cover, err)
		}
		if err := s.CreateReleaseMetadata(ctx, store.ReleaseMetadata{ID: releaseDraft, ChainID: 1337, Uploader: artist, Title: "x", Kind: "album",
			CreatedAt: now, UpdatedAt: now}, nil); !errors.Is(err, store.ErrConflict) {
			t.Errorf("same id again: %v, want ErrConflict", err)
		}
		bad := "mixtape"
		if _, err := s.EditReleaseMetadata(ctx, releaseDraft, artist, store.ReleaseMetadataEdit{Kind: &bad}, now); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("unknown kind: %v, want ErrInvalid (the schema's check)", err)
		}
	})
}

// releaseIDs lists the ids of rels, in order.
func releaseIDs(rels []store.Release, err error) ([]int64, error) {
	ids := make([]int64, len(rels))
	for i, r := range rels {
		ids[i] = r.ID
	}
	return ids, err
}
