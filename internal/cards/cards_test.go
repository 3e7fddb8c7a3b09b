package cards

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

var hash = common.HexToHash("0xae721baf70752ca7c319b357a4735e70c76bffc958b57f1dc471fb2b6e4cf934")

func TestArtIsDrawnFromTheHashAtAnySize(t *testing.T) {
	a, b := Art(hash, 300), Art(hash, 300)
	if !bytes.Equal(a.Pix, b.Pix) {
		t.Error("the same hash drew two covers")
	}
	if other := Art(common.HexToHash("0x01"), 300); bytes.Equal(a.Pix, other.Pix) {
		t.Error("two hashes drew the same cover")
	}
	big := Art(hash, 600)
	if big.Bounds().Dx() != 600 || big.Bounds().Dy() != 600 {
		t.Fatalf("bounds %v", big.Bounds())
	}
	// The top-left corner is the gradient's first colour: hsl(hue1 70% 42%).
	hue1 := float64(int(hash[0]) * 360 / 256)
	if got, want := a.RGBAAt(0, 0), hsl(hue1, .70, .42); distance(got, want) > 6 {
		t.Errorf("corner %v, want about %v", got, want)
	}
}

func TestHSLMatchesCSS(t *testing.T) {
	for _, tt := range []struct {
		h, s, l float64
		want    color.RGBA
	}{{0, 1, .5, color.RGBA{255, 0, 0, 255}}, {120, 1, .25, color.RGBA{0, 128, 0, 255}}, {240, 1, .5, color.RGBA{0, 0, 255, 255}}, {0, 0, 1, color.RGBA{255, 255, 255, 255}}} {
		if got := hsl(tt.h, tt.s, tt.l); got != tt.want {
			t.Errorf("hsl(%v %v %v) = %v, want %v", tt.h, tt.s, tt.l, got, tt.want)
		}
	}
}

func distance(a, b color.RGBA) int {
	d := func(x, y uint8) int {
		if x > y {
			return int(x - y)
		}
		return int(y - x)
	}
	return d(a.R, b.R) + d(a.G, b.G) + d(a.B, b.B)
}

func TestCardHasTheCoverAndTheText(t *testing.T) {
	cover := Art(hash, 300)
	c := Card(cover, Text{Title: "Harbour Lights", Subtitle: "Mira Vale", Foot: "0.004 ETH"})
	if c.Bounds() != image.Rect(0, 0, CardWidth, CardHeight) {
		t.Fatalf("bounds %v", c.Bounds())
	}
	if got := c.RGBAAt(300, 300); distance(got, background) < 20 {
		t.Errorf("no cover at the left: %v", got)
	}
	other := Card(cover, Text{Title: "Another Song", Subtitle: "Mira Vale", Foot: "0.004 ETH"})
	if bytes.Equal(c.Pix, other.Pix) {
		t.Error("the title is not drawn: two titles gave the same card")
	}
	long := Card(cover, Text{Title: string(bytes.Repeat([]byte("Very long title words "), 30)), Subtitle: "x"})
	if long.Bounds().Dx() != CardWidth {
		t.Error("a long title changed the card")
	}
}

func TestThumbnailIsTheCentredSquare(t *testing.T) {
	wide := image.NewRGBA(image.Rect(0, 0, 400, 200))
	for y := 0; y < 200; y++ {
		for x := 0; x < 400; x++ {
			c := color.RGBA{255, 0, 0, 255}
			if x >= 100 && x < 300 {
				c = color.RGBA{0, 0, 255, 255}
			}
			wide.SetRGBA(x, y, c)
		}
	}
	th := Thumbnail(wide, 120)
	if th.Bounds().Dx() != 120 || th.Bounds().Dy() != 120 {
		t.Fatalf("bounds %v", th.Bounds())
	}
	for _, p := range []image.Point{{2, 2}, {117, 117}, {60, 60}} {
		if got := th.RGBAAt(p.X, p.Y); got.B < 200 || got.R > 50 {
			t.Errorf("%v is %v: not the centre square", p, got)
		}
	}
}

