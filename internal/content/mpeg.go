package content

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// MPEG audio layer III ("MP3"): a stream of frames, each a 4-byte header followed by its payload,
// optionally after ID3v2 tags. A header gives the frame's length and how many samples it decodes
// to, so the stream can be measured and cut at frame boundaries without decoding it.

// frameHeader is a parsed MPEG audio layer III frame header.
type frameHeader struct {
	version    mpegVersion
	bitrate    int // bits per second
	sampleRate int // Hz
	padding    bool
	crc        bool // a 16-bit CRC follows the header
	mono       bool
}

type mpegVersion int

const (
	mpeg1 mpegVersion = iota
	mpeg2
	mpeg25
)

// Layer III bitrates in kbit/s by bitrate index (0 is "free format", 15 is invalid: both rejected).
var (
	bitratesV1 = [15]int{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}
	bitratesV2 = [15]int{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}
	// Sample rates in Hz by sample rate index (3 is reserved).
	sampleRates = [3][3]int{
		mpeg1:  {44100, 48000, 32000},
		mpeg2:  {22050, 24000, 16000},
		mpeg25: {11025, 12000, 8000},
	}
)

// parseFrameHeader reads a layer III frame header from the first 4 bytes of b. It rejects
// reserved values, free-format bitrates and the other layers.
func parseFrameHeader(b []byte) (frameHeader, bool) {
	if len(b) < 4 || b[0] != 0xFF || b[1]&0xE0 != 0xE0 {
		return frameHeader{}, false
	}
	var h frameHeader
	switch (b[1] >> 3) & 3 {
	case 0:
		h.version = mpeg25
	case 2:
		h.version = mpeg2
	case 3:
		h.version = mpeg1
	default: // 1 is reserved
		return frameHeader{}, false
	}
	if (b[1]>>1)&3 != 1 { // 01 is layer III
		return frameHeader{}, false
	}
	h.crc = b[1]&1 == 0
	bi, si := int(b[2]>>4), int((b[2]>>2)&3)
	if bi == 0 || bi == 15 || si == 3 || b[3]&3 == 2 { // free format, bad bitrate, reserved rate, reserved emphasis
		return frameHeader{}, false
	}
	if h.version == mpeg1 {
		h.bitrate = bitratesV1[bi] * 1000
	} else {
		h.bitrate = bitratesV2[bi] * 1000
	}
	h.sampleRate = sampleRates[h.version][si]
	h.padding = b[2]&2 != 0
	h.mono = b[3]>>6 == 3
	return h, true
}

// samples is how many samples per channel the frame decodes to.
func (h frameHeader) samples() int {
	if h.version == mpeg1 {
		return 1152
	}
	return 576
}

// size is the frame's length in bytes, header included.
func (h frameHeader) size() int {
	n := h.samples() / 8 * h.bitrate / h.sampleRate
	if h.padding {
		n++
	}
	return n
}

// ticks is the frame's duration in ticks (see tickRate).
func (h frameHeader) ticks() int64 { return int64(h.samples()) * (tickRate / int64(h.sampleRate)) }

// tickRate is the least common multiple of every MPEG and common PCM sample rate, so that the
// duration of any frame is a whole number of ticks and durations add up exactly.
const tickRate = 14_112_000

// sideInfoSize is the length of the side information after the header (and its CRC).
func (h frameHeader) sideInfoSize() int {
	switch {
	case h.version == mpeg1 && h.mono:
		return 17
	case h.version == mpeg1:
		return 32
	case h.mono:
		return 9
	}
	return 17
}

// isInfoFrame reports whether frame (a whole frame with header h) carries a Xing, Info or VBRI
// header instead of audio. Such a frame describes the whole file (frame count, seek table), so a
// clip must not keep it.
func isInfoFrame(h frameHeader, frame []byte) bool {
	off := 4 + h.sideInfoSize()
	if h.crc {
		off += 2
	}
	if len(frame) >= off+4 {
		if tag := frame[off : off+4]; bytes.Equal(tag, []byte("Xing")) || bytes.Equal(tag, []byte("Info")) {
			return true
		}
	}
	return len(frame) >= 40 && bytes.Equal(frame[36:40], []byte("VBRI"))
}

