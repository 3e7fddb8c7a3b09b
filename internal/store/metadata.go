package store

import (
	"context"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm/clause"
)

// TrackMetadata describes a track as uploaded to the market. It is matched to the on-chain track
// whose registration carries the same content hash: only then does the track appear in the market.
type TrackMetadata struct {
	ContentHash common.Hash
	Title       string
	ArtistName  string
	Genre       string
	Subgenre    string
	Description string
	DurationMS  int64
	Uploader    common.Address
	CreatedAt   time.Time
}

type trackMetadataRow struct {
	ContentHash string    `gorm:"column:content_hash;primaryKey"`
	Title       string    `gorm:"column:title"`
	ArtistName  string    `gorm:"column:artist_name"`
	Genre       string    `gorm:"column:genre"`
	Subgenre    string    `gorm:"column:subgenre"`
	Description string    `gorm:"column:description"`
	DurationMS  int64     `gorm:"column:duration_ms"`
	Uploader    string    `gorm:"column:uploader"`
	CreatedAt   time.Time `gorm:"column:created_at"`
}

func (trackMetadataRow) TableName() string { return "track_metadata" }

// SaveTrackMetadata stores (or replaces) the metadata of the package with m's content hash.
func (q querier) SaveTrackMetadata(ctx context.Context, m TrackMetadata) error {
	created := m.CreatedAt
	if created.IsZero() {
		created = now()
	}
	row := trackMetadataRow{ContentHash: hashText(m.ContentHash), Title: m.Title, ArtistName: m.ArtistName, Genre: m.Genre,
		Subgenre: m.Subgenre, Description: m.Description, DurationMS: m.DurationMS, Uploader: addressText(m.Uploader),
		CreatedAt: created.UTC()}
	if err := q.with(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(&row).Error; err != nil {
		return fmt.Errorf("store: metadata %s: %w", row.ContentHash, classify(err))
	}
	return nil
}

// TrackMetadata returns the metadata stored for a package's content hash.
func (q querier) TrackMetadata(ctx context.Context, contentHash common.Hash) (TrackMetadata, error) {
	var row trackMetadataRow
	if err := q.with(ctx).Where("content_hash = ?", hashText(contentHash)).Take(&row).Error; err != nil {
		return TrackMetadata{}, fmt.Errorf("store: metadata %s: %w", contentHash.Hex(), classify(err))
	}
	return TrackMetadata{ContentHash: contentHash, Title: row.Title, ArtistName: row.ArtistName, Genre: row.Genre,
		Subgenre: row.Subgenre, Description: row.Description, DurationMS: row.DurationMS,
		Uploader: common.HexToAddress(row.Uploader), CreatedAt: row.CreatedAt.UTC()}, nil
}
