package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
)

func TestTrackKeys(t *testing.T) {
	ctx := context.Background()
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := hash(101)
		created := time.Date(2026, 5, 4, 3, 2, 1, 0, time.UTC)
		sealed := "AdGVzdCBub25jZSB0ZXN0IG5vbmNlIHNlYWxlZCBrZXkgYnl0ZXM="
		if err := s.SaveTrackKey(ctx, store.TrackKey{ContentHash: h, Sealed: sealed, CreatedAt: created}); err != nil {
			t.Fatal(err)
		}
		got, err := s.TrackKey(ctx, h)
		if err != nil {
			t.Fatal(err)
		}
		if want := (store.TrackKey{ContentHash: h, Sealed: sealed, CreatedAt: created}); got != want {
			t.Errorf("TrackKey = %+v, want %+v", got, want)
		}
		if err := s.SaveTrackKey(ctx, store.TrackKey{ContentHash: h, Sealed: sealed + "x"}); !errors.Is(err, store.ErrConflict) {
			t.Errorf("a second key for the same package: %v, want ErrConflict", err)
		}
		if _, err := s.TrackKey(ctx, hash(102)); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("TrackKey of an unknown package: %v, want ErrNotFound", err)
		}
		if err := s.SaveTrackKey(ctx, store.TrackKey{ContentHash: hash(103), Sealed: "short"}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("a sealed key of 5 characters: %v, want ErrInvalid", err)
		}
	})
}

// TestUploadIsOneTransaction: the key and the metadata of an upload are written together or not
// at all.
func TestUploadIsOneTransaction(t *testing.T) {
	ctx := context.Background()
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := hash(104)
		boom := errors.New("boom")
		err := s.Transact(ctx, func(tx *store.Tx) error {
			if err := tx.SaveTrackKey(ctx, store.TrackKey{ContentHash: h, Sealed: strings.Repeat("k", 120)}); err != nil {
				return err
			}
			if err := tx.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: h, Title: "T", ArtistName: "A", Genre: "G", Uploader: common.HexToAddress("0x01")}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("Transact: %v", err)
		}
		if _, err := s.TrackKey(ctx, h); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("key after a rolled-back upload: %v", err)
		}
		if _, err := s.TrackMetadata(ctx, h); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("metadata after a rolled-back upload: %v", err)
		}
	})
}
