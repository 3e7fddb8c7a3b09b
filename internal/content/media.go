package content

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Media is the media folder, holding every file under its package's content hash (0x and 64
// lowercase hex digits):
//
//	packages/<hash>.age     the encrypted audio, what is sold and seeded
//	previews/<hash>.<ext>   the free clip, unencrypted
//	covers/<hash>.<ext>     the cover image
//	tmp/                    uploads being received
//
// Every file is written under a temporary name in its final folder, synced, and renamed into place,
// so a killed process or a full disk never leaves a partial file under a final name (only a
// ".tmp-*" file, which RemoveStaleTemp clears).
type Media struct {
	Dir string
}

const (
	packagesDir = "packages"
	previewsDir = "previews"
	coversDir   = "covers"
	tmpDir      = "tmp"
	tmpPattern  = ".tmp-*"
)

// Init creates the media folder and its sub-folders.
func (m Media) Init() error {
	for _, d := range []string{packagesDir, previewsDir, coversDir, tmpDir} {
		if err := os.MkdirAll(filepath.Join(m.Dir, d), 0o755); err != nil {
			return fmt.Errorf("content: media folder: %w", err)
		}
	}
	return nil
}

// PackagePath is where the package with content hash h lives.
func (m Media) PackagePath(h common.Hash) string {
	return filepath.Join(m.Dir, packagesDir, h.Hex()+".age")
}

// PreviewPath is where the preview of the package with content hash h lives.
func (m Media) PreviewPath(h common.Hash, f Format) string {
	return filepath.Join(m.Dir, previewsDir, h.Hex()+"."+f.Ext())
}

// CoverPath is where the cover of the package with content hash h lives.
func (m Media) CoverPath(h common.Hash, f Format) string {
	return filepath.Join(m.Dir, coversDir, h.Hex()+"."+f.Ext())
}

// ErrTooLarge reports an upload longer than its limit.
var ErrTooLarge = errors.New("content: the file is larger than allowed")

// Spooled is an upload received into a temporary file of the media folder. Remove it when done.
type Spooled struct {
	*os.File
	Size   int64
	SHA256 common.Hash
}

// Spool copies r into a new temporary file under tmp/, hashing it on the way, and fails with
// ErrTooLarge as soon as r holds more than limit bytes.
func (m Media) Spool(r io.Reader, limit int64) (*Spooled, error) {
	f, err := os.CreateTemp(filepath.Join(m.Dir, tmpDir), tmpPattern)
	if err != nil {
		return nil, fmt.Errorf("content: spool: %w", err)
	}
	s := &Spooled{File: f}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), io.LimitReader(r, limit+1))
	switch {
	case err != nil:
		err = fmt.Errorf("content: spool: %w", err)
	case n > limit:
		err = ErrTooLarge
	}
	if err != nil {
		s.Remove()
		return nil, err
	}
	s.Size, s.SHA256 = n, common.Hash(h.Sum(nil))
	return s, nil
}

// Remove closes and deletes the temporary file.
func (s *Spooled) Remove() {
	s.Close()
	os.Remove(s.Name())
}

// StorePackage packages the audio (see Package) into packages/<content hash>.age.
func (m Media) StorePackage(audio io.Reader) (Packaged, error) {
	var p Packaged
	err := m.writeAtomic(packagesDir, func(w io.Writer) (string, error) {
		var err error
		p, err = Package(w, audio)
		return p.ContentHash.Hex() + ".age", err
	})
	if err != nil {
		return Packaged{}, err
	}
	return p, nil
}

// StorePreview writes the preview of the package with content hash h, in format f, from r.
func (m Media) StorePreview(h common.Hash, f Format, r io.Reader) error {
	return m.writeAtomic(previewsDir, func(w io.Writer) (string, error) {
		_, err := io.Copy(w, r)
		return filepath.Base(m.PreviewPath(h, f)), err
	})
}

// CutPreview cuts the preview of the audio in r (size bytes, format f; see Preview) and writes it
// as the preview of the package with content hash h. It returns the clip's duration, or
// ErrNoPreview for a format that cannot be cut.
func (m Media) CutPreview(h common.Hash, f Format, r io.ReaderAt, size int64) (time.Duration, error) {
	if !f.CutsPreview() {
		return 0, ErrNoPreview
	}
	var d time.Duration
	err := m.writeAtomic(previewsDir, func(w io.Writer) (string, error) {
		var err error
		d, err = Preview(w, r, size, f)
		return filepath.Base(m.PreviewPath(h, f)), err
	})
	return d, err
}

// StoreCover writes the cover image b (already sniffed as format f) of the package with content
// hash h.
func (m Media) StoreCover(h common.Hash, f Format, b []byte) error {
	return m.writeAtomic(coversDir, func(w io.Writer) (string, error) {
		_, err := w.Write(b)
		return filepath.Base(m.CoverPath(h, f)), err
	})
}

// paths are every file the package with content hash h may have.
func (m Media) paths(h common.Hash) []string {
	paths := []string{m.PackagePath(h)}
	for _, f := range []Format{MP3, FLAC, Ogg, WAV} {
		paths = append(paths, m.PreviewPath(h, f))
	}
	for _, f := range []Format{PNG, JPEG, WebP} {
		paths = append(paths, m.CoverPath(h, f))
	}
	return paths
}

// Remove deletes every file of the package with content hash h (after a failed upload).
func (m Media) Remove(h common.Hash) error {
	var errs []error
	for _, p := range m.paths(h) {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// writeAtomic runs write on a new temporary file in the sub-folder dir, then syncs it and renames
// it to the name write returned. On any error the temporary file is removed and nothing appears
// under a final name.
func (m Media) writeAtomic(dir string, write func(w io.Writer) (name string, err error)) (err error) {
	folder := filepath.Join(m.Dir, dir)
	f, err := os.CreateTemp(folder, tmpPattern)
	if err != nil {
		return fmt.Errorf("content: %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			err = fmt.Errorf("content: %s: %w", dir, err)
		}
	}()
	name, err := write(f)
	if err != nil {
		return err
	}
	if strings.ContainsAny(name, `/\`) || name == "" || name[0] == '.' {
		return fmt.Errorf("bad file name %q", name)
	}
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), filepath.Join(folder, name)); err != nil {
		return err
	}
	return syncDir(folder)
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// RemoveStaleTemp deletes the temporary files of writes and uploads that a killed process left
// behind, if they are older than olderThan (an upload in progress is younger).
func (m Media) RemoveStaleTemp(olderThan time.Duration) error {
	var errs []error
	for _, d := range []string{packagesDir, previewsDir, coversDir, tmpDir} {
		names, _ := filepath.Glob(filepath.Join(m.Dir, d, tmpPattern))
		for _, name := range names {
			if fi, err := os.Lstat(name); err == nil && time.Since(fi.ModTime()) > olderThan {
				if err := os.Remove(name); err != nil && !errors.Is(err, os.ErrNotExist) {
					errs = append(errs, err)
				}
			}
		}
	}
	return errors.Join(errs...)
}

// Size is the bytes the files of the package with content hash h take in the media folder.
func (m Media) Size(h common.Hash) (int64, error) {
	var n int64
	for _, p := range m.paths(h) {
		fi, err := os.Stat(p)
		switch {
		case err == nil:
			n += fi.Size()
		case !errors.Is(err, os.ErrNotExist):
			return 0, fmt.Errorf("content: %w", err)
		}
	}
	return n, nil
}
