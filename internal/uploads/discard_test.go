package uploads

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
)

// oneDraft is a database holding one unregistered upload, of owner; it records whether the files
// were still there when the rows went.
type oneDraft struct {
	owner      common.Address
	hash       common.Hash
	media      content.Media
	gone       bool
	filesAtRow bool
}

func (o *oneDraft) DiscardUpload(_ context.Context, _ uint64, uploader common.Address, h common.Hash) error {
	if o.gone || uploader != o.owner || h != o.hash {
		return store.ErrNotFound
	}
	_, err := os.Stat(o.media.PackagePath(h))
	o.gone, o.filesAtRow = true, err == nil
	return nil
}

// TestDiscardForgetsTheRowsThenTheFiles: an artist's own draft loses its rows, then its files;
// anyone else's keeps both.
func TestDiscardForgetsTheRowsThenTheFiles(t *testing.T) {
	media := content.Media{Dir: t.TempDir()}
	if err := media.Init(); err != nil {
		t.Fatal(err)
	}
	h, artist := common.Hash{7}, common.Address{1}
	if err := os.WriteFile(media.PackagePath(h), []byte("age"), 0o600); err != nil {
		t.Fatal(err)
	}
	db := &oneDraft{owner: artist, hash: h, media: media}
	d := Discarder{Store: db, Media: media, ChainID: 1337}
	if err := d.Discard(context.Background(), common.Address{2}, h); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("someone else's discard: %v, want ErrNotFound", err)
	}
	if _, err := os.Stat(media.PackagePath(h)); err != nil {
		t.Fatalf("someone else's discard removed the package: %v", err)
	}
	if err := d.Discard(context.Background(), artist, h); err != nil {
		t.Fatal(err)
	}
	if !db.filesAtRow {
		t.Error("the files went before the rows")
	}
	if _, err := os.Stat(media.PackagePath(h)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the package is still there: %v", err)
	}
	if err := d.Discard(context.Background(), artist, h); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("a second discard: %v, want ErrNotFound", err)
	}
}
