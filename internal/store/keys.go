package store

import (
	"context"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// TrackKey is the key of an uploaded package, sealed under the server's master key (see
// internal/content Seal). The store never sees the key itself.
type TrackKey struct {
	ContentHash common.Hash
	Sealed      string
	CreatedAt   time.Time
}

type trackKeyRow struct {
	ContentHash string    `gorm:"column:content_hash;primaryKey"`
	SealedKey   string    `gorm:"column:sealed_key"`
	CreatedAt   time.Time `gorm:"column:created_at"`
}

func (trackKeyRow) TableName() string { return "track_keys" }

// SaveTrackKey stores the sealed key of the package with k's content hash. A package has one key
// for good: a second one for the same hash is ErrConflict.
func (q querier) SaveTrackKey(ctx context.Context, k TrackKey) error {
	created := k.CreatedAt
	if created.IsZero() {
		created = now()
	}
	row := trackKeyRow{ContentHash: hashText(k.ContentHash), SealedKey: k.Sealed, CreatedAt: created.UTC()}
	if err := q.with(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("store: track key %s: %w", row.ContentHash, classify(err))
	}
	return nil
}

// TrackKey returns the sealed key of the package with the given content hash, or ErrNotFound.
func (q querier) TrackKey(ctx context.Context, contentHash common.Hash) (TrackKey, error) {
	var row trackKeyRow
	if err := q.with(ctx).Where("content_hash = ?", hashText(contentHash)).Take(&row).Error; err != nil {
		return TrackKey{}, fmt.Errorf("store: track key %s: %w", contentHash.Hex(), classify(err))
	}
	return TrackKey{ContentHash: contentHash, Sealed: row.SealedKey, CreatedAt: row.CreatedAt.UTC()}, nil
}
