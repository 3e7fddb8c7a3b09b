// Package cards draws the market's images at fixed sizes: square cover thumbnails (of the cover an
// artist uploaded, or of artwork drawn from the track's content hash) and 1200×630 link-preview
// cards with the title and artist drawn in, the size messengers and social sites show. Images are
// made once and kept on disk (Cache).
package cards

import (
	"image"
	"image/color"
	"math"

	"github.com/ethereum/go-ethereum/common"
)

// Art draws a track's cover from its content hash at size×size: a two-colour diagonal gradient,
// four rings and twelve bars whose hues, sizes and positions come from the hash's bytes (the same
// design as the SVG cover the pages show).
func Art(h common.Hash, size int) *image.RGBA {
	b := h.Bytes()
	hue1 := float64(int(b[0]) * 360 / 256)
	hue2 := float64((int(hue1) + 40 + int(b[1])%140) % 360)
	top, bottom := hsl(hue1, .70, .42), hsl(hue2, .75, .18)
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	scale := float64(size) / 300 // the design's units are those of a 300×300 cover
	cx, cy := float64(60+int(b[2])%180)*scale, float64(60+int(b[3])%180)*scale
	type ring struct{ r, half float64 }
	var rings [4]ring
	var ringAlpha [4]float64
	for i := range rings {
		rings[i] = ring{float64(30+int(b[4+i])%60+i*38) * scale, float64(2+int(b[12+i])%10) * scale / 2}
		ringAlpha[i] = .12 + float64(b[8+i]%40)/100
	}
	ringColour := hsl(float64((int(hue1)+180)%360), .90, .80)
	barColour := hsl(hue2, .95, .88)
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			t := (float64(x) + float64(y)) / float64(2*size) // the gradient runs corner to corner
			c := mix(top, bottom, t)
			d := math.Hypot(float64(x)+.5-cx, float64(y)+.5-cy)
			for i, r := range rings {
				if math.Abs(d-r.r) <= r.half {
					c = mix(c, ringColour, ringAlpha[i])
				}
			}
			img.SetRGBA(x, y, c)
		}
	}
	for i := 0; i < 12; i++ {
		height := float64(12 + int(b[16+i])%90)
		fill(img, image.Rect(int(float64(30+i*20)*scale), int((270-height)*scale), int(float64(40+i*20)*scale), int(270*scale)), barColour, .55)
	}
	return img
}

// fill blends c over the rectangle r of img with opacity alpha.
func fill(img *image.RGBA, r image.Rectangle, c color.RGBA, alpha float64) {
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			img.SetRGBA(x, y, mix(img.RGBAAt(x, y), c, alpha))
		}
	}
}

// mix is a + (b - a)·t per channel, opaque.
func mix(a, b color.RGBA, t float64) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 255}
}

// hsl converts a CSS hsl() colour (hue in degrees, saturation and lightness in 0..1) to RGB.
func hsl(h, s, l float64) color.RGBA {
	k := func(n float64) float64 { return math.Mod(n+h/30, 12) }
	a := s * math.Min(l, 1-l)
	f := func(n float64) uint8 {
		v := l - a*math.Max(-1, math.Min(math.Min(k(n)-3, 9-k(n)), 1))
		return uint8(math.Round(v * 255))
	}
	return color.RGBA{f(0), f(8), f(4), 255}
}
