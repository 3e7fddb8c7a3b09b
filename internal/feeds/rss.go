package feeds

import (
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// RSS is an RSS 2.0 document: what podcast apps read (most of them read no Atom).
type RSS struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	AtomNS  string   `xml:"xmlns:atom,attr"`
	Channel Channel  `xml:"channel"`
}

// Channel is an RSS channel: the feed.
type Channel struct {
	Title         string   `xml:"title"`
	Link          string   `xml:"link"`
	Description   string   `xml:"description"`
	LastBuildDate string   `xml:"lastBuildDate,omitempty"`
	Self          AtomLink `xml:"atom:link"`
	Image         *Image   `xml:"image,omitempty"`
	Items         []Item   `xml:"item"`
}

// AtomLink is the channel's own address (atom:link rel="self"), which RSS validators ask for.
type AtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

// Image is a channel's picture.
type Image struct {
	URL   string `xml:"url"`
	Title string `xml:"title"`
	Link  string `xml:"link"`
}

// Item is one track of a channel.
type Item struct {
	Title       string     `xml:"title"`
	Link        string     `xml:"link"`
	GUID        GUID       `xml:"guid"`
	PubDate     string     `xml:"pubDate,omitempty"`
	Description string     `xml:"description"`
	Categories  []string   `xml:"category"`
	Enclosure   *Enclosure `xml:"enclosure,omitempty"`
}

// GUID identifies an item; it is not its link.
type GUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// Enclosure is an item's audio: the preview a podcast app plays.
type Enclosure struct {
	URL    string `xml:"url,attr"`
	Length int64  `xml:"length,attr"`
	Type   string `xml:"type,attr"`
}

// rssTime formats an Atom time (RFC 3339) as RSS does (RFC 822 with a four-digit year).
func rssTime(atom string) string {
	t, err := time.Parse(time.RFC3339, atom)
	if err != nil {
		return ""
	}
	return t.UTC().Format(time.RFC1123Z)
}

// ToRSS is the RSS 2.0 form of an Atom feed f, served at self: its alternate link, subtitle and
// entries, each entry's enclosure the item's.
func ToRSS(f Feed, self string) RSS {
	ch := Channel{Title: f.Title, Description: f.Subtitle, LastBuildDate: rssTime(f.Updated),
		Self: AtomLink{Href: self, Rel: "self", Type: "application/rss+xml"}}
	if ch.Description == "" {
		ch.Description = f.Title
	}
	ch.Link = alternate(f.Links)
	if f.Icon != "" {
		ch.Image = &Image{URL: f.Icon, Title: f.Title, Link: ch.Link}
	}
	for _, e := range f.Entries {
		it := Item{Title: e.Title, Link: alternate(e.Links), GUID: GUID{IsPermaLink: "false", Value: e.ID},
			PubDate: rssTime(e.Published), Description: e.Summary.Body}
		if it.PubDate == "" {
			it.PubDate = rssTime(e.Updated)
		}
		for _, c := range e.Categories {
			if c.Label != "" {
				it.Categories = append(it.Categories, c.Label)
			}
		}
		for _, l := range e.Links {
			if l.Rel == "enclosure" {
				it.Enclosure = &Enclosure{URL: l.Href, Length: l.Length, Type: l.Type}
				break
			}
		}
		ch.Items = append(ch.Items, it)
	}
	return RSS{Version: "2.0", AtomNS: "http://www.w3.org/2005/Atom", Channel: ch}
}

func alternate(links []Link) string {
	for _, l := range links {
		if l.Rel == "alternate" {
			return l.Href
		}
	}
	return ""
}

// WriteRSS writes r as an XML document.
func WriteRSS(w io.Writer, r RSS) error {
	if r.Version != "2.0" {
		return fmt.Errorf("feeds: RSS version %q", r.Version)
	}
	return write(w, r)
}
