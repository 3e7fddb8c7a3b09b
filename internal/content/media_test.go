package content_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/demo"
)

func newMedia(t *testing.T) content.Media {
	t.Helper()
	m := content.Media{Dir: t.TempDir()}
	if err := m.Init(); err != nil {
		t.Fatal(err)
	}
	return m
}

// files lists every file under the media folder, relative to it.
func files(t *testing.T, m content.Media) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(m.Dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(m.Dir, path)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func TestMediaLayout(t *testing.T) {
	m := newMedia(t)
	wav := demo.Tune{Seed: 2, Root: 196, BPM: 70, Seconds: 2}.WAV()
	p, err := m.StorePackage(bytes.NewReader(wav))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.CutPreview(p.ContentHash, content.WAV, bytes.NewReader(wav), int64(len(wav))); err != nil {
		t.Fatal(err)
	}
	if err := m.StoreCover(p.ContentHash, content.PNG, pngImage(t, 8, 8)); err != nil {
		t.Fatal(err)
	}
	h := p.ContentHash.Hex()
	want := []string{"covers/" + h + ".png", "packages/" + h + ".age", "previews/" + h + ".wav"}
	if got := files(t, m); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("media folder holds %v, want %v", got, want)
	}
	pkg, err := os.ReadFile(m.PackagePath(p.ContentHash))
	if err != nil {
		t.Fatal(err)
	}
	if common.Hash(sha256.Sum256(pkg)) != p.ContentHash || int64(len(pkg)) != p.Size {
		t.Error("the package file's sha256 or size is not what StorePackage said")
	}
	if !bytes.Equal(decrypt(t, pkg, p.Identity), wav) {
		t.Error("the package file does not decrypt to the audio")
	}
	if _, err := m.CutPreview(p.ContentHash, content.FLAC, bytes.NewReader(wav), int64(len(wav))); !errors.Is(err, content.ErrNoPreview) {
		t.Errorf("CutPreview of FLAC: %v, want ErrNoPreview", err)
	}
	if err := m.Remove(p.ContentHash); err != nil {
		t.Fatal(err)
	}
	if got := files(t, m); len(got) != 0 {
		t.Errorf("after Remove the media folder holds %v", got)
	}
}

// failingReader gives n bytes and then fails, as a dropped upload or a failing disk would.
type failingReader struct{ n int }

var errBroken = errors.New("broken")

func (r *failingReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, errBroken
	}
	k := min(len(p), r.n)
	r.n -= k
	return k, nil
}

// TestFailedWritesLeaveNothing: an error while writing is returned, and no file appears under a
// final name, nor is a temporary one left behind.
func TestFailedWritesLeaveNothing(t *testing.T) {
	m := newMedia(t)
	if _, err := m.StorePackage(&failingReader{n: 300_000}); !errors.Is(err, errBroken) {
		t.Errorf("StorePackage: %v, want the reader's error", err)
	}
	h := common.HexToHash("0x01")
	if err := m.StorePreview(h, content.MP3, &failingReader{n: 10}); !errors.Is(err, errBroken) {
		t.Errorf("StorePreview: %v, want the reader's error", err)
	}
	if _, err := m.CutPreview(h, content.MP3, bytes.NewReader([]byte("not audio")), 9); !errors.Is(err, content.ErrUnsupported) {
		t.Errorf("CutPreview of junk: %v, want ErrUnsupported", err)
	}
	if _, err := m.Spool(&failingReader{n: 10}, 100); !errors.Is(err, errBroken) {
		t.Errorf("Spool: %v, want the reader's error", err)
	}
	if _, err := m.Spool(bytes.NewReader(make([]byte, 101)), 100); !errors.Is(err, content.ErrTooLarge) {
		t.Errorf("Spool of 101 bytes with a limit of 100: %v, want ErrTooLarge", err)
	}
	if got := files(t, m); len(got) != 0 {
		t.Errorf("after failed writes the media folder holds %v", got)
	}
	// A folder that is not there (a lost mount, say) is an error, not a silent success.
	gone := content.Media{Dir: filepath.Join(t.TempDir(), "missing")}
	if _, err := gone.StorePackage(bytes.NewReader([]byte("x"))); err == nil {
		t.Error("StorePackage into a missing folder succeeded")
	}
}

func TestSpool(t *testing.T) {
	m := newMedia(t)
	data := bytes.Repeat([]byte("audio"), 1000)
	s, err := m.Spool(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if s.Size != int64(len(data)) || s.SHA256 != common.Hash(sha256.Sum256(data)) {
		t.Errorf("Spool says %d bytes, hash %s", s.Size, s.SHA256)
	}
	got := make([]byte, len(data))
	if _, err := s.ReadAt(got, 0); err != nil && err != io.EOF || !bytes.Equal(got, data) {
		t.Errorf("the spooled file differs: %v", err)
	}
	if !strings.HasPrefix(s.Name(), filepath.Join(m.Dir, "tmp")+string(filepath.Separator)) {
		t.Errorf("spooled to %s, want the media folder's tmp/", s.Name())
	}
	s.Remove()
	if got := files(t, m); len(got) != 0 {
		t.Errorf("after Remove the media folder holds %v", got)
	}
}

func TestRemoveStaleTemp(t *testing.T) {
	m := newMedia(t)
	old := filepath.Join(m.Dir, "packages", ".tmp-123")
	young := filepath.Join(m.Dir, "tmp", ".tmp-456")
	for _, p := range []string{old, young} {
		if err := os.WriteFile(p, []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chtimes(old, time.Now().Add(-2*time.Hour), time.Now().Add(-2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := m.RemoveStaleTemp(time.Hour); err != nil {
		t.Fatal(err)
	}
	if got := files(t, m); len(got) != 1 || got[0] != "tmp/.tmp-456" {
		t.Errorf("after RemoveStaleTemp the media folder holds %v, want only the young file", got)
	}
}
