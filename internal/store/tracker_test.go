package store_test

import (
	"context"
	"errors"
	"net/netip"
	"testing"
	"time"

	"github.com/bittunes/bittunes/internal/store"
)

func TestTrackerPeers(t *testing.T) {
	ctx := context.Background()
	forEachDB(t, func(t *testing.T, s *store.Store) {
		const ih = "0123456789abcdef0123456789abcdef01234567"
		t0 := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
		peer := func(n byte, seeding bool, at time.Time) store.TrackerPeer {
			p := store.TrackerPeer{InfoHash: ih, Addr: netip.AddrPortFrom(netip.AddrFrom4([4]byte{127, 0, 0, n}), 6881),
				Seeding: seeding, ExpiresAt: at.Add(3 * time.Minute)}
			p.PeerID[0] = n
			return p
		}
		announce := func(p store.TrackerPeer, at time.Time) store.TrackerAnnounce {
			return store.TrackerAnnounce{Peer: p, Now: at, MaxPeers: 3, NumWant: 50}
		}
		if _, err := s.AnnounceTrackerPeer(ctx, announce(peer(1, true, t0), t0)); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("an unknown info hash: %v, want ErrNotFound", err)
		}
		if got, err := s.ScrapeTracker(ctx, []string{ih}, t0); err != nil || len(got) != 0 {
			t.Fatalf("scrape of an unknown info hash = %v, %v", got, err)
		}
		err := s.SavePackageTorrent(ctx, store.PackageTorrent{ContentHash: hash(1), Status: store.PackageVerified, Size: 1,
			ModifiedAt: t0, InfoHash: ih, PieceLength: 16384, Pieces: "AAAA"})
		if err != nil {
			t.Fatal(err)
		}

		sw, err := s.AnnounceTrackerPeer(ctx, announce(peer(1, true, t0), t0))
		if err != nil || len(sw.Peers) != 0 || sw.Seeders != 1 || sw.Leechers != 0 {
			t.Fatalf("first announce = %+v, %v", sw, err)
		}
		sw, err = s.AnnounceTrackerPeer(ctx, announce(peer(2, false, t0), t0))
		if err != nil || len(sw.Peers) != 1 || sw.Peers[0] != peer(1, true, t0) || sw.Seeders != 1 || sw.Leechers != 1 {
			t.Fatalf("second peer's announce = %+v, %v", sw, err)
		}
		// The cap: a fourth peer is not kept, but still gets peers; a known peer re-announces.
		if _, err := s.AnnounceTrackerPeer(ctx, announce(peer(3, false, t0), t0)); err != nil {
			t.Fatal(err)
		}
		sw, err = s.AnnounceTrackerPeer(ctx, announce(peer(4, false, t0), t0))
		if err != nil || len(sw.Peers) != 3 || sw.Seeders+sw.Leechers != 3 {
			t.Fatalf("a peer over the cap = %+v, %v", sw, err)
		}
		// Peer 2 completes: counted once, and it now seeds.
		t1 := t0.Add(time.Minute)
		for range 2 {
			a := announce(peer(2, true, t1), t1)
			a.Completed = true
			if _, err := s.AnnounceTrackerPeer(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.ScrapeTracker(ctx, []string{ih, ih, "ffffffffffffffffffffffffffffffffffffffff"}, t1)
		if err != nil || len(got) != 1 || got[ih].Seeders != 2 || got[ih].Leechers != 1 || got[ih].Downloaded != 1 {
			t.Fatalf("scrape = %+v, %v", got, err)
		}
		// A stopped peer is forgotten and not handed out.
		a := announce(peer(1, true, t1), t1)
		a.Stopped = true
		if _, err := s.AnnounceTrackerPeer(ctx, a); err != nil {
			t.Fatal(err)
		}
		sw, err = s.AnnounceTrackerPeer(ctx, announce(peer(3, false, t1), t1))
		if err != nil || len(sw.Peers) != 1 || sw.Peers[0].PeerID != peer(2, true, t1).PeerID {
			t.Fatalf("after peer 1 stopped = %+v, %v", sw, err)
		}
		// Expired peers are neither counted nor handed out, and are forgotten.
		late := t1.Add(3*time.Minute + time.Second)
		sw, err = s.AnnounceTrackerPeer(ctx, announce(peer(4, false, late), late))
		if err != nil || len(sw.Peers) != 0 || sw.Seeders != 0 || sw.Leechers != 1 {
			t.Fatalf("after every other peer expired = %+v, %v", sw, err)
		}
		n, err := s.ForgetExpiredTrackerPeers(ctx, late.Add(time.Hour))
		if err != nil || n != 1 {
			t.Fatalf("ForgetExpiredTrackerPeers = %d, %v, want 1", n, err)
		}
	})
}

func TestPackagesVerifiedSince(t *testing.T) {
	ctx := context.Background()
	forEachDB(t, func(t *testing.T, s *store.Store) {
		t0 := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
		for i, st := range []store.PackageStatus{store.PackageVerified, store.PackageMismatch, store.PackageVerified} {
			err := s.SavePackageTorrent(ctx, store.PackageTorrent{ContentHash: hash(uint64(10 + i)), Status: st, ModifiedAt: t0,
				CheckedAt: t0.Add(time.Duration(i) * time.Second)})
			if err != nil {
				t.Fatal(err)
			}
		}
		got, last, err := s.PackagesVerifiedSince(ctx, t0.Add(time.Millisecond), 10)
		if err != nil || len(got) != 1 || got[0] != hash(12) || !last.Equal(t0.Add(2*time.Second)) {
			t.Fatalf("PackagesVerifiedSince = %v, %v, %v; want the third, checked at +2 s", got, last, err)
		}
		if got, _, err := s.PackagesVerifiedSince(ctx, t0, 1); err != nil || len(got) != 1 || got[0] != hash(10) {
			t.Fatalf("with limit 1 = %v, %v", got, err)
		}
	})
}
