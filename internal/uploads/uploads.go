// Package uploads turns an artist's upload into what the market sells and keeps what uploads
// waiting for their on-chain registration may hold bounded: a number of uploads per account,
// bytes per client address and in all, and a floor of free space under the media folder. The
// API's handler reads the request and renders the answer; everything between is here.
package uploads

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
)

// ErrTooManyPending refuses an upload from an account or a client address that has too much
// waiting for its registration already; the message says what and how to go on.
var ErrTooManyPending = errors.New("uploads: too much waiting for registration")

// ErrStorageFull refuses an upload while the market's media folder is short of room: all the
// unregistered uploads together are at their cap, or the free space is at its floor.
var ErrStorageFull = errors.New("uploads: not enough storage")

// Limits bound unregistered uploads; a zero field takes its default.
type Limits struct {
	MaxPending       int64         // uploads per account (default 20)
	PendingPerClient int64         // bytes per client address (default 2 GiB)
	PendingTotal     int64         // bytes in all (default 50 GiB)
	MinFree          int64         // bytes the media folder's file system keeps free (default 2 GiB)
	Grace            time.Duration // how long an upload waits before the sweep forgets it, for messages (default 24 h)
}

func (l Limits) withDefaults() Limits {
	if l.MaxPending <= 0 {
		l.MaxPending = 20
	}
	if l.PendingPerClient <= 0 {
		l.PendingPerClient = 2 << 30
	}
	if l.PendingTotal <= 0 {
		l.PendingTotal = 50 << 30
	}
	if l.MinFree <= 0 {
		l.MinFree = 2 << 30
	}
	if l.Grace <= 0 {
		l.Grace = 24 * time.Hour
	}
	return l
}

// Store is what the service reads and writes (*store.Store does).
type Store interface {
	PendingUploads(ctx context.Context, chainID uint64, uploader common.Address) (int64, error)
	PendingUploadBytes(ctx context.Context, chainID uint64, client string) (fromClient, total int64, err error)
	Transact(ctx context.Context, f func(tx *store.Tx) error) error
}

// Service accepts uploads. Set its fields before use; it is safe for concurrent use.
type Service struct {
	Store     Store
	Media     content.Media
	MasterKey []byte
	ChainID   uint64
	Limits    Limits
	Logger    *slog.Logger
	// FreeSpace tells the bytes free for unprivileged users on dir's file system (nil: statfs).
	FreeSpace func(dir string) (int64, error)

	mu       sync.Mutex
	inflight map[string]int64 // bytes reserved by uploads being received, per client
	total    int64            // their sum
}

// Admit decides whether an upload of at most size bytes from account, sent from client (its
// address, an IPv6 client's /64), may be received now, and reserves room for it: what is waiting
// for registration (in the database) plus what is being received (in this process) stays within
// the limits. Call release when the upload is stored or failed.
func (s *Service) Admit(ctx context.Context, account common.Address, client string, size int64) (release func(), err error) {
	lim := s.Limits.withDefaults()
	pending, err := s.Store.PendingUploads(ctx, s.ChainID, account)
	if err != nil {
		return nil, err
	}
	if pending >= lim.MaxPending {
		return nil, fmt.Errorf("%w: this account has %d uploads not registered on-chain yet: register them (or wait %s, "+
			"after which unregistered uploads are deleted) before uploading more", ErrTooManyPending, pending, span(lim.Grace))
	}
	fromClient, total, err := s.Store.PendingUploadBytes(ctx, s.ChainID, client)
	if err != nil {
		return nil, err
	}
	free, err := s.freeSpace()
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case fromClient+s.inflight[client]+size > lim.PendingPerClient:
		return nil, fmt.Errorf("%w: uploads from this address that are not registered on-chain yet hold %s of the %s allowed: "+
			"register them (or wait %s) before uploading more", ErrTooManyPending, mib(fromClient+s.inflight[client]), mib(lim.PendingPerClient), span(lim.Grace))
	case total+s.total+size > lim.PendingTotal:
		return nil, fmt.Errorf("%w: the market holds as many unregistered uploads as it can; try again later", ErrStorageFull)
	case free-s.total-2*size < lim.MinFree: // the spooled file and the package exist together for a while
		return nil, fmt.Errorf("%w: the market's storage is nearly full; try again later", ErrStorageFull)
	}
	if s.inflight == nil {
		s.inflight = map[string]int64{}
	}
	s.inflight[client] += size
	s.total += size
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			if s.inflight[client] -= size; s.inflight[client] <= 0 {
				delete(s.inflight, client)
			}
			s.total -= size
		})
	}, nil
}

func (s *Service) freeSpace() (int64, error) {
	if s.FreeSpace != nil {
		return s.FreeSpace(s.Media.Dir)
	}
	return FreeSpace(s.Media.Dir)
}

// FreeSpace is the bytes free for unprivileged users on the file system holding dir.
func FreeSpace(dir string) (int64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, fmt.Errorf("uploads: free space of %s: %w", dir, err)
	}
	return int64(st.Bavail) * int64(st.Bsize), nil
}

// span is a duration for a message: "24 hours", "90 minutes".
func span(d time.Duration) string {
	if d%time.Hour == 0 {
		return fmt.Sprintf("%d hours", d/time.Hour)
	}
	return fmt.Sprintf("%d minutes", d/time.Minute)
}

func mib(n int64) string { return fmt.Sprintf("%d MiB", (n+(1<<20)-1)>>20) }

// Accept stores an admitted upload: it packages the audio and writes the preview and the cover
// (content.Media.Ingest), then saves the sealed key, the metadata (meta, completed with the
// content hash and duration) and the upload's usage (client and bytes) in one transaction. If the
// transaction fails, the files go too: nothing is left half stored.
func (s *Service) Accept(ctx context.Context, u content.Upload, meta store.TrackMetadata, client string) (content.Ingested, error) {
	in, err := s.Media.Ingest(u, s.MasterKey)
	if err != nil {
		return in, err
	}
	meta.ContentHash, meta.DurationMS = in.ContentHash, in.Audio.Duration.Milliseconds()
	bytes, err := s.Media.Size(in.ContentHash)
	if err == nil {
		err = s.Store.Transact(ctx, func(tx *store.Tx) error {
			if err := tx.SaveTrackKey(ctx, store.TrackKey{ContentHash: in.ContentHash, Sealed: in.SealedKey}); err != nil {
				return err
			}
			if err := tx.SaveTrackMetadata(ctx, meta); err != nil {
				return err
			}
			return tx.SaveUploadUsage(ctx, store.UploadUsage{ContentHash: in.ContentHash, Client: client, Bytes: bytes})
		})
	}
	if err != nil {
		if rmErr := s.Media.Remove(in.ContentHash); rmErr != nil && s.Logger != nil {
			s.Logger.Error("uploads: remove the files of a failed upload", "content_hash", in.ContentHash.Hex(), "err", rmErr)
		}
		return content.Ingested{}, fmt.Errorf("uploads: %s: %w", in.ContentHash.Hex(), err)
	}
	if s.Logger != nil {
		s.Logger.Info("uploads: stored", "uploader", meta.Uploader.Hex(), "client", client, "content_hash", in.ContentHash.Hex(),
			"format", in.Audio.Format, "audio_bytes", u.Audio.Size, "stored_bytes", bytes, "preview", in.Preview)
	}
	return in, nil
}
