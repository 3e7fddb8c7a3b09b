package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/cards"
	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/store"
)

// chip is a track's places in one chart, on its artist's page.
type chip struct{ URL, Text string }

var periodShort = map[charts.Period]string{charts.Week: "week", charts.Month: "30 days", charts.AllTime: "all time"}

// rankChips renders a track's ranks as one chip per chart, overall first, each with its rank in
// each period.
func rankChips(ranks []charts.Entry, genres []store.Genre) []chip {
	byChart := map[string][]string{}
	var keys []string
	for _, p := range periods {
		for _, r := range ranks {
			if r.Period != p {
				continue
			}
			if _, ok := byChart[r.Chart]; !ok {
				keys = append(keys, r.Chart)
			}
			byChart[r.Chart] = append(byChart[r.Chart], fmt.Sprintf("#%d %s", r.Rank, periodShort[p]))
		}
	}
	sortKeys(keys)
	out := make([]chip, 0, len(keys))
	for _, k := range keys {
		g, s, _ := strings.Cut(k, "/")
		name := "Overall"
		if sc, err := findChart(genres, g, s); err == nil {
			name = sc.Name
		} else if k != "" {
			name = k
		}
		out = append(out, chip{URL: chartPath(k), Text: name + ": " + strings.Join(byChart[k], " · ")})
	}
	return out
}

// sortKeys orders chart keys overall, genres, then sub-genres, each alphabetically.
func sortKeys(keys []string) {
	depth := func(k string) int {
		if k == "" {
			return 0
		}
		return 1 + strings.Count(k, "/")
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && (depth(keys[j]) < depth(keys[j-1]) || depth(keys[j]) == depth(keys[j-1]) && keys[j] < keys[j-1]); j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
}

// artistData is what an account's page shows: its tracks with their ranks, the genre tree (to
// name the charts), the person (profile and fan activity) and what it seeds. An account with neither tracks nor
// anything of a person to show has no page: ErrNotFound.
type artistData struct {
	list     []store.Track
	who      personView
	ranks    map[int64][]charts.Entry
	genres   []store.Genre
	seeds    seedingView
	releases []releaseData
}

// artistPageReleases is how many of an artist's releases their page shows, newest first.
const artistPageReleases = 24

// artistReleases reads an artist's newest releases that have a page (every track shown here).
func (p *pages) artistReleases(ctx context.Context, a common.Address) ([]releaseData, error) {
	rels, err := p.cfg.Catalog.ArtistReleases(ctx, p.cfg.ChainID, a)
	if err != nil || len(rels) == 0 {
		return nil, err
	}
	rels = rels[:min(len(rels), artistPageReleases)]
	var ids []int64
	for _, x := range rels {
		ids = append(ids, x.TrackIDs...)
	}
	tracks, err := p.cfg.Catalog.Tracks(ctx, p.cfg.ChainID, ids)
	if err != nil {
		return nil, err
	}
	var out []releaseData
	for _, x := range rels {
		if d, err := releaseFrom(x, tracks); err == nil {
			out = append(out, d)
		}
	}
	return out, nil
}

func (p *pages) loadArtist(ctx context.Context, a common.Address) (d artistData, err error) {
	if d.list, err = p.cfg.Catalog.ArtistTracks(ctx, p.cfg.ChainID, a); err != nil {
		return d, err
	}
	if d.who, err = p.person(ctx, a); err != nil {
		return d, err
	}
	if len(d.list) == 0 && d.who.empty() {
		return d, fmt.Errorf("web: account %s has no page: %w", a.Hex(), store.ErrNotFound)
	}
	if d.seeds, err = p.seeding(ctx, a); err != nil {
		return d, err
	}
	ids := make([]int64, len(d.list))
	for i, t := range d.list {
		ids[i] = t.ID
	}
	if d.ranks, err = p.cfg.Catalog.Ranks(ctx, p.cfg.ChainID, ids); err != nil {
		return d, err
	}
	if len(d.list) > 0 {
		if d.releases, err = p.artistReleases(ctx, a); err != nil {
			return d, err
		}
	}
	d.genres, err = p.cfg.Catalog.Genres(ctx, p.cfg.ChainID)
	return d, err
}

func (p *pages) artist(w http.ResponseWriter, r *http.Request) {
	a, err := parseAddress(r.PathValue("address"))
	if err != nil {
		p.fail(w, r, err)
		return
	}
	d, err := p.loadArtist(r.Context(), a)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	list, who, ranks, genres, seeds := d.list, d.who, d.ranks, d.genres, d.seeds
	type artistRow struct {
		T     store.Track
		Chips []chip
	}
	trs := make([]artistRow, len(list))
	for i, t := range list {
		trs[i] = artistRow{t, rankChips(ranks[t.ID], genres)}
	}
	name := accountName(a, list, who)
	description := fmt.Sprintf("%s on Bittunes: %s collected, and %s passed on.", name, plural(who.Activity.Owned, "track"), plural(who.Activity.Brought, "sale"))
	if len(list) > 0 {
		description = fmt.Sprintf("%s on Bittunes: %s, bought straight from the artist. Latest: %s.", name, plural(int64(len(list)), "track"), list[0].Title)
	}
	origin := p.origin(r)
	canonical := origin + "/a/" + a.Hex()
	feed := "/feeds/a/" + a.Hex()
	m := meta{Description: clip(description, 300), Canonical: canonical, URL: canonical, Type: "profile",
		Image:  ogImage{URL: origin + "/cards/a/" + a.Hex() + ".jpg", Width: cards.CardWidth, Height: cards.CardHeight, Alt: name + " on Bittunes"},
		JSONLD: jsonLD(artistLD(origin, a, name, who.AvatarURL, list, d.releases))}
	if len(list) > 0 { // an artist's player and feed; a fan has neither
		m.OEmbed = p.oembedLink(origin, canonical)
		m.Feeds = []feedLink{{origin + feed, name + " on Bittunes", false}, {origin + feed + "/podcast", name + " on Bittunes (podcast)", true}}
	}
	p.render(w, r, frame{Page: "artist", Title: name, Meta: m, Params: map[string]string{"address": r.PathValue("address")},
		Data: struct {
			Name, Address, FeedURL string
			Tracks                 []artistRow
			Releases               []releaseData
			Person                 personView
			Seeding                seedingView
		}{name, a.Hex(), feed, trs, d.releases, who, seeds}}, http.StatusOK)
}
