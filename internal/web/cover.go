package web

import (
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/content"
)

var hashPattern = regexp.MustCompile(`^0x[0-9a-fA-F]{64}$`)

// cover serves a track's cover by its content hash: the image its artist uploaded, or else
// artwork drawn from the hash, so every track has a face of its own.
func (p *pages) cover(w http.ResponseWriter, r *http.Request) {
	raw := r.PathValue("hash")
	if !hashPattern.MatchString(raw) {
		http.Error(w, "the content hash must be 0x and 64 hex digits", http.StatusBadRequest)
		return
	}
	h := common.HexToHash(raw)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if p.cfg.MediaDir != "" {
		media := content.Media{Dir: p.cfg.MediaDir}
		for _, f := range []content.Format{content.JPEG, content.PNG, content.WebP} {
			path := media.CoverPath(h, f)
			file, err := os.Open(path)
			if err != nil {
				continue
			}
			defer file.Close()
			st, err := file.Stat()
			if err != nil {
				continue
			}
			w.Header().Set("Content-Type", f.MediaType())
			w.Header().Set("Cache-Control", "public, max-age=86400")
			http.ServeContent(w, r, "", st.ModTime(), file)
			return
		}
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	_, _ = w.Write([]byte(generatedCover(h)))
}

// generatedCover draws a cover from a content hash: a two-colour gradient with a few rings and
// bars whose hues, sizes and positions come from the hash's bytes.
func generatedCover(h common.Hash) string {
	b := h.Bytes()
	hue1 := int(b[0]) * 360 / 256
	hue2 := (hue1 + 40 + int(b[1])%140) % 360
	var s strings.Builder
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 300" width="300" height="300">`+
		`<defs><clipPath id="c"><rect width="300" height="300"/></clipPath><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">`+
		`<stop offset="0" stop-color="hsl(%d 70%% 42%%)"/><stop offset="1" stop-color="hsl(%d 75%% 18%%)"/>`+
		`</linearGradient></defs><g clip-path="url(#c)"><rect width="300" height="300" fill="url(#g)"/>`, hue1, hue2)
	cx, cy := 60+int(b[2])%180, 60+int(b[3])%180
	for i := 0; i < 4; i++ {
		r := 30 + int(b[4+i])%60 + i*38
		fmt.Fprintf(&s, `<circle cx="%d" cy="%d" r="%d" fill="none" stroke="hsl(%d 90%% 80%% / %.2f)" stroke-width="%d"/>`,
			cx, cy, r, (hue1+180)%360, 0.12+float64(b[8+i]%40)/100, 2+int(b[12+i])%10)
	}
	for i := 0; i < 12; i++ {
		height := 12 + int(b[16+i])%90
		fmt.Fprintf(&s, `<rect x="%d" y="%d" width="10" height="%d" rx="3" fill="hsl(%d 95%% 88%% / 0.55)"/>`,
			30+i*20, 270-height, height, hue2)
	}
	s.WriteString(`</g></svg>`)
	return s.String()
}
