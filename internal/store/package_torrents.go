package store

import (
	"context"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"gorm.io/gorm/clause"
)

// PackageStatus is what checking a package file against its content hash found.
type PackageStatus string

// The outcomes of checking a package file.
const (
	PackageVerified PackageStatus = "verified" // sha256 of the file == its content hash
	PackageMismatch PackageStatus = "mismatch" // the file is not the package its name promises
)

// PackageTorrent is a package file as last checked, with its BitTorrent v1 piece hashes when it
// was verified. Size and ModifiedAt identify the file that was checked: a file that changed since
// must be checked again.
type PackageTorrent struct {
	ContentHash common.Hash
	Status      PackageStatus
	Size        int64
	ModifiedAt  time.Time
	InfoHash    string // 40 lowercase hex digits; "" unless verified
	PieceLength int64
	Pieces      string // base64 of the SHA-1 piece hashes; "" unless verified
	CheckedAt   time.Time
}

type packageTorrentRow struct {
	ContentHash string    `gorm:"column:content_hash;primaryKey"`
	Status      string    `gorm:"column:status"`
	Size        int64     `gorm:"column:size"`
	ModifiedAt  time.Time `gorm:"column:modified_at"`
	InfoHash    string    `gorm:"column:info_hash"`
	PieceLength int64     `gorm:"column:piece_length"`
	Pieces      string    `gorm:"column:pieces"`
	CheckedAt   time.Time `gorm:"column:checked_at"`
}

func (packageTorrentRow) TableName() string { return "package_torrents" }

// SavePackageTorrent records (or replaces) the outcome of checking a package file.
func (q querier) SavePackageTorrent(ctx context.Context, p PackageTorrent) error {
	checked := p.CheckedAt
	if checked.IsZero() {
		checked = now()
	}
	row := packageTorrentRow{ContentHash: hashText(p.ContentHash), Status: string(p.Status), Size: p.Size,
		ModifiedAt: p.ModifiedAt.UTC().Truncate(time.Microsecond), InfoHash: p.InfoHash, PieceLength: p.PieceLength,
		Pieces: p.Pieces, CheckedAt: checked.UTC().Truncate(time.Microsecond)}
	if err := q.with(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(&row).Error; err != nil {
		return fmt.Errorf("store: package torrent %s: %w", row.ContentHash, classify(err))
	}
	return nil
}

// PackageTorrent returns the last check of the package with the given content hash, or
// ErrNotFound if it was never checked.
func (q querier) PackageTorrent(ctx context.Context, contentHash common.Hash) (PackageTorrent, error) {
	var row packageTorrentRow
	if err := q.with(ctx).Where("content_hash = ?", hashText(contentHash)).Take(&row).Error; err != nil {
		return PackageTorrent{}, fmt.Errorf("store: package torrent %s: %w", contentHash.Hex(), classify(err))
	}
	return PackageTorrent{ContentHash: contentHash, Status: PackageStatus(row.Status), Size: row.Size,
		ModifiedAt: row.ModifiedAt.UTC(), InfoHash: row.InfoHash, PieceLength: row.PieceLength, Pieces: row.Pieces,
		CheckedAt: row.CheckedAt.UTC()}, nil
}

// PackagesVerifiedSince returns the content hashes of the packages whose verification was recorded
// at or after since (at most limit, oldest first), with the time of the last one: how a seeder
// learns of packages checked by any API server sharing the database.
func (q querier) PackagesVerifiedSince(ctx context.Context, since time.Time, limit int) ([]common.Hash, time.Time, error) {
	var rows []packageTorrentRow
	err := q.with(ctx).Select("content_hash, checked_at").Where("status = ? AND checked_at >= ?", string(PackageVerified),
		since.UTC().Truncate(time.Microsecond)).Order("checked_at, content_hash").Limit(limit).Find(&rows).Error
	if err != nil {
		return nil, since, fmt.Errorf("store: packages verified since %s: %w", since, classify(err))
	}
	out := make([]common.Hash, 0, len(rows))
	for _, r := range rows {
		h, err := parseHash(r.ContentHash)
		if err != nil {
			return nil, since, fmt.Errorf("store: packages verified since %s: %w", since, err)
		}
		out = append(out, h)
		since = r.CheckedAt.UTC()
	}
	return out, since, nil
}
