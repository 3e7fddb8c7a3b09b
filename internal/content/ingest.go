package content

import (
	"fmt"
	"io"

	"github.com/ethereum/go-ethereum/common"
)

// Upload is an artist's files as received: the audio, and optionally a preview clip and a cover.
type Upload struct {
	Audio   *Spooled // required
	Preview *Spooled // nil: cut one from the audio if its format allows
	Cover   []byte   // nil: none
}

// PreviewSource says where a track's preview came from.
type PreviewSource string

// The sources of a preview.
const (
	PreviewCut      PreviewSource = "cut"      // cut from the audio by Preview
	PreviewUploaded PreviewSource = "uploaded" // the artist's clip (cut to PreviewLength if MP3 or WAV)
	PreviewNone     PreviewSource = "none"     // FLAC or Ogg audio without a clip
)

// Ingested is what Ingest made of an upload.
type Ingested struct {
	ContentHash common.Hash
	Size        int64  // of the package
	SealedKey   string // the package's identity sealed under the master key, for the database
	Audio       Audio
	Preview     PreviewSource
	PreviewFile Format // "" without a preview
	Cover       Format // "" without a cover
}

// Ingest turns an upload into what the market sells: it checks every file's format, packages the
// audio (packages/<hash>.age), seals its key under masterKey, and writes the preview (the
// artist's clip, else one cut from MP3 or WAV audio) and the cover (re-encoded by Cover) under
// the package's hash. A
// file in a format the market does not take is ErrUnsupported naming the file. On any error the
// files written so far are removed.
func (m Media) Ingest(u Upload, masterKey []byte) (in Ingested, err error) {
	if len(masterKey) != MasterKeySize {
		return in, fmt.Errorf("content: ingest: the master key is %d bytes, want %d", len(masterKey), MasterKeySize)
	}
	if in.Audio, err = Probe(u.Audio, u.Audio.Size); err != nil {
		return in, fmt.Errorf("the audio: %w", err)
	}
	var cover []byte
	if u.Cover != nil {
		if in.Cover, cover, err = Cover(u.Cover); err != nil {
			return in, fmt.Errorf("the cover: %w", err)
		}
	}
	in.Preview, in.PreviewFile = PreviewNone, ""
	if u.Preview != nil {
		clip, err := Probe(u.Preview, u.Preview.Size)
		if err != nil {
			return in, fmt.Errorf("the preview: %w", err)
		}
		in.Preview, in.PreviewFile = PreviewUploaded, clip.Format
	} else if in.Audio.Format.CutsPreview() {
		in.Preview, in.PreviewFile = PreviewCut, in.Audio.Format
	}

	p, err := m.StorePackage(io.NewSectionReader(u.Audio, 0, u.Audio.Size))
	if err != nil {
		return in, err
	}
	in.ContentHash, in.Size = p.ContentHash, p.Size
	defer func() {
		if err != nil {
			m.Remove(p.ContentHash)
		}
	}()
	if in.SealedKey, err = Seal(p.Identity, masterKey, p.ContentHash); err != nil {
		return in, err
	}
	if err := m.storePreview(in, u); err != nil {
		return in, err
	}
	if in.Cover != "" {
		if err := m.StoreCover(p.ContentHash, in.Cover, cover); err != nil {
			return in, err
		}
	}
	return in, nil
}

// storePreview writes the preview Ingest chose: the uploaded clip (cut if it is longer than
// PreviewLength and of a format that can be cut) or one cut from the audio.
func (m Media) storePreview(in Ingested, u Upload) error {
	var src *Spooled
	switch in.Preview {
	case PreviewNone:
		return nil
	case PreviewCut:
		src = u.Audio
	case PreviewUploaded:
		src = u.Preview
		if !in.PreviewFile.CutsPreview() {
			return m.StorePreview(in.ContentHash, in.PreviewFile, io.NewSectionReader(src, 0, src.Size))
		}
	}
	_, err := m.CutPreview(in.ContentHash, in.PreviewFile, src, src.Size)
	return err
}
