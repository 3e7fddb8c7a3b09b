package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
)

const origin = "https://bittunes.example"

// site is a handler over the fake catalogue, with a preview on disk for track 1.
func site(t *testing.T) (http.Handler, *fakeCatalog) {
	t.Helper()
	dir := t.TempDir()
	media := content.Media{Dir: dir}
	if err := media.Init(); err != nil {
		t.Fatal(err)
	}
	cat := newFakeCatalog()
	if err := os.WriteFile(media.PreviewPath(cat.tracks[0].ContentHash, content.MP3), []byte("ID3 preview"), 0o644); err != nil {
		t.Fatal(err)
	}
	return testHandler(t, Config{ChainID: 1337, MediaDir: dir, Catalog: cat, Origin: origin}), cat
}

// page is a fetched HTML page, read the way a crawler or a messenger reads it: no JavaScript.
type page struct {
	t      *testing.T
	status int
	header http.Header
	body   string
}

func fetch(t *testing.T, h http.Handler, path string) page {
	t.Helper()
	rec := get(t, h, path)
	return page{t, rec.Code, rec.Header(), rec.Body.String()}
}

var (
	metaPattern   = regexp.MustCompile(`<meta (?:property|name)="([^"]+)" content="([^"]*)">`)
	titlePattern  = regexp.MustCompile(`<title>([^<]*)</title>`)
	canonPattern  = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
	ldPattern     = regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)
	oembedPattern = regexp.MustCompile(`<link rel="alternate" type="application/json\+oembed" href="([^"]+)"`)
)

// meta returns the page's meta tags, property or name → content (unescaped).
func (p page) meta() map[string]string {
	out := map[string]string{}
	for _, m := range metaPattern.FindAllStringSubmatch(p.body, -1) {
		out[m[1]] = html.UnescapeString(m[2])
	}
	return out
}

func (p page) title() string {
	m := titlePattern.FindStringSubmatch(p.body)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// jsonLD parses the page's JSON-LD block.
func (p page) jsonLD() map[string]any {
	p.t.Helper()
	m := ldPattern.FindStringSubmatch(p.body)
	if m == nil {
		p.t.Fatal("no JSON-LD")
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(m[1]), &doc); err != nil {
		p.t.Fatalf("JSON-LD: %v\n%s", err, m[1])
	}
	// The CSP lists the block's hash (see csp).
	sum := sha256.Sum256([]byte(m[1]))
	if csp := p.header.Get("Content-Security-Policy"); !strings.Contains(csp, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
		p.t.Errorf("the CSP does not list the JSON-LD's hash: %s", csp)
	}
	return doc
}

func (p page) has(parts ...string) {
	p.t.Helper()
	for _, s := range parts {
		if !strings.Contains(p.body, s) {
			p.t.Errorf("the page lacks %q", s)
		}
	}
}

// requireFields fails for each dotted path missing or empty in doc.
func requireFields(t *testing.T, doc map[string]any, paths ...string) {
	t.Helper()
	for _, path := range paths {
		var v any = doc
		for _, k := range strings.Split(path, ".") {
			m, ok := v.(map[string]any)
			if !ok {
				v = nil
				break
			}
			v = m[k]
		}
		if v == nil || v == "" {
			t.Errorf("JSON-LD lacks %s", path)
		}
	}
}

func TestTrackPageReadsFullyWithoutJavaScript(t *testing.T) {
	h, _ := site(t)
	p := fetch(t, h, "/t/1")
	if p.status != 200 {
		t.Fatalf("status %d", p.status)
	}
	if got := p.title(); got != "Harbour Lights by Mira Vale · Bittunes" {
		t.Errorf("title %q", got)
	}
	p.has(`<h1>Harbour Lights</h1>`, `href="/a/0x70997970C51812dc3A010C7d01b50e0d17dc79C8">Mira Vale</a>`, "0.004 ETH",
		`Buy for 0.004 ETH`, `href="/charts/electronic/house">House</a>`, "3:25", "Night swim &lt;b&gt;music&lt;/b&gt; &amp; waves.",
		`<audio id="preview-audio" controls preload="none" src="/api/v1/tracks/1/preview">`, "<strong>20%</strong>", "0.0008 ETH")
	if strings.Contains(p.body, "Loading…") || strings.Contains(p.body, "<b>music</b>") {
		t.Error("the page is a frame, or the description is not escaped")
	}
	m := p.meta()
	want := map[string]string{
		"og:title": "Harbour Lights by Mira Vale", "og:type": "music.song", "og:url": origin + "/t/1",
		"og:image": origin + "/cards/t/1.jpg", "og:image:width": "1200", "og:image:height": "630",
		"og:audio": origin + "/api/v1/tracks/1/preview", "og:audio:type": "audio/mpeg",
		"music:musician": origin + "/a/0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "music:duration": "205",
		"twitter:card": "summary_large_image", "twitter:image": origin + "/cards/t/1.jpg", "og:price:amount": "0.004",
	}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("%s = %q, want %q", k, m[k], v)
		}
	}
	if d := m["description"]; !strings.HasPrefix(d, "Harbour Lights by Mira Vale: Electronic / House, 3:25, 0.004 ETH") || m["og:description"] != d {
		t.Errorf("description %q", d)
	}
	if c := canonPattern.FindStringSubmatch(p.body); c == nil || c[1] != origin+"/t/1" {
		t.Errorf("canonical %v", c)
	}
	doc := p.jsonLD()
	requireFields(t, doc, "@context", "@type", "name", "url", "duration", "byArtist.@type", "byArtist.name", "byArtist.url",
		"offers.@type", "offers.price", "offers.priceCurrency", "offers.availability", "audio.contentUrl", "image")
	if doc["@type"] != "MusicRecording" || doc["name"] != "Harbour Lights" || doc["duration"] != "PT3M25S" {
		t.Errorf("JSON-LD %v", doc)
	}
	if o := doc["offers"].(map[string]any); o["price"] != "0.004" || o["priceCurrency"] != "ETH" || o["availability"] != "https://schema.org/InStock" {
		t.Errorf("offer %v", o)
	}
	if !strings.Contains(p.header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Error("a page may be framed")
	}
}

