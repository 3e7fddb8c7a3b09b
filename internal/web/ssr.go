package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/store"
)

// row is a track in a list, with its chart entry when the list is a chart.
type row struct {
	T     store.Track
	Entry *charts.Entry
}

func rows(ts []store.Track) []row {
	out := make([]row, len(ts))
	for i, t := range ts {
		out[i] = row{T: t}
	}
	return out
}

func chartRows(es []store.ChartTrack) []row {
	out := make([]row, len(es))
	for i := range es {
		out[i] = row{T: es[i].Track, Entry: &es[i].Entry}
	}
	return out
}

// homeData is what the home page shows: the newest tracks, the week's top 100, the genre tree.
type homeData struct {
	fresh  []store.Track
	top    []store.ChartTrack
	genres []store.Genre
}

func (p *pages) loadHome(ctx context.Context) (d homeData, err error) {
	if d.fresh, _, err = p.cfg.Catalog.BrowseTracks(ctx, p.cfg.ChainID, store.Browse{Sort: store.Newest, Limit: 12}); err != nil {
		return d, err
	}
	if d.top, err = p.cfg.Catalog.ChartTracks(ctx, p.cfg.ChainID, "", charts.Week); err != nil {
		return d, err
	}
	d.genres, err = p.cfg.Catalog.Genres(ctx, p.cfg.ChainID)
	return d, err
}

func (p *pages) home(w http.ResponseWriter, r *http.Request) {
	d, err := p.loadHome(r.Context())
	if err != nil {
		p.fail(w, r, err)
		return
	}
	fresh, top, genres := d.fresh, d.top, d.genres
	origin := p.origin(r)
	m := meta{Description: "Independent music sold by its artists. Buy a track, own it, and earn a share of every sale your link brings.",
		Canonical: origin + "/", URL: origin + "/", Type: "website",
		Feeds: []feedLink{{origin + "/feeds/new", "New tracks on Bittunes", false}, {origin + "/feeds/releases", "New albums, EPs and singles on Bittunes", false},
			{origin + "/feeds/charts/7d", "Top 100 this week on Bittunes", false}}}
	switch { // the week's chart, else (a market with no sale yet) its newest tracks
	case len(top) > 0:
		m.Image = p.chartImage(origin, "", charts.Week, "Top 100 this week")
	case len(fresh) > 0:
		m.Image = p.browseImage(origin, "", "New tracks")
	}
	m.JSONLD = jsonLD(map[string]any{"@context": "https://schema.org", "@type": "WebSite", "name": "Bittunes", "url": origin + "/",
		"potentialAction": map[string]any{"@type": "SearchAction", "target": origin + "/browse?q={query}", "query-input": "required name=query"}})
	p.render(w, r, frame{Page: "home", Title: "Independent music, passed on by fans", Meta: m,
		Data: struct {
			Fresh  []store.Track
			Chart  []row
			Genres []store.Genre
		}{fresh, chartRows(top), genres}}, http.StatusOK)
}

// chartScope is a chart named by URL path values: overall, a genre or a genre's sub-genre.
type chartScope struct {
	Key      string // "", "electronic", "electronic/house"
	Name     string // "Overall", "Electronic", "Electronic / House"
	Genre    *store.Genre
	Subgenre *store.Genre
}

// findChart finds the chart of genre and subgenre slugs in the genre tree; a genre or sub-genre
// with no listed track is ErrNotFound.
func findChart(genres []store.Genre, genre, subgenre string) (chartScope, error) {
	if genre == "" {
		return chartScope{Name: "Overall"}, nil
	}
	for i := range genres {
		g := &genres[i]
		if g.Slug != genre {
			continue
		}
		if subgenre == "" {
			return chartScope{Key: g.Slug, Name: g.Name, Genre: g}, nil
		}
		for j := range g.Subgenres {
			if s := &g.Subgenres[j]; s.Slug == subgenre {
				return chartScope{Key: g.Slug + "/" + s.Slug, Name: g.Name + " / " + s.Name, Genre: g, Subgenre: s}, nil
			}
		}
	}
	return chartScope{}, fmt.Errorf("web: chart %s/%s: %w", genre, subgenre, store.ErrNotFound)
}

var periods = []charts.Period{charts.Week, charts.Month, charts.AllTime}

var periodNames = map[charts.Period]string{charts.Week: "This week", charts.Month: "Last 30 days", charts.AllTime: "All time"}

