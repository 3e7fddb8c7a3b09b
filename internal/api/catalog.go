package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/store"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

type chartEntryJSON struct {
	Rank         int              `json:"rank"`
	PreviousRank *int             `json:"previousRank"`
	Movement     string           `json:"movement"`
	Sales        int64            `json:"sales"`
	Revenue      amountJSON       `json:"revenue"`
	Track        trackSummaryJSON `json:"track"`
}

// trackSummaryJSON is a track as a chart lists it: what a row of the chart shows and links to,
// without the description and registration details of the track page (a chart of a hundred
// tracks is read thousands of times a second).
type trackSummaryJSON struct {
	ID          int64      `json:"id"`
	Title       string     `json:"title"`
	Artist      artistJSON `json:"artist"`
	Genre       nameJSON   `json:"genre"`
	Subgenre    nameJSON   `json:"subgenre"`
	DurationMS  int64      `json:"durationMs"`
	Price       amountJSON `json:"price"`
	ReferralBps int        `json:"referralBps"`
	Listed      bool       `json:"listed"`
	Owners      int64      `json:"owners"`
	ContentHash string     `json:"contentHash"`
	Page        string     `json:"page"`
}

func trackSummary(t store.Track) trackSummaryJSON {
	return trackSummaryJSON{ID: t.ID, Title: t.Title, Artist: artistJSON{t.Artist.Hex(), t.ArtistName},
		Genre: nameJSON{charts.Slug(t.Genre), t.Genre}, Subgenre: nameJSON{charts.Slug(t.Subgenre), t.Subgenre},
		DurationMS: t.DurationMS, Price: amount(t.Price), ReferralBps: t.ReferralBps, Listed: t.Listed, Owners: t.Sales,
		ContentHash: t.ContentHash.Hex(), Page: "/t/" + itoa(t.ID)}
}

type chartJSON struct {
	Chart   string           `json:"chart"`
	Period  charts.Period    `json:"period"`
	Entries []chartEntryJSON `json:"entries"`
}

type chartParams struct {
	Period   charts.Period `path:"period" parse:"period"`
	Genre    string        `query:"genre" parse:"slug"`
	Subgenre string        `query:"subgenre" parse:"slug"`
}

func (p *chartParams) check() error {
	if p.Subgenre != "" && p.Genre == "" {
		return badRequest("a subgenre needs its genre")
	}
	return nil
}

// chart serves a top 100: GET /api/v1/charts/{period}?genre=&subgenre=.
func (h *handlers) chart(c *gin.Context) {
	var p chartParams
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	key := p.Genre
	if p.Subgenre != "" {
		key += "/" + p.Subgenre
	}
	ref := charts.Ref{Chart: key, Period: p.Period}
	body, gz, err := h.charts.get(c.Request.Context(), ref, func(ctx context.Context) ([]byte, error) { return h.renderChart(ctx, ref) })
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Vary", "Accept-Encoding")
	if gz != nil && acceptsGzip(c.GetHeader("Accept-Encoding")) {
		c.Header("Content-Encoding", "gzip")
		body = gz
	}
	c.Header("Content-Length", strconv.Itoa(len(body)))
	c.Data(http.StatusOK, "application/json; charset=utf-8", body)
}

// acceptsGzip reports whether an Accept-Encoding header accepts gzip (and does not refuse it with q=0).
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		q, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q=")
		weight, err := strconv.ParseFloat(q, 64)
		return !ok || err != nil || weight > 0
	}
	return false
}

// renderChart reads a stored chart and its tracks, as the chart endpoint's JSON.
func (h *handlers) renderChart(ctx context.Context, ref charts.Ref) ([]byte, error) {
	entries, err := h.Store.ChartTracks(ctx, h.ChainID, ref.Chart, ref.Period)
	if err != nil {
		return nil, err
	}
	out := chartJSON{Chart: ref.Chart, Period: ref.Period, Entries: make([]chartEntryJSON, 0, len(entries))}
	for _, e := range entries {
		entry := chartEntryJSON{Rank: e.Rank, Movement: e.Movement(), Sales: e.Sales, Revenue: amount(e.Revenue), Track: trackSummary(e.Track)}
		if e.PreviousRank > 0 {
			prev := e.PreviousRank
			entry.PreviousRank = &prev
		}
		out.Entries = append(out.Entries, entry)
	}
	body, err := json.Marshal(out)
	if err != nil {
		return nil, fmt.Errorf("api: chart %q %s: %w", ref.Chart, ref.Period, err)
	}
	return body, nil
}

