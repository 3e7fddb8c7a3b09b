// Package sweep forgets uploads that were never registered on-chain: an artist uploads a track,
// then never sends the registration. After a grace period their files and database rows go, so
// that abandoned uploads neither fill the disk nor count against the artist's quota for ever.
package sweep

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/content"
)

// Store is what the sweep needs of the database (store.Store).
type Store interface {
	StaleUploads(ctx context.Context, chainID uint64, before time.Time, limit int) ([]common.Hash, error)
	ForgetUpload(ctx context.Context, chainID uint64, contentHash common.Hash) (bool, error)
}

// Grace is how long an upload may wait for its registration.
const Grace = 7 * 24 * time.Hour

// Uploads forgets the uploads made before the given time that no registration on the chain
// matches: their rows first (a registration arriving meanwhile keeps them), then their files. It
// returns how many it forgot.
func Uploads(ctx context.Context, st Store, media content.Media, chainID uint64, before time.Time) (int, error) {
	n := 0
	for {
		hashes, err := st.StaleUploads(ctx, chainID, before, 100)
		if err != nil {
			return n, err
		}
		var errs []error
		for _, h := range hashes {
			forgot, err := st.ForgetUpload(ctx, chainID, h)
			if err != nil {
				return n, err
			}
			if !forgot {
				continue
			}
			n++
			if err := media.Remove(h); err != nil {
				errs = append(errs, fmt.Errorf("sweep: files of %s: %w", h.Hex(), err))
			}
		}
		if err := errors.Join(errs...); err != nil {
			return n, err
		}
		if len(hashes) < 100 {
			return n, nil
		}
	}
}

// Run sweeps once an hour until ctx ends, logging what it forgot.
func Run(ctx context.Context, st Store, media content.Media, chainID uint64, log *slog.Logger) error {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		n, err := Uploads(ctx, st, media, chainID, time.Now().Add(-Grace))
		if err != nil && ctx.Err() == nil {
			log.Warn("sweep: unregistered uploads", "forgotten", n, "err", err)
		} else if n > 0 {
			log.Info("sweep: forgot unregistered uploads", "count", n, "grace", Grace)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}