// period reads ?period=, 7d when absent; another value is a bad request.
func period(r *http.Request) (charts.Period, error) {
	switch v := charts.Period(r.URL.Query().Get("period")); v {
	case "":
		return charts.Week, nil
	case charts.Week, charts.Month, charts.AllTime:
		return v, nil
	}
	return "", badLink("The period must be 7d, 30d or all")
}

type periodTab struct {
	Name, URL string
	Current   bool
}

func chartPath(key string) string {
	if key == "" {
		return "/charts"
	}
	return "/charts/" + key
}

// chartData is what a chart page shows: the genre tree, the chart it names, and its entries.
type chartData struct {
	genres  []store.Genre
	scope   chartScope
	entries []store.ChartTrack
}

func (p *pages) loadChart(ctx context.Context, genre, subgenre string, per charts.Period) (d chartData, err error) {
	if d.genres, err = p.cfg.Catalog.Genres(ctx, p.cfg.ChainID); err != nil {
		return d, err
	}
	if d.scope, err = findChart(d.genres, genre, subgenre); err != nil {
		return d, err
	}
	d.entries, err = p.cfg.Catalog.ChartTracks(ctx, p.cfg.ChainID, d.scope.Key, per)
	return d, err
}

func (p *pages) chart(w http.ResponseWriter, r *http.Request) {
	per, err := period(r)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	d, err := p.loadChart(r.Context(), r.PathValue("genre"), r.PathValue("subgenre"), per)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	genres, scope, entries := d.genres, d.scope, d.entries
	base := chartPath(scope.Key)
	tabs := make([]periodTab, len(periods))
	for i, x := range periods {
		tabs[i] = periodTab{periodNames[x], base + "?period=" + string(x), x == per}
	}
	browse := func(sort string) string {
		q := url.Values{"sort": {sort}}
		if scope.Genre != nil {
			q.Set("genre", scope.Genre.Slug)
		}
		if scope.Subgenre != nil {
			q.Set("subgenre", scope.Subgenre.Slug)
		}
		return "/browse?" + q.Encode()
	}
	origin := p.origin(r)
	title := scope.Name + " top 100"
	if per != charts.Week {
		title += ", " + strings.ToLower(periodNames[per])
	}
	canonical := origin + base
	if per != charts.Week {
		canonical += "?period=" + string(per)
	}
	feed := "/feeds/charts/" + string(per) + strings.TrimPrefix(base, "/charts")
	desc := fmt.Sprintf("The %s chart on Bittunes (%s): %d tracks ranked by independent sales.", scope.Name, strings.ToLower(periodNames[per]), len(entries))
	if len(entries) > 0 {
		desc += fmt.Sprintf(" Number one: %s by %s.", entries[0].Track.Title, artistName(entries[0].Track))
	}
	m := meta{Description: desc, Canonical: canonical, URL: canonical, Type: "website", Feeds: []feedLink{{origin + feed, title + " on Bittunes", false}},
		OEmbed: p.oembedLink(origin, canonical), JSONLD: jsonLD(chartLD(origin, title, canonical, entries))}
	newFeed := ""
	if scope.Key != "" { // a genre's or sub-genre's new tracks, which its chart does not show until they sell
		newFeed = newTracksFeed(scope.Key)
		m.Feeds = append(m.Feeds, feedLink{origin + newFeed, "New " + scope.Name + " tracks on Bittunes", false})
	}
	if len(entries) > 0 {
		m.Image = p.chartImage(origin, scope.Key, per, title)
	}
	p.render(w, r, frame{Page: "chart", Title: title, Meta: m,
		Params: map[string]string{"genre": r.PathValue("genre"), "subgenre": r.PathValue("subgenre")},
		Data: struct {
			chartScope
			Period      charts.Period
			PeriodName  string
			Periods     []periodTab
			Genres      []store.Genre
			Entries     []row
			Newest      string
			Bestselling string
			FeedURL     string
			NewFeedURL  string
		}{scope, per, periodNames[per], tabs, genres, chartRows(entries), browse("newest"), browse("bestselling"), feed, newFeed}}, http.StatusOK)
}

// newTracksFeed is the path of the feed of new tracks in a chart's scope ("" for all genres).
func newTracksFeed(key string) string {
	if key == "" {
		return "/feeds/new"
	}
	return "/feeds/new/" + key
}

// browseData is what a browse page shows: the browse it made, its scope, a page of tracks, the
// next page's cursor, the genres.
type browseData struct {
	b      store.Browse
	scope  chartScope
	list   []store.Track
	next   *store.BrowseCursor
	genres []store.Genre
}