// TestTrackPageLinksTheReleasesItIsOn: "On Low Tide <EP>" with its place and price, in Open Graph
// (music:album) and JSON-LD (inAlbum) too; a release with a track the market does not show has no
// page, so it is not linked.
func TestTrackPageLinksTheReleasesItIsOn(t *testing.T) {
	h, _ := site(t)
	p := fetch(t, h, "/t/1")
	p.has(`<li>On <a href="/releases/1">Low Tide &lt;EP&gt;</a> <span class="muted">(EP, track 2 of 2, 0.005 ETH)</span></li>`)
	if strings.Contains(p.body, `href="/releases/2"`) {
		t.Error("the page links a release that has no page")
	}
	if m := p.meta(); m["music:album"] != origin+"/releases/1" || m["music:album:track"] != "2" {
		t.Errorf("music:album %q, track %q", m["music:album"], m["music:album:track"])
	}
	albums, _ := p.jsonLD()["inAlbum"].([]any)
	if len(albums) != 1 || albums[0].(map[string]any)["url"] != origin+"/releases/1" || albums[0].(map[string]any)["name"] != "Low Tide <EP>" {
		t.Errorf("inAlbum %v", albums)
	}
	if q := fetch(t, h, "/t/3"); strings.Contains(q.body, "on-releases") || q.meta()["music:album"] != "" {
		t.Error("a track on no release names one")
	}
}

func TestReferralLinkPreviewSaysWhoSharedIt(t *testing.T) {
	h, _ := site(t)
	p := fetch(t, h, "/t/1?ref=0x90f79bf6eb2c4f870365e785982e1f101e93b906")
	m := p.meta()
	if d := m["og:description"]; !strings.HasPrefix(d, "Shared by 0x90F7…b906, who earns a share if you buy.") {
		t.Errorf("og:description %q", d)
	}
	if m["og:url"] != origin+"/t/1?ref=0x90f79bf6eb2c4f870365e785982e1f101e93b906" || m["og:image"] != origin+"/cards/t/1.jpg?ref=0x90f79bf6eb2c4f870365e785982e1f101e93b906" {
		t.Errorf("og:url %q og:image %q", m["og:url"], m["og:image"])
	}
	if c := canonPattern.FindStringSubmatch(p.body); c == nil || c[1] != origin+"/t/1" {
		t.Errorf("the canonical URL keeps the referral: %v", c)
	}
	p.has("Shared by <strong>0x90F7…b906</strong>, who earns 20% of the price if you buy")
	// Someone who does not own the track is no referrer: the preview does not name them.
	q := fetch(t, h, "/t/1?ref=0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65")
	if strings.Contains(q.body, "Shared by") || q.meta()["og:url"] != origin+"/t/1" {
		t.Error("a non-owner's link claims a referrer")
	}
	if r := fetch(t, h, "/t/1?ref=not-an-address"); r.status != 200 || strings.Contains(r.body, "Shared by") {
		t.Errorf("a malformed ref: %d", r.status)
	}
}

