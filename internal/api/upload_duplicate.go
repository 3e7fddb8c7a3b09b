package api

import (
	"context"
	"errors"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
)

// refuseAudioUploadedBefore fails when account already uploaded the audio whose sha256 is audio.
// Every upload is a new package with a new content hash, so the contract's once-per-artist rule
// cannot see a re-upload: without this, an artist could register the same audio again without the
// collaborators of the first registration. (The store's unique index holds the rule under races.)
func (h *handlers) refuseAudioUploadedBefore(ctx context.Context, account common.Address, audio common.Hash) error {
	earlier, err := h.Store.UploadOfAudio(ctx, account, audio)
	switch {
	case err == nil:
		return newError(codeConflict, "you uploaded this audio before, as package %s: register or edit that track instead "+
			"(an artist sells each recording once, with the collaborators it was registered with)", earlier.Hex())
	case errors.Is(err, store.ErrNotFound):
		return nil
	default:
		return err
	}
}