// id3v2Size returns the length of the ID3v2 tag at the start of b (header, body and footer), or
// false when b does not start with a well-formed ID3v2 tag header.
func id3v2Size(b []byte) (int64, bool) {
	if len(b) < 10 || string(b[:3]) != "ID3" || b[3] < 2 || b[3] > 4 || b[4] == 0xFF {
		return 0, false
	}
	var size int64
	for _, c := range b[6:10] {
		if c&0x80 != 0 { // sizes are "syncsafe": 7 bits per byte
			return 0, false
		}
		size = size<<7 | int64(c)
	}
	size += 10
	if b[3] == 4 && b[5]&0x10 != 0 {
		size += 10 // a footer
	}
	return size, true
}

// skipID3v2 returns the offset just after the ID3v2 tags at the start of r, 0 if there are none.
func skipID3v2(r io.ReaderAt, size int64) int64 {
	var off int64
	for range 8 { // tags may be chained; a handful is plenty
		var hdr [10]byte
		if n, _ := r.ReadAt(hdr[:], off); n < len(hdr) {
			return off
		}
		n, ok := id3v2Size(hdr[:])
		if !ok || off+n > size {
			return off
		}
		off += n
	}
	return off
}

// mp3Stream describes the frames of an MP3 file.
type mp3Stream struct {
	start     int64 // offset of the first audio frame: after the ID3v2 tags and any Info frame
	end       int64 // offset just after the last whole, valid frame
	frames    int64 // audio frames between start and end
	ticks     int64 // their duration
	clipEnd   int64 // offset just after the last frame that ends within the clip length
	clipTicks int64 // the clip's duration
}

// errNoFrames reports a file without one whole, valid MPEG audio frame where it should start.
var errNoFrames = errors.New("no MPEG audio layer III frame")

// scanMP3 walks the frame headers of the MP3 file in r, from its first audio frame (after ID3v2
// tags and Info frames) to the first thing that is not a whole, valid frame (an ID3v1 tag, junk, a
// truncated frame, or the end), and marks where a clip of at most clipTicks ends. It reads each
// header and skips the payload.
func scanMP3(r io.ReaderAt, size int64, clipTicks int64) (mp3Stream, error) {
	start := skipID3v2(r, size)
	br := bufio.NewReaderSize(io.NewSectionReader(r, start, size-start), 64<<10)
	s := mp3Stream{start: start, end: start, clipEnd: start}
	off := start
	for leading := true; ; {
		b, _ := br.Peek(4)
		h, ok := parseFrameHeader(b)
		if !ok || off+int64(h.size()) > size {
			break
		}
		n := h.size()
		if leading {
			if frame, _ := br.Peek(min(n, 64)); isInfoFrame(h, frame) {
				if _, err := br.Discard(n); err != nil {
					return mp3Stream{}, err
				}
				off += int64(n)
				s.start, s.end, s.clipEnd = off, off, off
				continue
			}
			leading = false
		}
		if _, err := br.Discard(n); err != nil {
			return mp3Stream{}, err
		}
		off += int64(n)
		s.end = off
		s.frames++
		s.ticks += h.ticks()
		if s.clipEnd == off-int64(n) && s.clipTicks+h.ticks() <= clipTicks {
			s.clipEnd = off
			s.clipTicks += h.ticks()
		}
	}
	if s.frames == 0 {
		return mp3Stream{}, errNoFrames
	}
	return s, nil
}

// looksLikeMP3 reports whether an MPEG audio layer III stream starts at off: a whole valid frame
// followed by another valid frame header, an ID3v1 tag, or the end of the file. Requiring two
// frames keeps a stray 0xFFFB at the start of some other file from passing for MP3.
func looksLikeMP3(r io.ReaderAt, size, off int64) bool {
	var b [4]byte
	if n, _ := r.ReadAt(b[:], off); n < 4 {
		return false
	}
	h, ok := parseFrameHeader(b[:])
	if !ok {
		return false
	}
	next := off + int64(h.size())
	switch {
	case next > size:
		return false
	case next == size:
		return true
	}
	n, _ := r.ReadAt(b[:], next)
	if n >= 3 && string(b[:3]) == "TAG" {
		return true
	}
	_, ok = parseFrameHeader(b[:n])
	return ok
}
