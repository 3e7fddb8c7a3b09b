package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

var t0 = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

func TestNonceIsUsedOnceBeforeItExpires(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		for _, n := range []string{"FRESHNONCE1", "STALENONCE1"} {
			if err := s.CreateNonce(ctx, n, t0.Add(5*time.Minute)); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.CreateNonce(ctx, "FRESHNONCE1", t0.Add(time.Hour)); !errors.Is(err, store.ErrConflict) {
			t.Errorf("creating a nonce twice: error = %v, want ErrConflict", err)
		}
		tests := []struct {
			name, nonce string
			at          time.Time
			want        error
		}{
			{"first use", "FRESHNONCE1", t0.Add(time.Minute), nil},
			{"second use", "FRESHNONCE1", t0.Add(2 * time.Minute), store.ErrConflict},
			{"never issued", "OTHERNONCE1", t0, store.ErrNotFound},
			{"at its expiry", "STALENONCE1", t0.Add(5 * time.Minute), store.ErrExpired},
			{"after its expiry", "STALENONCE1", t0.Add(5*time.Minute + time.Microsecond), store.ErrExpired},
		}
		for _, tt := range tests {
			if err := s.ConsumeNonce(ctx, tt.nonce, tt.at); !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Errorf("%s: error = %v, want %v", tt.name, err, tt.want)
			}
		}
	})
}

func TestNonceConsumedConcurrentlyOnlyOnce(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.CreateNonce(ctx, "RACENONCE1", t0.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		const n = 16
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { errs[i] = s.ConsumeNonce(ctx, "RACENONCE1", t0) })
		}
		wg.Wait()
		won := 0
		for _, err := range errs {
			switch {
			case err == nil:
				won++
			case !errors.Is(err, store.ErrConflict):
				t.Errorf("a losing consumer got %v, want ErrConflict", err)
			}
		}
		if won != 1 {
			t.Errorf("%d consumers used the nonce, want 1", won)
		}
	})
}

func TestSessionsAreStoredByTheirHash(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		alice := common.HexToAddress("0x00000000000000000000000000000000000A11CE")
		const id = "SESSIONIDSESSIONIDSESSION2"
		if err := s.CreateSession(ctx, store.Session{ID: id, Address: alice, CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Session(ctx, id, t0.Add(time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		if got.Address != alice || !got.ExpiresAt.Equal(t0.Add(time.Hour)) || !got.CreatedAt.Equal(t0) {
			t.Errorf("Session = %+v", got)
		}
		var stored []string
		if err := store.GormDB(s).Raw(`SELECT id FROM sessions`).Scan(&stored).Error; err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(id))
		if len(stored) != 1 || stored[0] != hex.EncodeToString(sum[:]) {
			t.Errorf("stored ids = %q, want only the SHA-256 of the id", stored)
		}
		if _, err := s.Session(ctx, id, t0.Add(time.Hour)); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("an expired session: error = %v, want ErrNotFound", err)
		}
		if _, err := s.Session(ctx, "SOMEONEELSESSESSIONIDXXXX2", t0); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("an unknown session: error = %v, want ErrNotFound", err)
		}
		if err := s.DeleteSession(ctx, id); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Session(ctx, id, t0); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a deleted session: error = %v, want ErrNotFound", err)
		}
		if err := s.DeleteSession(ctx, id); err != nil {
			t.Errorf("deleting a deleted session: %v", err)
		}
	})
}

func TestPruneExpiredKeepsTheLiving(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a := common.HexToAddress("0x0000000000000000000000000000000000000001")
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(s.CreateNonce(ctx, "OLDNONCE1", t0.Add(-time.Second)))
		must(s.CreateNonce(ctx, "NEWNONCE1", t0.Add(time.Minute)))
		must(s.CreateSession(ctx, store.Session{ID: "OLDSESSION", Address: a, ExpiresAt: t0.Add(-time.Second)}))
		must(s.CreateSession(ctx, store.Session{ID: "NEWSESSION", Address: a, ExpiresAt: t0.Add(time.Minute)}))
		n, err := s.PruneExpired(ctx, t0)
		if err != nil || n != 2 {
			t.Errorf("PruneExpired = %d, %v; want 2 rows", n, err)
		}
		if err := s.ConsumeNonce(ctx, "OLDNONCE1", t0); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a pruned nonce: error = %v, want ErrNotFound", err)
		}
		if err := s.ConsumeNonce(ctx, "NEWNONCE1", t0); err != nil {
			t.Errorf("a nonce still valid: %v", err)
		}
		if _, err := s.Session(ctx, "NEWSESSION", t0); err != nil {
			t.Errorf("a session still valid: %v", err)
		}
	})
}

