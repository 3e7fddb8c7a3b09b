package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/feeds"
	"github.com/bittunes/bittunes/internal/store"
)

// feedSize is how many tracks a feed lists.
const feedSize = 50

// feedEntry is a track as a feed entry, its preview as the enclosure.
func (p *pages) feedEntry(origin string, t store.Track, summary string) feeds.Entry {
	e := feeds.Entry{ID: origin + trackPath(t.ID), Title: t.Title + " — " + artistName(t), Updated: feeds.Time(t.RegisteredAt),
		Published: feeds.Time(t.RegisteredAt), Author: feeds.Person{Name: artistName(t), URI: artistURL(origin, t.Artist)},
		Links:      []feeds.Link{{Rel: "alternate", Type: "text/html", Href: origin + trackPath(t.ID)}},
		Categories: []feeds.Category{{Term: charts.Slug(t.Genre), Label: t.Genre}},
		Summary:    feeds.Text{Type: "text", Body: summary}}
	if t.Subgenre != "" {
		e.Categories = append(e.Categories, feeds.Category{Term: charts.Slug(t.Genre) + "/" + charts.Slug(t.Subgenre), Label: t.Subgenre})
	}
	if preview, mediaType, size := p.preview(t); preview != "" {
		e.Links = append(e.Links, feeds.Link{Rel: "enclosure", Type: mediaType, Href: origin + preview, Length: size, Title: "Preview"})
	}
	return e
}

func trackSummary(t store.Track) string {
	s := fmt.Sprintf("%s by %s (%s, %s): %s ETH.", t.Title, artistName(t), genreText(t), duration(t.DurationMS), t.Price.Ether())
	if t.Description != "" {
		s += " " + t.Description
	}
	return s
}

