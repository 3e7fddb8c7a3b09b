package swarm

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"

	"filippo.io/age"
	"github.com/ethereum/go-ethereum/common"
)

// Decrypt writes the audio of the package tr fetches into dst as its pieces arrive: it reads the
// package in order while the rest is still being fetched, checks its sha256 against the content
// hash on the way and decrypts it with id. A damaged copy (a chunk that does not authenticate, or a
// whole that does not hash to the content hash) makes the transfer check its pieces and fetch the
// bad ones again, and the decryption start over; dst is truncated each time.
func (tr *Transfer) Decrypt(ctx context.Context, id age.Identity, dst *os.File) error {
	for attempt := 0; ; attempt++ {
		err := tr.decryptOnce(ctx, id, dst)
		if err == nil || ctx.Err() != nil || attempt == 2 {
			return err
		}
		if err := tr.Verify(ctx); err != nil {
			return err
		}
	}
}

func (tr *Transfer) decryptOnce(ctx context.Context, id age.Identity, dst *os.File) error {
	if err := dst.Truncate(0); err != nil {
		return fmt.Errorf("swarm: decrypt: %w", err)
	}
	if _, err := dst.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("swarm: decrypt: %w", err)
	}
	r := tr.Reader()
	defer r.Close()
	stop := context.AfterFunc(ctx, func() { r.Close() })
	defer stop()
	h := sha256.New()
	tee := io.TeeReader(r, h)
	plain, err := age.Decrypt(tee, id)
	if err != nil {
		return fmt.Errorf("swarm: decrypt %s: %w", tr.Path, err)
	}
	if _, err := io.Copy(dst, plain); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("swarm: decrypt %s: %w", tr.Path, err)
	}
	if _, err := io.Copy(h, r); err != nil { // anything after age's last chunk belongs to the hash too
		return fmt.Errorf("swarm: decrypt %s: %w", tr.Path, err)
	}
	if common.Hash(h.Sum(nil)) != tr.ContentHash {
		return fmt.Errorf("swarm: %s: %w", tr.Path, ErrMismatch)
	}
	return nil
}
