package web

import (
	"encoding/xml"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
)

// atom is what a feed reader reads of an Atom feed.
type atom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Type string `xml:"type,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Author  struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Links []struct {
			Rel  string `xml:"rel,attr"`
			Type string `xml:"type,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Categories []struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
		Summary string `xml:"summary"`
	} `xml:"entry"`
}

func readFeed(t *testing.T, p page) atom {
	t.Helper()
	if p.status != 200 || !strings.HasPrefix(p.header.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("%d %q", p.status, p.header.Get("Content-Type"))
	}
	var f atom
	if err := xml.Unmarshal([]byte(p.body), &f); err != nil {
		t.Fatalf("the feed does not parse: %v", err)
	}
	// RFC 4287: a feed has an id, a title, updated and a self link; each entry an id, a title,
	// updated, an author (here) and an alternate link.
	if f.ID == "" || f.Title == "" || f.Updated == "" {
		t.Errorf("feed %+v", f)
	}
	self := false
	for _, l := range f.Links {
		self = self || l.Rel == "self" && strings.HasPrefix(l.Href, origin+"/feeds/")
	}
	if !self {
		t.Error("no self link")
	}
	for _, e := range f.Entries {
		alt := false
		for _, l := range e.Links {
			alt = alt || l.Rel == "alternate" && (strings.HasPrefix(l.Href, origin+"/t/") || strings.HasPrefix(l.Href, origin+"/releases/"))
		}
		if e.ID == "" || e.Title == "" || e.Updated == "" || e.Author.Name == "" || !alt {
			t.Errorf("entry %+v", e)
		}
	}
	return f
}

func entryTitles(f atom) []string {
	var out []string
	for _, e := range f.Entries {
		out = append(out, e.Title)
	}
	return out
}

func TestFeedsOfNewReleasesArtistsAndCharts(t *testing.T) {
	h, _ := site(t)
	all := readFeed(t, fetch(t, h, "/feeds/new"))
	if got := strings.Join(entryTitles(all), " | "); got != `Rust & Rain "live" — 0x3C44…93BC | Tidewater — Mira Vale | Harbour Lights — Mira Vale` {
		t.Errorf("new releases: %s", got)
	}
	enclosure := ""
	for _, l := range all.Entries[2].Links {
		if l.Rel == "enclosure" {
			enclosure = l.Type + " " + l.Href
		}
	}
	if enclosure != "audio/mpeg "+origin+"/api/v1/tracks/1/preview" {
		t.Errorf("enclosure %q", enclosure)
	}
	if all.Updated != "2026-11-20T15:00:00Z" {
		t.Errorf("updated %q", all.Updated)
	}
	if f := readFeed(t, fetch(t, h, "/feeds/new/electronic")); len(f.Entries) != 2 || !strings.Contains(f.Title, "Electronic") {
		t.Errorf("genre feed: %v", entryTitles(f))
	}
	if f := readFeed(t, fetch(t, h, "/feeds/new/electronic/ambient")); len(f.Entries) != 1 || f.Entries[0].Categories[1].Term != "electronic/ambient" {
		t.Errorf("sub-genre feed: %v", entryTitles(f))
	}
	artist := readFeed(t, fetch(t, h, "/feeds/a/0x70997970C51812dc3A010C7d01b50e0d17dc79C8"))
	if got := strings.Join(entryTitles(artist), " | "); got != "Tidewater — Mira Vale | Harbour Lights — Mira Vale" {
		t.Errorf("artist feed: %s", got)
	}
	chart := readFeed(t, fetch(t, h, "/feeds/charts/30d"))
	if got := strings.Join(entryTitles(chart), " | "); got != `#1 Rust & Rain "live" — 0x3C44…93BC | #2 Harbour Lights — Mira Vale` {
		t.Errorf("chart feed: %s", got)
	}
	if chart.Entries[0].ID == all.Entries[0].ID {
		t.Error("a chart entry has the id of the track's release entry")
	}
	if f := readFeed(t, fetch(t, h, "/feeds/charts/7d/electronic/house")); len(f.Entries) != 1 {
		t.Errorf("sub-genre chart feed: %v", entryTitles(f))
	}
}

func TestSitemapAndRobots(t *testing.T) {
	h, _ := site(t)
	p := fetch(t, h, "/sitemap.xml")
	var set struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(p.body), &set); err != nil {
		t.Fatal(err)
	}
	locs := map[string]bool{}
	for _, u := range set.URLs {
		locs[u.Loc] = true
	}
	for _, want := range []string{"/", "/charts", "/charts/electronic/house", "/charts/folk", "/t/1", "/t/2", "/t/3",
		"/a/0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "/a/0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "/releases/1"} {
		if !locs[origin+want] {
			t.Errorf("the sitemap lacks %s", want)
		}
	}
	if len(set.URLs) != 13 {
		t.Errorf("%d URLs", len(set.URLs))
	}
	r := fetch(t, h, "/robots.txt")
	for _, want := range []string{"Disallow: /account\n", "Disallow: /studio\n", "Disallow: /api/\n", "Sitemap: " + origin + "/sitemap.xml\n"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("robots.txt lacks %q", want)
		}
	}
}

