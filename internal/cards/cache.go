package cards

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/jpeg"
	_ "image/png" // uploaded covers
	"os"
	"path/filepath"
	"sync"

	_ "golang.org/x/image/webp" // uploaded covers
)

// MaxSide is the largest width or height of a cover Decode reads (the upload limit).
const MaxSide = 8192

// Decode reads an uploaded cover (JPEG, PNG or WebP), refusing one larger than MaxSide on a side
// before decoding its pixels.
func Decode(data []byte) (image.Image, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cards: cover: %w", err)
	}
	if cfg.Width > MaxSide || cfg.Height > MaxSide || cfg.Width < 1 || cfg.Height < 1 {
		return nil, fmt.Errorf("cards: cover is %d×%d, more than %d on a side", cfg.Width, cfg.Height, MaxSide)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cards: cover: %w", err)
	}
	return img, nil
}

// Cache keeps made images as JPEG files in Dir, named by a hash of what they show, so each is
// drawn once; drawing happens one image at a time so that many first requests at once cost one
// core, not all of them.
type Cache struct {
	Dir string

	mu      sync.Mutex
	drawing chan struct{}
}

// Key names an image by everything that goes into it.
func Key(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s;", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Quality is the JPEG quality of made images: cards stay well under the 300 KB some messengers
// take for a preview image, photos and drawn covers alike.
const Quality = 88

// JPEG returns the JPEG named key: from disk when it was made before, else drawn by draw,
// encoded and written to disk first.
func (c *Cache) JPEG(ctx context.Context, key string, draw func() (image.Image, error)) ([]byte, error) {
	path := filepath.Join(c.Dir, key+".jpg")
	if b, err := os.ReadFile(path); err == nil {
		return b, nil
	}
	c.mu.Lock()
	if c.drawing == nil {
		c.drawing = make(chan struct{}, 1)
	}
	sem := c.drawing
	c.mu.Unlock()
	select {
	case sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-sem }()
	if b, err := os.ReadFile(path); err == nil { // drawn while this request waited
		return b, nil
	}
	img, err := draw()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: Quality}); err != nil {
		return nil, fmt.Errorf("cards: encode %s: %w", key, err)
	}
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("cards: %w", err)
	}
	tmp, err := os.CreateTemp(c.Dir, key+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("cards: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("cards: write %s: %w", key, err)
	}
	if err := tmp.Close(); err != nil {
		return nil, fmt.Errorf("cards: write %s: %w", key, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return nil, fmt.Errorf("cards: write %s: %w", key, err)
	}
	return buf.Bytes(), nil
}
