package uploads

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
)

// failingTx is a database whose transactions fail.
type failingTx struct{ nothingPending }

var errBoom = errors.New("boom")

func (failingTx) Transact(context.Context, func(*store.Tx) error) error { return errBoom }

// wav is a mono 16-bit WAV of n bytes of samples.
func wav(n int) []byte {
	var b bytes.Buffer
	b.WriteString("RIFF")
	_ = binary.Write(&b, binary.LittleEndian, uint32(4+8+16+8+n))
	b.WriteString("WAVEfmt ")
	for _, v := range []any{uint32(16), uint16(1), uint16(1), uint32(8000), uint32(16000), uint16(2), uint16(16)} {
		_ = binary.Write(&b, binary.LittleEndian, v)
	}
	b.WriteString("data")
	_ = binary.Write(&b, binary.LittleEndian, uint32(n))
	for i := range n {
		b.WriteByte(byte(i*7 + i/251))
	}
	return b.Bytes()
}

// stored lists the files of the media folder, its spool of uploads being received aside.
func stored(t *testing.T, media content.Media) []string {
	var files []string
	err := filepath.WalkDir(media.Dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.Contains(filepath.Base(path), ".tmp") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestAcceptLeavesNoFilesWhenTheTransactionFails: an upload is stored whole or not at all — the
// package and preview written before the database transaction go when it fails, and stay when it
// commits.
func TestAcceptLeavesNoFilesWhenTheTransactionFails(t *testing.T) {
	for _, tt := range []struct {
		name  string
		db    Store
		err   error
		files bool
	}{
		{"committed", nothingPending{}, nil, true},
		{"failed", failingTx{}, errBoom, false},
	} {
		media := content.Media{Dir: t.TempDir()}
		if err := media.Init(); err != nil {
			t.Fatal(err)
		}
		audio, err := media.Spool(bytes.NewReader(wav(64_000)), 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		s := &Service{Store: tt.db, Media: media, MasterKey: bytes.Repeat([]byte{7}, content.MasterKeySize), ChainID: 1337}
		_, err = s.Accept(context.Background(), content.Upload{Audio: audio}, store.TrackMetadata{Title: "T"}, "198.51.100.1")
		audio.Remove()
		if !errors.Is(err, tt.err) {
			t.Fatalf("%s: Accept = %v, want %v", tt.name, err, tt.err)
		}
		if files := stored(t, media); (len(files) > 0) != tt.files {
			t.Errorf("%s: files left %v, want files: %v", tt.name, files, tt.files)
		}
	}
}
