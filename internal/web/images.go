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
	"github.com/ethereum/go-ethereum/crypto"

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

// picture is the image a card is drawn around: key names it for the cache (it changes when the
// image does), draw makes its pixels.
type picture struct {
	key  string
	draw func() image.Image
}

// trackCover is a track's cover as a card's picture: the uploaded one, else the drawn art.
func (p *pages) trackCover(h common.Hash) picture {
	data, source := p.coverSource(h)
	return picture{source, func() image.Image { return p.coverImage(h, data) }}
}

// uploadedPicture is an image kept in the database (a release's cover, an account's avatar) as a
// card's picture, falling back to fallback when it does not decode.
func uploadedPicture(key string, data []byte, fallback picture) picture {
	return picture{key, func() image.Image {
		if img, err := cards.Decode(data); err == nil {
			return img
		}
		return fallback.draw()
	}}
}

// card serves a 1200×630 preview card, drawn once per picture and text.
func (p *pages) card(w http.ResponseWriter, r *http.Request, pic picture, text cards.Text) {
	b, err := p.cards.JPEG(r.Context(), cards.Key("card", pic.key, text.Title, text.Subtitle, text.Foot), func() (image.Image, error) {
		return cards.Card(pic.draw(), text), nil
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
	p.card(w, r, p.trackCover(t.ContentHash), cards.Text{Title: t.Title, Subtitle: artistName(t), Foot: foot})
}

// artistCard serves an account's preview card: GET /cards/a/{address}.jpg. An artist's shows their
// latest track's cover; a fan's their avatar, else art drawn from their address. Its name is the
// one the account's page shows (the profile's first).
func (p *pages) artistCard(w http.ResponseWriter, r *http.Request) {
	raw, ok := strings.CutSuffix(r.PathValue("file"), ".jpg")
	a, err := parseAddress(raw)
	if !ok || err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	ctx := r.Context()
	list, err := p.cfg.Catalog.ArtistTracks(ctx, p.cfg.ChainID, a)
	if err != nil {
		p.imageFail(w, r, err)
		return
	}
	who, err := p.person(ctx, a)
	if err != nil {
		p.imageFail(w, r, err)
		return
	}
	if len(list) == 0 && who.empty() {
		p.imageFail(w, r, fmt.Errorf("web: card of account %s: %w", a.Hex(), store.ErrNotFound))
		return
	}
	name := accountName(a, list, who)
	if len(list) > 0 {
		p.card(w, r, p.trackCover(list[0].ContentHash), cards.Text{Title: name, Subtitle: plural(int64(len(list)), "track") + " on Bittunes",
			Foot: "Latest: " + list[0].Title})
		return
	}
	drawn := common.BytesToHash(crypto.Keccak256(a.Bytes()))
	pic := picture{"account-art:" + a.Hex(), func() image.Image { return cards.Art(drawn, 600) }}
	if who.Profile != nil && who.Profile.HasAvatar {
		data, at, err := p.cfg.People.ProfileAvatar(ctx, p.cfg.ChainID, a)
		switch {
		case err == nil:
			pic = uploadedPicture("avatar:"+a.Hex()+":"+strconv.FormatInt(at.UnixNano(), 10), data, pic)
		case !errorsIsNotFound(err):
			p.imageFail(w, r, err)
			return
		}
	}
	p.card(w, r, pic, cards.Text{Title: name, Subtitle: "Collects and passes on music on Bittunes",
		Foot: plural(who.Activity.Owned, "track") + " collected · " + plural(who.Activity.Brought, "sale") + " passed on"})
}

// releaseCard serves a release's preview card: GET /cards/releases/{id}.jpg[?ref=owner], its own
// cover (else its first track's) with its title, artist, kind and price, or who shared it.
func (p *pages) releaseCard(w http.ResponseWriter, r *http.Request) {
	raw, ok := strings.CutSuffix(r.PathValue("file"), ".jpg")
	id, err := parseTrackID(raw)
	if !ok || err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	ctx := r.Context()
	d, err := p.loadRelease(ctx, id)
	if err == nil {
		d.Ref, err = p.releaseReferrer(ctx, r, d)
	}
	if err != nil {
		p.imageFail(w, r, err)
		return
	}
	pic := p.trackCover(d.Tracks[0].T.ContentHash)
	if m := d.R.Metadata; m != nil && m.HasCover {
		data, at, err := p.cfg.Catalog.ReleaseCover(ctx, m.ID)
		switch {
		case err == nil:
			pic = uploadedPicture("release-cover:"+m.ID+":"+strconv.FormatInt(at.UnixNano(), 10), data, pic)
		case !errorsIsNotFound(err):
			p.imageFail(w, r, err)
			return
		}
	}
	foot := d.Kind + " · " + plural(int64(len(d.Tracks)), "track") + " · " + d.Effective.Ether() + " ETH"
	if d.Ref != nil {
		foot = "Shared by " + d.Ref.Name + " · " + d.Effective.Ether() + " ETH"
	}
	p.card(w, r, pic, cards.Text{Title: d.Title, Subtitle: artistName(d.Tracks[0].T), Foot: foot})
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
	p.card(w, r, p.trackCover(top.ContentHash), cards.Text{Title: scope.Name + " top 100", Subtitle: periodNames[per],
		Foot: "No. 1: " + top.Title + " by " + artistName(top)})
}

// browseImage is the preview card of the tracks of a genre or sub-genre (key "": all of them).
func (p *pages) browseImage(origin, key, title string) ogImage {
	u := origin + "/cards/browse.jpg"
	if key != "" {
		u += "?" + url.Values{"chart": {key}}.Encode()
	}
	return ogImage{URL: u, Width: cards.CardWidth, Height: cards.CardHeight, Alt: title + " on Bittunes"}
}

// browseCard serves the card of a genre's or sub-genre's tracks, or all of them (its newest
// track's cover): GET /cards/browse.jpg[?chart=genre[/subgenre]].
func (p *pages) browseCard(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	genres, err := p.cfg.Catalog.Genres(ctx, p.cfg.ChainID)
	if err != nil {
		p.imageFail(w, r, err)
		return
	}
	g, s, _ := strings.Cut(r.URL.Query().Get("chart"), "/")
	scope, err := findChart(genres, g, s)
	if err != nil {
		p.imageFail(w, r, err)
		return
	}
	list, _, err := p.cfg.Catalog.BrowseTracks(ctx, p.cfg.ChainID, store.Browse{Genre: g, Subgenre: s, Sort: store.Newest, Limit: 1})
	if err == nil && len(list) == 0 {
		err = fmt.Errorf("web: browse card %q: %w", scope.Key, store.ErrNotFound)
	}
	if err != nil {
		p.imageFail(w, r, err)
		return
	}
	var n int64
	switch {
	case scope.Subgenre != nil:
		n = scope.Subgenre.Tracks
	case scope.Genre != nil:
		n = scope.Genre.Tracks
	default:
		for _, x := range genres {
			n += x.Tracks
		}
	}
	title := "All tracks"
	if scope.Key != "" {
		title = scope.Name
	}
	newest := list[0]
	p.card(w, r, p.trackCover(newest.ContentHash), cards.Text{Title: title, Subtitle: plural(n, "track") + " on Bittunes",
		Foot: "Newest: " + newest.Title + " by " + artistName(newest)})
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