func TestUnknownIDsAnswer404WithAPage(t *testing.T) {
	h, _ := site(t)
	for _, path := range []string{"/t/99999", "/t/0", "/t/abc", "/t/-1", "/a/0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", "/a/nobody",
		"/charts/nope", "/charts/electronic/nope", "/charts/folk/house", "/no/such/page", "/r/aaaaaaaaaa",
		"/feeds/new/nope", "/feeds/a/0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", "/feeds/charts/1y",
		"/browse?genre=polka", "/browse?genre=polka&subgenre=house"} {
		p := fetch(t, h, path)
		if p.status != http.StatusNotFound || !strings.Contains(p.body, "<h1>Not found</h1>") || !strings.Contains(p.body, `name="robots" content="noindex"`) {
			t.Errorf("%s: %d", path, p.status)
		}
	}
	for _, path := range []string{"/charts?period=1y", "/browse?cursor=garbage", "/browse?genre=Not%20A%20Slug"} {
		if p := fetch(t, h, path); p.status != http.StatusBadRequest || !strings.Contains(p.body, "This link is not right") {
			t.Errorf("%s: %d", path, p.status)
		}
	}
}

func TestChartPagesListTheirEntries(t *testing.T) {
	h, _ := site(t)
	p := fetch(t, h, "/charts")
	if p.status != 200 || p.title() != "Overall top 100 · Bittunes" {
		t.Fatalf("%d %q", p.status, p.title())
	}
	first, second := strings.Index(p.body, `data-track="1"`), strings.Index(p.body, `data-track="3"`)
	if first < 0 || second < first {
		t.Error("the chart's entries are not listed top first")
	}
	p.has(`<span class="rank" aria-label="Rank 1">1</span>`, "10 sales", `aria-current="page">This week</a>`,
		`href="/feeds/charts/7d"`, `type="application/atom+xml"`)
	doc := p.jsonLD()
	requireFields(t, doc, "@type", "name", "itemListElement")
	items := doc["itemListElement"].([]any)
	if doc["@type"] != "ItemList" || len(items) != 2 {
		t.Fatalf("ItemList %v", doc)
	}
	for i, it := range items {
		item := it.(map[string]any)
		requireFields(t, item, "@type", "position", "url", "item.name", "item.byArtist.name", "item.offers.price")
		if item["position"] != float64(i+1) {
			t.Errorf("position %v", item["position"])
		}
	}
	if m := p.meta(); !strings.HasPrefix(m["og:image"], origin+"/cards/chart.jpg?") || !strings.Contains(m["description"], "Number one: Harbour Lights by Mira Vale") {
		t.Errorf("meta %v", m)
	}

	month := fetch(t, h, "/charts?period=30d")
	if a, b := strings.Index(month.body, `data-track="3"`), strings.Index(month.body, `data-track="1"`); a < 0 || b < a {
		t.Error("the 30-day chart is not its own")
	}
	if c := canonPattern.FindStringSubmatch(month.body); c == nil || c[1] != origin+"/charts?period=30d" {
		t.Errorf("canonical %v", c)
	}
	sub := fetch(t, h, "/charts/electronic/house")
	if sub.status != 200 || sub.title() != "Electronic / House top 100 · Bittunes" {
		t.Errorf("%d %q", sub.status, sub.title())
	}
	sub.has(`<a href="/charts/electronic">Electronic</a>`, `data-track="1"`)
	if strings.Contains(sub.body, `data-track="3"`) {
		t.Error("the sub-genre chart lists another genre's track")
	}
	empty := fetch(t, h, "/charts/electronic/ambient?period=all")
	empty.has("No sales in this chart for all time yet.")
}

