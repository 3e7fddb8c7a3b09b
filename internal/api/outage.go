package api

import (
	"context"
	"errors"
	"os"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
)

// What the API serves while its database is down: package files this server has seen verified
// (below) and the charts it keeps rendered (chartCache); everything that needs the database is a
// 503 with Retry-After (the error table), and a session that cannot be checked is not a sign-out
// (session.go).

// maxVerifiedPackages bounds the memory of verified packages (about 100 bytes each).
const maxVerifiedPackages = 20_000

// verifiedPackages remembers the package files this server found verified (their size and
// modification time), so that during a database outage it can go on serving them as the web
// seed. A file it never saw verified, or one changed since, is not served until the database
// answers: its verification outcome is unknown.
type verifiedPackages struct {
	mu    sync.Mutex
	files map[common.Hash]fileStamp
}

type fileStamp struct {
	size int64
	mod  time.Time
}

func (v *verifiedPackages) remember(h common.Hash, fi os.FileInfo) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.files == nil {
		v.files = map[common.Hash]fileStamp{}
	}
	if _, ok := v.files[h]; !ok && len(v.files) >= maxVerifiedPackages {
		for old := range v.files { // forget any one: the database remembers them all
			delete(v.files, old)
			break
		}
	}
	v.files[h] = fileStamp{fi.Size(), fi.ModTime()}
}

// verified reports whether the file fi of package h is the one this server saw verified.
func (v *verifiedPackages) verified(h common.Hash, fi os.FileInfo) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	s, ok := v.files[h]
	return ok && s.size == fi.Size() && s.mod.Equal(fi.ModTime())
}

// checkPackage is nil when the package file with content hash h may be served: the swarm index
// (the database's record of checked files) says it is verified, or, while the database is
// unavailable, this server saw this very file verified before.
func (d *downloads) checkPackage(ctx context.Context, h common.Hash) error {
	path := d.index.Media.PackagePath(h)
	p, err := d.index.Ensure(ctx, h)
	if err == nil {
		if fi, statErr := os.Stat(path); statErr == nil && fi.Size() == p.Size {
			d.verified.remember(h, fi)
		}
		return nil
	}
	if errors.Is(err, store.ErrUnavailable) {
		if fi, statErr := os.Stat(path); statErr == nil && d.verified.verified(h, fi) {
			d.Logger.Debug("api: database unavailable: serving a package verified before", "content_hash", h.Hex())
			return nil
		}
	}
	return err
}
