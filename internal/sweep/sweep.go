// Package sweep forgets uploads that were never registered on-chain: an artist uploads a track,
// then never sends the registration. After a grace period their files and database rows go, so
// that abandoned uploads neither fill the disk nor count against the artist's quota for ever. The
// sealed key is kept (it is tiny), and the sweep runs only while the indexer is near the chain's
// head, so a registration the indexer has not seen yet is never taken for an abandoned upload.
package sweep

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
)

// Store is what the sweep needs of the database (store.Store).
type Store interface {
	StaleUploads(ctx context.Context, chainID uint64, before time.Time, limit int) ([]common.Hash, error)
	ForgetUpload(ctx context.Context, chainID uint64, contentHash common.Hash) (bool, error)
	Cursor(ctx context.Context, chainID uint64, contract common.Address) (store.Cursor, error)
}

// Chain tells the chain's head (ethclient.Client does).
type Chain interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// Grace is how long an upload may wait for its registration by default.
const Grace = 24 * time.Hour

// MaxLag is, by default, how many blocks the indexer may be behind the confirmed head for the
// sweep to run.
const MaxLag = 20

// ErrIndexerBehind reports that the sweep did not run: the indexer is further behind the chain's
// head than the sweeper allows, so a registration may be on the chain and not in the database yet.
var ErrIndexerBehind = errors.New("sweep: the indexer is behind the chain's head")

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

// Sweeper forgets the unregistered uploads older than its grace period, while the indexer is
// near the head.
type Sweeper struct {
	Store   Store
	Media   content.Media
	ChainID uint64
	Market  common.Address // whose indexer cursor is compared with the head
	Chain   Chain
	// Confirmations is how far behind the head the indexer stays by design; MaxLag how much
	// further it may be (0: MaxLag) for the sweep to run.
	Confirmations, MaxLag uint64
	Grace                 time.Duration // 0: Grace
	Every                 time.Duration // 0: an hour
	Logger                *slog.Logger
}

// Once sweeps once, now: ErrIndexerBehind (and nothing forgotten) if the indexer is not within
// MaxLag blocks of the confirmed head, or has indexed nothing yet.
func (s Sweeper) Once(ctx context.Context, now time.Time) (int, error) {
	maxLag, grace := s.MaxLag, s.Grace
	if maxLag == 0 {
		maxLag = MaxLag
	}
	if grace <= 0 {
		grace = Grace
	}
	head, err := s.Chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("sweep: head: %w", err)
	}
	cur, err := s.Store.Cursor(ctx, s.ChainID, s.Market)
	if errors.Is(err, store.ErrNotFound) {
		return 0, fmt.Errorf("%w: nothing indexed yet", ErrIndexerBehind)
	}
	if err != nil {
		return 0, fmt.Errorf("sweep: %w", err)
	}
	if h := head.Number.Uint64(); h > cur.BlockNumber+s.Confirmations+maxLag {
		return 0, fmt.Errorf("%w: indexed %d, head %d", ErrIndexerBehind, cur.BlockNumber, h)
	}
	return Uploads(ctx, s.Store, s.Media, s.ChainID, now.Add(-grace))
}

// Run sweeps every s.Every until ctx ends, logging what it forgot.
func (s Sweeper) Run(ctx context.Context) error {
	every := s.Every
	if every <= 0 {
		every = time.Hour
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		n, err := s.Once(ctx, time.Now())
		switch {
		case errors.Is(err, ErrIndexerBehind):
			s.Logger.Info("sweep: skipped: unregistered uploads are forgotten only while the indexer is near the head", "err", err)
		case err != nil && ctx.Err() == nil:
			s.Logger.Warn("sweep: unregistered uploads", "forgotten", n, "err", err)
		case n > 0:
			s.Logger.Info("sweep: forgot unregistered uploads", "count", n)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}
