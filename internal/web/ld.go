package web

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/store"
)

// The schema.org documents the pages carry as JSON-LD.

// isoDuration renders milliseconds as an ISO 8601 duration: PT3M25S.
func isoDuration(ms int64) string {
	s := (ms + 500) / 1000
	return fmt.Sprintf("PT%dM%dS", s/60, s%60)
}

func artistURL(origin string, a common.Address) string { return origin + "/a/" + a.Hex() }

// byArtist is a track's artist: a MusicGroup (schema.org's type for a performer, solo or not).
func byArtist(origin string, t store.Track) map[string]any {
	return map[string]any{"@type": "MusicGroup", "name": artistName(t), "url": artistURL(origin, t.Artist)}
}

// offer is a track's price: ETH, in stock while listed.
func offer(origin string, t store.Track) map[string]any {
	availability := "https://schema.org/InStock"
	if !t.Listed {
		availability = "https://schema.org/Discontinued"
	}
	return map[string]any{"@type": "Offer", "price": t.Price.Ether(), "priceCurrency": "ETH", "availability": availability,
		"url": origin + trackPath(t.ID)}
}

// recordingLD is a track page's MusicRecording.
func recordingLD(origin string, t store.Track, preview string, rels []api.TrackRelease) map[string]any {
	doc := map[string]any{"@context": "https://schema.org", "@type": "MusicRecording", "@id": origin + trackPath(t.ID),
		"name": t.Title, "url": origin + trackPath(t.ID), "byArtist": byArtist(origin, t), "duration": isoDuration(t.DurationMS),
		"genre": genreText(t), "image": origin + "/covers/" + t.ContentHash.Hex() + "/600",
		"datePublished": t.RegisteredAt.UTC().Format("2006-01-02"), "offers": offer(origin, t),
		"interactionStatistic": map[string]any{"@type": "InteractionCounter", "interactionType": "https://schema.org/BuyAction", "userInteractionCount": t.Sales}}
	if t.Description != "" {
		doc["description"] = t.Description
	}
	if len(rels) > 0 {
		albums := make([]map[string]any, len(rels))
		for i, x := range rels {
			albums[i] = map[string]any{"@type": "MusicAlbum", "name": x.Title, "url": origin + releasePath(x.Release.ID)}
		}
		doc["inAlbum"] = albums
	}
	if preview != "" {
		doc["audio"] = map[string]any{"@type": "AudioObject", "contentUrl": origin + preview, "description": "Preview"}
	}
	return doc
}

func genreText(t store.Track) string {
	if t.Subgenre != "" {
		return t.Genre + " / " + t.Subgenre
	}
	return t.Genre
}

// summaryLD is a track as a list item.
func summaryLD(origin string, t store.Track) map[string]any {
	return map[string]any{"@type": "MusicRecording", "name": t.Title, "url": origin + trackPath(t.ID), "byArtist": byArtist(origin, t),
		"duration": isoDuration(t.DurationMS), "offers": offer(origin, t)}
}

// artistLD is an account page's subject: an artist's MusicGroup with its tracks, or a fan (an
// account that sells nothing) as a Person; avatar is the profile picture's path, if any.
func artistLD(origin string, a common.Address, name, avatar string, tracks []store.Track, releases []releaseData) map[string]any {
	doc := map[string]any{"@context": "https://schema.org", "@type": "Person", "@id": artistURL(origin, a), "name": name,
		"url": artistURL(origin, a), "identifier": a.Hex()}
	if avatar != "" {
		doc["image"] = origin + avatar
	}
	if len(tracks) == 0 {
		return doc
	}
	list := make([]map[string]any, len(tracks))
	for i, t := range tracks {
		list[i] = summaryLD(origin, t)
	}
	doc["@type"], doc["track"] = "MusicGroup", list
	if len(releases) > 0 {
		albums := make([]map[string]any, len(releases))
		for i, d := range releases {
			albums[i] = map[string]any{"@type": "MusicAlbum", "name": d.Title, "url": origin + releasePath(d.R.ID), "numTracks": len(d.Tracks)}
		}
		doc["album"] = albums
	}
	return doc
}

// chartLD is a chart page's ItemList.
func chartLD(origin, name, url string, entries []store.ChartTrack) map[string]any {
	items := make([]map[string]any, len(entries))
	for i, e := range entries {
		items[i] = map[string]any{"@type": "ListItem", "position": e.Rank, "url": origin + trackPath(e.Track.ID), "item": summaryLD(origin, e.Track)}
	}
	return map[string]any{"@context": "https://schema.org", "@type": "ItemList", "name": name, "url": url,
		"itemListOrder": "https://schema.org/ItemListOrderAscending", "numberOfItems": len(entries), "itemListElement": items}
}

// listLD is a browse page's ItemList: its tracks in the order shown.
func listLD(origin, name, url string, tracks []store.Track) map[string]any {
	items := make([]map[string]any, len(tracks))
	for i, t := range tracks {
		items[i] = map[string]any{"@type": "ListItem", "position": i + 1, "url": origin + trackPath(t.ID), "item": summaryLD(origin, t)}
	}
	return map[string]any{"@context": "https://schema.org", "@type": "ItemList", "name": name, "url": url,
		"numberOfItems": len(tracks), "itemListElement": items}
}
