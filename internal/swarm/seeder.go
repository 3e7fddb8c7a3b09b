package swarm

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/anacrolix/torrent"
	"github.com/anacrolix/torrent/metainfo"
	"github.com/anacrolix/torrent/storage"
	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/retry"
)

// Seeder is the server's seeder: it seeds every package of the media folder whose file is what its
// content hash promises, announcing to the market's tracker. Packages are checked by the Index
// (sha256 and piece hashes) before they are seeded, so the seeder trusts their pieces without
// reading them again; a file that fails its check is logged and never seeded.
type Seeder struct {
	index  *Index
	links  Links
	log    *slog.Logger
	client *torrent.Client

	mu     sync.Mutex
	seeded map[common.Hash]*torrent.Torrent
}

// NewSeeder starts the seeder's BitTorrent peer on the packages of index's media folder; links are
// the trackers it announces to.
func NewSeeder(c Config, index *Index, links Links) (*Seeder, error) {
	if err := index.Media.Init(); err != nil {
		return nil, err
	}
	log := c.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	dir := filepath.Dir(index.Media.PackagePath(common.Hash{}))
	st := storage.NewFileOpts(storage.NewFileClientOpts{ClientBaseDir: dir, TorrentDirMaker: flatDir,
		PieceCompletion: verifiedCompletion{}})
	cl, _, err := newTorrentClient(c, st, true)
	if err != nil {
		return nil, err
	}
	return &Seeder{index: index, links: Links{Trackers: links.Trackers}, log: log, client: cl, seeded: map[common.Hash]*torrent.Torrent{}}, nil
}

// Addr is where the seeder accepts peers.
func (s *Seeder) Addr() string { return s.client.ListenAddrs()[0].String() }

// Seed checks the package with content hash h and seeds it (once: seeding a package again does
// nothing).
func (s *Seeder) Seed(ctx context.Context, h common.Hash) error {
	s.mu.Lock()
	_, ok := s.seeded[h]
	s.mu.Unlock()
	if ok {
		return nil
	}
	p, err := s.index.Ensure(ctx, h)
	if err != nil {
		return err
	}
	t, _ := s.client.AddTorrentOpt(torrent.AddTorrentOpts{InfoHash: p.InfoHash(), InfoBytes: p.InfoBytes()})
	if len(s.links.Trackers) > 0 {
		t.AddTrackers([][]string{s.links.Trackers})
	}
	s.mu.Lock()
	s.seeded[h] = t
	s.mu.Unlock()
	return nil
}

// SeedAll seeds every package file in the media folder not seeded yet, and returns how many it
// seeds in all. Files that fail their check are logged and skipped.
func (s *Seeder) SeedAll(ctx context.Context) (int, error) {
	dir := filepath.Dir(s.index.Media.PackagePath(common.Hash{}))
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, fmt.Errorf("swarm: seeder: %w", err)
	}
	for _, e := range entries {
		h, ok := ParseFileName(e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		if err := s.Seed(ctx, h); err != nil {
			if ctx.Err() != nil {
				return 0, ctx.Err()
			}
			if errors.Is(err, ErrMismatch) {
				s.log.Error("swarm: not seeding a package whose file does not match its content hash", "content_hash", h.Hex())
			} else {
				s.log.Warn("swarm: seed", "content_hash", h.Hex(), "err", err)
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.seeded), nil
}

// verifiedLister lists the packages verified lately (*store.Store does).
type verifiedLister interface {
	PackagesVerifiedSince(ctx context.Context, since time.Time, limit int) ([]common.Hash, time.Time, error)
}

// pollEvery is how often Run looks for packages that any API server has just checked, so that a
// new package is seeded and announced about a second after its check rather than at the next scan.
const pollEvery = time.Second

// Run seeds (and announces) the media folder's packages at once, then seeds every package that
// any server checks within about a second, and scans the folder again every interval for files
// put there by other means, until ctx ends.
func (s *Seeder) Run(ctx context.Context, interval time.Duration) error {
	since := time.Now().Add(-time.Minute)
	lister, _ := s.index.Store.(verifiedLister)
	last := -1
	nextScan := time.Now()
	for {
		if !time.Now().Before(nextScan) {
			n, err := s.SeedAll(ctx)
			if err != nil && ctx.Err() == nil {
				s.log.Warn("swarm: seeder", "err", err)
			}
			if n != last {
				s.log.Info("swarm: seeding", "packages", n, "peer_addr", s.Addr())
				last = n
			}
			nextScan = time.Now().Add(interval)
		}
		if lister != nil {
			hashes, at, err := lister.PackagesVerifiedSince(ctx, since, 100)
			if err != nil && ctx.Err() == nil {
				s.log.Warn("swarm: seeder: new packages", "err", err)
			}
			since = at
			for _, h := range hashes {
				if err := s.Seed(ctx, h); err != nil && ctx.Err() == nil {
					s.log.Warn("swarm: seed", "content_hash", h.Hex(), "err", err)
				}
			}
		}
		if !retry.Sleep(ctx, min(pollEvery, interval)) {
			return nil
		}
	}
}

// Uploaded is how many bytes of packages the seeder has sent to peers.
func (s *Seeder) Uploaded() int64 {
	st := s.client.Stats()
	return st.BytesWrittenData.Int64()
}

// Close stops seeding.
func (s *Seeder) Close() error {
	return errors.Join(s.client.Close()...)
}

// verifiedCompletion says every piece is complete: the seeder adds only packages the Index has
// verified whole.
type verifiedCompletion struct{}

func (verifiedCompletion) Get(metainfo.PieceKey) (storage.Completion, error) {
	return storage.Completion{Complete: true, Ok: true}, nil
}
func (verifiedCompletion) Set(metainfo.PieceKey, bool) error { return nil }
func (verifiedCompletion) Close() error                      { return nil }
