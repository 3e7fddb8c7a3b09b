package content

import (
	"bytes"
	"encoding/binary"
	"image"
	_ "image/jpeg" // registers JPEG for image.DecodeConfig
	_ "image/png"  // registers PNG for image.DecodeConfig
	"io"
	"time"
)

// SniffAudio tells the format of the audio file in r (size bytes long) from its contents alone:
// MP3 (ID3v2 tags, then MPEG audio layer III frames), FLAC, Ogg Vorbis or Opus, or PCM WAV. It
// reads only headers. Anything else is ErrUnsupported, with a message that says why.
func SniffAudio(r io.ReaderAt, size int64) (Format, error) {
	var head [12]byte
	n, _ := r.ReadAt(head[:], 0)
	b := head[:n]
	switch {
	case len(b) == 0:
		return "", unsupported("the file is empty")
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WAVE":
		_, err := parseWAV(r, size)
		return sniffed(WAV, err)
	case bytes.HasPrefix(b, []byte("OggS")):
		return sniffed(Ogg, checkOgg(r))
	}
	off := skipID3v2(r, size)
	var marker [4]byte
	if m, _ := r.ReadAt(marker[:], off); m == 4 && string(marker[:]) == "fLaC" {
		_, err := parseFLAC(r, off)
		return sniffed(FLAC, err)
	}
	if looksLikeMP3(r, size, off) {
		return MP3, nil
	}
	if off > 0 {
		return "", unsupported("an ID3 tag, but no MP3 or FLAC audio after it")
	}
	return "", unsupported("not an MP3, FLAC, Ogg (Vorbis or Opus) or WAV file")
}

func sniffed(f Format, err error) (Format, error) {
	if err != nil {
		return "", err
	}
	return f, nil
}

// Audio is what Probe learns about an audio file.
type Audio struct {
	Format   Format
	Duration time.Duration // 0 when the format does not say it cheaply (Ogg)
}

// Probe sniffs the audio file in r like SniffAudio and measures its duration: from the header for
// WAV and FLAC, by walking the frame headers for MP3 (4 bytes read per frame). Ogg's duration is
// left unknown.
func Probe(r io.ReaderAt, size int64) (Audio, error) {
	f, err := SniffAudio(r, size)
	if err != nil {
		return Audio{}, err
	}
	a := Audio{Format: f}
	var ticks int64
	switch f {
	case WAV:
		w, err := parseWAV(r, size)
		if err != nil {
			return Audio{}, err
		}
		ticks = w.ticks()
	case FLAC:
		info, err := parseFLAC(r, skipID3v2(r, size))
		if err != nil {
			return Audio{}, err
		}
		ticks = info.ticks()
	case MP3:
		s, err := scanMP3(r, size, 0)
		if err != nil {
			return Audio{}, unsupported("MP3 without a whole audio frame")
		}
		ticks = s.ticks
	}
	a.Duration = ticksDuration(ticks)
	return a, nil
}

func ticksDuration(t int64) time.Duration {
	return time.Duration(t/tickRate)*time.Second + time.Duration(t%tickRate)*time.Second/tickRate
}

// MaxCoverSide is the largest width or height of a cover image, in pixels.
const MaxCoverSide = 8192

// Image is what SniffImage learns about a cover image.
type Image struct {
	Format        Format
	Width, Height int
}

// SniffImage tells the format and size of the cover image b (the whole file) from its contents:
// PNG, JPEG or WebP, at most MaxCoverSide pixels a side. Anything else is ErrUnsupported.
func SniffImage(b []byte) (Image, error) {
	var img Image
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		img.Format = PNG
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		img.Format = JPEG
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		w, h, err := webpSize(b)
		if err != nil {
			return Image{}, err
		}
		img = Image{WebP, w, h}
	default:
		return Image{}, unsupported("not a PNG, JPEG or WebP image")
	}
	if img.Format != WebP {
		cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
		if err != nil {
			return Image{}, unsupported("a damaged %s image", img.Format.Name())
		}
		img.Width, img.Height = cfg.Width, cfg.Height
	}
	if img.Width < 1 || img.Height < 1 || img.Width > MaxCoverSide || img.Height > MaxCoverSide {
		return Image{}, unsupported("an image of %d×%d pixels: each side must be 1 to %d", img.Width, img.Height, MaxCoverSide)
	}
	return img, nil
}

// webpSize reads the canvas size from a WebP file's first chunk: VP8X (extended), VP8L (lossless)
// or VP8 (lossy).
func webpSize(b []byte) (int, int, error) {
	damaged := unsupported("a damaged WebP image")
	if len(b) < 30 {
		return 0, 0, damaged
	}
	chunk := b[12:16]
	body := b[20:]
	switch string(chunk) {
	case "VP8X": // flags:8 reserved:24 width-1:24 height-1:24
		w := int(body[4]) | int(body[5])<<8 | int(body[6])<<16
		h := int(body[7]) | int(body[8])<<8 | int(body[9])<<16
		return w + 1, h + 1, nil
	case "VP8L": // signature 0x2F, then width-1:14 height-1:14 (little-endian bit order)
		if body[0] != 0x2F {
			return 0, 0, damaged
		}
		bits := binary.LittleEndian.Uint32(body[1:5])
		return int(bits&0x3FFF) + 1, int(bits>>14&0x3FFF) + 1, nil
	case "VP8 ": // frame tag:3, start code 9D 01 2A, width:14 scale:2, height:14 scale:2
		if body[3] != 0x9D || body[4] != 0x01 || body[5] != 0x2A {
			return 0, 0, damaged
		}
		return int(binary.LittleEndian.Uint16(body[6:]) & 0x3FFF), int(binary.LittleEndian.Uint16(body[8:]) & 0x3FFF), nil
	}
	return 0, 0, damaged
}
