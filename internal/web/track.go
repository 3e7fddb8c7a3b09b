package web

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/cards"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
)

// parseTrackID reads a track id from a path: a positive decimal number.
func parseTrackID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id < 1 {
		return 0, fmt.Errorf("web: track %q: %w", s, store.ErrNotFound)
	}
	return id, nil
}

// parseAddress reads an account address (0x and 40 hex digits).
func parseAddress(s string) (common.Address, error) {
	if !common.IsHexAddress(s) || !strings.HasPrefix(s, "0x") {
		return common.Address{}, fmt.Errorf("web: address %q: %w", s, store.ErrNotFound)
	}
	return common.HexToAddress(s), nil
}

// referrer is who passed a link on, as a preview names them.
type referrer struct {
	Address common.Address
	Name    string
}

// referrerOf reads ?ref= of a track link: an owner of the track (the only accounts the contract
// credits), named by their profile name, else their artist name, if they have one. Anything else is no referrer.
func (p *pages) referrerOf(ctx context.Context, r *http.Request, trackID int64) (*referrer, error) {
	raw := r.URL.Query().Get("ref")
	if !common.IsHexAddress(raw) {
		return nil, nil
	}
	a := common.HexToAddress(raw)
	owns, err := p.cfg.Catalog.Owns(ctx, p.cfg.ChainID, trackID, a)
	if err != nil || !owns {
		return nil, err
	}
	ref := &referrer{Address: a, Name: shortAddress(a)}
	if p.cfg.People != nil { // their profile name first
		if prof, err := p.cfg.People.Profile(ctx, p.cfg.ChainID, a); err == nil {
			ref.Name = prof.Name
			return ref, nil
		}
	}
	if ts, err := p.cfg.Catalog.ArtistTracks(ctx, p.cfg.ChainID, a); err == nil && len(ts) > 0 && ts[0].ArtistName != "" {
		ref.Name = ts[0].ArtistName
	}
	return ref, nil
}

// previewPath is a track's preview on this server, or "" when its media folder has none.
func (p *pages) previewPath(t store.Track) (path, mediaType string) {
	path, mediaType, _ = p.preview(t)
	return path, mediaType
}

// preview is a track's preview on this server with its size in bytes, or "" when its media folder has none.
func (p *pages) preview(t store.Track) (path, mediaType string, size int64) {
	if p.cfg.MediaDir == "" {
		return "", "", 0
	}
	media := content.Media{Dir: p.cfg.MediaDir}
	for _, f := range []content.Format{content.MP3, content.Ogg, content.FLAC, content.WAV} {
		if st, err := os.Stat(media.PreviewPath(t.ContentHash, f)); err == nil {
			return "/api/v1/tracks/" + strconv.FormatInt(t.ID, 10) + "/preview", f.MediaType(), st.Size()
		}
	}
	return "", "", 0
}

func trackPath(id int64) string { return "/t/" + strconv.FormatInt(id, 10) }

func (p *pages) track(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := parseTrackID(r.PathValue("id"))
	if err != nil {
		p.fail(w, r, err)
		return
	}
	t, err := p.cfg.Catalog.Track(ctx, p.cfg.ChainID, id)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	ref, err := p.referrerOf(ctx, r, id)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	rels, err := api.TrackReleases(ctx, p.cfg.Catalog, p.cfg.ChainID, t)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	origin := p.origin(r)
	canonical := origin + trackPath(id)
	preview, previewType := p.previewPath(t)
	name := artistName(t)
	title := t.Title + " by " + name
	desc := fmt.Sprintf("%s by %s: %s", t.Title, name, t.Genre)
	if t.Subgenre != "" {
		desc += " / " + t.Subgenre
	}
	desc += fmt.Sprintf(", %s, %s ETH on Bittunes.", duration(t.DurationMS), t.Price.Ether())
	if t.ReferralBps > 0 {
		desc += fmt.Sprintf(" Owners earn %s of every sale they bring.", pct(t.ReferralBps))
	}
	if t.Description != "" {
		desc += " " + t.Description
	}
	m := meta{Description: clip(desc, 300), Canonical: canonical, URL: canonical, Type: "music.song",
		Image:  ogImage{URL: origin + "/cards/t/" + strconv.FormatInt(id, 10) + ".jpg", Width: cards.CardWidth, Height: cards.CardHeight, Alt: "Cover of " + t.Title + " by " + name},
		OEmbed: p.oembedLink(origin, canonical),
		Properties: []property{{"music:musician", origin + "/a/" + t.Artist.Hex()}, {"music:duration", strconv.FormatInt((t.DurationMS+500)/1000, 10)},
			{"music:release_date", t.RegisteredAt.UTC().Format("2006-01-02")}, {"og:price:amount", t.Price.Ether()}, {"og:price:currency", "ETH"}}}
	for _, x := range rels { // Open Graph's music.song: the albums it is on, with its track number
		m.Properties = append(m.Properties, property{"music:album", origin + releasePath(x.Release.ID)},
			property{"music:album:track", strconv.Itoa(x.Position)})
	}
	if ref != nil {
		m.URL = canonical + "?ref=" + strings.ToLower(ref.Address.Hex())
		m.Description = clip(fmt.Sprintf("Shared by %s, who earns a share if you buy. %s", ref.Name, desc), 300)
		m.Image.URL += "?ref=" + strings.ToLower(ref.Address.Hex())
		m.OEmbed = p.oembedLink(origin, m.URL)
	}
	if preview != "" {
		m.Audio, m.AudioType = origin+preview, previewType
	}
	m.JSONLD = jsonLD(recordingLD(origin, t, preview, rels))
	// The first few, so that Buy stays above the fold on a phone; the artist's page lists them all.
	views := make([]trackReleaseView, min(len(rels), trackPageReleases))
	for i := range views {
		views[i] = trackReleaseView{rels[i], releaseKindWord(rels[i].Kind)}
	}
	p.render(w, r, frame{Page: "track", Title: title, Meta: m, Params: map[string]string{"id": r.PathValue("id")},
		Data: struct {
			T             store.Track
			Ref           *referrer
			Preview       string
			ReferralEther string
			Releases      []trackReleaseView
			MoreReleases  int
		}{t, ref, preview, referralShare(t.Price, t.ReferralBps), views, len(rels) - len(views)}}, http.StatusOK)
}

// trackPageReleases is how many of its releases a track page names above its Buy button.
const trackPageReleases = 3

// trackReleaseView is a release a track page links to ("On Low Tide · EP, track 2 of 3").
type trackReleaseView struct {
	api.TrackRelease
	KindWord string
}

// releaseKindWord names a release's kind within a sentence: "album", "EP", "single", else "release".
func releaseKindWord(kind string) string {
	switch name := kindNames[kind]; name {
	case "":
		return "release"
	case "EP":
		return name
	default:
		return strings.ToLower(name)
	}
}
