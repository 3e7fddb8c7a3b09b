package swarm

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/bittunes/bittunes/internal/ratelimit"
	"github.com/bittunes/bittunes/internal/store"
)

// TrackerPeers is where the tracker keeps its peers (*store.Store does, in the database every API
// server shares, so that a load balancer may send a peer's announces to any of them).
type TrackerPeers interface {
	AnnounceTrackerPeer(ctx context.Context, a store.TrackerAnnounce) (store.TrackerSwarm, error)
	ScrapeTracker(ctx context.Context, infoHashes []string, now time.Time) (map[string]store.TrackerSwarm, error)
	ForgetExpiredTrackerPeers(ctx context.Context, now time.Time) (int64, error)
}

// TrackerConfig sets up a Tracker. Zero values take the defaults named on each field.
type TrackerConfig struct {
	Peers TrackerPeers
	// Interval is how often peers are asked to announce (60 s); MinInterval the least time between
	// two announces of one client (30 s). A peer silent for three intervals is forgotten.
	Interval, MinInterval time.Duration
	// MaxPeers caps the peers kept per torrent (1 000); MaxNumWant the peers handed out per answer (50).
	MaxPeers, MaxNumWant int
	// Rate and Burst set the token bucket of requests per client IP (IPv6: per /64): 20 a second,
	// 200 at once, enough for a fan seeding a large library from behind one address. MaxClients
	// bounds the buckets kept (10 000): past it, the clients without one share one bucket
	// (ratelimit.Limiter).
	Rate       rate.Limit
	Burst      int
	MaxClients int
	Now        func() time.Time
	Logger     *slog.Logger
}

// Tracker is the market's BitTorrent tracker over HTTP: announces (BEP 3, compact peer lists of
// BEP 23, IPv6 peers in "peers6" of BEP 7) and scrapes (BEP 48). It answers only for the torrents
// of this market's verified packages; its peers live in TrackerPeers. Errors are answered as BEP 3
// says: status 200 with a bencoded "failure reason". It is safe for concurrent use.
type Tracker struct {
	c       TrackerConfig
	limiter *ratelimit.Limiter

	sweepMu sync.Mutex
	swept   time.Time
}

// NewTracker returns a tracker keeping its peers in c.Peers.
func NewTracker(c TrackerConfig) *Tracker {
	if c.Interval <= 0 {
		c.Interval = 60 * time.Second
	}
	if c.MinInterval <= 0 {
		c.MinInterval = min(30*time.Second, c.Interval)
	}
	if c.MaxPeers <= 0 {
		c.MaxPeers = 1000
	}
	if c.MaxNumWant <= 0 {
		c.MaxNumWant = 50
	}
	if c.Rate == 0 {
		c.Rate = 20
	}
	if c.Burst <= 0 {
		c.Burst = 200
	}
	if c.MaxClients <= 0 {
		c.MaxClients = 10_000
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return &Tracker{c: c, limiter: ratelimit.New(c.Rate, c.Burst, c.MaxClients)}
}

type clientAddrKey struct{}

// WithClientAddr tells the tracker the client's address, as the server's trusted proxies resolve
// it; without it the tracker takes the request's TCP peer.
func WithClientAddr(ctx context.Context, ip netip.Addr) context.Context {
	return context.WithValue(ctx, clientAddrKey{}, ip)
}

func clientAddr(r *http.Request) (netip.Addr, bool) {
	if ip, ok := r.Context().Value(clientAddrKey{}).(netip.Addr); ok && ip.IsValid() {
		return ip.Unmap(), true
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return netip.Addr{}, false
	}
	ip, err := netip.ParseAddr(host)
	return ip.Unmap(), err == nil
}

// ServeHTTP answers an announce, or a scrape when the path ends in /scrape.
func (t *Tracker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ip, ok := clientAddr(r)
	if !ok {
		t.failure(w, "no client address")
		return
	}
	now := t.c.Now()
	if ok, _ := t.limiter.Allow(ip.Unmap().String(), now); !ok {
		t.failure(w, "too many requests from this address; announce less often")
		return
	}
	if strings.HasSuffix(r.URL.Path, "/scrape") {
		t.scrape(w, r, now)
		return
	}
	t.announce(w, r, ip, now)
}

func (t *Tracker) announce(w http.ResponseWriter, r *http.Request, ip netip.Addr, now time.Time) {
	a, err := ParseAnnounce(r.URL.RawQuery)
	if err != nil {
		t.failure(w, err.Error())
		return
	}
	t.sweep(r.Context(), now)
	numWant := a.NumWant
	if numWant < 0 || numWant > t.c.MaxNumWant {
		numWant = t.c.MaxNumWant
	}
	ih := hex.EncodeToString(a.InfoHash[:])
	peer := store.TrackerPeer{InfoHash: ih, PeerID: a.PeerID, Addr: netip.AddrPortFrom(ip, a.Port), Seeding: a.Left == 0,
		ExpiresAt: now.Add(3 * t.c.Interval)}
	sw, err := t.c.Peers.AnnounceTrackerPeer(r.Context(), store.TrackerAnnounce{Peer: peer, Stopped: a.Event == "stopped",
		Completed: a.Event == "completed", Now: now, MaxPeers: t.c.MaxPeers, NumWant: numWant})
	switch {
	case errors.Is(err, store.ErrNotFound):
		t.failure(w, "unknown info hash: this tracker serves only this market's packages")
		return
	case err != nil:
		t.c.Logger.Error("swarm: tracker announce", "info_hash", ih, "err", err)
		t.failure(w, "tracker error; try again later")
		return
	}
	t.write(w, t.announceAnswer(a, sw))
}

// announceAnswer is the bencoded answer to an announce: only the keys that carry something, so
// that no client reads an empty "failure reason" as a failure.
func (t *Tracker) announceAnswer(a AnnounceRequest, sw store.TrackerSwarm) bdict {
	d := bdict{"interval": int(t.c.Interval / time.Second), "min interval": int(t.c.MinInterval / time.Second),
		"complete": sw.Seeders, "incomplete": sw.Leechers}
	if !a.Compact {
		peers := make([]any, 0, len(sw.Peers))
		for _, p := range sw.Peers {
			e := bdict{"ip": p.Addr.Addr().String(), "port": int(p.Addr.Port())}
			if !a.NoPeerID {
				e["peer id"] = p.PeerID[:]
			}
			peers = append(peers, e)
		}
		d["peers"] = peers
		return d
	}
	var v4, v6 []byte
	for _, p := range sw.Peers {
		ip, port := p.Addr.Addr(), p.Addr.Port()
		b := append(ip.AsSlice(), byte(port>>8), byte(port)) // the address, then the port, big-endian
		if ip.Is4() {
			v4 = append(v4, b...)
		} else {
			v6 = append(v6, b...)
		}
	}
	d["peers"] = v4
	if len(v6) > 0 {
		d["peers6"] = v6
	}
	return d
}

func (t *Tracker) scrape(w http.ResponseWriter, r *http.Request, now time.Time) {
	hashes, err := ParseScrape(r.URL.RawQuery)
	if err != nil {
		t.failure(w, err.Error())
		return
	}
	hexes := make([]string, len(hashes))
	for i, h := range hashes {
		hexes[i] = hex.EncodeToString(h[:])
	}
	got, err := t.c.Peers.ScrapeTracker(r.Context(), hexes, now)
	if err != nil {
		t.c.Logger.Error("swarm: tracker scrape", "err", err)
		t.failure(w, "tracker error; try again later")
		return
	}
	files := bdict{}
	for i, h := range hashes {
		if sw, ok := got[hexes[i]]; ok {
			files[string(h[:])] = bdict{"complete": sw.Seeders, "incomplete": sw.Leechers, "downloaded": sw.Downloaded}
		}
	}
	t.write(w, bdict{"files": files})
}

// sweep forgets every torrent's expired peers, once an interval (announces forget their own
// torrent's on the way; this clears torrents nobody announces any more).
func (t *Tracker) sweep(ctx context.Context, now time.Time) {
	t.sweepMu.Lock()
	due := now.Sub(t.swept) >= t.c.Interval
	if due {
		t.swept = now
	}
	t.sweepMu.Unlock()
	if !due {
		return
	}
	if _, err := t.c.Peers.ForgetExpiredTrackerPeers(ctx, now); err != nil {
		t.c.Logger.Warn("swarm: tracker sweep", "err", err)
	}
}

// failure answers a failed request as BEP 3 says: status 200, a dictionary with "failure reason".
func (t *Tracker) failure(w http.ResponseWriter, reason string) {
	t.write(w, bdict{"failure reason": reason, "min interval": int(t.c.MinInterval / time.Second)})
}

func (t *Tracker) write(w http.ResponseWriter, d bdict) {
	var b bytes.Buffer
	bencodeTo(&b, d)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	w.Write(b.Bytes())
}
