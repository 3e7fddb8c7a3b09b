package swarm

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/anacrolix/torrent"
	"github.com/anacrolix/torrent/metainfo"
	"github.com/anacrolix/torrent/storage"
	"github.com/ethereum/go-ethereum/common"
)

// ClientConfig sets up a fan's client.
type ClientConfig struct {
	Config
	// Dir is the fan's library: packages are kept there as <content hash>.age (and .torrent), with
	// the record of which pieces are complete, so an interrupted transfer resumes where it stopped.
	Dir string
	// Seed keeps uploading what the client has (a fan who seeds); off, it only downloads.
	Seed bool
	// WebSeedAfter is how long a transfer waits for peers to deliver before it also asks the web
	// seeds, which are the market's servers: peers first, so that the swarm rather than the origin
	// carries popular packages; the web seed when no peer has what is missing. Negative: at once.
	WebSeedAfter time.Duration
}

// Client fetches and seeds packages for a fan. It is safe for concurrent use.
type Client struct {
	cfg        ClientConfig
	client     *torrent.Client
	payouts    *payouts
	completion storage.PieceCompletion
}

// NewClient starts a fan's client on the library folder cfg.Dir.
func NewClient(cfg ClientConfig) (*Client, error) {
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("swarm: library: %w", err)
	}
	// Which pieces are complete is kept in memory: on a restart the client hashes what the library
	// already holds (about 1 GB/s) and fetches only what is missing or damaged. A record on disk
	// (anacrolix's bolt database) would cost a synced write per piece and slow transfers about
	// fivefold, and could claim pieces complete that were damaged since.
	pc := storage.NewMapPieceCompletion()
	st := storage.NewFileOpts(storage.NewFileClientOpts{ClientBaseDir: cfg.Dir, TorrentDirMaker: flatDir, PieceCompletion: pc})
	cl, pay, err := newTorrentClient(cfg.Config, st, cfg.Seed)
	if err != nil {
		pc.Close()
		return nil, err
	}
	return &Client{cfg: cfg, client: cl, payouts: pay, completion: pc}, nil
}

// PeerID is the client's BitTorrent peer id, which it announces to trackers.
func (c *Client) PeerID() [20]byte { return c.client.PeerID() }

// Addr is where the client accepts peers.
func (c *Client) Addr() string { return c.client.ListenAddrs()[0].String() }

// Close stops the client; what it fetched stays in the library.
func (c *Client) Close() error {
	errs := c.client.Close()
	return errors.Join(append(errs, c.completion.Close())...)
}

// Transfer is a package being fetched or seeded.
type Transfer struct {
	ContentHash common.Hash
	Path        string
	t           *torrent.Torrent
	payouts     *payouts
	webSeeds    []string
	once        sync.Once
	webSeeding  atomic.Bool
}

// Progress is where a transfer stands.
type Progress struct {
	Done, Size   int64 // bytes verified, of the package's size
	Peers        int   // connected peers
	Uploaded     int64 // bytes sent to peers
	Downloaded   int64 // useful bytes received (peers and web seeds)
	UsingWebSeed bool  // the web seeds were added (peers had stalled)
	Complete     bool
}

// Add starts fetching (or seeding, when the library already holds it) the package of a .torrent,
// which must be a single file named by its content hash. Its .torrent is kept beside it.
func (c *Client) Add(mi *metainfo.MetaInfo) (*Transfer, error) {
	info, err := mi.UnmarshalInfo()
	if err != nil {
		return nil, fmt.Errorf("swarm: torrent: %w", err)
	}
	h, ok := ParseFileName(info.Name)
	if !ok || info.IsDir() {
		return nil, fmt.Errorf("swarm: the torrent %q is not a Bittunes package (one file named <content hash>.age)", info.Name)
	}
	tr := &Transfer{ContentHash: h, Path: filepath.Join(c.cfg.Dir, info.Name), webSeeds: mi.UrlList, payouts: c.payouts}
	if err := writeFileAtomic(filepath.Join(c.cfg.Dir, h.Hex()+".torrent"), mi); err != nil {
		return nil, err
	}
	tr.t, _ = c.client.AddTorrentOpt(torrent.AddTorrentOpts{InfoHash: mi.HashInfoBytes(), InfoBytes: mi.InfoBytes})
	tr.t.DownloadAll()
	if trackers := mi.UpvertedAnnounceList(); len(trackers) > 0 {
		if fi, err := os.Stat(tr.Path); err == nil && fi.Size() == info.TotalLength() {
			// The library holds the whole file: announce once its pieces are checked, as a seeder,
			// not first as a leecher that the tracker would list as such until the next announce.
			go tr.announceWhenChecked(trackers)
		} else {
			tr.t.AddTrackers(trackers)
		}
	}
	if len(tr.webSeeds) > 0 {
		if c.cfg.WebSeedAfter < 0 {
			tr.useWebSeeds()
		} else {
			go tr.webSeedWhenStalled(c.cfg.WebSeedAfter)
		}
	}
	return tr, nil
}

