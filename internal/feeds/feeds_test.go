package feeds

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

func TestFeedIsAtomWithEscapedText(t *testing.T) {
	var b bytes.Buffer
	f := Feed{ID: "https://x/feeds/new", Title: `New <releases> & "more"`, Updated: Time(time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("", 3600))),
		Entries: []Entry{{ID: "https://x/t/1", Title: "A & B", Author: Person{Name: "M"}, Summary: Text{Type: "text", Body: "<b>x</b>"},
			Links: []Link{{Rel: "enclosure", Type: "audio/mpeg", Href: "https://x/p?a=1&b=2"}}}}}
	if err := WriteFeed(&b, f); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{xml.Header, `<feed xmlns="http://www.w3.org/2005/Atom">`, "<updated>2026-01-02T02:04:05Z</updated>",
		"New &lt;releases&gt; &amp; &#34;more&#34;", `href="https://x/p?a=1&amp;b=2"`, "&lt;b&gt;x&lt;/b&gt;"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q in\n%s", want, out)
		}
	}
	var back Feed
	if err := xml.Unmarshal(b.Bytes(), &back); err != nil || back.Entries[0].Summary.Body != "<b>x</b>" {
		t.Errorf("round trip: %v %+v", err, back)
	}
}

func TestSitemapRefusesMoreThanTheLimit(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSitemap(&b, URLSet{URLs: make([]URL, MaxURLs+1)}); err == nil {
		t.Error("a sitemap over the limit was written")
	}
	b.Reset()
	if err := WriteSitemap(&b, URLSet{URLs: []URL{{Loc: "https://x/"}}}); err != nil || !strings.Contains(b.String(), `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`) {
		t.Errorf("%v %s", err, b.String())
	}
}

func TestRSSIsTheAtomFeedForPodcastApps(t *testing.T) {
	f := Feed{ID: "https://x/feeds/a/0x1", Title: "Mira & co", Subtitle: "Tracks", Updated: Time(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)),
		Icon:  "https://x/icon.svg",
		Links: []Link{{Rel: "self", Href: "https://x/feeds/a/0x1"}, {Rel: "alternate", Href: "https://x/a/0x1"}},
		Entries: []Entry{{ID: "https://x/t/1", Title: "A <b>", Published: Time(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)),
			Links:      []Link{{Rel: "alternate", Href: "https://x/t/1"}, {Rel: "enclosure", Type: "audio/mpeg", Href: "https://x/p?a=1&b=2", Length: 1234}},
			Categories: []Category{{Term: "electronic", Label: "Electronic"}}, Summary: Text{Type: "text", Body: "x & y"}}}}
	var b bytes.Buffer
	if err := WriteRSS(&b, ToRSS(f, "https://x/feeds/a/0x1/podcast")); err != nil {
		t.Fatal(err)
	}
	var back struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		Channel struct {
			Title         string `xml:"title"`
			Description   string `xml:"description"`
			LastBuildDate string `xml:"lastBuildDate"`
			Items         []struct {
				Title       string   `xml:"title"`
				Link        string   `xml:"link"`
				PubDate     string   `xml:"pubDate"`
				Description string   `xml:"description"`
				GUID        string   `xml:"guid"`
				Categories  []string `xml:"category"`
				Enclosure   struct {
					URL    string `xml:"url,attr"`
					Length int64  `xml:"length,attr"`
					Type   string `xml:"type,attr"`
				} `xml:"enclosure"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	c := back.Channel
	if back.Version != "2.0" || c.Title != "Mira & co" || c.Description != "Tracks" || c.LastBuildDate != "Fri, 02 Jan 2026 03:04:05 +0000" {
		t.Errorf("channel %+v", c)
	}
	for _, want := range []string{`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">`, "<link>https://x/a/0x1</link>",
		`<atom:link href="https://x/feeds/a/0x1/podcast" rel="self" type="application/rss+xml"></atom:link>`, `<guid isPermaLink="false">`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("lacks %s in\n%s", want, b.String())
		}
	}
	if len(c.Items) != 1 {
		t.Fatalf("items %+v", c.Items)
	}
	it := c.Items[0]
	if it.Title != "A <b>" || it.Link != "https://x/t/1" || it.GUID != "https://x/t/1" || it.PubDate != "Thu, 01 Jan 2026 00:00:00 +0000" ||
		it.Description != "x & y" || len(it.Categories) != 1 || it.Enclosure.URL != "https://x/p?a=1&b=2" || it.Enclosure.Length != 1234 || it.Enclosure.Type != "audio/mpeg" {
		t.Errorf("item %+v", it)
	}
}
