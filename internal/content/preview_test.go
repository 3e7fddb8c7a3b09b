package content_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"
	"time"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/demo"
)

func preview(t *testing.T, file []byte, f content.Format) ([]byte, time.Duration) {
	t.Helper()
	var clip bytes.Buffer
	d, err := content.Preview(&clip, bytes.NewReader(file), int64(len(file)), f)
	if err != nil {
		t.Fatalf("Preview: %v", err)
	}
	return clip.Bytes(), d
}

// TestMP3PreviewIsTheWholeFramesOfTheFirst30Seconds: the clip is the file's first audio frames,
// byte for byte, as many as fit in 30 s and in half the track (a short track is never given away
// whole), without the ID3v2 tag or the Info frame; it is a valid MP3 file of its own.
func TestMP3PreviewIsTheWholeFramesOfTheFirst30Seconds(t *testing.T) {
	for _, k := range []mpegKind{mpeg1, mpeg2, mpeg25} {
		frames30 := 30 * k.rate / k.samples // whole frames in 30 s: 1148, 1148, 416
		for _, c := range []struct {
			name        string
			id3, frames int
			info        bool
			trailer     []byte
			want        int // frames in the clip
		}{
			{"75 s", 0, frames30 * 5 / 2, false, nil, frames30},
			{"75 s, ID3v2 tag, Info frame and ID3v1 tag", 2000, frames30 * 5 / 2, k == mpeg1, id3v1, frames30},
			{"exactly the frames of 60 s and one more", 10, 2*frames30 + 1, false, nil, frames30},
			{"45 s: its first half", 0, frames30 * 3 / 2, false, nil, frames30 * 3 / 4},
			{"30 s: its first half", 0, frames30, false, nil, frames30 / 2},
			{"10 s: its first half", 0, frames30 / 3, false, id3v1, frames30 / 6},
			{"a truncated last frame", 0, 20, false, mpeg1.frame(false)[:100], 10},
		} {
			m := buildMP3(k, c.id3, c.frames, c.info, c.trailer)
			clip, d := preview(t, m.file, content.MP3)
			want := m.file[m.starts[0]:m.ends[c.want-1]]
			if !bytes.Equal(clip, want) {
				t.Errorf("%s, %s: the clip is %d bytes, want the %d bytes of frames 1 to %d", k.name, c.name, len(clip), len(want), c.want)
			}
			if wantD := time.Duration(c.want*k.samples) * time.Second / time.Duration(k.rate); d.Round(time.Microsecond) != wantD.Round(time.Microsecond) {
				t.Errorf("%s, %s: clip duration %v, want %v", k.name, c.name, d, wantD)
			}
			if d > content.PreviewLength {
				t.Errorf("%s, %s: clip of %v, longer than %v", k.name, c.name, d, content.PreviewLength)
			}
			a, err := content.Probe(bytes.NewReader(clip), int64(len(clip)))
			if err != nil || a.Format != content.MP3 || a.Duration != d {
				t.Errorf("%s, %s: the clip probes as %+v, %v; want MP3 of %v", k.name, c.name, a, err, d)
			}
		}
	}
}

// TestWAVPreviewIsTheFirst30Seconds: the clip has the original fmt chunk, a header of its own, and
// exactly the first 30 s of sample frames; a track shorter than a minute gives its first half.
func TestWAVPreviewIsTheFirst30Seconds(t *testing.T) {
	long := demo.Tune{Seed: 9, Root: 220, BPM: 120, Seconds: 61, Bright: 0.5}.WAV()
	clip, d := preview(t, long, content.WAV)
	const frameBytes = 2 // mono, 16-bit
	want := 30 * demo.SampleRate * frameBytes
	if d != 30*time.Second {
		t.Errorf("clip duration %v, want 30s", d)
	}
	if len(clip) != 44+want {
		t.Fatalf("clip of %d bytes, want a 44-byte header and %d bytes of samples", len(clip), want)
	}
	if !bytes.Equal(clip[:36], append(le([]byte("RIFF"), uint32(36+want)), long[8:36]...)) {
		t.Errorf("clip header %q, want RIFF, the new length and the original fmt chunk", clip[:36])
	}
	if string(clip[36:40]) != "data" || binary.LittleEndian.Uint32(clip[40:]) != uint32(want) {
		t.Errorf("clip data chunk header %q", clip[36:44])
	}
	if !bytes.Equal(clip[44:], long[44:44+want]) {
		t.Error("the clip's samples are not the first 30 s of the original's")
	}
	if a, err := content.Probe(bytes.NewReader(clip), int64(len(clip))); err != nil || a != (content.Audio{Format: content.WAV, Duration: 30 * time.Second}) {
		t.Errorf("the clip probes as %+v, %v", a, err)
	}

	// Shorter than 30 s, with an odd-sized chunk before the data, 24-bit stereo: its first half, and
	// only whole sample frames of 6 bytes.
	samples := make([]byte, 6*8000*5+4) // 5 s and a partial frame
	for i := range samples {
		samples[i] = byte(i * 7)
	}
	short := wavFile(1, 2, 8000, 24, samples, chunkBytes("junk", []byte("odd")))
	clip, d = preview(t, short, content.WAV)
	const half = 6 * 8000 * 5 / 2
	if d != 2500*time.Millisecond || !bytes.Equal(clip[44:], samples[:half]) || len(clip) != 44+half {
		t.Errorf("short WAV: clip of %d bytes lasting %v, want 44 + %d bytes lasting 2.5s", len(clip), d, half)
	}
}

func TestNoAutomaticPreviewForFLACAndOgg(t *testing.T) {
	for _, c := range []struct {
		f    content.Format
		file []byte
	}{{content.FLAC, flacFile(44100, 44100*60)}, {content.Ogg, oggFile(vorbisID)}} {
		var clip bytes.Buffer
		if _, err := content.Preview(&clip, bytes.NewReader(c.file), int64(len(c.file)), c.f); !errors.Is(err, content.ErrNoPreview) || clip.Len() != 0 {
			t.Errorf("%s: Preview = %v and %d bytes, want ErrNoPreview and nothing", c.f, err, clip.Len())
		}
		if c.f.CutsPreview() {
			t.Errorf("%s.CutsPreview() = true", c.f)
		}
	}
}
