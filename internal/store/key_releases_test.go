package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
)

func TestPackageTorrents(t *testing.T) {
	ctx := context.Background()
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := hash(201)
		if _, err := s.PackageTorrent(ctx, h); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("an unchecked package: %v, want ErrNotFound", err)
		}
		at := time.Date(2026, 11, 1, 2, 3, 4, 5000, time.UTC)
		want := store.PackageTorrent{ContentHash: h, Status: store.PackageVerified, Size: 1234, ModifiedAt: at,
			InfoHash: "0123456789abcdef0123456789abcdef01234567", PieceLength: 262144, Pieces: "AAAA", CheckedAt: at}
		if err := s.SavePackageTorrent(ctx, want); err != nil {
			t.Fatal(err)
		}
		got, err := s.PackageTorrent(ctx, h)
		if err != nil || got != want {
			t.Fatalf("PackageTorrent = %+v, %v, want %+v", got, err, want)
		}
		// A later check replaces the row.
		want = store.PackageTorrent{ContentHash: h, Status: store.PackageMismatch, Size: 99, ModifiedAt: at.Add(time.Hour), CheckedAt: at}
		if err := s.SavePackageTorrent(ctx, want); err != nil {
			t.Fatal(err)
		}
		if got, err := s.PackageTorrent(ctx, h); err != nil || got != want {
			t.Fatalf("after a second check: %+v, %v, want %+v", got, err, want)
		}
		if err := s.SavePackageTorrent(ctx, store.PackageTorrent{ContentHash: h, Status: "fine"}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("an unknown status: %v, want ErrInvalid", err)
		}
	})
}

func TestKeyReleasesAndNonces(t *testing.T) {
	ctx := context.Background()
	forEachDB(t, func(t *testing.T, s *store.Store) {
		fan := common.HexToAddress("0x00000000000000000000000000000000000000f1")
		t0 := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
		if err := s.UseKeyRequestNonce(ctx, fan, "NONCE-0123456789AB", t0.Add(time.Minute), t0); err != nil {
			t.Fatal(err)
		}
		if err := s.UseKeyRequestNonce(ctx, fan, "NONCE-0123456789AB", t0.Add(time.Minute), t0); !errors.Is(err, store.ErrConflict) {
			t.Errorf("a nonce used twice: %v, want ErrConflict", err)
		}
		other := common.HexToAddress("0x00000000000000000000000000000000000000f2")
		if err := s.UseKeyRequestNonce(ctx, other, "NONCE-0123456789AB", t0.Add(time.Minute), t0); err != nil {
			t.Errorf("another account's nonce: %v", err)
		}
		// Once expired, a nonce is forgotten (an expired request is refused before it gets here).
		if err := s.UseKeyRequestNonce(ctx, fan, "NONCE-0123456789AB", t0.Add(3*time.Minute), t0.Add(2*time.Minute)); err != nil {
			t.Errorf("a nonce after its request expired: %v", err)
		}

		r := store.KeyRelease{ID: "rel-00000001", ChainID: 1337, TrackID: 7, ContentHash: hash(7), Account: fan,
			Proof: store.ProofSignature, Ownership: store.OwnershipContract, RequestID: "req-1", ReleasedAt: t0}
		if err := s.LogKeyRelease(ctx, r); err != nil {
			t.Fatal(err)
		}
		r2 := r
		r2.ID, r2.Proof, r2.Ownership, r2.ReleasedAt = "rel-00000002", store.ProofSession, store.OwnershipDatabase, t0.Add(time.Second)
		if err := s.LogKeyRelease(ctx, r2); err != nil {
			t.Fatal(err)
		}
		got, err := s.KeyReleases(ctx, 1337, 7)
		if err != nil || len(got) != 2 || got[0] != r || got[1] != r2 {
			t.Fatalf("KeyReleases = %+v, %v", got, err)
		}
		bad := r
		bad.ID, bad.Proof = "rel-00000003", "password"
		if err := s.LogKeyRelease(ctx, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("an unknown proof: %v, want ErrInvalid", err)
		}
	})
}