type genreJSON struct {
	Slug      string      `json:"slug"`
	Name      string      `json:"name"`
	Tracks    int64       `json:"tracks"`
	Subgenres []genreJSON `json:"subgenres,omitempty"`
}

// genres serves the genre tree with track counts: GET /api/v1/genres.
func (h *handlers) genres(c *gin.Context) {
	tree, err := h.Store.Genres(c.Request.Context(), h.ChainID)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := []genreJSON{}
	for _, g := range tree {
		j := genreJSON{Slug: g.Slug, Name: g.Name, Tracks: g.Tracks}
		for _, s := range g.Subgenres {
			j.Subgenres = append(j.Subgenres, genreJSON{Slug: s.Slug, Name: s.Name, Tracks: s.Tracks})
		}
		out = append(out, j)
	}
	c.JSON(http.StatusOK, gin.H{"genres": out})
}

type tracksJSON struct {
	Tracks     []trackJSON `json:"tracks"`
	NextCursor *string     `json:"nextCursor"`
}

// tracks browses the long tail: GET /api/v1/tracks?genre=&subgenre=&q=&sort=newest|bestselling&cursor=&limit=.
func (h *handlers) tracks(c *gin.Context) {
	var p struct {
		Genre    string              `query:"genre" parse:"slug"`
		Subgenre string              `query:"subgenre" parse:"slug"`
		Sort     store.TrackSort     `query:"sort" parse:"sort"`
		Limit    int                 `query:"limit" parse:"limit"`
		After    *store.BrowseCursor `query:"cursor" parse:"browse-cursor"`
		Query    string              `query:"q" parse:"search"`
	}
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	b := store.Browse{Genre: p.Genre, Subgenre: p.Subgenre, Sort: p.Sort, Limit: p.Limit, After: p.After, Query: p.Query}
	list, next, err := h.Store.BrowseTracks(c.Request.Context(), h.ChainID, b)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := tracksJSON{Tracks: []trackJSON{}}
	for _, t := range list {
		out.Tracks = append(out.Tracks, trackView(t))
	}
	if next != nil {
		cur := encodeCursor("t", next.Sales, next.ID)
		out.NextCursor = &cur
	}
	c.JSON(http.StatusOK, out)
}

type trackPageJSON struct {
	trackJSON
	*packageLinksJSON
	Market   marketJSON    `json:"market"`
	Referrer *referrerJSON `json:"referrer,omitempty"`
	// Names are the profile names of the artist, the collaborators and the referrer, by address.
	Names map[string]string `json:"names,omitempty"`
	// ViewerIsArtistSide says the viewer is the track's artist or a collaborator: the contract refuses
	// their purchase of it (and a gift to them).
	ViewerIsArtistSide bool `json:"viewerIsArtistSide,omitempty"`
	// Viewer is what the indexed purchases say of the viewer and this track (with ?viewer=).
	Viewer *trackViewerJSON `json:"viewer,omitempty"`
	// Releases are the albums, EPs and singles the track is part of, oldest first.
	Releases []trackReleaseJSON `json:"releases"`
}

// trackViewerJSON is whether the viewer owns the track, and what passing it on brought them, by the
// indexed purchases: a page that can read the chain asks the contract whether they own it.
type trackViewerJSON struct {
	Owns             bool       `json:"owns"`
	ReferralSales    int64      `json:"referralSales"`
	ReferralEarnings amountJSON `json:"referralEarnings"`
}

type marketJSON struct {
	Address string `json:"address"`
	ChainID uint64 `json:"chainId"`
	TrackID int64  `json:"trackId"`
}

type referrerJSON struct {
	Address  string `json:"address"`
	Eligible bool   `json:"eligible"`
	Reason   string `json:"reason,omitempty"`
}

