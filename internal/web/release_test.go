package web

import (
	"net/http"
	"strings"
	"testing"
)

func TestReleasePageReadsFullyWithoutJavaScript(t *testing.T) {
	h, _ := site(t)
	p := fetch(t, h, "/releases/1")
	if p.status != 200 {
		t.Fatalf("status %d", p.status)
	}
	if got := p.title(); got != "Low Tide <EP> by Mira Vale · Bittunes" {
		t.Errorf("title %q", got)
	}
	// The tracks in the release's order (2, then 1), each alone and as its part of the 0.005 ETH:
	// 0.005 × 2/6 and the remainder; the saving against 0.006 ETH.
	p.has(`<h1>Low Tide &lt;EP&gt;</h1>`, `EP · 2 tracks`, `<div class="pricetag" data-price>0.005 ETH</div>`,
		`0.001 ETH less than its tracks one by one (0.006 ETH)`, `Buy the EP for 0.005 ETH`, "Two songs &amp; the sea.",
		`<tr data-track="2"><td class="num">1</td><td><a href="/t/2">Tidewater</a>`, `<td class="num" data-part>0.001666666666666666 ETH</td>`,
		`<tr data-track="1"><td class="num">2</td><td><a href="/t/1">Harbour Lights</a>`, `<td class="num" data-part>0.003333333333333334 ETH</td>`,
		`src="/api/v1/release-metadata/0123456789abcdef0123456789abcdef/cover?v=`, `<time datetime="2026-11-01">`)
	if strings.Contains(p.body, "<EP>") && !strings.Contains(p.body, "Low Tide <EP> by Mira Vale · Bittunes") {
		t.Error("the title is not escaped")
	}
	m := p.meta()
	want := map[string]string{
		"og:title": "Low Tide <EP> by Mira Vale", "og:type": "music.album", "og:url": origin + "/releases/1",
		"og:image": origin + "/cards/releases/1.jpg", "music:musician": origin + "/a/0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
		"music:release_date": "2026-11-01", "og:price:amount": "0.005", "og:price:currency": "ETH", "twitter:card": "summary_large_image",
	}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("%s = %q, want %q", k, m[k], v)
		}
	}
	if d := m["description"]; !strings.HasPrefix(d, "Low Tide <EP> by Mira Vale: EP of 2 tracks, 0.005 ETH on Bittunes (0.001 ETH less") {
		t.Errorf("description %q", d)
	}
	if c := canonPattern.FindStringSubmatch(p.body); c == nil || c[1] != origin+"/releases/1" {
		t.Errorf("canonical %v", c)
	}
	doc := p.jsonLD()
	requireFields(t, doc, "@context", "@type", "name", "url", "byArtist.name", "numTracks", "track.itemListElement",
		"offers.@type", "offers.price", "offers.priceCurrency", "offers.availability", "image", "albumReleaseType")
	if doc["@type"] != "MusicAlbum" || doc["name"] != "Low Tide <EP>" || doc["albumReleaseType"] != "https://schema.org/EPRelease" {
		t.Errorf("JSON-LD %v", doc)
	}
	if o := doc["offers"].(map[string]any); o["price"] != "0.005" || o["priceCurrency"] != "ETH" || o["availability"] != "https://schema.org/InStock" {
		t.Errorf("offer %v", o)
	}
	items := doc["track"].(map[string]any)["itemListElement"].([]any)
	if len(items) != 2 || items[0].(map[string]any)["item"].(map[string]any)["name"] != "Tidewater" {
		t.Errorf("tracks %v", items)
	}

	// Through a referral link of an owner of one of its tracks, the preview says who shared it.
	r := fetch(t, h, "/releases/1?ref=0x90f79bf6eb2c4f870365e785982e1f101e93b906")
	if d := r.meta()["og:description"]; !strings.HasPrefix(d, "Shared by 0x90F7…b906, who earns a share if you buy.") {
		t.Errorf("og:description %q", d)
	}
	r.has("Shared by <strong>0x90F7…b906</strong>")
	if q := fetch(t, h, "/releases/1?ref=0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65"); strings.Contains(q.body, "Shared by") {
		t.Error("a non-owner's link claims a referrer")
	}

	for _, path := range []string{"/releases/3", "/releases/0", "/releases/x", "/releases/2"} {
		if p := fetch(t, h, path); p.status != http.StatusNotFound || !strings.Contains(p.body, "<h1>Not found</h1>") {
			t.Errorf("%s: %d", path, p.status)
		}
	}
}

