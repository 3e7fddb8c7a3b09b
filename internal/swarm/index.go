package swarm

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
)

// PackageStore keeps the outcome of checking each package file (*store.Store does).
type PackageStore interface {
	SavePackageTorrent(ctx context.Context, p store.PackageTorrent) error
	PackageTorrent(ctx context.Context, contentHash common.Hash) (store.PackageTorrent, error)
}

// ErrNoPackage reports that the media folder holds no package file for a content hash.
var ErrNoPackage = fmt.Errorf("no package file: %w", store.ErrNotFound)

// Index knows which package files of the media folder are what their content hash promises, and
// their torrents. A file is hashed once (sha256 and piece hashes in one pass) and the outcome kept
// in the database with the file's size and modification time, so that every API server sharing the
// media folder answers without hashing it again, and a file that changes is checked again.
type Index struct {
	Store PackageStore
	Media content.Media

	mu       sync.Mutex
	checking map[common.Hash]*hashLock
}

// Lookup returns the package with content hash h as last checked, without reading the file:
// ErrMismatch for a file that failed its check, store.ErrNotFound if it was never checked.
func (x *Index) Lookup(ctx context.Context, h common.Hash) (Package, error) {
	row, err := x.Store.PackageTorrent(ctx, h)
	if err != nil {
		return Package{}, fmt.Errorf("swarm: package %s: %w", h.Hex(), err)
	}
	return fromRow(row)
}

// Ensure returns the package with content hash h, checking its file first if it was never checked
// or changed since: ErrNoPackage without a file, ErrMismatch for a file whose sha256 is not h.
func (x *Index) Ensure(ctx context.Context, h common.Hash) (Package, error) {
	defer x.lockFor(h)()
	path := x.Media.PackagePath(h)
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return Package{}, fmt.Errorf("swarm: package %s: %w", h.Hex(), ErrNoPackage)
	}
	if err != nil {
		return Package{}, fmt.Errorf("swarm: package %s: %w", h.Hex(), err)
	}
	row, err := x.Store.PackageTorrent(ctx, h)
	switch {
	case err == nil && row.Size == fi.Size() && row.ModifiedAt.Equal(fi.ModTime().UTC().Truncate(time.Microsecond)):
		return fromRow(row)
	case err != nil && !errors.Is(err, store.ErrNotFound):
		return Package{}, fmt.Errorf("swarm: package %s: %w", h.Hex(), err)
	}
	row = store.PackageTorrent{ContentHash: h, Size: fi.Size(), ModifiedAt: fi.ModTime()}
	p, err := HashFile(path, h)
	switch {
	case errors.Is(err, ErrMismatch):
		row.Status = store.PackageMismatch
	case err != nil:
		return Package{}, err
	default:
		row.Status, row.PieceLength = store.PackageVerified, p.PieceLength
		row.InfoHash, row.Pieces = p.InfoHash().HexString(), base64.StdEncoding.EncodeToString(p.Pieces)
	}
	if err := x.Store.SavePackageTorrent(ctx, row); err != nil {
		return Package{}, err
	}
	return fromRow(row)
}

// lockFor returns the lock of content hash h, taken, and the function that releases it. Locks
// are counted: the last holder's release deletes the entry, so the map holds only the hashes
// being checked right now, however many different names clients ask for.
func (x *Index) lockFor(h common.Hash) (unlock func()) {
	x.mu.Lock()
	if x.checking == nil {
		x.checking = map[common.Hash]*hashLock{}
	}
	l, ok := x.checking[h]
	if !ok {
		l = new(hashLock)
		x.checking[h] = l
	}
	l.holders++
	x.mu.Unlock()
	l.Lock()
	return func() {
		l.Unlock()
		x.mu.Lock()
		if l.holders--; l.holders == 0 {
			delete(x.checking, h)
		}
		x.mu.Unlock()
	}
}

// hashLock serialises the checks of one package; holders counts who holds or waits for it.
type hashLock struct {
	sync.Mutex
	holders int
}

func fromRow(row store.PackageTorrent) (Package, error) {
	if row.Status != store.PackageVerified {
		return Package{}, fmt.Errorf("swarm: package %s: %w", row.ContentHash.Hex(), ErrMismatch)
	}
	pieces, err := base64.StdEncoding.DecodeString(row.Pieces)
	if err != nil {
		return Package{}, fmt.Errorf("swarm: package %s: stored pieces: %w", row.ContentHash.Hex(), err)
	}
	p := Package{ContentHash: row.ContentHash, Size: row.Size, PieceLength: row.PieceLength, Pieces: pieces}
	if p.InfoHash().HexString() != row.InfoHash {
		return Package{}, fmt.Errorf("swarm: package %s: the stored pieces do not give the stored info hash", row.ContentHash.Hex())
	}
	return p, nil
}
