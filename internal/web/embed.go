package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// The embeddable player: a small page for an <iframe> on any site (its own frame-ancestors
// policy allows every origin; no other page may be framed). It plays the previews with the
// browser's own audio controls, so it needs no script, and its Buy links open the track page
// with the embedder's referral (?ref=) carried through.

// embedTrackView is one track in an embed.
type embedTrackView struct {
	T       store.Track
	Rank    int
	Page    string // the track page, with the embedder's referral
	Preview string
}

type embedView struct {
	Title, Heading, Home string
	Thumb                int
	Tracks               []embedTrackView
	Release              *embedReleaseView // a release's embed: its cover, price and one Buy for the whole
	Asset                func(string) string
}

// embedReleaseView is the head of a release's embed.
type embedReleaseView struct {
	Page, Kind, Cover, Artist string
	Price                     wei.Amount
}

// Embed sizes: what oEmbed says and the iframe HTML uses.
const (
	embedWidth       = 480
	embedTrackHeight = 152
	embedListHeight  = 400
)

// embedRef reads the embedder's referral: ?ref= an address, kept only if well-formed. Whether
// it is credited is the track page's question (it must own the track).
func embedRef(r *http.Request) string {
	if ref := r.URL.Query().Get("ref"); common.IsHexAddress(ref) && strings.HasPrefix(ref, "0x") {
		return strings.ToLower(ref)
	}
	return ""
}

func withRef(path, ref string) string {
	if ref == "" {
		return path
	}
	return path + "?ref=" + ref
}

func (p *pages) embedRows(origin, ref string, list []store.Track, ranks []int) []embedTrackView {
	out := make([]embedTrackView, len(list))
	for i, t := range list {
		preview, _ := p.previewPath(t)
		out[i] = embedTrackView{T: t, Page: origin + withRef(trackPath(t.ID), ref), Preview: preview}
		if ranks != nil {
			out[i].Rank = ranks[i]
		}
	}
	return out
}

func (p *pages) renderEmbed(w http.ResponseWriter, r *http.Request, v embedView, err error) {
	if err != nil {
		status := http.StatusInternalServerError
		if errorsIsNotFound(err) {
			status = http.StatusNotFound
		} else {
			p.cfg.Logger.Error("web: embed", "path", r.URL.Path, "err", err)
		}
		w.Header().Set("Content-Security-Policy", "default-src 'none'; frame-ancestors *")
		http.Error(w, http.StatusText(status), status)
		return
	}
	v.Asset = p.asset
	var b strings.Builder
	if err := p.embed.ExecuteTemplate(&b, "embed.html", v); err != nil {
		p.cfg.Logger.Error("web: render embed", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=60")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; media-src 'self'; "+
		"frame-ancestors *; base-uri 'none'; form-action 'none'")
	_, _ = w.Write([]byte(b.String()))
}

// embedTrack serves /embed/t/{id}[?ref=].
func (p *pages) embedTrack(w http.ResponseWriter, r *http.Request) {
	id, err := parseTrackID(r.PathValue("id"))
	var t store.Track
	if err == nil {
		t, err = p.cfg.Catalog.Track(r.Context(), p.cfg.ChainID, id)
	}
	origin, ref := p.origin(r), embedRef(r)
	p.renderEmbed(w, r, embedView{Title: t.Title, Heading: t.Title, Home: origin + withRef(trackPath(id), ref), Thumb: 120,
		Tracks: p.embedRows(origin, ref, []store.Track{t}, nil)}, err)
}

// embedArtist serves /embed/a/{address}[?ref=]: the artist's tracks.
func (p *pages) embedArtist(w http.ResponseWriter, r *http.Request) {
	a, err := parseAddress(r.PathValue("address"))
	var list []store.Track
	if err == nil {
		list, err = p.cfg.Catalog.ArtistTracks(r.Context(), p.cfg.ChainID, a)
	}
	if err == nil && len(list) == 0 {
		err = fmt.Errorf("web: embed artist %s: %w", a.Hex(), store.ErrNotFound)
	}
	origin, ref := p.origin(r), embedRef(r)
	name := ""
	if len(list) > 0 {
		name = artistName(list[0])
	}
	p.renderEmbed(w, r, embedView{Title: name, Heading: name, Home: origin + "/a/" + a.Hex(), Thumb: 120,
		Tracks: p.embedRows(origin, ref, list, nil)}, err)
}

// embedChart serves /embed/charts[/{genre}[/{subgenre}]][?period=&ref=]: the top ten.
func (p *pages) embedChart(w http.ResponseWriter, r *http.Request) {
	per, err := period(r)
	if err != nil {
		http.Error(w, "the period must be 7d, 30d or all", http.StatusBadRequest)
		return
	}
	scope, entries, err := p.chartEntries(r.Context(), r.PathValue("genre"), r.PathValue("subgenre"), per)
	entries = entries[:min(len(entries), 10)]
	list, ranks := make([]store.Track, len(entries)), make([]int, len(entries))
	for i, e := range entries {
		list[i], ranks[i] = e.Track, e.Rank
	}
	origin, ref := p.origin(r), embedRef(r)
	title := scope.Name + " top 100 · " + periodNames[per]
	p.renderEmbed(w, r, embedView{Title: title, Heading: title, Home: origin + chartPath(scope.Key) + "?period=" + string(per), Thumb: 120,
		Tracks: p.embedRows(origin, ref, list, ranks)}, err)
}

// embedRelease serves /embed/releases/{id}[?ref=]: a release's tracks in order; Buy opens the
// release page (its Buy buys the whole release) with the embedder's referral.
func (p *pages) embedRelease(w http.ResponseWriter, r *http.Request) {
	id, err := parseTrackID(r.PathValue("id"))
	var d releaseData
	if err == nil {
		d, err = p.loadRelease(r.Context(), id)
	}
	origin, ref := p.origin(r), embedRef(r)
	v := embedView{Title: d.Title, Heading: d.Title, Home: origin + withRef(releasePath(id), ref), Thumb: 120}
	if err == nil {
		list := make([]store.Track, len(d.Tracks))
		for i, t := range d.Tracks {
			list[i] = t.T
		}
		v.Tracks = p.embedRows(origin, ref, list, nil)
		v.Release = &embedReleaseView{Page: v.Home, Price: d.Effective, Kind: d.KindWord, Cover: d.Cover, Artist: artistName(d.Tracks[0].T)}
	}
	p.renderEmbed(w, r, v, err)
}