func TestReleaseEmbedBuysTheReleaseWithTheEmbeddersReferral(t *testing.T) {
	h, _ := site(t)
	p := fetch(t, h, "/embed/releases/1?ref=0x90F79bf6EB2c4f870365E785982E1f101E93b906")
	if p.status != 200 || !strings.Contains(p.header.Get("Content-Security-Policy"), "frame-ancestors *") {
		t.Fatalf("status %d, CSP %q", p.status, p.header.Get("Content-Security-Policy"))
	}
	p.has(`href="`+origin+`/releases/1?ref=0x90f79bf6eb2c4f870365e785982e1f101e93b906" target="_blank" rel="noopener" data-act="buy-release">Buy the EP 0.005 ETH</a>`,
		`Mira Vale · EP of 2`, `src="/api/v1/release-metadata/0123456789abcdef0123456789abcdef/cover?v=`)
	if strings.Count(p.body, `class="etrack"`) != 2 || strings.Index(p.body, "Tidewater") > strings.Index(p.body, "Harbour Lights") {
		t.Error("the embed does not list the release's tracks in order")
	}
	if strings.Contains(p.body, "<script") {
		t.Error("the embed runs script")
	}
	for _, path := range []string{"/embed/releases/3", "/embed/releases/2", "/embed/releases/x"} {
		if q := fetch(t, h, path); q.status != http.StatusNotFound {
			t.Errorf("%s: %d", path, q.status)
		}
	}
}

func TestAnArtistsReleasesHaveAFeed(t *testing.T) {
	h, _ := site(t)
	page := fetch(t, h, "/releases/1")
	page.has(`href="` + origin + `/feeds/a/0x70997970C51812dc3A010C7d01b50e0d17dc79C8/releases"`)
	f := readFeed(t, fetch(t, h, "/feeds/a/0x70997970C51812dc3A010C7d01b50e0d17dc79C8/releases"))
	if got := strings.Join(entryTitles(f), " | "); got != "Low Tide <EP> — Mira Vale" {
		t.Errorf("entries: %s", got)
	}
	e := f.Entries[0]
	if e.ID != origin+"/releases/1" || e.Categories[0].Term != "ep" || !strings.HasPrefix(e.Summary, "Low Tide <EP> by Mira Vale: EP of 2 tracks, 0.005 ETH. 0.001 ETH less") {
		t.Errorf("entry %+v", e)
	}
	if p := fetch(t, h, "/feeds/a/0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC/releases"); p.status != http.StatusNotFound {
		t.Errorf("an artist without releases: %d", p.status)
	}
}

func TestTheMarketsNewestReleasesHaveAFeed(t *testing.T) {
	h, _ := site(t)
	f := readFeed(t, fetch(t, h, "/feeds/releases"))
	if got := strings.Join(entryTitles(f), " | "); got != "Low Tide <EP> — Mira Vale" {
		t.Errorf("entries: %s", got)
	}
	if e := f.Entries[0]; e.ID != origin+"/releases/1" || !strings.HasPrefix(e.Summary, "Low Tide <EP> by Mira Vale: EP of 2 tracks") {
		t.Errorf("entry %+v", e)
	}
}

// TestAnArtistsPageListsTheirReleases: the releases that have a page, as cards linking to them, and
// as the MusicGroup's albums.
func TestAnArtistsPageListsTheirReleases(t *testing.T) {
	h, _ := site(t)
	p := fetch(t, h, "/a/"+mira.Hex())
	p.has(`<h2 id="releases-h">Releases</h2>`, `<a class="title" href="/releases/1">Low Tide &lt;EP&gt;</a>`, "EP · 2 tracks", "0.005 ETH")
	if strings.Contains(p.body, `href="/releases/2"`) {
		t.Error("the page links a release that has no page")
	}
	albums, _ := p.jsonLD()["album"].([]any)
	if len(albums) != 1 || albums[0].(map[string]any)["url"] != origin+"/releases/1" {
		t.Errorf("albums %v", albums)
	}
	if q := fetch(t, h, "/a/"+jonas.Hex()); strings.Contains(q.body, "releases-h") {
		t.Error("an artist without releases has a Releases section")
	}
}
