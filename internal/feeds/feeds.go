// Package feeds writes the market's syndication documents: Atom 1.0 feeds (RFC 4287) of new
// releases and charts, with each track's preview as an enclosure so that feed readers and
// podcast-style apps can follow an artist, and the sitemap (sitemaps.org 0.9) search engines read.
package feeds

import (
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// Feed is an Atom feed.
type Feed struct {
	XMLName  xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID       string   `xml:"id"`
	Title    string   `xml:"title"`
	Subtitle string   `xml:"subtitle,omitempty"`
	Updated  string   `xml:"updated"`
	Links    []Link   `xml:"link"`
	Author   *Person  `xml:"author,omitempty"`
	Icon     string   `xml:"icon,omitempty"`
	Entries  []Entry  `xml:"entry"`
}

// Entry is one track in a feed.
type Entry struct {
	ID         string     `xml:"id"`
	Title      string     `xml:"title"`
	Updated    string     `xml:"updated"`
	Published  string     `xml:"published,omitempty"`
	Author     Person     `xml:"author"`
	Links      []Link     `xml:"link"`
	Categories []Category `xml:"category"`
	Summary    Text       `xml:"summary"`
}

// Link is an Atom link: rel alternate (the page), self (the feed), enclosure (the preview).
type Link struct {
	Rel    string `xml:"rel,attr,omitempty"`
	Type   string `xml:"type,attr,omitempty"`
	Href   string `xml:"href,attr"`
	Length int64  `xml:"length,attr,omitempty"`
	Title  string `xml:"title,attr,omitempty"`
}

// Person is an author.
type Person struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

// Category is a genre.
type Category struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// Text is plain text content.
type Text struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// Time formats t as Atom does (RFC 3339, UTC).
func Time(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// WriteFeed writes f as an XML document.
func WriteFeed(w io.Writer, f Feed) error { return write(w, f) }

// URLSet is a sitemap.
type URLSet struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []URL    `xml:"url"`
}

// URL is one page of a sitemap.
type URL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// MaxURLs is the most URLs one sitemap may list.
const MaxURLs = 50000

// WriteSitemap writes s as an XML document.
func WriteSitemap(w io.Writer, s URLSet) error {
	if len(s.URLs) > MaxURLs {
		return fmt.Errorf("feeds: sitemap of %d URLs, more than %d", len(s.URLs), MaxURLs)
	}
	return write(w, s)
}

func write(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("feeds: %w", err)
	}
	return enc.Close()
}
