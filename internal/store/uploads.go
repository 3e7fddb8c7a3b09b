package store

import (
	"context"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Uploads that no registration ever matched: an artist's quota counts them, and a sweep forgets
// them after a while (their files are the caller's to delete).

// unregistered selects the uploads no track of the chain registers by their uploader.
const unregistered = `NOT EXISTS (SELECT 1 FROM tracks t WHERE t.chain_id = ? AND t.content_hash = m.content_hash AND t.artist = m.uploader)`

// PendingUploads counts the uploads of an account that no registration on the chain matches yet.
func (q querier) PendingUploads(ctx context.Context, chainID uint64, uploader common.Address) (int64, error) {
	var n int64
	err := q.with(ctx).Table("track_metadata m").Where("m.uploader = ?", addressText(uploader)).
		Where(unregistered, int64(chainID)).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("store: pending uploads of %s: %w", uploader.Hex(), classify(err))
	}
	return n, nil
}

// StaleUploads returns up to limit content hashes of uploads made before the given time that no
// registration on the chain matches, oldest first.
func (q querier) StaleUploads(ctx context.Context, chainID uint64, before time.Time, limit int) ([]common.Hash, error) {
	var hashes []string
	err := q.with(ctx).Table("track_metadata m").Where("m.created_at < ?", before.UTC()).
		Where(unregistered, int64(chainID)).Order("m.created_at").Limit(limit).Pluck("m.content_hash", &hashes).Error
	if err != nil {
		return nil, fmt.Errorf("store: stale uploads: %w", classify(err))
	}
	out := make([]common.Hash, len(hashes))
	for i, h := range hashes {
		if out[i], err = parseHash(h); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ForgetUpload deletes what the database keeps of an upload — its metadata, torrent and usage —
// unless a registration on the chain matches it by now; it reports whether it did. The sealed key
// stays (a few hundred bytes): a registration the indexer sees late, and every copy of the package
// already in the swarm, can still be unlocked.
func (s *Store) ForgetUpload(ctx context.Context, chainID uint64, contentHash common.Hash) (bool, error) {
	forgotten := false
	err := s.Transact(ctx, func(tx *Tx) error {
		h := hashText(contentHash)
		res := tx.with(ctx).Exec(`DELETE FROM track_metadata AS m WHERE m.content_hash = ? AND `+unregistered, h, int64(chainID))
		if res.Error != nil {
			return fmt.Errorf("store: forget upload %s: %w", h, classify(res.Error))
		}
		if res.RowsAffected == 0 {
			return nil
		}
		for _, table := range []string{"package_torrents", "upload_usage"} {
			if err := tx.with(ctx).Exec("DELETE FROM "+table+" WHERE content_hash = ?", h).Error; err != nil {
				return fmt.Errorf("store: forget upload %s: %s: %w", h, table, classify(err))
			}
		}
		forgotten = true
		return nil
	})
	return forgotten, err
}
