package content_test

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"strings"
	"testing"

	"github.com/bittunes/bittunes/internal/content"
)

const html = "<html><script>alert(document.cookie)</script></html>"

// TestCoversAreReencoded: a cover is stored as the pixels it shows, re-encoded; an image followed
// by HTML is stored without the HTML, and anything that does not decode as a whole is refused.
func TestCoversAreReencoded(t *testing.T) {
	lossy, err := os.ReadFile("testdata/cover.lossy.webp") // from golang.org/x/image's test data
	if err != nil {
		t.Fatal(err)
	}
	good := []struct {
		name string
		file []byte
		want content.Format
	}{
		{"PNG", pngImage(t, 30, 20), content.PNG},
		{"JPEG", jpegImage(t, 16, 24), content.JPEG},
		{"WebP", lossy, content.JPEG},
		{"PNG then HTML", append(pngImage(t, 30, 20), html...), content.PNG},
		{"JPEG then HTML", append(jpegImage(t, 16, 24), html...), content.JPEG},
	}
	for _, c := range good {
		f, b, err := content.Cover(c.file)
		if err != nil || f != c.want {
			t.Errorf("%s: %s, %v; want %s", c.name, f, err, c.want)
			continue
		}
		if bytes.Contains(b, []byte("<html")) {
			t.Errorf("%s: the stored cover still carries the HTML", c.name)
		}
		decode := map[content.Format]func([]byte) (image.Image, error){
			content.PNG:  func(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) },
			content.JPEG: func(b []byte) (image.Image, error) { return jpeg.Decode(bytes.NewReader(b)) },
		}[f]
		if img, err := decode(b); err != nil || img.Bounds().Dx() < 16 {
			t.Errorf("%s: the stored cover does not decode: %v", c.name, err)
		}
	}
	// A WebP (or JPEG) header followed by HTML, not an image.
	webpHTML := append([]byte("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00\x30\x01\x00\x9d\x01\x2a\x80\x02\xe0\x01"), html...)
	bomb := func() []byte { // 4100 × 4100 pixels in a few kilobytes
		var b bytes.Buffer
		png.Encode(&b, image.NewGray(image.Rect(0, 0, 4100, 4100)))
		return b.Bytes()
	}()
	bad := []struct {
		name string
		file []byte
		says string
	}{
		{"a WebP header and HTML", webpHTML, "a damaged WebP image"},
		{"a JPEG header and HTML", append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), html...), "a damaged JPEG image"},
		{"a PNG cut short", pngImage(t, 300, 200)[:200], "a damaged PNG image"},
		{"a JPEG cut short", jpegImage(t, 160, 240)[:300], "a damaged JPEG image"},
		{"too many pixels", bomb, "in all"},
		{"HTML", []byte(html), "not a PNG, JPEG or WebP"},
	}
	for _, c := range bad {
		_, _, err := content.Cover(c.file)
		if !errors.Is(err, content.ErrUnsupported) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v; want ErrUnsupported saying %q", c.name, err, c.says)
		}
	}
}

// FuzzCover: whatever the bytes, Cover never panics, refuses with ErrUnsupported, and what it
// accepts decodes as the format it names.
func FuzzCover(f *testing.F) {
	f.Add(pngImage(f, 3, 2))
	f.Add(jpegImage(f, 8, 8))
	f.Add(append(pngImage(f, 3, 2), html...))
	f.Add([]byte("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00\x30\x01\x00\x9d\x01\x2a\x80\x02\xe0\x01"))
	f.Fuzz(func(t *testing.T, b []byte) {
		format, out, err := content.Cover(b)
		if err != nil {
			if !errors.Is(err, content.ErrUnsupported) {
				t.Fatalf("error %v is not ErrUnsupported", err)
			}
			return
		}
		want := map[content.Format]string{content.PNG: "png", content.JPEG: "jpeg"}[format]
		if _, name, err := image.DecodeConfig(bytes.NewReader(out)); err != nil || name != want {
			t.Fatalf("re-encoded as %s: %s, %v", format, name, err)
		}
	})
}
