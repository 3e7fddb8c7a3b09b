package store_test

import (
	"context"
	"encoding/hex"
	"errors"
	"net/netip"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// TestSeedsAreKeptOnlyForTorrentsTheirPeerSeeds: a heartbeat is stored for the torrents the
// tracker knows its peer seeds from its IP, not for one the peer only downloads, one announced by
// another peer or from another IP; it lists the account's tracks until it expires.
func TestSeedsAreKeptOnlyForTorrentsTheirPeerSeeds(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		t0 := time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC)
		fan := common.HexToAddress("0x00000000000000000000000000000000000000f4")
		artist := common.HexToAddress("0x00000000000000000000000000000000000A5715")
		ih := func(n int) string { return strings.Repeat(string(rune('a'+n)), 40) }
		var events []market.Event
		for n := 1; n <= 3; n++ {
			if err := s.SavePackageTorrent(ctx, store.PackageTorrent{ContentHash: hash(uint64(n)), Status: store.PackageVerified, Size: 1,
				ModifiedAt: t0, InfoHash: ih(n), PieceLength: 16384, Pieces: "AAAA"}); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: hash(uint64(n)), Title: "T", ArtistName: "A",
				Genre: "Rock", Subgenre: "Indie", Uploader: artist}); err != nil {
				t.Fatal(err)
			}
			events = append(events, market.TrackRegistered{Position: market.Position{BlockNumber: uint64(n), BlockHash: hash(uint64(n)), BlockTime: t0,
				TxHash: hash(1000 + uint64(n))}, TrackID: int64(n), Artist: artist, Price: wei.FromUint64(1), ContentHash: hash(uint64(n)), MetadataURI: "x"})
		}
		if err := s.Apply(ctx, store.Batch{From: 1, Events: events,
			Cursor: store.Cursor{ChainID: 1, Contract: contractA, BlockNumber: 3, BlockHash: hash(3)}}); err != nil {
			t.Fatal(err)
		}
		var peer, other [20]byte
		copy(peer[:], "-BT0001-aaaaaaaaaaaa")
		copy(other[:], "-BT0001-bbbbbbbbbbbb")
		announce := func(id [20]byte, n int, ip string, seeding bool) {
			p := store.TrackerPeer{InfoHash: ih(n), PeerID: id, Addr: netip.AddrPortFrom(netip.MustParseAddr(ip), 6881), Seeding: seeding, ExpiresAt: t0.Add(3 * time.Minute)}
			if _, err := s.AnnounceTrackerPeer(ctx, store.TrackerAnnounce{Peer: p, Now: t0, MaxPeers: 10, NumWant: 10}); err != nil {
				t.Fatal(err)
			}
		}
		announce(peer, 1, "10.0.0.1", true)  // seeds 1
		announce(peer, 2, "10.0.0.1", false) // downloads 2
		announce(other, 3, "10.0.0.1", true) // another peer seeds 3
		hb := store.SeedHeartbeat{Account: fan, PeerID: peer, IP: "10.0.0.1", InfoHashes: []string{ih(1), ih(2), ih(3)}, Expires: t0.Add(15 * time.Minute), Now: t0}
		got, err := s.RecordSeeds(ctx, hb)
		if err != nil || !reflect.DeepEqual(got, []string{ih(1)}) {
			t.Fatalf("RecordSeeds = %v, %v; want only %s", got, err, ih(1))
		}
		fromElsewhere := hb
		fromElsewhere.IP, fromElsewhere.Account = "10.9.9.9", common.Address{7}
		if got, err := s.RecordSeeds(ctx, fromElsewhere); err != nil || len(got) != 0 {
			t.Fatalf("a heartbeat from another IP = %v, %v", got, err)
		}
		ids, err := s.SeededTracks(ctx, 1, fan, t0.Add(time.Minute))
		if err != nil || !reflect.DeepEqual(ids, []int64{1}) {
			t.Fatalf("SeededTracks = %v, %v", ids, err)
		}
		if ids, _ := s.SeededTracks(ctx, 1, common.Address{7}, t0); len(ids) != 0 {
			t.Errorf("the heartbeat from another IP listed %v", ids)
		}
		if ids, _ := s.SeededTracks(ctx, 1, fan, t0.Add(15*time.Minute)); len(ids) != 0 {
			t.Errorf("after its expiry: %v", ids)
		}
		if ids, _ := s.SeededTracks(ctx, 2, fan, t0); len(ids) != 0 {
			t.Errorf("another chain: %v", ids)
		}
		// An expired heartbeat is deleted by the next one.
		later := store.SeedHeartbeat{Account: common.Address{8}, PeerID: other, IP: "10.0.0.1", Expires: t0.Add(time.Hour), Now: t0.Add(20 * time.Minute)}
		if _, err := s.RecordSeeds(ctx, later); err != nil {
			t.Fatal(err)
		}
		var n int64
		if err := store.GormDB(s).Table("seeds").Count(&n).Error; err != nil || n != 0 {
			t.Errorf("%d rows after every heartbeat expired, %v", n, err)
		}
		tooMany := hb
		tooMany.InfoHashes = make([]string, store.MaxSeedsPerHeartbeat+1)
		for i := range tooMany.InfoHashes {
			tooMany.InfoHashes[i] = hex.EncodeToString([]byte{byte(i)})
		}
		if _, err := s.RecordSeeds(ctx, tooMany); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("too many torrents: %v", err)
		}
	})
}
