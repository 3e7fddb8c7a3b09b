package uploads

import (
	"context"
	"log/slog"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/content"
)

// DiscardStore forgets an account's unregistered upload (*store.Store does).
type DiscardStore interface {
	DiscardUpload(ctx context.Context, chainID uint64, uploader common.Address, contentHash common.Hash) error
}

// Discarder lets an artist discard their own upload that no registration matches, before the
// sweep would. Media with no folder discards the rows only.
type Discarder struct {
	Store   DiscardStore
	Media   content.Media
	ChainID uint64
	Logger  *slog.Logger
}

// Discard forgets account's upload of contentHash as the sweep does: the database rows first (a
// registration arriving meanwhile keeps them; store.ErrNotFound for anyone else's upload or a
// registered one), then the package, preview and cover files; the sealed key stays. Files that
// cannot be removed are logged: the upload is discarded all the same.
func (d Discarder) Discard(ctx context.Context, account common.Address, contentHash common.Hash) error {
	if err := d.Store.DiscardUpload(ctx, d.ChainID, account, contentHash); err != nil {
		return err
	}
	if d.Media.Dir == "" {
		return nil
	}
	if err := d.Media.Remove(contentHash); err != nil && d.Logger != nil {
		d.Logger.Warn("uploads: files of a discarded upload", "content_hash", contentHash.Hex(), "err", err)
	}
	return nil
}
