package swarm

import (
	"context"
	"net/http"
	"net/netip"
	"sync"
	"time"

	"github.com/anacrolix/generics"
	"github.com/anacrolix/torrent/tracker"
	httpTrackerServer "github.com/anacrolix/torrent/tracker/http/server"
	trackerServer "github.com/anacrolix/torrent/tracker/server"
	"github.com/anacrolix/torrent/tracker/udp"
)

// Tracker is the market's own BitTorrent tracker (HTTP, BEP 3 with compact peer lists), so that
// peers find each other without the public DHT, also on a closed network. It remembers the peers
// of each torrent in memory for a few announce intervals; it is safe for concurrent use.
type Tracker struct {
	mu       sync.Mutex
	torrents map[trackerServer.InfoHash]map[netip.AddrPort]peerState
	now      func() time.Time
	handler  http.Handler
}

type peerState struct {
	seeding bool
	seen    time.Time
}

// announceInterval is how often peers are asked to announce; a peer silent for three intervals is
// forgotten.
const announceInterval = 60 * time.Second

// NewTracker returns an empty tracker.
func NewTracker() *Tracker {
	t := &Tracker{torrents: map[trackerServer.InfoHash]map[netip.AddrPort]peerState{}, now: time.Now}
	t.handler = httpTrackerServer.Handler{Announce: &trackerServer.AnnounceHandler{AnnounceTracker: t}}
	return t
}

// ServeHTTP answers an announce (GET …/announce?info_hash=…&peer_id=…&port=…).
func (t *Tracker) ServeHTTP(w http.ResponseWriter, r *http.Request) { t.handler.ServeHTTP(w, r) }

// TrackAnnounce records a peer's announce.
func (t *Tracker) TrackAnnounce(_ context.Context, req udp.AnnounceRequest, addr trackerServer.AnnounceAddr) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	peers := t.torrents[req.InfoHash]
	if req.Event == tracker.Stopped {
		delete(peers, addr)
		return nil
	}
	if peers == nil {
		peers = map[netip.AddrPort]peerState{}
		t.torrents[req.InfoHash] = peers
	}
	peers[addr] = peerState{seeding: req.Left == 0, seen: t.now()}
	return nil
}

// Scrape reports how many peers seed and fetch each torrent.
func (t *Tracker) Scrape(_ context.Context, infoHashes []trackerServer.InfoHash) ([]udp.ScrapeInfohashResult, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]udp.ScrapeInfohashResult, len(infoHashes))
	for i, ih := range infoHashes {
		seeders, leechers := t.counts(ih)
		out[i] = udp.ScrapeInfohashResult{Seeders: seeders, Leechers: leechers}
	}
	return out, nil
}

// GetPeers returns the live peers of a torrent other than the asking one.
func (t *Tracker) GetPeers(_ context.Context, ih trackerServer.InfoHash, opts trackerServer.GetPeersOpts, remote trackerServer.AnnounceAddr) trackerServer.ServerAnnounceResult {
	t.mu.Lock()
	defer t.mu.Unlock()
	var res trackerServer.ServerAnnounceResult
	cutoff := t.now().Add(-3 * announceInterval)
	for addr, p := range t.torrents[ih] {
		if p.seen.Before(cutoff) {
			delete(t.torrents[ih], addr)
			continue
		}
		if addr == remote || (opts.MaxCount.Ok && uint(len(res.Peers)) >= opts.MaxCount.Value) {
			continue
		}
		res.Peers = append(res.Peers, trackerServer.PeerInfo{AnnounceAddr: addr})
	}
	seeders, leechers := t.counts(ih)
	res.Seeders, res.Leechers = generics.Some(seeders), generics.Some(leechers)
	res.Interval = generics.Some(int32(announceInterval / time.Second))
	return res
}

func (t *Tracker) counts(ih trackerServer.InfoHash) (seeders, leechers int32) {
	for _, p := range t.torrents[ih] {
		if p.seeding {
			seeders++
		} else {
			leechers++
		}
	}
	return seeders, leechers
}
