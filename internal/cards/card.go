package cards

import (
	"image"
	"image/color"
	"strings"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The link-preview card's size: what Open Graph and X/Twitter's large card show (1.91:1).
const (
	CardWidth  = 1200
	CardHeight = 630
)

var (
	background = color.RGBA{0x0f, 0x11, 0x15, 255}
	ink        = color.RGBA{0xec, 0xee, 0xf3, 255}
	muted      = color.RGBA{0xa3, 0xab, 0xba, 255}
	accent     = color.RGBA{0xff, 0x7a, 0x59, 255}
)

var (
	boldFont    = mustParse(gobold.TTF)
	regularFont = mustParse(goregular.TTF)
)

func mustParse(ttf []byte) *opentype.Font {
	f, err := opentype.Parse(ttf)
	if err != nil {
		panic("cards: bundled Go font: " + err.Error())
	}
	return f
}

func face(f *opentype.Font, size float64) font.Face {
	fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic("cards: font face: " + err.Error())
	}
	return fc
}

// Text is what a card says: a title (up to two lines), a subtitle (the artist), and a foot line
// (price, genre, who shared it).
type Text struct {
	Title, Subtitle, Foot string
}

// Card draws a 1200×630 preview card: the cover square on the left, the text on the right, the
// market's name at the bottom.
func Card(cover image.Image, t Text) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, CardWidth, CardHeight))
	xdraw.Draw(img, img.Bounds(), image.NewUniform(background), image.Point{}, xdraw.Src)
	const side = 510
	coverBox := image.Rect(60, 60, 60+side, 60+side)
	xdraw.CatmullRom.Scale(img, coverBox, Square(cover), Square(cover).Bounds(), xdraw.Src, nil)
	fill(img, image.Rect(0, CardHeight-12, CardWidth, CardHeight), accent, 1)

	x := 620
	maxWidth := CardWidth - x - 60
	titleFace := face(boldFont, 60)
	lines := wrap(titleFace, t.Title, maxWidth, 3)
	y := 150
	for _, l := range lines {
		drawText(img, titleFace, ink, x, y, l)
		y += 72
	}
	if t.Subtitle != "" {
		y += 10
		drawText(img, face(regularFont, 40), muted, x, y, fit(face(regularFont, 40), t.Subtitle, maxWidth))
		y += 60
	}
	if t.Foot != "" {
		for _, l := range wrap(face(regularFont, 30), t.Foot, maxWidth, 2) {
			drawText(img, face(regularFont, 30), accent, x, y+20, l)
			y += 40
		}
	}
	drawText(img, face(boldFont, 34), ink, x, CardHeight-60, "Bittunes")
	return img
}

func drawText(img *image.RGBA, f font.Face, c color.Color, x, y int, s string) {
	d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// wrap breaks s into at most max lines no wider than width, the last one cut with an ellipsis.
func wrap(f font.Face, s string, width, max int) []string {
	words := strings.Fields(s)
	var lines []string
	for len(words) > 0 && len(lines) < max {
		line := words[0]
		words = words[1:]
		for len(words) > 0 && font.MeasureString(f, line+" "+words[0]).Ceil() <= width {
			line += " " + words[0]
			words = words[1:]
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		return nil
	}
	last := len(lines) - 1
	if len(words) > 0 {
		lines[last] += " " + strings.Join(words, " ")
	}
	for i := range lines {
		lines[i] = fit(f, lines[i], width)
	}
	return lines
}

// fit cuts s with an ellipsis until it is no wider than width.
func fit(f font.Face, s string, width int) string {
	if font.MeasureString(f, s).Ceil() <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && font.MeasureString(f, string(r)+"…").Ceil() > width {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}

// Square is the centred square of img (all of it when it is square).
func Square(img image.Image) image.Image {
	b := img.Bounds()
	side := min(b.Dx(), b.Dy())
	r := image.Rect(0, 0, side, side).Add(b.Min).Add(image.Pt((b.Dx()-side)/2, (b.Dy()-side)/2))
	if s, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	}); ok {
		return s.SubImage(r)
	}
	return img
}

// Thumbnail scales the centred square of img to size×size.
func Thumbnail(img image.Image, size int) *image.RGBA {
	out := image.NewRGBA(image.Rect(0, 0, size, size))
	sq := Square(img)
	xdraw.CatmullRom.Scale(out, out.Bounds(), sq, sq.Bounds(), xdraw.Src, nil)
	return out
}