func TestArtistPageListsTheirTracksWithRanks(t *testing.T) {
	h, _ := site(t)
	p := fetch(t, h, "/a/0x70997970c51812dc3a010c7d01b50e0d17dc79c8")
	if p.status != 200 || p.title() != "Mira Vale · Bittunes" {
		t.Fatalf("%d %q", p.status, p.title())
	}
	p.has("<h1>Mira Vale</h1>", `href="/t/1">Harbour Lights</a>`, `href="/t/2">Tidewater</a>`,
		`<a class="chip" href="/charts">Overall: #1 week · #2 30 days</a>`, `<a class="chip" href="/charts/electronic/house">Electronic / House: #1 week</a>`,
		`href="/feeds/a/0x70997970C51812dc3A010C7d01b50e0d17dc79C8"`)
	doc := p.jsonLD()
	requireFields(t, doc, "@type", "name", "url", "track")
	if doc["@type"] != "MusicGroup" || len(doc["track"].([]any)) != 2 {
		t.Errorf("JSON-LD %v", doc)
	}
	if m := p.meta(); m["og:type"] != "profile" || m["og:image"] != origin+"/cards/a/0x70997970C51812dc3A010C7d01b50e0d17dc79C8.jpg" {
		t.Errorf("meta %v", m)
	}
	// An artist without a name is shown by their short address.
	if q := fetch(t, h, "/a/0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"); !strings.Contains(q.body, "<h1>0x3C44…93BC</h1>") {
		t.Error("unnamed artist")
	}
}

func TestBrowseAndHomeAreRenderedWithTracks(t *testing.T) {
	h, _ := site(t)
	home := fetch(t, h, "/")
	home.has(`<a class="title" href="/t/3">Rust &amp; Rain &#34;live&#34;</a>`, `<a href="/charts/electronic">Electronic</a>`, `href="/charts/electronic/house">House`)
	if doc := home.jsonLD(); doc["@type"] != "WebSite" {
		t.Errorf("home JSON-LD %v", doc)
	}
	b := fetch(t, h, "/browse?q=harbour")
	if !strings.Contains(b.body, `href="/t/1">Harbour Lights</a>`) || strings.Contains(b.body, `href="/t/2"`) {
		t.Error("the search is not applied")
	}
	b.has(`value="harbour"`, `name="robots" content="noindex"`)
	g := fetch(t, h, "/browse?genre=electronic&sort=bestselling")
	g.has(`<option value="electronic" selected>`, `<option value="bestselling" selected>`, "Browse Electronic")
	if strings.Contains(g.body, `href="/t/3"`) {
		t.Error("the genre filter is not applied")
	}
}

func TestBrowsePagesWithTheAPIsCursor(t *testing.T) {
	cat := newFakeCatalog()
	for i := int64(4); i <= 25; i++ {
		tr := cat.tracks[1]
		tr.ID, tr.Title = i, "Filler "+string(rune('A'+i))
		cat.tracks = append(cat.tracks, tr)
	}
	h := testHandler(t, Config{ChainID: 1, Catalog: cat})
	first := fetch(t, h, "/browse")
	next := regexp.MustCompile(`<a class="btn" href="([^"]+)">Next page →</a>`).FindStringSubmatch(first.body)
	if next == nil || strings.Count(first.body, `class="trow`) != 20 {
		t.Fatalf("first page: %d rows, next %v", strings.Count(first.body, `class="trow`), next)
	}
	second := fetch(t, h, html.UnescapeString(next[1]))
	if second.status != 200 || strings.Count(second.body, `class="trow`) != 5 || !strings.Contains(second.body, "← First page") {
		t.Errorf("second page: %d, %d rows", second.status, strings.Count(second.body, `class="trow`))
	}
}

func TestEveryPageHasOneCanonicalAndTheCSPStaysStrict(t *testing.T) {
	h, _ := site(t)
	for _, path := range []string{"/", "/charts", "/charts/folk", "/browse", "/t/3", "/a/0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"} {
		p := fetch(t, h, path)
		if n := len(canonPattern.FindAllString(p.body, -1)); n != 1 {
			t.Errorf("%s: %d canonical links", path, n)
		}
		csp := p.header.Get("Content-Security-Policy")
		if strings.Contains(csp, "unsafe") || !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if regexp.MustCompile(`<script(?: type="module")?>`).MatchString(p.body) || strings.Contains(p.body, " style=") {
			t.Errorf("%s: an inline script or style", path)
		}
	}
}