func (p *pages) writeFeed(w http.ResponseWriter, r *http.Request, f feeds.Feed) {
	var b bytes.Buffer
	if err := feeds.WriteFeed(&b, f); err != nil {
		p.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(b.Bytes())
}

func newFeed(origin, path, title, page string, updated time.Time) feeds.Feed {
	return feeds.Feed{ID: origin + path, Title: title, Updated: feeds.Time(updated), Icon: origin + "/static/favicon.svg",
		Links: []feeds.Link{{Rel: "self", Type: "application/atom+xml", Href: origin + path}, {Rel: "alternate", Type: "text/html", Href: origin + page}}}
}

// latest is the newest registration among ts, or the Unix epoch for none (a stable Updated).
func latest(ts []store.Track) time.Time {
	var t time.Time
	for _, x := range ts {
		if x.RegisteredAt.After(t) {
			t = x.RegisteredAt
		}
	}
	if t.IsZero() {
		return time.Unix(0, 0)
	}
	return t
}

// newReleasesFeed serves /feeds/new[/{genre}[/{subgenre}]]: the newest tracks.
func (p *pages) newReleasesFeed(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	genre, sub := r.PathValue("genre"), r.PathValue("subgenre")
	name := "All genres"
	page := "/browse?sort=newest"
	if genre != "" {
		genres, err := p.cfg.Catalog.Genres(ctx, p.cfg.ChainID)
		if err != nil {
			p.fail(w, r, err)
			return
		}
		scope, err := findChart(genres, genre, sub)
		if err != nil {
			p.fail(w, r, err)
			return
		}
		name, page = scope.Name, chartPath(scope.Key)
	}
	list, _, err := p.cfg.Catalog.BrowseTracks(ctx, p.cfg.ChainID, store.Browse{Genre: genre, Subgenre: sub, Sort: store.Newest, Limit: feedSize})
	if err != nil {
		p.fail(w, r, err)
		return
	}
	origin := p.origin(r)
	f := newFeed(origin, r.URL.Path, "New releases · "+name+" · Bittunes", page, latest(list))
	f.Subtitle = "The newest tracks on Bittunes, sold by their artists; previews enclosed."
	for _, t := range list {
		f.Entries = append(f.Entries, p.feedEntry(origin, t, trackSummary(t)))
	}
	p.writeFeed(w, r, f)
}

// artistFeed serves /feeds/a/{address}: an artist's tracks, newest first.
func (p *pages) artistFeed(w http.ResponseWriter, r *http.Request) {
	f, err := p.artistTracksFeed(r)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	p.writeFeed(w, r, f)
}

// artistPodcast serves /feeds/a/{address}/podcast: the artist's feed as RSS 2.0, which podcast
// apps read (few read Atom), each track's preview the episode's audio.
func (p *pages) artistPodcast(w http.ResponseWriter, r *http.Request) {
	f, err := p.artistTracksFeed(r)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	var b bytes.Buffer
	if err := feeds.WriteRSS(&b, feeds.ToRSS(f, p.origin(r)+r.URL.Path)); err != nil {
		p.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(b.Bytes())
}

// artistTracksFeed is the Atom feed of the artist of /feeds/a/{address}: their tracks, newest first.
func (p *pages) artistTracksFeed(r *http.Request) (feeds.Feed, error) {
	a, err := parseAddress(r.PathValue("address"))
	if err != nil {
		return feeds.Feed{}, err
	}
	list, err := p.cfg.Catalog.ArtistTracks(r.Context(), p.cfg.ChainID, a)
	if err != nil {
		return feeds.Feed{}, err
	}
	if len(list) == 0 {
		return feeds.Feed{}, fmt.Errorf("web: feed of artist %s: %w", a.Hex(), store.ErrNotFound)
	}
	newest := append([]store.Track(nil), list...)
	for i := 1; i < len(newest); i++ { // newest first: by registration, then id
		for j := i; j > 0 && (newest[j].RegisteredAt.After(newest[j-1].RegisteredAt) || newest[j].RegisteredAt.Equal(newest[j-1].RegisteredAt) && newest[j].ID > newest[j-1].ID); j-- {
			newest[j], newest[j-1] = newest[j-1], newest[j]
		}
	}
	newest = newest[:min(len(newest), feedSize)]
	origin := p.origin(r)
	name := artistName(list[0])
	f := newFeed(origin, "/feeds/a/"+a.Hex(), name+" · Bittunes", "/a/"+a.Hex(), latest(newest))
	f.Subtitle = "New tracks by " + name + " on Bittunes, bought straight from the artist; each one's preview enclosed."
	f.Author = &feeds.Person{Name: name, URI: artistURL(origin, a)}
	for _, t := range newest {
		f.Entries = append(f.Entries, p.feedEntry(origin, t, trackSummary(t)))
	}
	return f, nil
}

// chartFeed serves /feeds/charts/{period}[/{genre}[/{subgenre}]]: a chart, top first.
func (p *pages) chartFeed(w http.ResponseWriter, r *http.Request) {
	per := charts.Period(r.PathValue("period"))
	if per != charts.Week && per != charts.Month && per != charts.AllTime {
		p.notFound(w, r)
		return
	}
	scope, entries, err := p.chartEntries(r.Context(), r.PathValue("genre"), r.PathValue("subgenre"), per)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	origin := p.origin(r)
	var updated time.Time
	for _, e := range entries {
		if e.Track.RegisteredAt.After(updated) {
			updated = e.Track.RegisteredAt
		}
	}
	if updated.IsZero() {
		updated = time.Unix(0, 0)
	}
	f := newFeed(origin, r.URL.Path, scope.Name+" top 100 · "+periodNames[per]+" · Bittunes", chartPath(scope.Key)+"?period="+string(per), updated)
	for _, e := range entries {
		entry := p.feedEntry(origin, e.Track, "No. "+strconv.Itoa(e.Rank)+" ("+movementWords[e.Movement()]+"). "+trackSummary(e.Track))
		entry.ID += "#" + string(per) + "/" + scope.Key
		entry.Title = "#" + strconv.Itoa(e.Rank) + " " + entry.Title
		f.Entries = append(f.Entries, entry)
	}
	p.writeFeed(w, r, f)
}

// sitemapPages is how many browse pages of 100 the sitemap reads at most (its URL limit).
const sitemapPages = feeds.MaxURLs/100 - 10

// sitemapCache keeps the sitemap for a while: building it reads the whole catalogue, which no
// stream of anonymous requests may make the server do more than once per sitemapTTL.
type sitemapCache struct {
	mu     sync.Mutex
	origin string
	body   []byte
	at     time.Time
}

const sitemapTTL = 10 * time.Minute

// sitemap serves /sitemap.xml: the home page, the charts, every listed track and its artist, and the
// newest releases on sale.
func (p *pages) sitemap(w http.ResponseWriter, r *http.Request) {
	origin := p.origin(r)
	c := &p.sitemaps
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.body == nil || c.origin != origin || time.Since(c.at) > sitemapTTL {
		body, err := p.buildSitemap(r, origin)
		if err != nil {
			p.fail(w, r, err)
			return
		}
		c.body, c.origin, c.at = body, origin, time.Now()
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write(c.body)
}

func (p *pages) buildSitemap(r *http.Request, origin string) ([]byte, error) {
	ctx := r.Context()
	set := feeds.URLSet{URLs: []feeds.URL{{Loc: origin + "/"}, {Loc: origin + "/charts"}, {Loc: origin + "/browse"}}}
	genres, err := p.cfg.Catalog.Genres(ctx, p.cfg.ChainID)
	if err != nil {
		return nil, err
	}
	for _, g := range genres {
		set.URLs = append(set.URLs, feeds.URL{Loc: origin + "/charts/" + g.Slug})
		for _, s := range g.Subgenres {
			set.URLs = append(set.URLs, feeds.URL{Loc: origin + "/charts/" + g.Slug + "/" + s.Slug})
		}
	}
	artists := map[string]time.Time{}
	var order []string
	b := store.Browse{Sort: store.Newest, Limit: 100}
	for page := 0; page < sitemapPages && len(set.URLs) < feeds.MaxURLs-len(order)-100; page++ {
		list, next, err := p.cfg.Catalog.BrowseTracks(ctx, p.cfg.ChainID, b)
		if err != nil {
			return nil, err
		}
		for _, t := range list {
			set.URLs = append(set.URLs, feeds.URL{Loc: origin + trackPath(t.ID), LastMod: t.RegisteredAt.UTC().Format("2006-01-02")})
			a := t.Artist.Hex()
			if _, ok := artists[a]; !ok {
				order = append(order, a)
			}
			if t.RegisteredAt.After(artists[a]) {
				artists[a] = t.RegisteredAt
			}
		}
		if next == nil {
			break
		}
		b.After = next
	}
	for _, a := range order {
		if len(set.URLs) >= feeds.MaxURLs {
			break
		}
		set.URLs = append(set.URLs, feeds.URL{Loc: origin + "/a/" + a, LastMod: artists[a].UTC().Format("2006-01-02")})
	}
	rels, err := p.cfg.Catalog.NewestReleases(ctx, p.cfg.ChainID)
	if err != nil {
		return nil, err
	}
	for _, x := range rels {
		if len(set.URLs) >= feeds.MaxURLs {
			break
		}
		set.URLs = append(set.URLs, feeds.URL{Loc: origin + releasePath(x.ID), LastMod: x.RegisteredAt.UTC().Format("2006-01-02")})
	}
	var out bytes.Buffer
	if err := feeds.WriteSitemap(&out, set); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// robots serves /robots.txt: everything public may be crawled but the wallet pages (account,
// upload, Studio), the API and the embeds; the sitemap is named.
func (p *pages) robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	fmt.Fprintf(w, "User-agent: *\nDisallow: /account\nDisallow: /upload\nDisallow: /studio\nDisallow: /api/\nDisallow: /embed/\nDisallow: /r/\nDisallow: /qr\nAllow: /\n\nSitemap: %s/sitemap.xml\n", p.origin(r))
}

// artistReleasesFeed serves /feeds/a/{address}/releases: an artist's releases, newest first, each
// with its kind, tracks, price and saving.
func (p *pages) artistReleasesFeed(w http.ResponseWriter, r *http.Request) {
	a, err := parseAddress(r.PathValue("address"))
	if err != nil {
		p.fail(w, r, err)
		return
	}
	rels, err := p.cfg.Catalog.ArtistReleases(r.Context(), p.cfg.ChainID, a)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	list, err := p.feedReleases(r, rels)
	if err != nil {
		p.fail(w, r, fmt.Errorf("web: releases feed of %s: %w", a.Hex(), err))
		return
	}
	name := artistName(list[0].Tracks[0].T)
	f := newFeed(p.origin(r), r.URL.Path, name+"'s releases · Bittunes", "/a/"+a.Hex(), releasesUpdated(list))
	f.Subtitle = "Albums, EPs and singles by " + name + " on Bittunes, each bought in one transaction."
	p.writeFeed(w, r, p.addReleaseEntries(f, p.origin(r), list))
}

// newestReleasesFeed serves /feeds/releases: the market's newest releases on sale, of every artist.
func (p *pages) newestReleasesFeed(w http.ResponseWriter, r *http.Request) {
	rels, err := p.cfg.Catalog.NewestReleases(r.Context(), p.cfg.ChainID)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	list, err := p.feedReleases(r, rels)
	if err != nil {
		p.fail(w, r, fmt.Errorf("web: releases feed: %w", err))
		return
	}
	f := newFeed(p.origin(r), r.URL.Path, "New releases · Bittunes", "/", releasesUpdated(list))
	f.Subtitle = "The newest albums, EPs and singles on Bittunes, each bought in one transaction."
	p.writeFeed(w, r, p.addReleaseEntries(f, p.origin(r), list))
}

// feedReleases reads the tracks of the first feedSize releases and returns those that have a page
// (ErrNotFound when none has).
func (p *pages) feedReleases(r *http.Request, rels []store.Release) ([]releaseData, error) {
	rels = rels[:min(len(rels), feedSize)]
	var ids []int64
	for _, x := range rels {
		ids = append(ids, x.TrackIDs...)
	}
	tracks, err := p.cfg.Catalog.Tracks(r.Context(), p.cfg.ChainID, ids)
	if err != nil {
		return nil, err
	}
	var list []releaseData
	for _, x := range rels {
		if d, err := releaseFrom(x, tracks); err == nil { // a release with a track not shown here has no page
			list = append(list, d)
		}
	}
	if len(list) == 0 {
		return nil, store.ErrNotFound
	}
	return list, nil
}

// releasesUpdated is when the newest of list was registered.
func releasesUpdated(list []releaseData) time.Time {
	updated := time.Unix(0, 0)
	for _, d := range list {
		if d.R.RegisteredAt.After(updated) {
			updated = d.R.RegisteredAt
		}
	}
	return updated
}

// addReleaseEntries adds an entry per release to f: its kind, tracks, price, saving and
// description, by its artist.
func (p *pages) addReleaseEntries(f feeds.Feed, origin string, list []releaseData) feeds.Feed {
	for _, d := range list {
		name := artistName(d.Tracks[0].T)
		summary := fmt.Sprintf("%s by %s: %s of %s, %s ETH.", d.Title, name, d.KindWord, plural(int64(len(d.Tracks)), "track"), d.Effective.Ether())
		if d.Saving.BigInt().Sign() > 0 {
			summary += fmt.Sprintf(" %s ETH less than its tracks one by one.", d.Saving.Ether())
		}
		if m := d.R.Metadata; m != nil && m.Description != "" {
			summary += " " + m.Description
		}
		page := origin + releasePath(d.R.ID)
		f.Entries = append(f.Entries, feeds.Entry{ID: page, Title: d.Title + " — " + name, Updated: feeds.Time(d.R.RegisteredAt),
			Published: feeds.Time(d.R.RegisteredAt), Author: feeds.Person{Name: name, URI: artistURL(origin, d.R.Artist)},
			Links:      []feeds.Link{{Rel: "alternate", Type: "text/html", Href: page}},
			Categories: []feeds.Category{{Term: strings.ToLower(d.Kind), Label: d.Kind}},
			Summary:    feeds.Text{Type: "text", Body: summary}})
	}
	return f
}
