package store

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// UnregisteredUploads returns an account's uploads that no registration on the chain matches yet,
// newest first (the Studio offers to register or discard them).
func (q querier) UnregisteredUploads(ctx context.Context, chainID uint64, uploader common.Address) ([]TrackMetadata, error) {
	var rows []trackMetadataRow
	err := q.with(ctx).Table("track_metadata m").Select("m.*").Where("m.uploader = ?", addressText(uploader)).
		Where(unregistered, int64(chainID)).Order("m.created_at DESC").Limit(200).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: unregistered uploads of %s: %w", uploader.Hex(), classify(err))
	}
	out := make([]TrackMetadata, len(rows))
	for i, r := range rows {
		out[i] = TrackMetadata{ContentHash: common.HexToHash(r.ContentHash), Title: r.Title, ArtistName: r.ArtistName, Genre: r.Genre,
			Subgenre: r.Subgenre, Description: r.Description, DurationMS: r.DurationMS, Uploader: common.HexToAddress(r.Uploader),
			CreatedAt: r.CreatedAt.UTC()}
	}
	return out, nil
}

// DiscardUpload forgets an account's own upload that no registration matches, as the sweep does
// (ForgetUpload: the rows go, the sealed key stays); it fails with ErrNotFound when the account
// has no such upload, or it was registered meanwhile. The caller removes the files.
func (s *Store) DiscardUpload(ctx context.Context, chainID uint64, uploader common.Address, contentHash common.Hash) error {
	var n int64
	err := s.with(ctx).Table("track_metadata m").Where("m.content_hash = ? AND m.uploader = ?", hashText(contentHash), addressText(uploader)).
		Where(unregistered, int64(chainID)).Count(&n).Error
	if err != nil {
		return fmt.Errorf("store: discard upload %s: %w", contentHash.Hex(), classify(err))
	}
	if n == 0 {
		return fmt.Errorf("store: discard upload %s: %w", contentHash.Hex(), ErrNotFound)
	}
	forgot, err := s.ForgetUpload(ctx, chainID, contentHash)
	if err != nil {
		return err
	}
	if !forgot {
		return fmt.Errorf("store: discard upload %s: registered meanwhile: %w", contentHash.Hex(), ErrNotFound)
	}
	return nil
}
