package content

import (
	"bytes"
	"testing"
)

func TestParseFrameHeader(t *testing.T) {
	cases := []struct {
		name                   string
		hdr                    []byte
		ok                     bool
		size, samples, rate    int
		wantCRC, wantPad, mono bool
	}{
		{"MPEG-1 128k 44.1k", []byte{0xFF, 0xFB, 0x90, 0x00}, true, 417, 1152, 44100, false, false, false},
		{"MPEG-1 128k 44.1k padded", []byte{0xFF, 0xFB, 0x92, 0x00}, true, 418, 1152, 44100, false, true, false},
		{"MPEG-1 320k 48k", []byte{0xFF, 0xFB, 0xE4, 0x00}, true, 960, 1152, 48000, false, false, false},
		{"MPEG-1 32k 32k mono CRC", []byte{0xFF, 0xFA, 0x18, 0xC0}, true, 144, 1152, 32000, true, false, true},
		{"MPEG-2 64k 22.05k mono", []byte{0xFF, 0xF3, 0x80, 0xC0}, true, 208, 576, 22050, false, false, true},
		{"MPEG-2 160k 24k", []byte{0xFF, 0xF3, 0xE4, 0x00}, true, 480, 576, 24000, false, false, false},
		{"MPEG-2.5 8k 8k", []byte{0xFF, 0xE3, 0x18, 0x00}, true, 72, 576, 8000, false, false, false},
		{"MPEG-2.5 32k 11.025k", []byte{0xFF, 0xE3, 0x40, 0x00}, true, 208, 576, 11025, false, false, false},
		{"reserved version", []byte{0xFF, 0xEB, 0x90, 0x00}, false, 0, 0, 0, false, false, false},
		{"layer I", []byte{0xFF, 0xFF, 0x90, 0x00}, false, 0, 0, 0, false, false, false},
		{"layer II", []byte{0xFF, 0xFD, 0x90, 0x00}, false, 0, 0, 0, false, false, false},
		{"reserved layer", []byte{0xFF, 0xF9, 0x90, 0x00}, false, 0, 0, 0, false, false, false},
		{"free format", []byte{0xFF, 0xFB, 0x00, 0x00}, false, 0, 0, 0, false, false, false},
		{"bad bitrate", []byte{0xFF, 0xFB, 0xF0, 0x00}, false, 0, 0, 0, false, false, false},
		{"reserved sample rate", []byte{0xFF, 0xFB, 0x9C, 0x00}, false, 0, 0, 0, false, false, false},
		{"reserved emphasis", []byte{0xFF, 0xFB, 0x90, 0x02}, false, 0, 0, 0, false, false, false},
		{"no sync", []byte{0xFF, 0x1B, 0x90, 0x00}, false, 0, 0, 0, false, false, false},
		{"short", []byte{0xFF, 0xFB, 0x90}, false, 0, 0, 0, false, false, false},
	}
	for _, c := range cases {
		h, ok := parseFrameHeader(c.hdr)
		if ok != c.ok {
			t.Errorf("%s: ok = %v", c.name, ok)
			continue
		}
		if !ok {
			continue
		}
		if h.size() != c.size || h.samples() != c.samples || h.sampleRate != c.rate || h.crc != c.wantCRC || h.padding != c.wantPad || h.mono != c.mono {
			t.Errorf("%s: size %d samples %d rate %d crc %v padding %v mono %v", c.name, h.size(), h.samples(), h.sampleRate, h.crc, h.padding, h.mono)
		}
	}
}

// FuzzMP3Frames: the frame walker stays inside the file, its clip ends on a frame boundary within
// the walked frames, and walking the clip finds the same frames.
func FuzzMP3Frames(f *testing.F) {
	frame := append([]byte{0xFF, 0xFB, 0x90, 0x00}, make([]byte, 413)...)
	f.Add(append(append([]byte{}, frame...), frame...), int64(1))
	f.Add(append([]byte("ID3\x03\x00\x00\x00\x00\x00\x02\x00\x00"), frame...), int64(30))
	f.Add([]byte{0xFF, 0xE2, 0x48, 0x40, 0, 0}, int64(0))
	f.Fuzz(func(t *testing.T, b []byte, clipSeconds int64) {
		clip := (clipSeconds % 60) * tickRate
		if clip < 0 {
			clip = -clip
		}
		if h, ok := parseFrameHeader(b); ok && (h.size() < 4 || h.ticks() <= 0) {
			t.Fatalf("header %x: frame of %d bytes, %d ticks", b[:4], h.size(), h.ticks())
		}
		s, err := scanMP3(bytes.NewReader(b), int64(len(b)), clip)
		if err != nil {
			return
		}
		if s.start < 0 || s.start > s.clipEnd || s.clipEnd > s.end || s.end > int64(len(b)) || s.frames <= 0 || s.clipTicks > clip || s.clipTicks > s.ticks {
			t.Fatalf("inconsistent walk: %+v (file %d bytes, clip %d ticks)", s, len(b), clip)
		}
		if s.clipEnd == s.start {
			return
		}
		part := b[s.start:s.clipEnd]
		again, err := scanMP3(bytes.NewReader(part), int64(len(part)), clip)
		if err != nil || again.end != int64(len(part)) || again.ticks != s.clipTicks || again.clipEnd != again.end {
			t.Fatalf("the clip walks as %+v, %v; want %d ticks in %d bytes", again, err, s.clipTicks, len(part))
		}
	})
}