// track serves a track page's data: GET /api/v1/tracks/{id}?ref=&viewer=. With ref it says whether
// that address would be credited for a purchase by viewer (an owner who is not the viewer), by the
// indexed purchases: for display only, the contract decides (a page passes the link's referrer to
// purchase() whatever this says, and shows quote()'s creditedReferrer).
func (h *handlers) track(c *gin.Context) {
	var p struct {
		ID     int64          `path:"id" parse:"track-id"`
		Ref    common.Address `query:"ref" parse:"optional-address"`
		Viewer common.Address `query:"viewer" parse:"optional-address"`
	}
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	id, ref, viewer := p.ID, p.Ref, p.Viewer
	ctx := c.Request.Context()
	t, err := h.Store.Track(ctx, h.ChainID, id)
	if err != nil {
		h.fail(c, err)
		return
	}
	rels, err := TrackReleases(ctx, h.Store, h.ChainID, t)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := trackPageJSON{trackJSON: trackView(t), Market: marketJSON{h.Market.Hex(), h.ChainID, t.ID},
		packageLinksJSON: h.downloads.packageLinks(ctx, t), Releases: trackReleasesView(rels)}
	if ref != (common.Address{}) {
		r := referrerJSON{Address: ref.Hex()}
		owns, err := h.Store.Owns(ctx, h.ChainID, id, ref)
		switch {
		case err != nil:
			h.fail(c, err)
			return
		case !owns:
			r.Reason = "the referrer does not own this track"
		case ref == viewer:
			r.Reason = "a buyer cannot refer themselves"
		default:
			r.Eligible = true
		}
		out.Referrer = &r
	}
	who := []common.Address{t.Artist, ref}
	for _, col := range t.Collaborators {
		who = append(who, col.Account)
	}
	out.Names = h.profileNames(c, who)
	if viewer != (common.Address{}) {
		out.ViewerIsArtistSide = viewer == t.Artist
		for _, co := range t.Collaborators {
			out.ViewerIsArtistSide = out.ViewerIsArtistSide || co.Account == viewer
		}
		if out.Viewer, err = h.trackViewer(ctx, t.ID, viewer); err != nil {
			h.fail(c, err)
			return
		}
	}
	c.JSON(http.StatusOK, out)
}

// trackViewer reads whether viewer owns the track and its referral credits to them: one indexed
// lookup and one sum over the viewer's referral credits of this track.
func (h *handlers) trackViewer(ctx context.Context, trackID int64, viewer common.Address) (*trackViewerJSON, error) {
	owns, err := h.Store.Owns(ctx, h.ChainID, trackID, viewer)
	if err != nil {
		return nil, err
	}
	credits, err := h.Store.CreditsByTrack(ctx, h.ChainID, viewer, store.RoleReferrer, trackID)
	if err != nil {
		return nil, err
	}
	mine := credits[trackID]
	return &trackViewerJSON{Owns: owns, ReferralSales: mine.Sales, ReferralEarnings: amount(mine.Amount)}, nil
}

type artistPageJSON struct {
	Address string            `json:"address"`
	Name    string            `json:"name,omitempty"`
	Tracks  []artistTrackJSON `json:"tracks"`
}

type artistTrackJSON struct {
	trackJSON
	Ranks []rankJSON `json:"ranks"`
}

type rankJSON struct {
	Chart    string        `json:"chart"`
	Period   charts.Period `json:"period"`
	Rank     int           `json:"rank"`
	Movement string        `json:"movement"`
}

// artist serves an artist's public page: GET /api/v1/artists/{address}.
func (h *handlers) artist(c *gin.Context) {
	var p struct {
		Artist common.Address `path:"address" parse:"address" label:"the artist"`
	}
	if err := parseParams(c, &p); err != nil {
		h.fail(c, err)
		return
	}
	artist := p.Artist
	ctx := c.Request.Context()
	list, err := h.Store.ArtistTracks(ctx, h.ChainID, artist)
	if err != nil {
		h.fail(c, err)
		return
	}
	ids := make([]int64, len(list))
	for i, t := range list {
		ids[i] = t.ID
	}
	ranks, err := h.Store.Ranks(ctx, h.ChainID, ids)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := artistPageJSON{Address: artist.Hex(), Tracks: []artistTrackJSON{}}
	for _, t := range list {
		out.Name = t.ArtistName
		at := artistTrackJSON{trackJSON: trackView(t), Ranks: []rankJSON{}}
		for _, r := range ranks[t.ID] {
			at.Ranks = append(at.Ranks, rankJSON{Chart: r.Chart, Period: r.Period, Rank: r.Rank, Movement: r.Movement()})
		}
		out.Tracks = append(out.Tracks, at)
	}
	c.JSON(http.StatusOK, out)
}