func TestDecodeRefusesHugeCoversBeforeDecoding(t *testing.T) {
	var small bytes.Buffer
	_ = png.Encode(&small, image.NewRGBA(image.Rect(0, 0, 4, 3)))
	if img, err := Decode(small.Bytes()); err != nil || img.Bounds().Dx() != 4 {
		t.Fatalf("small: %v", err)
	}
	// A PNG header claiming 9000×10 pixels: refused from its header alone.
	var huge bytes.Buffer
	_ = png.Encode(&huge, image.NewGray(image.Rect(0, 0, MaxSide+1, 1)))
	if _, err := Decode(huge.Bytes()); err == nil {
		t.Error("a cover wider than MaxSide was decoded")
	}
	if _, err := Decode([]byte("not an image")); err == nil {
		t.Error("garbage decoded")
	}
}

func TestCacheDrawsEachImageOnce(t *testing.T) {
	c := &Cache{Dir: filepath.Join(t.TempDir(), "cards")}
	draws := 0
	draw := func() (image.Image, error) { draws++; return Art(hash, 64), nil }
	first, err := c.JPEG(context.Background(), Key("t", "1"), draw)
	if err != nil {
		t.Fatal(err)
	}
	second, err := (&Cache{Dir: c.Dir}).JPEG(context.Background(), Key("t", "1"), draw) // another server process
	if err != nil || !bytes.Equal(first, second) || draws != 1 {
		t.Errorf("draws %d, err %v, same %v", draws, err, bytes.Equal(first, second))
	}
	if _, err := jpeg.Decode(bytes.NewReader(first)); err != nil {
		t.Error(err)
	}
	if Key("a", "bc") == Key("ab", "c") {
		t.Error("keys of different parts collide")
	}
	if _, err := os.Stat(filepath.Join(c.Dir, Key("t", "1")+".jpg")); err != nil {
		t.Error(err)
	}
}

func FuzzDecode(f *testing.F) {
	var b bytes.Buffer
	_ = png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 2, 2)))
	f.Add(b.Bytes())
	f.Add([]byte("\xff\xd8\xff\xe0"))
	f.Add([]byte("RIFF\x00\x00\x00\x00WEBPVP8 "))
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := Decode(data)
		if err == nil && (img.Bounds().Dx() > MaxSide || img.Bounds().Dy() > MaxSide) {
			t.Errorf("decoded %v", img.Bounds())
		}
	})
}

// TestCacheDrawsOnceUnderConcurrentFirstRequests holds the bound on drawing: many first requests
// for one image at once draw it once, one drawing at a time.
func TestCacheDrawsOnceUnderConcurrentFirstRequests(t *testing.T) {
	c := &Cache{Dir: t.TempDir()}
	var mu sync.Mutex
	draws, running, most := 0, 0, 0
	draw := func() (image.Image, error) {
		mu.Lock()
		draws++
		running++
		most = max(most, running)
		mu.Unlock()
		img := Art(hash, 64)
		mu.Lock()
		running--
		mu.Unlock()
		return img, nil
	}
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.JPEG(context.Background(), Key("k", string(rune('a'+i%2))), draw); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if draws != 2 || most != 1 {
		t.Errorf("16 requests for 2 images drew %d times, %d at once", draws, most)
	}
}

// TestCardOfAPhotoStaysSmall: a card of the hardest cover to compress (noise) stays under the
// 300 KB some messengers take for a preview image.
func TestCardOfAPhotoStaysSmall(t *testing.T) {
	noise := image.NewRGBA(image.Rect(0, 0, 1000, 1000))
	state := uint32(1)
	for i := range noise.Pix {
		state = state*1664525 + 1013904223
		noise.Pix[i] = byte(state >> 24)
	}
	b, err := (&Cache{Dir: t.TempDir()}).JPEG(context.Background(), "noise", func() (image.Image, error) {
		return Card(noise, Text{Title: "Noise", Subtitle: "Static"}), nil
	})
	if err != nil || len(b) > 300<<10 {
		t.Errorf("%d bytes, %v", len(b), err)
	}
}
