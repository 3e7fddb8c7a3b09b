package content

import (
	"bytes"
	"encoding/binary"
	"io"
)

// WAV: a RIFF file of form type WAVE, a list of chunks (4-byte id, 32-bit little-endian length,
// body, a pad byte after an odd body). The "fmt " chunk describes the samples, the "data" chunk
// holds them as whole sample frames of blockAlign bytes.

// wavFile is what a WAV file's chunks say.
type wavFile struct {
	fmtBody    []byte // the fmt chunk's body, copied verbatim into a clip
	codec      uint16
	channels   uint16
	sampleRate uint32
	blockAlign uint16
	dataOff    int64 // offset of the first sample frame
	dataLen    int64 // bytes of whole sample frames present in the file
}

// WAVE format tags whose sample frames are fixed-size and independent, so the file can be measured
// and cut at any frame.
const (
	wavePCM        = 0x0001
	waveFloat      = 0x0003
	waveALaw       = 0x0006
	waveMuLaw      = 0x0007
	waveExtensible = 0xFFFE
)

const maxWAVChunks = 64 // chunks before "data"; real files have a handful

// parseWAV reads the chunk headers of the WAV file in r.
func parseWAV(r io.ReaderAt, size int64) (wavFile, error) {
	var hdr [12]byte
	if n, _ := r.ReadAt(hdr[:], 0); n < 12 || string(hdr[:4]) != "RIFF" || string(hdr[8:12]) != "WAVE" {
		return wavFile{}, unsupported("not a RIFF/WAVE file")
	}
	var w wavFile
	off := int64(12)
	for range maxWAVChunks {
		var ch [8]byte
		if n, _ := r.ReadAt(ch[:], off); n < 8 {
			break
		}
		id, n := string(ch[:4]), int64(binary.LittleEndian.Uint32(ch[4:]))
		body := off + 8
		switch id {
		case "fmt ":
			if w.fmtBody != nil {
				return wavFile{}, unsupported("WAV with two fmt chunks")
			}
			if n < 16 || n > 1024 || body+n > size {
				return wavFile{}, unsupported("WAV with a damaged fmt chunk")
			}
			w.fmtBody = make([]byte, n)
			if _, err := r.ReadAt(w.fmtBody, body); err != nil {
				return wavFile{}, unsupported("WAV with a damaged fmt chunk")
			}
			if err := w.readFmt(); err != nil {
				return wavFile{}, err
			}
		case "data":
			if w.fmtBody == nil {
				return wavFile{}, unsupported("WAV without a fmt chunk before its data")
			}
			// A streamed WAV may say 0xFFFFFFFF, a cut one more than it holds: keep the whole
			// sample frames that are there.
			if body+n > size {
				n = size - body
			}
			w.dataOff = body
			w.dataLen = n - n%int64(w.blockAlign)
			if w.dataLen == 0 {
				return wavFile{}, unsupported("WAV without any samples")
			}
			return w, nil
		}
		off = body + n + n%2
	}
	if w.fmtBody == nil {
		return wavFile{}, unsupported("WAV without a fmt chunk")
	}
	return wavFile{}, unsupported("WAV without a data chunk")
}

func (w *wavFile) readFmt() error {
	b := w.fmtBody
	w.codec = binary.LittleEndian.Uint16(b[0:])
	w.channels = binary.LittleEndian.Uint16(b[2:])
	w.sampleRate = binary.LittleEndian.Uint32(b[4:])
	w.blockAlign = binary.LittleEndian.Uint16(b[12:])
	bits := binary.LittleEndian.Uint16(b[14:])
	switch w.codec {
	case wavePCM, waveFloat, waveALaw, waveMuLaw, waveExtensible:
	default:
		return unsupported("WAV with codec 0x%04x: upload PCM WAV, FLAC, MP3 or Ogg", w.codec)
	}
	if w.channels == 0 || w.sampleRate == 0 || w.sampleRate > 1_000_000 || bits == 0 ||
		w.blockAlign == 0 || int(w.blockAlign) < int(w.channels)*int((bits+7)/8) {
		return unsupported("WAV with an impossible fmt chunk")
	}
	return nil
}

// frames is the number of sample frames in the file.
func (w wavFile) frames() int64 { return w.dataLen / int64(w.blockAlign) }

// ticks is the audio's duration in ticks (see tickRate).
func (w wavFile) ticks() int64 { return samplesTicks(w.frames(), int64(w.sampleRate)) }

// clipFrames is how many sample frames a clip of at most maxTicks keeps.
func (w wavFile) clipFrames(maxTicks int64) int64 {
	return min(w.frames(), maxTicks*int64(w.sampleRate)/tickRate)
}

// samplesTicks is the duration of n samples at rate Hz in ticks (see tickRate), rounded down.
func samplesTicks(n, rate int64) int64 { return n/rate*tickRate + n%rate*tickRate/rate }

// writeClip writes a WAV file of the first whole sample frames of w, at most maxTicks long: a
// fresh header (RIFF, the same fmt chunk, data) and the samples. Other chunks are left out.
func (w wavFile) writeClip(dst io.Writer, r io.ReaderAt, maxTicks int64) (int64, error) {
	n := w.clipFrames(maxTicks) * int64(w.blockAlign)
	fmtLen := int64(len(w.fmtBody))
	riff := 4 + 8 + fmtLen + fmtLen%2 + 8 + n + n%2
	var h bytes.Buffer
	h.WriteString("RIFF")
	_ = binary.Write(&h, binary.LittleEndian, uint32(riff))
	h.WriteString("WAVEfmt ")
	_ = binary.Write(&h, binary.LittleEndian, uint32(fmtLen))
	h.Write(w.fmtBody)
	if fmtLen%2 == 1 {
		h.WriteByte(0)
	}
	h.WriteString("data")
	_ = binary.Write(&h, binary.LittleEndian, uint32(n))
	written, err := h.WriteTo(dst)
	if err != nil {
		return written, err
	}
	m, err := io.Copy(dst, io.NewSectionReader(r, w.dataOff, n))
	written += m
	if err == nil && m < n {
		err = io.ErrUnexpectedEOF
	}
	if err == nil && n%2 == 1 {
		_, err = dst.Write([]byte{0})
		written++
	}
	return written, err
}
