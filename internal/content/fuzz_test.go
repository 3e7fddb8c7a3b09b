package content_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/demo"
)

func audioSeeds(f *testing.F) {
	for _, b := range [][]byte{
		buildMP3(mpeg1, 0, 3, false, nil).file, buildMP3(mpeg2, 40, 4, true, id3v1).file, buildMP3(mpeg25, 0, 2, false, nil).file,
		flacFile(44100, 1000), append(id3Tag(20), flacFile(8000, 0)...), oggFile(vorbisID), oggFile(opusHead), oggFile(oggFLAC),
		wavFile(1, 2, 44100, 16, make([]byte, 64)), wavFile(3, 1, 8000, 32, make([]byte, 12), chunkBytes("LIST", []byte("x"))),
		demo.Tune{Seed: 1, Root: 220, BPM: 120, Seconds: 1}.WAV()[:2000], []byte("ID3\x04\x00\x10\x00\x00\x00\x00"), []byte("hello"), nil,
	} {
		f.Add(b)
	}
}

// FuzzSniffAudio: whatever the bytes, sniffing, probing and cutting a preview never panic; a
// preview is a valid file of the same format, at most 30 s long, no longer than the audio.
func FuzzSniffAudio(f *testing.F) {
	audioSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		r := bytes.NewReader(b)
		format, err := content.SniffAudio(r, int64(len(b)))
		if err != nil {
			if !errors.Is(err, content.ErrUnsupported) {
				t.Fatalf("SniffAudio error %v is not ErrUnsupported", err)
			}
			return
		}
		a, err := content.Probe(r, int64(len(b)))
		if err != nil {
			if !errors.Is(err, content.ErrUnsupported) {
				t.Fatalf("Probe error %v is not ErrUnsupported", err)
			}
			return
		}
		if a.Format != format || a.Duration < 0 {
			t.Fatalf("Probe = %+v after SniffAudio said %s", a, format)
		}
		var clip bytes.Buffer
		d, err := content.Preview(&clip, r, int64(len(b)), format)
		if !format.CutsPreview() {
			if !errors.Is(err, content.ErrNoPreview) {
				t.Fatalf("Preview of %s: %v", format, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Preview of %s that Probe accepted: %v", format, err)
		}
		if d > content.PreviewLength || d > a.Duration {
			t.Fatalf("a preview of %v from audio of %v", d, a.Duration)
		}
		c, err := content.Probe(bytes.NewReader(clip.Bytes()), int64(clip.Len()))
		if err != nil || c.Format != format || c.Duration != d {
			t.Fatalf("the preview probes as %+v, %v; want %s of %v", c, err, format, d)
		}
	})
}

// FuzzSniffImage: whatever the bytes, SniffImage never panics and accepts only sensible sizes.
func FuzzSniffImage(f *testing.F) {
	for _, b := range [][]byte{pngImage(f, 3, 2), jpegImage(f, 2, 3), webpLossless(5, 7), []byte("GIF89a"), []byte("RIFF\x00\x00\x00\x00WEBPVP8X")} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		img, err := content.SniffImage(b)
		if err != nil {
			if !errors.Is(err, content.ErrUnsupported) {
				t.Fatalf("SniffImage error %v is not ErrUnsupported", err)
			}
			return
		}
		if img.Width < 1 || img.Height < 1 || img.Width > content.MaxCoverSide || img.Height > content.MaxCoverSide {
			t.Fatalf("accepted a %d×%d image", img.Width, img.Height)
		}
	})
}

// FuzzOpen: a sealed key read from the database is outside input too; damaged text fails cleanly.
func FuzzOpen(f *testing.F) {
	f.Add("")
	f.Add("AQ==")
	f.Add("AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
	h := common.HexToHash("0x0123")
	f.Fuzz(func(t *testing.T, sealed string) {
		if id, err := content.Open(sealed, masterKey, h); err == nil || id != nil {
			t.Fatalf("Open(%q) = %v, %v: a forged key opened", sealed, id, err)
		}
	})
}
