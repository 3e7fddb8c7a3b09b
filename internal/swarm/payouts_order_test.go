package swarm

import (
	"testing"

	"github.com/anacrolix/torrent"
	"github.com/anacrolix/torrent/metainfo"
	"github.com/ethereum/go-ethereum/common"
)

// TestBytesBeforeAClaimAreCreditedToItsAccount: a peer's claim may arrive after its first blocks
// (the market's seeder answered a fan's first request before its claim went out); what the peer
// delivered before is credited to the account once the claim arrives, while what a peer that never
// names an account, or goes before it does, delivered stays other bytes. Nothing is left behind
// for peers that went.
func TestBytesBeforeAClaimAreCreditedToItsAccount(t *testing.T) {
	p := newPayouts(nil)
	ih, otherTorrent := metainfo.Hash{1}, metainfo.Hash{2}
	seeder, anonymous, gone, later := &torrent.Peer{}, &torrent.Peer{}, &torrent.Peer{}, &torrent.Peer{}
	operator, fan := common.Address{0xaa}, common.Address{0xbb}

	p.received(seeder, ih, 16384) // the first block, before the claim
	p.received(anonymous, ih, 100)
	p.received(gone, ih, 50)
	p.closed(gone)
	p.claimed(seeder, ih, operator)
	p.received(seeder, ih, 1000)
	p.claimed(later, ih, fan) // a peer that is new: nothing of gone's is its
	p.received(later, otherTorrent, 7)

	got := p.sources(ih)
	if len(got.ByAccount) != 1 || got.ByAccount[operator] != 17384 || got.Other != 150 {
		t.Errorf("sources %+v: want %s 17384 bytes and 150 other", got, operator.Hex())
	}
	if got := p.sources(otherTorrent); got.ByAccount[fan] != 7 || got.Other != 0 {
		t.Errorf("the other torrent's sources %+v: want %s 7 bytes", got, fan.Hex())
	}
	for _, peer := range []*torrent.Peer{seeder, anonymous, later} {
		p.closed(peer)
	}
	if len(p.claims) != 0 || len(p.unclaimed) != 0 {
		t.Errorf("%d claims and %d unclaimed counts left after every peer went", len(p.claims), len(p.unclaimed))
	}
}
