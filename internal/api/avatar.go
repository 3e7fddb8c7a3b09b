package api

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/jpeg"
	"strings"

	"golang.org/x/image/draw"

	"github.com/bittunes/bittunes/internal/cards"
	"github.com/bittunes/bittunes/internal/content"
)

// Avatar limits: the uploaded image's bytes and sides, and the side of the square JPEG kept.
const (
	maxAvatarBytes = 2 << 20
	maxAvatarSide  = 4096
	avatarSide     = 256
)

// decodeAvatar reads an avatar sent as base64 (optionally a data: URL), checks it is a PNG, JPEG or
// WebP of at most maxAvatarSide pixels a side, and re-encodes it, cropped to its centre square, as
// an avatarSide JPEG: what is stored and served is always an image the server made, never the
// client's bytes (no metadata, no polyglot files).
func decodeAvatar(s string) ([]byte, error) {
	if i := strings.Index(s, ";base64,"); strings.HasPrefix(s, "data:") && i > 0 {
		s = s[i+len(";base64,"):]
	}
	if base64.StdEncoding.DecodedLen(len(s)) > maxAvatarBytes+3 {
		return nil, tooLarge("the avatar is larger than 2 MB")
	}
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, badRequest("the avatar must be a base64-encoded PNG, JPEG or WebP image")
	}
	if len(raw) > maxAvatarBytes {
		return nil, tooLarge("the avatar is larger than 2 MB")
	}
	img, err := content.SniffImage(raw)
	if err != nil {
		return nil, badRequest("the avatar: %v", err)
	}
	if img.Width > maxAvatarSide || img.Height > maxAvatarSide {
		return nil, badRequest("the avatar is %d×%d pixels: each side must be at most %d", img.Width, img.Height, maxAvatarSide)
	}
	pic, err := cards.Decode(raw)
	if err != nil {
		return nil, badRequest("the avatar is a damaged image")
	}
	return squareJPEG(pic, avatarSide)
}

// squareJPEG crops img to its centre square and scales it to side × side.
func squareJPEG(img image.Image, side int) ([]byte, error) {
	b := img.Bounds()
	n := min(b.Dx(), b.Dy())
	src := image.Rect(b.Min.X+(b.Dx()-n)/2, b.Min.Y+(b.Dy()-n)/2, 0, 0)
	src.Max = src.Min.Add(image.Pt(n, n))
	dst := image.NewRGBA(image.Rect(0, 0, side, side))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, src, draw.Src, nil)
	var out bytes.Buffer
	if err := jpeg.Encode(&out, dst, &jpeg.Options{Quality: 85}); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