// loadBrowse reads a page of b. A genre the market has no track in has no page (ErrNotFound, as
// its chart); a sub-genre that is not one of the genre's (the form sent after the genre was
// changed) or without a genre is left out: every sub-genre of the genre is shown.
func (p *pages) loadBrowse(ctx context.Context, b store.Browse) (d browseData, err error) {
	if d.genres, err = p.cfg.Catalog.Genres(ctx, p.cfg.ChainID); err != nil {
		return d, err
	}
	if d.scope, err = findChart(d.genres, b.Genre, ""); err != nil {
		return d, err
	}
	if sc, err := findChart(d.genres, b.Genre, b.Subgenre); err == nil && b.Genre != "" && b.Subgenre != "" {
		d.scope = sc
	} else {
		b.Subgenre = ""
	}
	d.b = b
	d.list, d.next, err = p.cfg.Catalog.BrowseTracks(ctx, p.cfg.ChainID, b)
	return d, err
}

func (p *pages) browse(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	b := store.Browse{Genre: q.Get("genre"), Subgenre: q.Get("subgenre"), Query: q.Get("q"), Sort: store.Newest, Limit: 20}
	sort := "newest"
	if q.Get("sort") == "bestselling" {
		b.Sort, sort = store.BestSelling, "bestselling"
	}
	if len(b.Query) > 200 || charts.Slug(b.Genre) != b.Genre || charts.Slug(b.Subgenre) != b.Subgenre {
		p.fail(w, r, badLink("The search is longer than 200 characters, or a genre is not one of the market's"))
		return
	}

	var err error
	if b.After, err = api.BrowseCursor(q.Get("cursor")); err != nil {
		p.fail(w, r, badLink("The page cursor is not one this market gave"))
		return
	}
	d, err := p.loadBrowse(r.Context(), b)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	b, list, next, genres := d.b, d.list, d.next, d.genres
	scope, heading, key := "all genres", "All tracks", ""
	if b.Genre != "" {
		scope, heading, key = d.scope.Name, "Browse "+d.scope.Name, d.scope.Key
	}
	var subgenres []store.Genre // the chosen genre's, for the sub-genre filter
	for _, g := range genres {
		if g.Slug == b.Genre {
			subgenres = g.Subgenres
		}
	}
	link := func(cursor string) string {
		v := url.Values{}
		for k, x := range map[string]string{"q": b.Query, "genre": b.Genre, "subgenre": b.Subgenre, "sort": sort, "cursor": cursor} {
			if x != "" {
				v.Set(k, x)
			}
		}
		return "/browse?" + v.Encode()
	}
	data := struct {
		Query, Genre, Subgenre, Sort, Scope, Heading string
		Genres, Subgenres                            []store.Genre
		Tracks                                       []row
		First, Next, FeedURL                         string
	}{Query: b.Query, Genre: b.Genre, Subgenre: b.Subgenre, Sort: sort, Scope: scope, Heading: heading, Genres: genres,
		Subgenres: subgenres, Tracks: rows(list), FeedURL: newTracksFeed(key)}
	if b.After != nil {
		data.First = link("")
	}
	if next != nil {
		data.Next = link(api.EncodeBrowseCursor(*next))
	}
	title := heading
	if b.Query != "" {
		title = "“" + b.Query + "”"
	}
	origin := p.origin(r)
	desc := "Every track on Bittunes, newest or best-selling first."
	if key != "" {
		desc = "Every " + scope + " track on Bittunes, newest or best-selling first."
	}
	m := meta{Description: desc, Canonical: origin + link(""), URL: origin + link(""), Type: "website",
		Feeds:  []feedLink{{origin + newTracksFeed(key), "New tracks on Bittunes", false}},
		JSONLD: jsonLD(listLD(origin, title, origin+link(q.Get("cursor")), list))}
	if key != "" {
		m.Feeds[0].Title = "New " + scope + " tracks on Bittunes"
	}
	if len(list) > 0 {
		m.Image = p.browseImage(origin, key, heading)
	}
	if b.Query != "" || b.After != nil {
		m.NoIndex = true
	}
	p.render(w, r, frame{Page: "browse", Title: title, Meta: m, Data: data}, http.StatusOK)
}

// clip cuts s to at most n bytes at a word boundary, with an ellipsis.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n-3], ' ')
	if cut < n/2 {
		cut = n - 3
	}
	for cut > 0 && !utf8Start(s[cut]) {
		cut--
	}
	return strings.TrimSpace(s[:cut]) + "…"
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }
