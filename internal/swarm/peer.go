package swarm

import (
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"time"

	"github.com/anacrolix/torrent"
	"github.com/anacrolix/torrent/storage"
	"golang.org/x/time/rate"

	"github.com/bittunes/bittunes/internal/logging"
)

// Config sets up a BitTorrent peer: the server's seeder or a fan's client.
type Config struct {
	// ListenAddr is where the peer accepts connections, host:port ("127.0.0.1:0" in tests; port 0
	// picks a free one).
	ListenAddr string
	// DHT joins the public mainline DHT as well as the trackers; off on closed networks and in tests.
	DHT bool
	// UploadRate caps the bytes per second the peer sends (0: no cap). The server's seeder uses it so
	// that fans, who pass pieces on among themselves, carry most of a popular package's load.
	UploadRate int64
	// UploadBurst is how many bytes may go out at once under UploadRate (0: an eighth of a
	// second's worth, at least 256 KiB, which lets a rate-capped seeder send whole pieces). A fan's
	// client sets a small one so that its cap holds from the first second; at least one block
	// (16 KiB) is always allowed.
	UploadBurst int64
	// MaxPeers caps the peers connected per torrent (0: the library's default, 50). The server's
	// seeder keeps few, so that it sends each piece to a few fans who pass it on, rather than the
	// same pieces to every fan at once.
	MaxPeers int
	// Logger gets the BitTorrent client's log lines, at the levels logging.Torrent gives them
	// (default: slog's default logger).
	Logger *slog.Logger
	// Payout, if set, is the account this peer names to the others for what it delivers (see
	// PayoutExtension).
	Payout *Payout
}

// writerWakeEvery bounds how long a peer connection's writer sleeps while it has nothing to send.
// anacrolix/torrent v1.58.1 can lose the wakeup that tells a connection's writer there is work: the
// writer fills its buffer (with the client's lock), releases the lock, and only then subscribes to
// wakeups, so a wakeup raised in between (a chunk read from disk for an upload, or a request
// update) is dropped, and nothing else wakes it but its keep-alive timer (upstream issue 1070,
// fixed after v1.58.1, which cannot be used here: see DESIGN.md). With the library's default of a
// minute, one lost wakeup stalled a transfer for a whole minute, mostly when both cores were busy.
// The timer fires this long after the last write, the writer then sends whatever was waiting (or a
// 4-byte keep-alive to a peer it is useful to), so a lost wakeup costs about this much. (The
// library re-arms the timer only after a write, so a connection idle and useless to its peer for
// this long keeps no backstop until it next writes; upstream fixed that after v1.58.1 too.)
const writerWakeEvery = time.Second

// newTorrentClient starts an anacrolix client with the given storage. TCP only: uTP adds nothing
// on the networks the market runs on and costs CPU.
func newTorrentClient(c Config, store storage.ClientImpl, seed bool) (*torrent.Client, *payouts, error) {
	cfg := torrent.NewDefaultClientConfig()
	host, port, err := net.SplitHostPort(c.ListenAddr)
	if err != nil {
		return nil, nil, fmt.Errorf("swarm: listen address %q: %w", c.ListenAddr, err)
	}
	if cfg.ListenPort, err = strconv.Atoi(port); err != nil {
		return nil, nil, fmt.Errorf("swarm: listen port %q: %w", port, err)
	}
	if ip := net.ParseIP(host); ip != nil && ip.To4() != nil {
		cfg.DisableIPv6 = true
	}
	cfg.ListenHost = func(string) string { return host }
	cfg.NoDHT = !c.DHT
	cfg.DisableUTP = true
	cfg.NoDefaultPortForwarding = true
	cfg.DisableAcceptRateLimiting = true
	cfg.KeepAliveTimeout = writerWakeEvery
	cfg.Seed = seed
	cfg.DefaultStorage = store
	cfg.DisableWebtorrent = true
	cfg.HTTPUserAgent = "bittunes"
	cfg.ExtendedHandshakeClientVersion = "bittunes"
	cfg.Bep20 = "-BT0001-"
	if c.UploadRate > 0 {
		burst := int(max(c.UploadRate/8, 256<<10))
		if c.UploadBurst > 0 {
			burst = int(max(c.UploadBurst, 16<<10))
		}
		cfg.UploadRateLimiter = rate.NewLimiter(rate.Limit(c.UploadRate), burst)
	}
	if c.MaxPeers > 0 {
		cfg.EstablishedConnsPerTorrent = c.MaxPeers
	}
	log := c.Logger
	if log == nil {
		log = slog.Default()
	}
	cfg.Logger = logging.Torrent(log)
	pay := newPayouts(c.Payout)
	pay.install(cfg)
	cl, err := torrent.NewClient(cfg)
	if err != nil {
		return nil, nil, fmt.Errorf("swarm: start BitTorrent client: %w", err)
	}
	pay.selfID = cl.PeerID()
	return cl, pay, nil
}

// flatDir stores every torrent's file straight in the storage's base folder: a package lives at
// <folder>/<content hash>.age, where the media folder and a fan's library keep it.
func flatDir(base string, _ *metainfoInfo, _ metainfoHash) string { return base }
