package content

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/webp"
)

// MaxCoverPixels bounds a cover's width × height, checked from its header before it is decoded,
// so that a small file cannot make the server allocate an enormous bitmap (a decompression bomb):
// 4096 × 4096 pixels take at most 64 MiB decoded.
const MaxCoverPixels = 4096 * 4096

// coverDecoders bounds how many covers are decoded at once, across all uploads.
var coverDecoders = make(chan struct{}, 2)

// Cover checks the cover image b (the whole file) and returns it re-encoded from its pixels:
// a PNG as a PNG, a JPEG as a JPEG (quality 90), a WebP as a PNG (with transparency) or a JPEG.
// Re-encoding keeps only the picture, so whatever else the file carried (HTML or a script after
// the image data, metadata) is not served. Anything that is not a whole, decodable image of at
// most MaxCoverSide a side and MaxCoverPixels is ErrUnsupported.
func Cover(b []byte) (Format, []byte, error) {
	img, err := SniffImage(b)
	if err != nil {
		return "", nil, err
	}
	decodeConfig := map[Format]func([]byte) (image.Config, error){
		PNG:  func(b []byte) (image.Config, error) { return png.DecodeConfig(bytes.NewReader(b)) },
		JPEG: func(b []byte) (image.Config, error) { return jpeg.DecodeConfig(bytes.NewReader(b)) },
		WebP: func(b []byte) (image.Config, error) { return webp.DecodeConfig(bytes.NewReader(b)) },
	}[img.Format]
	cfg, err := decodeConfig(b)
	if err != nil {
		return "", nil, unsupported("a damaged %s image", img.Format.Name())
	}
	if cfg.Width != img.Width || cfg.Height != img.Height || cfg.Width > MaxCoverSide || cfg.Height > MaxCoverSide ||
		cfg.Width*cfg.Height > MaxCoverPixels {
		return "", nil, unsupported("an image of %d×%d pixels: at most %d pixels a side and %d in all", cfg.Width, cfg.Height, MaxCoverSide, MaxCoverPixels)
	}
	coverDecoders <- struct{}{}
	defer func() { <-coverDecoders }()
	var pic image.Image
	switch img.Format {
	case PNG:
		pic, err = png.Decode(bytes.NewReader(b))
	case JPEG:
		pic, err = jpeg.Decode(bytes.NewReader(b))
	case WebP:
		pic, err = webp.Decode(bytes.NewReader(b))
	}
	if err != nil {
		return "", nil, unsupported("a damaged %s image", img.Format.Name())
	}
	out := img.Format
	if out == WebP {
		out = JPEG
		if o, ok := pic.(interface{ Opaque() bool }); !ok || !o.Opaque() {
			out = PNG
		}
	}
	var w bytes.Buffer
	if out == PNG {
		err = png.Encode(&w, pic)
	} else {
		err = jpeg.Encode(&w, pic, &jpeg.Options{Quality: 90})
	}
	if err != nil {
		return "", nil, unsupported("a %s image that cannot be re-encoded", img.Format.Name())
	}
	return out, w.Bytes(), nil
}
