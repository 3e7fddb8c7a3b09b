package content_test

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"
)

// Builders of small valid files in every accepted format. An MPEG frame here is a header and a
// zero payload of the header's length: not music, but exactly what cutting at frame boundaries
// needs.

// mpegKind is one MPEG version's layer III frames at one bitrate and sample rate.
type mpegKind struct {
	name    string
	header  [4]byte // without the padding bit
	rate    int
	samples int // per frame
	size    int // bytes of an unpadded frame: 144 (MPEG-1) or 72 × bitrate / rate
}

var (
	mpeg1 = mpegKind{"MPEG-1 128 kbit/s 44.1 kHz stereo", [4]byte{0xFF, 0xFB, 0x90, 0x00}, 44100, 1152, 144 * 128000 / 44100}
	mpeg2 = mpegKind{"MPEG-2 64 kbit/s 22.05 kHz mono", [4]byte{0xFF, 0xF3, 0x80, 0xC0}, 22050, 576, 72 * 64000 / 22050}
	// MPEG-2.5 with a CRC (protection bit 0).
	mpeg25 = mpegKind{"MPEG-2.5 32 kbit/s 8 kHz joint stereo, CRC", [4]byte{0xFF, 0xE2, 0x48, 0x40}, 8000, 576, 72 * 32000 / 8000}
)

// frame returns one frame of kind k, padded (one byte longer) if pad.
func (k mpegKind) frame(pad bool) []byte {
	h, n := k.header, k.size
	if pad {
		h[2] |= 0x02
		n++
	}
	f := make([]byte, n)
	copy(f, h[:])
	return f
}

// infoFrame returns a LAME "Info" frame of kind k (an MPEG-1 stereo frame with the tag after its
// 32 bytes of side information).
func (k mpegKind) infoFrame() []byte {
	f := k.frame(false)
	copy(f[4+32:], "Info")
	return f
}

// mp3 is a built MP3 file and where its audio frames are.
type mp3 struct {
	file   []byte
	starts []int // offset of each audio frame
	ends   []int // offset just after each audio frame
}

// buildMP3 writes an ID3v2 tag of id3 bytes (none if 0), an Info frame if info, n audio frames of
// kind k (every third one padded), and trailer.
func buildMP3(k mpegKind, id3, n int, info bool, trailer []byte) mp3 {
	var b bytes.Buffer
	if id3 > 0 {
		b.Write(id3Tag(id3))
	}
	if info {
		b.Write(k.infoFrame())
	}
	var m mp3
	for i := range n {
		m.starts = append(m.starts, b.Len())
		b.Write(k.frame(i%3 == 0))
		m.ends = append(m.ends, b.Len())
	}
	b.Write(trailer)
	m.file = b.Bytes()
	return m
}

// id3Tag returns an ID3v2.3 tag n bytes long (n ≥ 10): a header with a syncsafe size, a title
// frame and padding.
func id3Tag(n int) []byte {
	body := n - 10
	t := []byte{'I', 'D', '3', 3, 0, 0, byte(body >> 21 & 0x7F), byte(body >> 14 & 0x7F), byte(body >> 7 & 0x7F), byte(body & 0x7F)}
	frame := append([]byte("TIT2\x00\x00\x00\x06\x00\x00\x00Hello"), make([]byte, body)...)
	return append(t, frame[:body]...)
}

// id3v1 is an ID3v1 tag, as found at the end of many MP3 files.
var id3v1 = append([]byte("TAG"), make([]byte, 125)...)

// flacFile returns a FLAC stream header: the marker and a STREAMINFO block for samples at rate,
// followed by some frame bytes.
func flacFile(rate, samples int64) []byte {
	b := []byte("fLaC")
	b = append(b, 0x80, 0, 0, 34) // last metadata block, STREAMINFO, 34 bytes
	si := make([]byte, 34)
	binary.BigEndian.PutUint16(si[0:], 4096)
	binary.BigEndian.PutUint16(si[2:], 4096)
	binary.BigEndian.PutUint64(si[10:], uint64(rate)<<44|1<<41|15<<36|uint64(samples)) // stereo, 16-bit
	b = append(b, si...)
	return append(b, 0xFF, 0xF8, 0x69, 0x08, 0, 0, 0, 0)
}

// oggFile returns the first page of an Ogg stream whose first packet is packet.
func oggFile(packet []byte) []byte {
	b := []byte("OggS\x00\x02")
	b = append(b, make([]byte, 8+4+4+4)...) // granule, serial, sequence, CRC
	b = append(b, 1, byte(len(packet)))
	return append(b, packet...)
}

var (
	vorbisID = append([]byte("\x01vorbis\x00\x00\x00\x00\x02\x44\xac\x00\x00"), make([]byte, 15)...)
	opusHead = []byte("OpusHead\x01\x02\x38\x01\x80\xbb\x00\x00\x00\x00\x00")
	oggFLAC  = append([]byte("\x7fFLAC\x01\x00\x00\x01fLaC"), make([]byte, 38)...)
)

// wavFile returns a RIFF/WAVE file with the given format tag and extra chunks before data.
func wavFile(codec uint16, channels uint16, rate uint32, bits uint16, data []byte, extra ...[]byte) []byte {
	var body bytes.Buffer
	body.WriteString("WAVE")
	align := channels * ((bits + 7) / 8)
	chunk(&body, "fmt ", le(codec, channels, rate, uint32(rate)*uint32(align), align, bits))
	for _, e := range extra {
		body.Write(e)
	}
	chunk(&body, "data", data)
	var b bytes.Buffer
	b.WriteString("RIFF")
	_ = binary.Write(&b, binary.LittleEndian, uint32(body.Len()))
	b.Write(body.Bytes())
	return b.Bytes()
}

func chunk(b *bytes.Buffer, id string, body []byte) {
	b.WriteString(id)
	_ = binary.Write(b, binary.LittleEndian, uint32(len(body)))
	b.Write(body)
	if len(body)%2 == 1 {
		b.WriteByte(0)
	}
}

func chunkBytes(id string, body []byte) []byte {
	var b bytes.Buffer
	chunk(&b, id, body)
	return b.Bytes()
}

func le(vs ...any) []byte {
	var b bytes.Buffer
	for _, v := range vs {
		_ = binary.Write(&b, binary.LittleEndian, v)
	}
	return b.Bytes()
}

func pngImage(t testing.TB, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, testImage(w, h)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func jpegImage(t testing.TB, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, testImage(w, h), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func testImage(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, x%h, color.RGBA{200, 30, 90, 255})
	}
	return img
}

// webpLossless returns the start of a lossless WebP file of w × h pixels.
func webpLossless(w, h int) []byte {
	bits := uint32(w-1) | uint32(h-1)<<14
	vp8l := append([]byte{0x2F}, le(bits)...)
	vp8l = append(vp8l, make([]byte, 16)...)
	body := append([]byte("WEBP"), chunkBytes("VP8L", vp8l)...)
	return append(append([]byte("RIFF"), le(uint32(len(body)))...), body...)
}
