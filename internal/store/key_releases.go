package store

import (
	"context"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// KeyProof says how an account proved itself to get a track's key.
type KeyProof string

// The ways of proving an account.
const (
	ProofSession   KeyProof = "session"   // a Sign-In with Ethereum session
	ProofSignature KeyProof = "signature" // a signed, expiring, single-use key request
)

// OwnershipSource says where an account's ownership of a track was read.
type OwnershipSource string

// The sources of ownership.
const (
	OwnershipDatabase OwnershipSource = "database" // the indexed purchases
	OwnershipContract OwnershipSource = "contract" // the market's owns(), the indexer being behind
)

// KeyRelease is one release of a track's key to an owner (the key itself is never stored).
type KeyRelease struct {
	ID          string
	ChainID     uint64
	TrackID     int64
	ContentHash common.Hash
	Account     common.Address
	Proof       KeyProof
	Ownership   OwnershipSource
	RequestID   string
	ReleasedAt  time.Time
}

type keyReleaseRow struct {
	ID          string    `gorm:"column:id;primaryKey"`
	ChainID     int64     `gorm:"column:chain_id"`
	TrackID     int64     `gorm:"column:track_id"`
	ContentHash string    `gorm:"column:content_hash"`
	Account     string    `gorm:"column:account"`
	Proof       string    `gorm:"column:proof"`
	Ownership   string    `gorm:"column:ownership"`
	RequestID   string    `gorm:"column:request_id"`
	ReleasedAt  time.Time `gorm:"column:released_at"`
}

func (keyReleaseRow) TableName() string { return "key_releases" }

// LogKeyRelease appends a key release to the log.
func (q querier) LogKeyRelease(ctx context.Context, r KeyRelease) error {
	released := r.ReleasedAt
	if released.IsZero() {
		released = now()
	}
	row := keyReleaseRow{ID: r.ID, ChainID: int64(r.ChainID), TrackID: r.TrackID, ContentHash: hashText(r.ContentHash),
		Account: addressText(r.Account), Proof: string(r.Proof), Ownership: string(r.Ownership), RequestID: r.RequestID,
		ReleasedAt: released.UTC().Truncate(time.Microsecond)}
	if err := q.with(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("store: log key release of track %d to %s: %w", r.TrackID, r.Account.Hex(), classify(err))
	}
	return nil
}

// KeyReleases returns the releases of a track's key, oldest first.
func (q querier) KeyReleases(ctx context.Context, chainID uint64, trackID int64) ([]KeyRelease, error) {
	var rows []keyReleaseRow
	err := q.with(ctx).Where("chain_id = ? AND track_id = ?", int64(chainID), trackID).Order("released_at, id").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: key releases of track %d: %w", trackID, classify(err))
	}
	out := make([]KeyRelease, len(rows))
	for i, r := range rows {
		out[i] = KeyRelease{ID: r.ID, ChainID: uint64(r.ChainID), TrackID: r.TrackID, ContentHash: common.HexToHash(r.ContentHash),
			Account: common.HexToAddress(r.Account), Proof: KeyProof(r.Proof), Ownership: OwnershipSource(r.Ownership),
			RequestID: r.RequestID, ReleasedAt: r.ReleasedAt.UTC()}
	}
	return out, nil
}

type keyRequestNonceRow struct {
	Account   string    `gorm:"column:account;primaryKey"`
	Nonce     string    `gorm:"column:nonce;primaryKey"`
	ExpiresAt time.Time `gorm:"column:expires_at"`
}

func (keyRequestNonceRow) TableName() string { return "key_request_nonces" }

// UseKeyRequestNonce records that account used nonce in a signed key request valid until
// expiresAt. A nonce the account already used is ErrConflict: the request is a replay. Rows expired
// before now are pruned on the way.
func (q querier) UseKeyRequestNonce(ctx context.Context, account common.Address, nonce string, expiresAt, now time.Time) error {
	if err := q.with(ctx).Where("expires_at < ?", now.UTC().Truncate(time.Microsecond)).Delete(&keyRequestNonceRow{}).Error; err != nil {
		return fmt.Errorf("store: prune key request nonces: %w", classify(err))
	}
	row := keyRequestNonceRow{Account: addressText(account), Nonce: nonce, ExpiresAt: expiresAt.UTC().Truncate(time.Microsecond)}
	if err := q.with(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("store: key request nonce of %s: %w", account.Hex(), classify(err))
	}
	return nil
}
