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
	// AudioSHA256 is the sha256 of the plain audio uploaded (zero when not recorded). An uploader
	// cannot store two packages of the same audio (ErrConflict; see UploadOfAudio).
	AudioSHA256 common.Hash
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
	AudioSHA256 string    `gorm:"column:audio_sha256"`
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
	if m.AudioSHA256 != (common.Hash{}) {
		row.AudioSHA256 = hashText(m.AudioSHA256)
	}
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
		Uploader: common.HexToAddress(row.Uploader), CreatedAt: row.CreatedAt.UTC(), AudioSHA256: audioHash(row.AudioSHA256)}, nil
}

// UploadOfAudio returns the content hash of the package uploader already made of the audio whose
// sha256 is audio, or ErrNotFound. The server refuses a second upload of the same audio by the same
// artist: a new package of it could be registered without the first one's collaborators.
func (q querier) UploadOfAudio(ctx context.Context, uploader common.Address, audio common.Hash) (common.Hash, error) {
	var row trackMetadataRow
	err := q.with(ctx).Select("content_hash").Where("uploader = ? AND audio_sha256 = ?", addressText(uploader), hashText(audio)).
		Take(&row).Error
	if err != nil {
		return common.Hash{}, fmt.Errorf("store: upload of audio %s by %s: %w", audio.Hex(), uploader.Hex(), classify(err))
	}
	return common.HexToHash(row.ContentHash), nil
}

func audioHash(s string) common.Hash {
	if s == "" {
		return common.Hash{}
	}
	return common.HexToHash(s)
}
