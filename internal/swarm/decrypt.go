package swarm

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

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
	r := &pieceReader{ctx: ctx, tr: tr, size: tr.t.Length(), pieceLen: tr.t.Info().PieceLength}
	defer r.close()
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

// pieceReader reads the package file in order, each piece as soon as it is complete and verified,
// while the client keeps fetching the rest. (The library's own Reader moves piece priorities about
// as it reads, which stalled transfers here now and then.)
type pieceReader struct {
	ctx            context.Context
	tr             *Transfer
	f              *os.File
	off            int64
	size, pieceLen int64
}

func (r *pieceReader) Read(p []byte) (int, error) {
	if r.off >= r.size {
		return 0, io.EOF
	}
	i := int(r.off / r.pieceLen)
	for !r.tr.t.PieceState(i).Complete {
		select {
		case <-r.ctx.Done():
			return 0, r.ctx.Err()
		case <-r.tr.t.Closed():
			return 0, errors.New("swarm: the transfer was dropped")
		case <-time.After(2 * time.Millisecond):
		}
	}
	if r.f == nil {
		f, err := os.Open(r.tr.Path)
		if err != nil {
			return 0, fmt.Errorf("swarm: %w", err)
		}
		r.f = f
	}
	end := min(int64(i+1)*r.pieceLen, r.size)
	n, err := r.f.ReadAt(p[:min(int64(len(p)), end-r.off)], r.off)
	r.off += int64(n)
	if err == io.EOF && n > 0 {
		err = nil
	}
	return n, err
}

func (r *pieceReader) close() {
	if r.f != nil {
		r.f.Close()
	}
}