func TestEmbedsAreFrameableAndCarryTheReferral(t *testing.T) {
	h, _ := site(t)
	p := fetch(t, h, "/embed/t/1?ref=0x90F79bf6EB2c4f870365E785982E1f101E93b906")
	if p.status != 200 {
		t.Fatalf("status %d", p.status)
	}
	csp := p.header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-ancestors *") || strings.Contains(csp, "script-src") && !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("CSP %q", csp)
	}
	p.has(`href="`+origin+`/t/1?ref=0x90f79bf6eb2c4f870365e785982e1f101e93b906" target="_blank" rel="noopener" data-act="buy">Buy 0.004 ETH</a>`,
		`<audio controls preload="none" src="/api/v1/tracks/1/preview"`, `src="/covers/`, "Mira Vale")
	if strings.Contains(p.body, "<script") {
		t.Error("the embed runs script")
	}
	// Its icon, so that a browser opening it alone does not ask for a /favicon.ico there is none of.
	p.has(`<link rel="icon" href="/static/favicon.svg?v=`)
	if q := fetch(t, h, "/embed/t/1?ref=javascript:alert(1)"); strings.Contains(q.body, "javascript:") || !strings.Contains(q.body, `href="`+origin+`/t/1"`) {
		t.Error("a malformed ref reached the Buy link")
	}
	a := fetch(t, h, "/embed/a/0x70997970C51812dc3A010C7d01b50e0d17dc79C8?ref=0x90F79bf6EB2c4f870365E785982E1f101E93b906")
	if a.status != 200 || strings.Count(a.body, `class="etrack"`) != 2 || strings.Count(a.body, "?ref=0x90f79bf6eb2c4f870365e785982e1f101e93b906\" target=\"_blank\" rel=\"noopener\" data-act=\"buy\"") != 2 {
		t.Errorf("artist embed: %d", a.status)
	}
	c := fetch(t, h, "/embed/charts/electronic?period=7d")
	c.has(`<span class="erank">#1</span>`, "Electronic top 100")
	for _, path := range []string{"/embed/t/99", "/embed/a/0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", "/embed/charts/nope"} {
		if q := fetch(t, h, path); q.status != 404 {
			t.Errorf("%s: %d", path, q.status)
		}
	}
}

// TestOEmbedConsumer does what an oEmbed consumer (a chat app, a CMS) does with a link: read the
// page, find the discovery link, fetch it, and put the HTML it returns in the page; the iframe's
// page must then be the player.
func TestOEmbedConsumer(t *testing.T) {
	h, _ := site(t)
	for _, link := range []string{"/t/1?ref=0x90f79bf6eb2c4f870365e785982e1f101e93b906", "/a/0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "/charts/electronic?period=30d",
		"/releases/1?ref=0x90f79bf6eb2c4f870365e785982e1f101e93b906"} {
		t.Run(link, func(t *testing.T) {
			p := fetch(t, h, link)
			m := oembedPattern.FindStringSubmatch(p.body)
			if m == nil {
				t.Fatal("no oEmbed discovery link")
			}
			endpoint := strings.TrimPrefix(html.UnescapeString(m[1]), origin)
			rec := get(t, h, endpoint)
			if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
				t.Fatalf("%s: %d", endpoint, rec.Code)
			}
			var o map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &o); err != nil {
				t.Fatal(err)
			}
			if o["version"] != "1.0" || o["type"] != "rich" || o["width"] == nil || o["height"] == nil || o["provider_name"] != "Bittunes" {
				t.Errorf("oEmbed %v", o)
			}
			src := regexp.MustCompile(`^<iframe src="([^"]+)" width="(\d+)" height="(\d+)"`).FindStringSubmatch(o["html"].(string))
			if src == nil {
				t.Fatalf("html %q", o["html"])
			}
			player := fetch(t, h, strings.TrimPrefix(html.UnescapeString(src[1]), origin))
			if player.status != 200 || !strings.Contains(player.header.Get("Content-Security-Policy"), "frame-ancestors *") {
				t.Errorf("the iframe %s: %d", src[1], player.status)
			}
			if strings.Contains(link, "ref=") && !strings.Contains(player.body, "?ref=0x90f79bf6eb2c4f870365e785982e1f101e93b906") {
				t.Error("the referral did not reach the player's Buy link")
			}
		})
	}
	rec := get(t, h, "/oembed?url="+origin+"/t/1&maxwidth=300")
	var o oembedJSON
	_ = json.Unmarshal(rec.Body.Bytes(), &o)
	if o.Width != 300 || !strings.Contains(o.HTML, `width="300"`) {
		t.Errorf("maxwidth: %d %q", o.Width, o.HTML)
	}
	for _, tt := range []struct {
		query  string
		status int
	}{
		{"url=https://elsewhere.example/t/1", 404}, {"url=" + origin + "/t/99", 404}, {"url=" + origin + "/browse", 404},
		{"url=" + origin + "/t/1&format=xml", 501}, {"", 400}, {"url=%zz", 400},
	} {
		rec := get(t, h, "/oembed?"+tt.query)
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), `"error":{"code"`) {
			t.Errorf("%s: %d %s", tt.query, rec.Code, rec.Body)
		}
	}
}