// TestSitemapIsBuiltOncePerInterval holds the bound on the one public route that reads the whole
// catalogue: repeated requests are answered from the kept sitemap.
func TestSitemapIsBuiltOncePerInterval(t *testing.T) {
	cat := &countingCatalog{fakeCatalog: newFakeCatalog()}
	h := testHandler(t, Config{ChainID: 1, Catalog: cat, Origin: origin})
	for range 20 {
		if rec := get(t, h, "/sitemap.xml"); rec.Code != 200 {
			t.Fatal(rec.Code)
		}
	}
	if cat.browses != 1 {
		t.Errorf("20 requests read the catalogue %d times", cat.browses)
	}
}

var feedPattern = regexp.MustCompile(`<link rel="alternate" type="application/atom\+xml" href="([^"]+)"`)

// TestFeedsAreDiscoverableFromThePagesTheyFollow: a feed reader given a page's address finds its
// feeds (each one a feed that parses), and a page links none that does not exist.
func TestFeedsAreDiscoverableFromThePagesTheyFollow(t *testing.T) {
	cat := newFakeCatalog()
	people := fakePeople{profiles: map[common.Address]store.Profile{fan: {Account: fan, Name: "Night Owl"}}}
	h := testHandler(t, Config{ChainID: 1337, Catalog: cat, People: people, Origin: origin})
	for page, want := range map[string][]string{
		"/":                         {"/feeds/new", "/feeds/releases", "/feeds/charts/7d"},
		"/charts?period=30d":        {"/feeds/charts/30d"},
		"/charts/electronic":        {"/feeds/charts/7d/electronic", "/feeds/new/electronic"},
		"/charts/electronic/house":  {"/feeds/charts/7d/electronic/house", "/feeds/new/electronic/house"},
		"/browse":                   {"/feeds/new"},
		"/browse?genre=electronic":  {"/feeds/new/electronic"},
		"/browse?genre=folk&q=rain": {"/feeds/new/folk"},
		"/a/" + mira.Hex():          {"/feeds/a/" + mira.Hex()},
		"/a/" + fan.Hex():           nil, // a fan sells nothing: no feed
		"/releases/1":               {"/feeds/a/" + mira.Hex() + "/releases"},
	} {
		p := fetch(t, h, page)
		var got []string
		for _, m := range feedPattern.FindAllStringSubmatch(p.body, -1) {
			got = append(got, strings.TrimPrefix(html.UnescapeString(m[1]), origin))
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: feeds %v, want %v", page, got, want)
		}
		for _, f := range got {
			readFeed(t, fetch(t, h, f))
			if !strings.Contains(p.body, `href="`+f+`"`) {
				t.Errorf("%s: no visible link to %s", page, f)
			}
		}
	}
	// Nor does a fan's page name a player oEmbed would not find.
	if p := fetch(t, h, "/a/"+fan.Hex()); oembedPattern.MatchString(p.body) {
		t.Error("a fan's page names an oEmbed player")
	}
}

// TestAPodcastAppFollowsAnArtist: an artist's page names an RSS 2.0 feed (what podcast apps read)
// whose items carry each track's preview as the episode's audio, with its size.
func TestAPodcastAppFollowsAnArtist(t *testing.T) {
	h, _ := site(t)
	page := fetch(t, h, "/a/"+mira.Hex())
	m := regexp.MustCompile(`<link rel="alternate" type="application/rss\+xml" href="([^"]+)"`).FindStringSubmatch(page.body)
	if m == nil || m[1] != origin+"/feeds/a/"+mira.Hex()+"/podcast" {
		t.Fatalf("no podcast feed named: %v", m)
	}
	page.has(`href="/feeds/a/` + mira.Hex() + `/podcast"`)
	p := fetch(t, h, strings.TrimPrefix(m[1], origin))
	if p.status != 200 || !strings.HasPrefix(p.header.Get("Content-Type"), "application/rss+xml") {
		t.Fatalf("%d %q", p.status, p.header.Get("Content-Type"))
	}
	var rss struct {
		Version string `xml:"version,attr"`
		Channel struct {
			Title string `xml:"title"`
			Items []struct {
				Title     string `xml:"title"`
				GUID      string `xml:"guid"`
				PubDate   string `xml:"pubDate"`
				Enclosure *struct {
					URL    string `xml:"url,attr"`
					Length int64  `xml:"length,attr"`
					Type   string `xml:"type,attr"`
				} `xml:"enclosure"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal([]byte(p.body), &rss); err != nil {
		t.Fatal(err)
	}
	items := rss.Channel.Items
	if rss.Version != "2.0" || rss.Channel.Title != "Mira Vale · Bittunes" || len(items) != 2 || items[0].Title != "Tidewater — Mira Vale" {
		t.Fatalf("%+v", rss)
	}
	for _, it := range items {
		if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil || it.GUID == "" {
			t.Errorf("item %+v: %v", it, err)
		}
	}
	// Track 1 has a preview on disk ("ID3 preview", 11 bytes); track 2 none.
	if e := items[1].Enclosure; e == nil || e.URL != origin+"/api/v1/tracks/1/preview" || e.Length != 11 || e.Type != "audio/mpeg" {
		t.Errorf("enclosure %+v", e)
	}
	if items[0].Enclosure != nil {
		t.Error("a track without a preview has an enclosure")
	}
	if rec := get(t, h, "/feeds/a/"+jonas.Hex()+"x/podcast"); rec.Code != 404 {
		t.Errorf("a malformed address: %d", rec.Code)
	}
	if rec := get(t, h, "/feeds/a/"+fan.Hex()+"/podcast"); rec.Code != 404 {
		t.Errorf("an account without tracks: %d", rec.Code)
	}
}
