package content_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/demo"
)

func sniff(b []byte) (content.Format, error) {
	return content.SniffAudio(bytes.NewReader(b), int64(len(b)))
}

func TestSniffAudioTellsFormatsByTheirBytes(t *testing.T) {
	pcm := make([]byte, 400)
	cases := []struct {
		name string
		file []byte
		want content.Format
	}{
		{"MP3, bare frames", buildMP3(mpeg1, 0, 3, false, nil).file, content.MP3},
		{"MP3, one frame", buildMP3(mpeg1, 0, 1, false, nil).file, content.MP3},
		{"MP3, one frame and an ID3v1 tag", buildMP3(mpeg1, 0, 1, false, id3v1).file, content.MP3},
		{"MP3 behind an ID3v2 tag", buildMP3(mpeg2, 4096, 2, false, nil).file, content.MP3},
		{"MP3 with an Info frame", buildMP3(mpeg1, 100, 5, true, id3v1).file, content.MP3},
		{"MPEG-2.5 MP3 with CRCs", buildMP3(mpeg25, 0, 4, false, nil).file, content.MP3},
		{"FLAC", flacFile(44100, 441000), content.FLAC},
		{"FLAC behind an ID3v2 tag", append(id3Tag(64), flacFile(48000, 0)...), content.FLAC},
		{"Ogg Vorbis", oggFile(vorbisID), content.Ogg},
		{"Ogg Opus", oggFile(opusHead), content.Ogg},
		{"WAV, PCM", wavFile(1, 2, 44100, 16, pcm), content.WAV},
		{"WAV, float, with a LIST chunk", wavFile(3, 1, 48000, 32, pcm, chunkBytes("LIST", []byte("INFOISFT\x03\x00\x00\x00ab\x00"))), content.WAV},
		{"WAV, demo synth", demo.Tune{Seed: 1, Root: 220, BPM: 120, Seconds: 1}.WAV(), content.WAV},
	}
	for _, c := range cases {
		got, err := sniff(c.file)
		if err != nil || got != c.want {
			t.Errorf("%s: SniffAudio = %q, %v; want %q", c.name, got, err, c.want)
		}
	}
}

func TestSniffAudioRejectsEverythingElse(t *testing.T) {
	frame := mpeg1.frame(false)
	layer2 := append([]byte{0xFF, 0xFD, 0x90, 0x00}, make([]byte, 413)...)
	cases := []struct {
		name string
		file []byte
		says string
	}{
		{"empty", nil, "empty"},
		{"a text file", []byte("This is not music, whatever its name says.\n"), "not an MP3, FLAC, Ogg"},
		{"a PNG", pngImage(t, 4, 4), "not an MP3"},
		{"a frame sync and junk", append([]byte{0xFF, 0xFB, 0x90, 0x00}, bytes.Repeat([]byte("junk"), 200)...), "not an MP3"},
		{"a truncated frame", frame[:200], "not an MP3"},
		{"MPEG layer II", append(layer2, layer2...), "not an MP3"},
		{"free-format MP3", append([]byte{0xFF, 0xFB, 0x00, 0x00}, make([]byte, 500)...), "not an MP3"},
		{"an ID3v2 tag and nothing", id3Tag(200), "an ID3 tag, but no MP3 or FLAC"},
		{"Ogg FLAC", oggFile(oggFLAC), "codec other than Vorbis or Opus"},
		{"Ogg without beginning of stream", append([]byte("OggS\x00\x00"), oggFile(vorbisID)[6:]...), "damaged first page"},
		{"WAV without fmt", append([]byte("RIFF\x0c\x00\x00\x00WAVE"), chunkBytes("data", []byte{1, 2})...), "fmt"},
		{"WAV without data", []byte("RIFF\x04\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x44\xac\x00\x00\x88\x58\x01\x00\x02\x00\x10\x00"), "without a data chunk"},
		{"WAV without samples", wavFile(1, 1, 8000, 16, nil), "without any samples"},
		{"WAV of MP3 (codec 0x55)", wavFile(0x55, 2, 44100, 16, make([]byte, 40)), "codec 0x0055"},
		{"WAV with zero channels", wavFile(1, 0, 44100, 16, make([]byte, 40)), "impossible fmt"},
		{"AVI", []byte("RIFF\x04\x00\x00\x00AVI LIST"), "not an MP3"},
		{"FLAC without STREAMINFO", append([]byte("fLaC\x84\x00\x00\x22"), make([]byte, 34)...), "STREAMINFO"},
	}
	for _, c := range cases {
		got, err := sniff(c.file)
		if !errors.Is(err, content.ErrUnsupported) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: SniffAudio = %q, %v; want ErrUnsupported saying %q", c.name, got, err, c.says)
		}
	}
}