func FuzzOEmbedURL(f *testing.F) {
	h := testHandler(f, Config{ChainID: 1, Origin: origin})
	for _, s := range []string{origin + "/t/1", origin + "/a/0x70997970C51812dc3A010C7d01b50e0d17dc79C8", origin + "/charts/a/b/c", "//x", origin + "/t/1?ref=0x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "/oembed", nil)
		q := req.URL.Query()
		q.Set("url", u)
		req.URL.RawQuery = q.Encode()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 && rec.Code != 501 || !json.Valid(rec.Body.Bytes()) {
			t.Errorf("%q: %d %s", u, rec.Code, rec.Body)
		}
	})
}

// TestBrowseAndHomeUnfurl: a browse page has a card of its genre's tracks and its tracks as an
// ItemList; a home page whose market has no sale yet still has a card.
func TestBrowseAndHomeUnfurl(t *testing.T) {
	h, _ := site(t)
	p := fetch(t, h, "/browse?genre=electronic")
	m := p.meta()
	if m["og:image"] != origin+"/cards/browse.jpg?chart=electronic" || m["twitter:card"] != "summary_large_image" ||
		m["description"] != "Every Electronic track on Bittunes, newest or best-selling first." {
		t.Errorf("meta %v", m)
	}
	doc := p.jsonLD()
	items, _ := doc["itemListElement"].([]any)
	if doc["@type"] != "ItemList" || len(items) != 2 {
		t.Fatalf("JSON-LD %v", doc)
	}
	for i, it := range items {
		requireFields(t, it.(map[string]any), "position", "url", "item.name", "item.byArtist.name", "item.offers.price")
		if it.(map[string]any)["position"] != float64(i+1) {
			t.Errorf("item %d: %v", i, it)
		}
	}
	for _, path := range []string{"/cards/browse.jpg", "/cards/browse.jpg?chart=electronic", "/cards/browse.jpg?chart=electronic/ambient"} {
		card(t, h, path)
	}
	if a, b := get(t, h, "/cards/browse.jpg").Body.Bytes(), get(t, h, "/cards/browse.jpg?chart=folk").Body.Bytes(); bytes.Equal(a, b) {
		t.Error("the card of all tracks is the card of one genre")
	}
	for _, path := range []string{"/cards/browse.jpg?chart=nope", "/cards/browse.jpg?chart=folk/house"} {
		if rec := get(t, h, path); rec.Code != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, rec.Code)
		}
	}
	if m := fetch(t, h, "/").meta(); m["og:image"] != origin+"/cards/chart.jpg?period=7d" {
		t.Errorf("home og:image %q", m["og:image"])
	}

	cold := newFakeCatalog()
	cold.charts = map[string][]int64{}
	if m := fetch(t, testHandler(t, Config{ChainID: 1, Catalog: cold, Origin: origin}), "/").meta(); m["og:image"] != origin+"/cards/browse.jpg" {
		t.Errorf("a market without sales: home og:image %q", m["og:image"])
	}
}

// manyReleases is the fake catalogue with track 1 on five releases (11 to 15, copies of release 1).
type manyReleases struct{ *fakeCatalog }

func (c manyReleases) ReleasesOfTrack(context.Context, uint64, int64, int) ([]store.Release, error) {
	var out []store.Release
	for id := int64(11); id <= 15; id++ {
		r, _ := fakeRelease(1)
		r.ID = id
		out = append(out, r)
	}
	return out, nil
}

// TestATrackOnManyReleasesKeepsItsBuyButtonUp: the page names its first three releases above Buy
// and sends the visitor to the artist's page for the rest.
func TestATrackOnManyReleasesKeepsItsBuyButtonUp(t *testing.T) {
	h := testHandler(t, Config{ChainID: 1, Catalog: manyReleases{newFakeCatalog()}, Origin: origin})
	p := fetch(t, h, "/t/1")
	if n := strings.Count(p.body, "<li>On <a href=\"/releases/"); n != 3 {
		t.Errorf("%d releases named, want 3", n)
	}
	p.has(`href="/releases/11"`, `href="/releases/13"`, `and on 2 more: <a href="/a/`+mira.Hex()+`">the artist's page</a>`)
	if strings.Index(p.body, "on-releases") > strings.Index(p.body, `data-act="buy"`) {
		t.Error("the releases are not above Buy")
	}
}
