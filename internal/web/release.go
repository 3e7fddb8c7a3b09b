package web

import (
	"context"
	"fmt"
	"math/big"
	"net/http"
	"strconv"
	"strings"

	"github.com/bittunes/bittunes/internal/cards"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

func releasePath(id int64) string { return "/releases/" + strconv.FormatInt(id, 10) }

// releaseTrack is a release's track in its order, with its part of the release price (what a buyer
// who owns none of the tracks pays for it).
type releaseTrack struct {
	Position int
	T        store.Track
	Part     wei.Amount
}

// releaseData is what a release page shows: the release, its tracks in order with their parts,
// the sum of their prices, what the release costs now and the saving.
type releaseData struct {
	R         store.Release
	Tracks    []releaseTrack
	Sum       wei.Amount
	Effective wei.Amount
	Saving    wei.Amount
	Title     string
	Kind      string // "Album", "EP", "Single" (or "Release" without metadata)
	KindWord  string // the same within a sentence: "album", "EP", "single", "release"
	Cover     string // path of the cover: the release's own, else its first track's
	Ref       *referrer
}

var kindNames = map[string]string{"album": "Album", "ep": "EP", "single": "Single"}

// loadRelease reads a release and its tracks. A release one of whose tracks the market does not
// show (its package was never uploaded here) has no page: ErrNotFound, as the API answers.
func (p *pages) loadRelease(ctx context.Context, id int64) (releaseData, error) {
	r, err := p.cfg.Catalog.Release(ctx, p.cfg.ChainID, id)
	if err != nil {
		return releaseData{}, err
	}
	tracks, err := p.cfg.Catalog.Tracks(ctx, p.cfg.ChainID, r.TrackIDs)
	if err != nil {
		return releaseData{}, err
	}
	return releaseFrom(r, tracks)
}

// releaseFrom is a release with its tracks (from tracks, which holds at least them), their parts
// of the price, what it costs now and the saving.
func releaseFrom(r store.Release, tracks map[int64]store.Track) (d releaseData, err error) {
	d.R = r
	prices := make([]*big.Int, len(r.TrackIDs))
	for i, tid := range r.TrackIDs {
		t, ok := tracks[tid]
		if !ok {
			return d, fmt.Errorf("web: release %d: track %d: %w", r.ID, tid, store.ErrNotFound)
		}
		prices[i] = t.Price.BigInt()
	}
	if len(prices) == 0 {
		return d, fmt.Errorf("web: release %d has no track: %w", r.ID, store.ErrNotFound)
	}
	effective, parts := market.Apportion(r.Price.BigInt(), prices)
	sum := new(big.Int)
	for _, x := range prices {
		sum.Add(sum, x)
	}
	amounts := []*big.Int{sum, effective, new(big.Int).Sub(sum, effective)}
	for i, dst := range []*wei.Amount{&d.Sum, &d.Effective, &d.Saving} {
		if *dst, err = wei.New(amounts[i]); err != nil {
			return d, fmt.Errorf("web: release %d: %w", r.ID, err)
		}
	}
	d.Tracks = make([]releaseTrack, len(r.TrackIDs))
	for i, tid := range r.TrackIDs {
		part, err := wei.New(parts[i])
		if err != nil {
			return d, fmt.Errorf("web: release %d: %w", r.ID, err)
		}
		d.Tracks[i] = releaseTrack{Position: i + 1, T: tracks[tid], Part: part}
	}
	d.Title, d.Kind = "Release "+strconv.FormatInt(r.ID, 10), "Release"
	d.Cover = "/covers/" + d.Tracks[0].T.ContentHash.Hex()
	kind := ""
	if m := r.Metadata; m != nil {
		d.Title, d.Kind, kind = m.Title, kindNames[m.Kind], m.Kind
		if m.HasCover {
			d.Cover = store.ReleaseMetadataPath(m.ID) + "/cover?v=" + strconv.FormatInt(m.UpdatedAt.Unix(), 10)
		}
	}
	d.KindWord = releaseKindWord(kind)
	return d, nil
}

func (p *pages) release(w http.ResponseWriter, r *http.Request) {
	id, err := parseTrackID(r.PathValue("id"))
	if err != nil {
		p.fail(w, r, err)
		return
	}
	ctx := r.Context()
	d, err := p.loadRelease(ctx, id)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	if d.Ref, err = p.releaseReferrer(ctx, r, d); err != nil {
		p.fail(w, r, err)
		return
	}
	origin := p.origin(r)
	canonical := origin + releasePath(id)
	name := artistName(d.Tracks[0].T)
	title := d.Title + " by " + name
	desc := fmt.Sprintf("%s by %s: %s of %s, %s ETH on Bittunes", d.Title, name, d.KindWord, plural(int64(len(d.Tracks)), "track"), d.Effective.Ether())
	if d.Saving.BigInt().Sign() > 0 {
		desc += fmt.Sprintf(" (%s ETH less than its tracks one by one)", d.Saving.Ether())
	}
	desc += "."
	if m := d.R.Metadata; m != nil && m.Description != "" {
		desc += " " + m.Description
	}
	image := origin + "/cards/releases/" + strconv.FormatInt(id, 10) + ".jpg"
	feed := "/feeds/a/" + d.R.Artist.Hex() + "/releases"
	m := meta{Description: clip(desc, 300), Canonical: canonical, URL: canonical, Type: "music.album",
		Feeds:  []feedLink{{origin + feed, name + "'s releases on Bittunes", false}},
		Image:  ogImage{URL: image, Width: cards.CardWidth, Height: cards.CardHeight, Alt: "Cover of " + d.Title + " by " + name},
		OEmbed: p.oembedLink(origin, canonical),
		Properties: []property{{"music:musician", origin + "/a/" + d.R.Artist.Hex()}, {"music:release_date", releaseDate(d.R)},
			{"og:price:amount", d.Effective.Ether()}, {"og:price:currency", "ETH"}}}
	for _, t := range d.Tracks {
		m.Properties = append(m.Properties, property{"music:song", origin + trackPath(t.T.ID)})
	}
	if d.Ref != nil {
		m.URL = canonical + "?ref=" + strings.ToLower(d.Ref.Address.Hex())
		m.Description = clip(fmt.Sprintf("Shared by %s, who earns a share if you buy. %s", d.Ref.Name, desc), 300)
		m.Image.URL += "?ref=" + strings.ToLower(d.Ref.Address.Hex())
		m.OEmbed = p.oembedLink(origin, m.URL)
	}
	m.JSONLD = jsonLD(albumLD(origin, d))
	p.render(w, r, frame{Page: "release", Title: title, Meta: m, Params: map[string]string{"id": r.PathValue("id")}, Data: d}, http.StatusOK)
}

// releaseReferrer reads ?ref= of a release link: an owner of one of the release's tracks (the
// contract credits them on the tracks they own), else no referrer.
func (p *pages) releaseReferrer(ctx context.Context, r *http.Request, d releaseData) (*referrer, error) {
	for _, t := range d.Tracks {
		ref, err := p.referrerOf(ctx, r, t.T.ID)
		if err != nil || ref != nil {
			return ref, err
		}
	}
	return nil, nil
}

// releaseDate is the date the artist gave the release, else the day it was registered.
func releaseDate(r store.Release) string {
	if r.Metadata != nil && r.Metadata.ReleaseDate != "" {
		return r.Metadata.ReleaseDate
	}
	return r.RegisteredAt.UTC().Format("2006-01-02")
}

// albumLD is a release page's MusicAlbum, with its tracks in order and an Offer at what it costs now.
func albumLD(origin string, d releaseData) map[string]any {
	list := make([]map[string]any, len(d.Tracks))
	for i, t := range d.Tracks {
		list[i] = map[string]any{"@type": "ListItem", "position": t.Position, "item": summaryLD(origin, t.T)}
	}
	availability := "https://schema.org/InStock"
	if !d.R.Listed {
		availability = "https://schema.org/Discontinued"
	}
	types := map[string]string{"Album": "https://schema.org/AlbumRelease", "EP": "https://schema.org/EPRelease", "Single": "https://schema.org/SingleRelease"}
	doc := map[string]any{"@context": "https://schema.org", "@type": "MusicAlbum", "@id": origin + releasePath(d.R.ID), "name": d.Title,
		"url": origin + releasePath(d.R.ID), "byArtist": byArtist(origin, d.Tracks[0].T), "numTracks": len(d.Tracks),
		"image": origin + d.Cover, "datePublished": releaseDate(d.R),
		"track": map[string]any{"@type": "ItemList", "numberOfItems": len(d.Tracks), "itemListElement": list},
		"offers": map[string]any{"@type": "Offer", "price": d.Effective.Ether(), "priceCurrency": "ETH", "availability": availability,
			"url": origin + releasePath(d.R.ID)}}
	if t, ok := types[d.Kind]; ok {
		doc["albumReleaseType"] = t
	}
	if m := d.R.Metadata; m != nil && m.Description != "" {
		doc["description"] = m.Description
	}
	return doc
}