func TestProbeMeasuresDuration(t *testing.T) {
	cases := []struct {
		name string
		file []byte
		want time.Duration
	}{
		// 100 frames of 1152 samples at 44.1 kHz; the Info frame does not count.
		{"MP3", buildMP3(mpeg1, 300, 100, true, id3v1).file, 100 * 1152 * time.Second / 44100},
		{"MPEG-2 MP3", buildMP3(mpeg2, 0, 50, false, nil).file, 50 * 576 * time.Second / 22050},
		{"WAV", demo.Tune{Seed: 3, Root: 220, BPM: 100, Seconds: 7}.WAV(), 7 * time.Second},
		{"WAV, a cut file", wavFile(1, 2, 8000, 16, make([]byte, 4*8000*3))[:44+4*8000*2+3], 2 * time.Second},
		{"FLAC", flacFile(48000, 48000*61+24000), 61*time.Second + 500*time.Millisecond},
		{"FLAC, length unknown", flacFile(48000, 0), 0},
		{"Ogg", oggFile(opusHead), 0},
	}
	for _, c := range cases {
		a, err := content.Probe(bytes.NewReader(c.file), int64(len(c.file)))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := a.Duration.Round(time.Microsecond); got != c.want.Round(time.Microsecond) {
			t.Errorf("%s: duration %v, want %v", c.name, a.Duration, c.want)
		}
	}
}

func TestSniffImage(t *testing.T) {
	vp8x := append([]byte("RIFF\x24\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00"), 0xFF, 0x01, 0x00, 0x2B, 0x01, 0x00)
	vp8 := append([]byte("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00\x30\x01\x00\x9d\x01\x2a"), le(uint16(640), uint16(480))...)
	vp8 = append(vp8, make([]byte, 8)...)
	good := []struct {
		name string
		file []byte
		want content.Image
	}{
		{"PNG", pngImage(t, 30, 20), content.Image{Format: content.PNG, Width: 30, Height: 20}},
		{"JPEG", jpegImage(t, 16, 24), content.Image{Format: content.JPEG, Width: 16, Height: 24}},
		{"WebP lossless", webpLossless(300, 300), content.Image{Format: content.WebP, Width: 300, Height: 300}},
		{"WebP extended", vp8x, content.Image{Format: content.WebP, Width: 512, Height: 300}},
		{"WebP lossy", vp8, content.Image{Format: content.WebP, Width: 640, Height: 480}},
	}
	for _, c := range good {
		got, err := content.SniffImage(c.file)
		if err != nil || got != c.want {
			t.Errorf("%s: SniffImage = %+v, %v; want %+v", c.name, got, err, c.want)
		}
	}
	bad := []struct {
		name string
		file []byte
		says string
	}{
		{"GIF", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), "not a PNG, JPEG or WebP"},
		{"text", []byte("<svg/>"), "not a PNG"},
		{"a PNG cut short", pngImage(t, 30, 20)[:20], "a damaged PNG image"},
		{"a JPEG marker and junk", []byte("\xff\xd8\xff\xe0 not really"), "a damaged JPEG image"},
		{"too wide", webpLossless(9000, 10), "each side must be 1 to 8192"},
		{"WebP of nothing known", []byte("RIFF\x24\x00\x00\x00WEBPABCD\x0a\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"), "a damaged WebP image"},
	}
	for _, c := range bad {
		got, err := content.SniffImage(c.file)
		if !errors.Is(err, content.ErrUnsupported) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: SniffImage = %+v, %v; want ErrUnsupported saying %q", c.name, got, err, c.says)
		}
	}
}
