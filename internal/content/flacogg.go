package content

import (
	"bytes"
	"encoding/binary"
	"io"
)

// flacInfo is what a FLAC stream's STREAMINFO block says.
type flacInfo struct {
	sampleRate   int64
	totalSamples int64 // 0: unknown
}

// parseFLAC reads the "fLaC" marker at off and the STREAMINFO block that must follow it.
func parseFLAC(r io.ReaderAt, off int64) (flacInfo, error) {
	var b [4 + 4 + 34]byte
	if n, _ := r.ReadAt(b[:], off); n < len(b) || string(b[:4]) != "fLaC" {
		return flacInfo{}, unsupported("not a FLAC file")
	}
	// Metadata block header: last-block flag and type (0: STREAMINFO) in one byte, 24-bit length.
	if b[4]&0x7F != 0 || int(b[5])<<16|int(b[6])<<8|int(b[7]) != 34 {
		return flacInfo{}, unsupported("FLAC without its STREAMINFO block")
	}
	si := b[8:]
	minBlock, maxBlock := binary.BigEndian.Uint16(si[0:]), binary.BigEndian.Uint16(si[2:])
	packed := binary.BigEndian.Uint64(si[10:]) // rate:20 channels-1:3 bits-1:5 total:36
	info := flacInfo{sampleRate: int64(packed >> 44), totalSamples: int64(packed & (1<<36 - 1))}
	if info.sampleRate == 0 || minBlock < 16 || maxBlock < minBlock {
		return flacInfo{}, unsupported("FLAC with an impossible STREAMINFO block")
	}
	return info, nil
}

// ticks is the stream's duration in ticks (see tickRate), 0 when the encoder did not know it.
func (f flacInfo) ticks() int64 { return samplesTicks(f.totalSamples, f.sampleRate) }

// checkOgg reads the first page of an Ogg stream and accepts it if it begins a Vorbis or Opus
// stream: "OggS", version 0, the beginning-of-stream flag, and a first packet that is a Vorbis
// identification header or an OpusHead.
func checkOgg(r io.ReaderAt) error {
	var b [27 + 255]byte
	n, _ := r.ReadAt(b[:], 0)
	page := b[:n]
	if len(page) < 27 || string(page[:4]) != "OggS" {
		return unsupported("not an Ogg file")
	}
	segments := int(page[26])
	if page[4] != 0 || page[5]&0x02 == 0 || segments == 0 || len(page) < 27+segments {
		return unsupported("Ogg file with a damaged first page")
	}
	packetLen := 0
	for _, l := range page[27 : 27+segments] {
		packetLen += int(l)
		if l < 255 {
			break
		}
	}
	head := make([]byte, min(packetLen, 8))
	if m, _ := r.ReadAt(head, int64(27+segments)); m < len(head) {
		return unsupported("Ogg file with a damaged first page")
	}
	switch {
	case packetLen >= 30 && bytes.HasPrefix(head, []byte("\x01vorbis")):
		return nil
	case packetLen >= 19 && bytes.Equal(head, []byte("OpusHead")):
		return nil
	}
	return unsupported("Ogg file with a codec other than Vorbis or Opus")
}
