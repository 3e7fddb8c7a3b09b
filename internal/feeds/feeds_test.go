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
