package store

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// UploadUsage is what an upload put in the media folder, and from which client.
type UploadUsage struct {
	ContentHash common.Hash
	Client      string // the client's IP (an IPv6 client's /64)
	Bytes       int64
}

// SaveUploadUsage records an upload's bytes and client.
func (q querier) SaveUploadUsage(ctx context.Context, u UploadUsage) error {
	err := q.with(ctx).Exec(`INSERT INTO upload_usage (content_hash, client, bytes, created_at) VALUES (?, ?, ?, ?)`,
		hashText(u.ContentHash), u.Client, u.Bytes, now().UTC()).Error
	if err != nil {
		return fmt.Errorf("store: upload usage %s: %w", u.ContentHash.Hex(), classify(err))
	}
	return nil
}

// PendingUploadBytes sums the bytes of the uploads that no registration on the chain matches yet:
// those from client, and those from everyone.
func (q querier) PendingUploadBytes(ctx context.Context, chainID uint64, client string) (fromClient, total int64, err error) {
	var sums struct {
		FromClient int64
		Total      int64
	}
	err = q.with(ctx).Raw(`SELECT COALESCE(SUM(CASE WHEN u.client = ? THEN u.bytes ELSE 0 END), 0) AS from_client,
		COALESCE(SUM(u.bytes), 0) AS total
		FROM upload_usage u JOIN track_metadata m ON m.content_hash = u.content_hash WHERE `+unregistered,
		client, int64(chainID)).Scan(&sums).Error
	if err != nil {
		return 0, 0, fmt.Errorf("store: pending upload bytes: %w", classify(err))
	}
	return sums.FromClient, sums.Total, nil
}