// announceWhenChecked adds the trackers once every piece of the file on disk has been checked
// (complete or not: a damaged copy is then announced as incomplete and fetched), or after a
// minute at most.
func (tr *Transfer) announceWhenChecked(trackers [][]string) {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline) && !tr.checked(); {
		select {
		case <-tr.t.Closed():
			return
		case <-tick.C:
		}
	}
	tr.t.AddTrackers(trackers)
}

// checked reports whether the state of every piece is known.
func (tr *Transfer) checked() bool {
	for _, r := range tr.t.PieceStateRuns() {
		if !r.Ok || r.Hashing || r.QueuedForHash || r.Checking {
			return false
		}
	}
	return true
}

func (tr *Transfer) useWebSeeds() {
	tr.once.Do(func() {
		if len(tr.webSeeds) > 0 {
			tr.t.AddWebSeeds(tr.webSeeds)
			tr.webSeeding.Store(true)
		}
	})
}

// webSeedWhenStalled adds the web seeds once peers have delivered nothing for the given time.
func (tr *Transfer) webSeedWhenStalled(after time.Duration) {
	last, since := int64(-1), time.Now()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-tr.t.Closed():
			return
		case <-tr.t.Complete().On():
			return
		case <-tick.C:
		}
		if n := tr.t.BytesCompleted(); n != last {
			last, since = n, time.Now()
			continue
		}
		if time.Since(since) >= after {
			tr.useWebSeeds()
			return
		}
	}
}

// Progress tells where the transfer stands.
func (tr *Transfer) Progress() Progress {
	st := tr.t.Stats()
	p := Progress{Done: tr.t.BytesCompleted(), Size: tr.t.Length(), Peers: st.ActivePeers,
		Uploaded: st.BytesWrittenData.Int64(), Downloaded: st.BytesReadUsefulData.Int64(), Complete: tr.t.Complete().Bool(),
		UsingWebSeed: tr.webSeeding.Load()}
	return p
}

// Wait blocks until every piece is complete and verified.
func (tr *Transfer) Wait(ctx context.Context) error {
	select {
	case <-tr.t.Complete().On():
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Verify checks that the fetched file's sha256 is the content hash. If not (a copy damaged on disk
// after its pieces were recorded complete), it checks every piece again, fetches the bad ones anew
// and checks again, a few times before it gives up with ErrMismatch.
func (tr *Transfer) Verify(ctx context.Context) error {
	for attempt := 0; ; attempt++ {
		if err := tr.Wait(ctx); err != nil {
			return err
		}
		sum, err := fileSHA256(tr.Path)
		if err != nil {
			return err
		}
		if sum == tr.ContentHash {
			return nil
		}
		if attempt == 3 {
			return fmt.Errorf("swarm: %s: %w", tr.Path, ErrMismatch)
		}
		tr.t.VerifyData()
		tr.useWebSeeds()
	}
}

// Sources tells where the useful bytes received so far came from: which payout accounts' peers
// delivered how much, and the rest (web seeds, peers naming no account).
func (tr *Transfer) Sources() Sources { return tr.payouts.sources(tr.t.InfoHash()) }

// InfoHash is the package's torrent's info hash in 40 lowercase hex digits.
func (tr *Transfer) InfoHash() string { return tr.t.InfoHash().HexString() }

// PeersServed is how many distinct peers (by peer id) asked this client for pieces of the package
// since it was added (at most 10 000 are told apart).
func (tr *Transfer) PeersServed() int { return tr.payouts.peersServed(tr.t.InfoHash()) }

// Drop stops fetching or seeding the package; its file stays.
func (tr *Transfer) Drop() { tr.t.Drop() }

func fileSHA256(path string) (common.Hash, error) {
	f, err := os.Open(path)
	if err != nil {
		return common.Hash{}, fmt.Errorf("swarm: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return common.Hash{}, fmt.Errorf("swarm: %s: %w", path, err)
	}
	return common.Hash(h.Sum(nil)), nil
}

func writeFileAtomic(path string, mi *metainfo.MetaInfo) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("swarm: %w", err)
	}
	err = mi.Write(f)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("swarm: %s: %w", path, err)
	}
	return nil
}