func TestOnlyTheArtistWhoUploadedEditsMetadata(t *testing.T) {
	artist := common.HexToAddress("0x00000000000000000000000000000000000A5715")
	squatter := common.HexToAddress("0x0000000000000000000000000000000000005a77")
	content := hash(100)
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: content, Title: "Old", ArtistName: "A",
			Genre: "Rock", Subgenre: "Indie", Uploader: artist}); err != nil {
			t.Fatal(err)
		}
		pos := func(n uint64) market.Position {
			return market.Position{BlockNumber: n, BlockHash: hash(n), BlockTime: t0, TxHash: hash(1000 + n)}
		}
		// Track 2 registers the same package by someone else: its "artist" must not edit track 1's metadata.
		events := []market.Event{
			market.TrackRegistered{Position: pos(1), TrackID: 1, Artist: artist, Price: wei.FromUint64(1), ContentHash: content, MetadataURI: "x"},
			market.TrackRegistered{Position: pos(2), TrackID: 2, Artist: squatter, Price: wei.FromUint64(1), ContentHash: content, MetadataURI: "x"},
		}
		if err := s.Apply(ctx, store.Batch{From: 1, Events: events,
			Cursor: store.Cursor{ChainID: 1, Contract: contractA, BlockNumber: 2, BlockHash: hash(2)}}); err != nil {
			t.Fatal(err)
		}
		title, genre := "New", "Jazz"
		edit := store.MetadataEdit{Title: &title, Genre: &genre}
		for _, tt := range []struct {
			name   string
			track  int64
			editor common.Address
			want   error
		}{
			{"unknown track", 9, artist, store.ErrNotFound},
			{"not the artist", 1, squatter, store.ErrForbidden},
			{"the artist of a copy", 2, squatter, store.ErrForbidden},
			{"the artist", 1, artist, nil},
		} {
			if err := s.UpdateTrackMetadata(ctx, 1, tt.track, tt.editor, edit); !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Errorf("%s: error = %v, want %v", tt.name, err, tt.want)
			}
		}
		m, err := s.TrackMetadata(ctx, content)
		if err != nil {
			t.Fatal(err)
		}
		if m.Title != "New" || m.Genre != "Jazz" || m.Subgenre != "Indie" || m.ArtistName != "A" {
			t.Errorf("metadata after the edit = %+v", m)
		}
	})
}

// TestAnUploaderStoresEachAudioOnce: UploadOfAudio finds an uploader's package of an audio; a second
// package of the same audio by the same uploader is a conflict, by another uploader it is not, and
// metadata without an audio hash (older rows, tools) never clashes.
func TestAnUploaderStoresEachAudioOnce(t *testing.T) {
	artist := common.HexToAddress("0x00000000000000000000000000000000000A5715")
	other := common.HexToAddress("0x0000000000000000000000000000000000005a77")
	audio := hash(7)
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		meta := func(content common.Hash, uploader common.Address, audio common.Hash) store.TrackMetadata {
			return store.TrackMetadata{ContentHash: content, Title: "T", ArtistName: "A", Genre: "Rock", Subgenre: "Indie",
				Uploader: uploader, AudioSHA256: audio}
		}
		if _, err := s.UploadOfAudio(ctx, artist, audio); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("before any upload: %v, want ErrNotFound", err)
		}
		if err := s.SaveTrackMetadata(ctx, meta(hash(100), artist, audio)); err != nil {
			t.Fatal(err)
		}
		if got, err := s.UploadOfAudio(ctx, artist, audio); err != nil || got != hash(100) {
			t.Fatalf("UploadOfAudio = %s, %v; want %s", got.Hex(), err, hash(100).Hex())
		}
		if err := s.SaveTrackMetadata(ctx, meta(hash(101), artist, audio)); !errors.Is(err, store.ErrConflict) {
			t.Errorf("a second package of the same audio by the same artist: %v, want ErrConflict", err)
		}
		for i, m := range []store.TrackMetadata{meta(hash(102), other, audio), meta(hash(103), artist, common.Hash{}), meta(hash(104), artist, common.Hash{})} {
			if err := s.SaveTrackMetadata(ctx, m); err != nil {
				t.Errorf("metadata %d: %v", i, err)
			}
		}
		if got, err := s.TrackMetadata(ctx, hash(100)); err != nil || got.AudioSHA256 != audio {
			t.Errorf("TrackMetadata keeps the audio hash: %s, %v", got.AudioSHA256.Hex(), err)
		}
	})
}
