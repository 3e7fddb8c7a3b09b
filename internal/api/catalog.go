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

// chart serves a top 100: GET /api/v1/charts/{period}?genre=&subgenre=.
func (h *handlers) chart(c *gin.Context) {
	period, err := parsePeriod(c.Param("period"))
	if err != nil {
		h.fail(c, err)
		return
	}
	genre, err := parseSlug("genre", c.Query("genre"))
	if err != nil {
		h.fail(c, err)
		return
	}
	sub, err := parseSlug("subgenre", c.Query("subgenre"))
	if err != nil {
		h.fail(c, err)
		return
	}
	if sub != "" && genre == "" {
		h.fail(c, badRequest("a subgenre needs its genre"))
		return
	}
	key := genre
	if sub != "" {
		key += "/" + sub
	}
	ref := charts.Ref{Chart: key, Period: period}
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
	var b store.Browse
	var err error
	if b.Genre, err = parseSlug("genre", c.Query("genre")); err != nil {
		h.fail(c, err)
		return
	}
	if b.Subgenre, err = parseSlug("subgenre", c.Query("subgenre")); err != nil {
		h.fail(c, err)
		return
	}
	if b.Sort, err = parseSort(c.Query("sort")); err != nil {
		h.fail(c, err)
		return
	}
	if b.Limit, err = parseLimit(c.Query("limit")); err != nil {
		h.fail(c, err)
		return
	}
	if b.After, err = browseCursor(c.Query("cursor")); err != nil {
		h.fail(c, err)
		return
	}
	if b.Query = c.Query("q"); len(b.Query) > 200 {
		h.fail(c, badRequest("the search is longer than 200 characters"))
		return
	}
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
// that address would be credited for a purchase by viewer (an owner who is not the viewer).
func (h *handlers) track(c *gin.Context) {
	id, err := parseTrackID(c.Param("id"))
	if err != nil {
		h.fail(c, err)
		return
	}
	ref, err := parseOptionalAddress("ref", c.Query("ref"))
	if err != nil {
		h.fail(c, err)
		return
	}
	viewer, err := parseOptionalAddress("viewer", c.Query("viewer"))
	if err != nil {
		h.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	t, err := h.Store.Track(ctx, h.ChainID, id)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := trackPageJSON{trackJSON: trackView(t), Market: marketJSON{h.Market.Hex(), h.ChainID, t.ID},
		packageLinksJSON: h.downloads.packageLinks(ctx, t)}
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
	c.JSON(http.StatusOK, out)
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
	artist, err := parseAddress("the artist", c.Param("address"))
	if err != nil {
		h.fail(c, err)
		return
	}
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
