package web

import (
	"context"
	"fmt"
	"image"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/cards"
	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
)

// thumbnailSizes are the square cover sizes served as JPEG: small rows, embeds, previews.
var thumbnailSizes = map[string]int{"120": 120, "300": 300, "600": 600}

// uploadedCover reads the cover an artist uploaded for a content hash, if any: its bytes and a
// version (size and modification time) that changes when it is replaced.
func (p *pages) uploadedCover(h common.Hash) ([]byte, string) {
	if p.cfg.MediaDir == "" {
		return nil, ""
	}
	media := content.Media{Dir: p.cfg.MediaDir}
	for _, f := range []content.Format{content.JPEG, content.PNG, content.WebP} {
		path := media.CoverPath(h, f)
		st, err := os.Stat(path)
		if err != nil {
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		return b, fmt.Sprintf("%s:%d:%d", f, st.Size(), st.ModTime().UnixNano())
	}
	return nil, ""
}

// coverImage is a track's cover as pixels: the uploaded one when it decodes, else the drawn art.
func (p *pages) coverImage(h common.Hash, data []byte) image.Image {
	if data != nil {
		if img, err := cards.Decode(data); err == nil {
			return img
		}
	}
	return cards.Art(h, 600)
}

// coverSource reads a cover's source and names it for the cache: the uploaded file's version, or the drawn art.
func (p *pages) coverSource(h common.Hash) (data []byte, key string) {
	data, version := p.uploadedCover(h)
	if data == nil {
		return nil, "art:" + h.Hex()
	}
	return data, "upload:" + h.Hex() + ":" + version
}

func writeJPEG(w http.ResponseWriter, b []byte) {
	w.Header().Set("Content-Type", "image/jpeg")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	_, _ = w.Write(b)
}

func (p *pages) imageFail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errorsIsNotFound(err):
		http.Error(w, "not found", http.StatusNotFound)
	case r.Context().Err() != nil:
		http.Error(w, "cancelled", http.StatusServiceUnavailable)
	default:
		p.cfg.Logger.Error("web: image", "path", r.URL.Path, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
}

// thumbnail serves a cover as a square JPEG: GET /covers/{hash}/{120|300|600}.
func (p *pages) thumbnail(w http.ResponseWriter, r *http.Request) {
	raw := r.PathValue("hash")
	size, ok := thumbnailSizes[r.PathValue("size")]
	if !hashPattern.MatchString(raw) || !ok {
		http.Error(w, "want /covers/0x<64 hex digits>/120, 300 or 600", http.StatusBadRequest)
		return
	}
	h := common.HexToHash(raw)
	data, source := p.coverSource(h)
	b, err := p.cards.JPEG(r.Context(), cards.Key("thumb", source, strconv.Itoa(size)), func() (image.Image, error) {
		return cards.Thumbnail(p.coverImage(h, data), size), nil
	})
	if err != nil {
		p.imageFail(w, r, err)
		return
	}
	writeJPEG(w, b)
}

// card serves a 1200×630 preview card, drawn once per cover and text.
func (p *pages) card(w http.ResponseWriter, r *http.Request, h common.Hash, text cards.Text) {
	data, source := p.coverSource(h)
	b, err := p.cards.JPEG(r.Context(), cards.Key("card", source, text.Title, text.Subtitle, text.Foot), func() (image.Image, error) {
		return cards.Card(p.coverImage(h, data), text), nil
	})
	if err != nil {
		p.imageFail(w, r, err)
		return
	}
	writeJPEG(w, b)
}

// trackCard serves a track's preview card: GET /cards/t/{id}.jpg[?ref=owner], the referral's
// card saying who shared it.
func (p *pages) trackCard(w http.ResponseWriter, r *http.Request) {
	raw, ok := strings.CutSuffix(r.PathValue("file"), ".jpg")
	id, err := parseTrackID(raw)
	if !ok || err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	t, err := p.cfg.Catalog.Track(r.Context(), p.cfg.ChainID, id)
	if err != nil {
		p.imageFail(w, r, err)
		return
	}
	foot := t.Price.Ether() + " ETH · " + genreText(t)
	ref, err := p.referrerOf(r.Context(), r, id)
	if err != nil {
		p.imageFail(w, r, err)
		return
	}
	if ref != nil {
		foot = "Shared by " + ref.Name + " · " + t.Price.Ether() + " ETH"
	}
	p.card(w, r, t.ContentHash, cards.Text{Title: t.Title, Subtitle: artistName(t), Foot: foot})
}

// artistCard serves an artist's preview card (with their latest track's cover): GET /cards/a/{address}.jpg.
func (p *pages) artistCard(w http.ResponseWriter, r *http.Request) {
	raw, ok := strings.CutSuffix(r.PathValue("file"), ".jpg")
	a, err := parseAddress(raw)
	if !ok || err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	list, err := p.cfg.Catalog.ArtistTracks(r.Context(), p.cfg.ChainID, a)
	if err != nil || len(list) == 0 {
		p.imageFail(w, r, fmt.Errorf("web: artist card %s: %w", a.Hex(), store.ErrNotFound))
		return
	}
	p.card(w, r, list[0].ContentHash, cards.Text{Title: artistName(list[0]), Subtitle: plural(int64(len(list)), "track") + " on Bittunes", Foot: "Latest: " + list[0].Title})
}

// chartImage is a chart's preview card.
func (p *pages) chartImage(origin, key string, per charts.Period, title string) ogImage {
	q := url.Values{"period": {string(per)}}
	if key != "" {
		q.Set("chart", key)
	}
	return ogImage{URL: origin + "/cards/chart.jpg?" + q.Encode(), Width: cards.CardWidth, Height: cards.CardHeight, Alt: title}
}

// chartCard serves a chart's preview card (its number one's cover): GET /cards/chart.jpg?chart=&period=.
func (p *pages) chartCard(w http.ResponseWriter, r *http.Request) {
	per, err := period(r)
	if err != nil {
		http.Error(w, "the period must be 7d, 30d or all", http.StatusBadRequest)
		return
	}
	ctx := r.Context()
	g, s, _ := strings.Cut(r.URL.Query().Get("chart"), "/")
	scope, entries, err := p.chartEntries(ctx, g, s, per)
	if err == nil && len(entries) == 0 {
		err = fmt.Errorf("web: chart card %q: %w", scope.Key, store.ErrNotFound)
	}
	if err != nil {
		p.imageFail(w, r, err)
		return
	}
	top := entries[0].Track
	p.card(w, r, top.ContentHash, cards.Text{Title: scope.Name + " top 100", Subtitle: periodNames[per],
		Foot: "No. 1: " + top.Title + " by " + artistName(top)})
}

// chartEntries reads the chart of genre and subgenre slugs.
func (p *pages) chartEntries(ctx context.Context, genre, subgenre string, per charts.Period) (chartScope, []store.ChartTrack, error) {
	genres, err := p.cfg.Catalog.Genres(ctx, p.cfg.ChainID)
	if err != nil {
		return chartScope{}, nil, err
	}
	scope, err := findChart(genres, genre, subgenre)
	if err != nil {
		return chartScope{}, nil, err
	}
	entries, err := p.cfg.Catalog.ChartTracks(ctx, p.cfg.ChainID, scope.Key, per)
	return scope, entries, err
}
