// Package releasedrafts is what an artist does before a release is on the chain: its metadata
// (title, kind, description, cover), of which an account keeps a bounded number unregistered, and
// the check of its registration against the contract's rules, so that a wallet is never asked to
// sign a registerRelease that reverts.
package releasedrafts

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

var (
	// ErrInvalid refuses a registration the contract would revert: no tracks or too many, a track
	// named twice or not registered, a price above the cap. The text after it is written for the
	// artist.
	ErrInvalid = errors.New("releasedrafts: the contract would refuse this release")
	// ErrNotTheArtists refuses a release holding another artist's track.
	ErrNotTheArtists = errors.New("releasedrafts: another artist's track")
	// ErrTooMany refuses a new draft from an account with MaxDrafts unregistered ones.
	ErrTooMany = errors.New("releasedrafts: too many releases written and not registered")
)

// MaxDrafts is, by default, how many release metadata an account may have that no registered
// release uses.
const MaxDrafts = 20

// Store is what the drafts read and write (*store.Store does).
type Store interface {
	Tracks(ctx context.Context, chainID uint64, ids []int64) (map[int64]store.Track, error)
	UnregisteredReleaseMetadata(ctx context.Context, chainID uint64, uploader common.Address) (int64, error)
	CreateReleaseMetadata(ctx context.Context, m store.ReleaseMetadata, cover []byte) error
}

// Service keeps artists' release drafts.
type Service struct {
	Store     Store
	ChainID   uint64
	MaxDrafts int // 0: MaxDrafts
}

// CheckRegistration checks a registration of trackIDs, in order, at price by artist as the contract
// will: 1 to market.ContractLimits.MaxReleaseTracks of the artist's own registered tracks, none
// twice, and a price within the cap.
func (s Service) CheckRegistration(ctx context.Context, artist common.Address, trackIDs []int64, price wei.Amount) error {
	lim := market.ContractLimits
	if len(trackIDs) == 0 || len(trackIDs) > lim.MaxReleaseTracks {
		return fmt.Errorf("%w: a release has 1 to %d tracks", ErrInvalid, lim.MaxReleaseTracks)
	}
	if price.Cmp(lim.MaxPrice) > 0 {
		return fmt.Errorf("%w: the price is above the market's cap of %s wei", ErrInvalid, lim.MaxPrice)
	}
	seen := make(map[int64]bool, len(trackIDs))
	for _, id := range trackIDs {
		if id <= 0 || seen[id] {
			return fmt.Errorf("%w: track %d is not a track id, or is named twice", ErrInvalid, id)
		}
		seen[id] = true
	}
	tracks, err := s.Store.Tracks(ctx, s.ChainID, trackIDs)
	if err != nil {
		return err
	}
	for _, id := range trackIDs {
		t, ok := tracks[id]
		if !ok {
			return fmt.Errorf("%w: track %d is not registered (or not indexed yet)", ErrInvalid, id)
		}
		if t.Artist != artist {
			return fmt.Errorf("%w: a release holds its artist's own tracks only: track %d is another artist's", ErrNotTheArtists, id)
		}
	}
	return nil
}

// Create stores m, written by m.Uploader, as a new draft with a fresh random id, and cover (nil:
// none); ErrTooMany when the account already has MaxDrafts drafts no registered release uses.
func (s Service) Create(ctx context.Context, m store.ReleaseMetadata, cover []byte, now time.Time) (store.ReleaseMetadata, error) {
	most := s.MaxDrafts
	if most <= 0 {
		most = MaxDrafts
	}
	n, err := s.Store.UnregisteredReleaseMetadata(ctx, s.ChainID, m.Uploader)
	if err != nil {
		return store.ReleaseMetadata{}, err
	}
	if n >= int64(most) {
		return store.ReleaseMetadata{}, fmt.Errorf("%w: this account has %d releases written and not registered; register or edit one of those", ErrTooMany, n)
	}
	m.ID, m.ChainID, m.HasCover, m.CreatedAt, m.UpdatedAt = newID(), s.ChainID, cover != nil, now, now
	if err := s.Store.CreateReleaseMetadata(ctx, m, cover); err != nil {
		return store.ReleaseMetadata{}, err
	}
	return m, nil
}

// newID is a draft's id: 16 random bytes in lowercase hex.
func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}
