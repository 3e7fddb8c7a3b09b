package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// ErrForbidden reports a change the caller may not make.
var ErrForbidden = errors.New("forbidden")

// MetadataEdit holds the metadata fields of a track to change; nil fields stay as they are.
// The caller validates the values.
type MetadataEdit struct {
	Title, Genre, Subgenre, Description *string
}

// columns returns the edit as column values.
func (e MetadataEdit) columns() map[string]any {
	cols := map[string]any{}
	for name, v := range map[string]*string{"title": e.Title, "genre": e.Genre, "subgenre": e.Subgenre, "description": e.Description} {
		if v != nil {
			cols[name] = *v
		}
	}
	return cols
}

// UpdateTrackMetadata changes the metadata of a track of the market (matched by content hash) on
// behalf of editor. Only the track's artist may, and only if they also uploaded the package: the
// metadata belongs to the content hash, which someone else could register on-chain as a track of
// their own. It fails with ErrNotFound for a track not in the market, ErrForbidden for anyone
// else. Charts show a new genre at their next rebuild.
func (q querier) UpdateTrackMetadata(ctx context.Context, chainID uint64, trackID int64, editor common.Address, e MetadataEdit) error {
	var rows []struct {
		Artist, ContentHash, Uploader string
	}
	err := q.with(ctx).Table("tracks t").Select("t.artist, t.content_hash, m.uploader").
		Joins("JOIN track_metadata m ON m.content_hash = t.content_hash").
		Where("t.chain_id = ? AND t.track_id = ?", int64(chainID), trackID).Scan(&rows).Error
	if err != nil {
		return fmt.Errorf("store: edit track %d: %w", trackID, classify(err))
	}
	if len(rows) == 0 {
		return fmt.Errorf("store: edit track %d: %w", trackID, ErrNotFound)
	}
	who := addressText(editor)
	if rows[0].Artist != who || rows[0].Uploader != who {
		return fmt.Errorf("store: edit track %d: %w", trackID, ErrForbidden)
	}
	cols := e.columns()
	if len(cols) == 0 {
		return nil
	}
	res := q.with(ctx).Model(&trackMetadataRow{}).Where("content_hash = ? AND uploader = ?", rows[0].ContentHash, who).Updates(cols)
	if res.Error != nil {
		return fmt.Errorf("store: edit track %d: %w", trackID, classify(res.Error))
	}
	if res.RowsAffected == 0 { // the metadata was replaced in between
		return fmt.Errorf("store: edit track %d: %w", trackID, ErrForbidden)
	}
	return nil
}
