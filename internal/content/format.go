// Package content turns an artist's audio into what the market sells: it recognises the audio and
// cover formats by their bytes, encrypts the audio into an age package to a fresh key per track,
// seals that key under the server's master key, cuts the free preview clip, and lays the files out
// in the media folder without ever leaving a half-written file under a final name.
//
// Everything here reads outside input; every parser has a fuzz test.
package content

import (
	"errors"
	"fmt"
	"strings"
)

// Format is a file format the market accepts, named by its usual file extension.
type Format string

// The audio formats.
const (
	MP3  Format = "mp3"
	FLAC Format = "flac"
	Ogg  Format = "ogg" // Vorbis or Opus
	WAV  Format = "wav"
)

// The cover image formats.
const (
	PNG  Format = "png"
	JPEG Format = "jpg"
	WebP Format = "webp"
)

// Ext is the file extension of the format, without the dot.
func (f Format) Ext() string { return string(f) }

// Name is the format's usual name, for messages: MP3, FLAC, Ogg, WAV, PNG, JPEG, WebP.
func (f Format) Name() string {
	switch f {
	case MP3, FLAC, WAV, PNG:
		return strings.ToUpper(string(f))
	case Ogg:
		return "Ogg"
	case JPEG:
		return "JPEG"
	case WebP:
		return "WebP"
	}
	return string(f)
}

// MediaType is the format's MIME type, for a Content-Type header.
func (f Format) MediaType() string {
	switch f {
	case MP3:
		return "audio/mpeg"
	case FLAC:
		return "audio/flac"
	case Ogg:
		return "audio/ogg"
	case WAV:
		return "audio/wav"
	case PNG:
		return "image/png"
	case JPEG:
		return "image/jpeg"
	case WebP:
		return "image/webp"
	}
	return "application/octet-stream"
}

// CutsPreview reports whether Preview can cut a clip of audio in this format by itself (MP3, WAV);
// for the others (FLAC, Ogg) the artist uploads a clip or the track has no preview.
func (f Format) CutsPreview() bool { return f == MP3 || f == WAV }

// ErrUnsupported reports a file that is not in a format the market accepts, or is damaged.
var ErrUnsupported = errors.New("unsupported format")

func unsupported(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrUnsupported, fmt.Sprintf(format, args...))
}
