package store

import (
	"context"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// ReleaseMetadata is what an artist writes about a release before registering it on-chain: the
// on-chain release links to it through its metadata URI (ReleaseMetadataPath(ID)).
type ReleaseMetadata struct {
	ID          string // 32 lowercase hex digits, random
	ChainID     uint64
	Uploader    common.Address
	Title       string
	Kind        string // album, ep or single
	Description string
	ReleaseDate string // "" or YYYY-MM-DD
	HasCover    bool
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// ReleaseKinds are the kinds a release can be.
var ReleaseKinds = []string{"album", "ep", "single"}

type releaseMetadataRow struct {
	ID          string    `gorm:"column:id;primaryKey"`
	ChainID     int64     `gorm:"column:chain_id"`
	Uploader    string    `gorm:"column:uploader"`
	Title       string    `gorm:"column:title"`
	Kind        string    `gorm:"column:kind"`
	Description string    `gorm:"column:description"`
	ReleaseDate string    `gorm:"column:release_date"`
	Cover       []byte    `gorm:"column:cover"`
	CreatedAt   time.Time `gorm:"column:created_at"`
	UpdatedAt   time.Time `gorm:"column:updated_at"`
}

func (releaseMetadataRow) TableName() string { return "release_metadata" }

const releaseMetadataColumns = "id, chain_id, uploader, title, kind, description, release_date, created_at, updated_at, " +
	"(cover IS NOT NULL AND length(cover) > 0) AS has_cover"

type releaseMetadataView struct {
	ID          string    `gorm:"column:id"`
	ChainID     int64     `gorm:"column:chain_id"`
	Uploader    string    `gorm:"column:uploader"`
	Title       string    `gorm:"column:title"`
	Kind        string    `gorm:"column:kind"`
	Description string    `gorm:"column:description"`
	ReleaseDate string    `gorm:"column:release_date"`
	CreatedAt   time.Time `gorm:"column:created_at"`
	UpdatedAt   time.Time `gorm:"column:updated_at"`
	HasCover    bool      `gorm:"column:has_cover"`
}

func (v releaseMetadataView) metadata() ReleaseMetadata {
	return ReleaseMetadata{ID: v.ID, ChainID: uint64(v.ChainID), Uploader: common.HexToAddress(v.Uploader), Title: v.Title,
		Kind: v.Kind, Description: v.Description, ReleaseDate: v.ReleaseDate, HasCover: v.HasCover,
		CreatedAt: v.CreatedAt.UTC(), UpdatedAt: v.UpdatedAt.UTC()}
}

// CreateReleaseMetadata stores a new release's metadata and cover (nil: none); m.ID must be new.
func (q querier) CreateReleaseMetadata(ctx context.Context, m ReleaseMetadata, cover []byte) error {
	row := releaseMetadataRow{ID: m.ID, ChainID: int64(m.ChainID), Uploader: addressText(m.Uploader), Title: m.Title, Kind: m.Kind,
		Description: m.Description, ReleaseDate: m.ReleaseDate, Cover: cover, CreatedAt: m.CreatedAt.UTC(), UpdatedAt: m.UpdatedAt.UTC()}
	if err := q.with(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("store: create release metadata %s: %w", m.ID, classify(err))
	}
	return nil
}

// ReleaseMetadata returns a release's metadata by id, or ErrNotFound.
func (q querier) ReleaseMetadata(ctx context.Context, id string) (ReleaseMetadata, error) {
	m, err := q.releaseMetadata(ctx, id)
	if err != nil {
		return ReleaseMetadata{}, fmt.Errorf("store: release metadata %s: %w", id, err)
	}
	return m, nil
}

func (q querier) releaseMetadata(ctx context.Context, id string) (ReleaseMetadata, error) {
	var rows []releaseMetadataView
	if err := q.with(ctx).Table("release_metadata").Select(releaseMetadataColumns).Where("id = ?", id).Scan(&rows).Error; err != nil {
		return ReleaseMetadata{}, classify(err)
	}
	if len(rows) == 0 {
		return ReleaseMetadata{}, ErrNotFound
	}
	return rows[0].metadata(), nil
}

// releaseMetadataByID reads the release metadata of ids (those that exist), by id.
func (q querier) releaseMetadataByID(ctx context.Context, ids []string) (map[string]ReleaseMetadata, error) {
	out := make(map[string]ReleaseMetadata, len(ids))
	for _, chunk := range chunks(ids, 500) {
		var rows []releaseMetadataView
		if err := q.with(ctx).Table("release_metadata").Select(releaseMetadataColumns).Where("id IN ?", chunk).Scan(&rows).Error; err != nil {
			return nil, classify(err)
		}
		for _, r := range rows {
			out[r.ID] = r.metadata()
		}
	}
	return out, nil
}

// ReleaseCover returns a release's cover (a JPEG) and when it was set, or ErrNotFound.
func (q querier) ReleaseCover(ctx context.Context, id string) ([]byte, time.Time, error) {
	var rows []releaseMetadataRow
	if err := q.with(ctx).Select("cover, updated_at").Where("id = ?", id).Find(&rows).Error; err != nil {
		return nil, time.Time{}, fmt.Errorf("store: release cover %s: %w", id, classify(err))
	}
	if len(rows) == 0 || len(rows[0].Cover) == 0 {
		return nil, time.Time{}, fmt.Errorf("store: release cover %s: %w", id, ErrNotFound)
	}
	return rows[0].Cover, rows[0].UpdatedAt.UTC(), nil
}

// ReleaseMetadataEdit changes some of a release's metadata: nil fields are kept. Cover, when not nil,
// replaces the cover.
type ReleaseMetadataEdit struct {
	Title       *string
	Kind        *string
	Description *string
	ReleaseDate *string
	Cover       []byte
}

// EditReleaseMetadata applies an edit by account to its own release metadata: ErrNotFound when there
// is none with that id, ErrForbidden when another account wrote it.
func (s *Store) EditReleaseMetadata(ctx context.Context, id string, account common.Address, e ReleaseMetadataEdit, now time.Time) (ReleaseMetadata, error) {
	var out ReleaseMetadata
	err := s.Transact(ctx, func(tx *Tx) error {
		m, err := tx.releaseMetadata(ctx, id)
		if err != nil {
			return err
		}
		if m.Uploader != account {
			return ErrForbidden
		}
		set := map[string]any{"updated_at": now.UTC()}
		for col, v := range map[string]*string{"title": e.Title, "kind": e.Kind, "description": e.Description, "release_date": e.ReleaseDate} {
			if v != nil {
				set[col] = *v
			}
		}
		if e.Cover != nil {
			set["cover"] = e.Cover
		}
		if err := tx.with(ctx).Model(&releaseMetadataRow{}).Where("id = ?", id).Updates(set).Error; err != nil {
			return classify(err)
		}
		out, err = tx.releaseMetadata(ctx, id)
		return err
	})
	if err != nil {
		return ReleaseMetadata{}, fmt.Errorf("store: edit release metadata %s: %w", id, err)
	}
	return out, nil
}

// UnregisteredReleaseMetadata counts an account's release metadata that no registered release of
// theirs links to yet (the drafts it may still register).
func (q querier) UnregisteredReleaseMetadata(ctx context.Context, chainID uint64, uploader common.Address) (int64, error) {
	var n int64
	err := q.with(ctx).Table("release_metadata m").Where("m.chain_id = ? AND m.uploader = ?", int64(chainID), addressText(uploader)).
		Where("NOT EXISTS (SELECT 1 FROM releases r WHERE r.chain_id = m.chain_id AND r.metadata_id = m.id AND r.artist = m.uploader)").
		Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("store: unregistered release metadata of %s: %w", uploader.Hex(), classify(err))
	}
	return n, nil
}
