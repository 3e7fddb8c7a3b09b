package web

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// fakeCatalog is an in-memory catalogue for the page tests: a few tracks, their owners, one
// weekly chart per genre and overall, and short links.
type fakeCatalog struct {
	tracks []store.Track
	owners map[int64][]common.Address
	charts map[string][]int64 // "7d/" + chart key → track ids, top first

	mu    sync.Mutex
	links map[string]store.ShortLink
	asked int // ShortLink calls
}

var (
	mira  = common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
	jonas = common.HexToAddress("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC")
	fan   = common.HexToAddress("0x90F79bf6EB2c4f870365E785982E1f101E93b906")
)

func newFakeCatalog() *fakeCatalog {
	at := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	price := func(s string) wei.Amount { a, _ := wei.Parse(s); return a }
	tr := func(id int64, artist common.Address, name, title, genre, sub, p string, desc string) store.Track {
		return store.Track{ID: id, Artist: artist, ArtistName: name, Title: title, Genre: genre, Subgenre: sub, Description: desc,
			DurationMS: 205_000, Price: price(p), ReferralBps: 2000, Listed: true,
			ContentHash: common.BytesToHash([]byte(fmt.Sprintf("track-%d", id))), RegisteredAt: at.Add(time.Duration(id) * time.Hour), Sales: id}
	}
	c := &fakeCatalog{
		tracks: []store.Track{
			tr(1, mira, "Mira Vale", "Harbour Lights", "Electronic", "House", "4000000000000000", "Night swim <b>music</b> & waves."),
			tr(2, mira, "Mira Vale", "Tidewater", "Electronic", "Ambient", "2000000000000000", ""),
			tr(3, jonas, "", "Rust & Rain \"live\"", "Folk", "", "10000000000000000", "Recorded in one take."),
		},
		owners: map[int64][]common.Address{1: {fan}, 2: {}, 3: {fan}},
		charts: map[string][]int64{"7d/": {1, 3}, "7d/electronic": {1}, "7d/electronic/house": {1}, "7d/folk": {3}, "30d/": {3, 1}},
		links:  map[string]store.ShortLink{},
	}
	return c
}

func (c *fakeCatalog) Track(_ context.Context, _ uint64, id int64) (store.Track, error) {
	for _, t := range c.tracks {
		if t.ID == id {
			return t, nil
		}
	}
	return store.Track{}, fmt.Errorf("fake: track %d: %w", id, store.ErrNotFound)
}

func (c *fakeCatalog) Tracks(ctx context.Context, chain uint64, ids []int64) (map[int64]store.Track, error) {
	out := map[int64]store.Track{}
	for _, id := range ids {
		if t, err := c.Track(ctx, chain, id); err == nil {
			out[id] = t
		}
	}
	return out, nil
}

func (c *fakeCatalog) BrowseTracks(_ context.Context, _ uint64, b store.Browse) ([]store.Track, *store.BrowseCursor, error) {
	var out []store.Track
	for _, t := range c.tracks {
		if b.Genre != "" && charts.Slug(t.Genre) != b.Genre || b.Subgenre != "" && charts.Slug(t.Subgenre) != b.Subgenre {
			continue
		}
		if b.Query != "" && !strings.Contains(strings.ToLower(t.Title+" "+t.ArtistName), strings.ToLower(b.Query)) {
			continue
		}
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID > out[j].ID })
	if b.After != nil {
		for i, t := range out {
			if t.ID == b.After.ID {
				out = out[i+1:]
				break
			}
		}
	}
	if b.Limit > 0 && len(out) > b.Limit {
		next := &store.BrowseCursor{Sales: out[b.Limit-1].Sales, ID: out[b.Limit-1].ID}
		return out[:b.Limit], next, nil
	}
	return out, nil, nil
}

func (c *fakeCatalog) Genres(context.Context, uint64) ([]store.Genre, error) {
	return []store.Genre{
		{Slug: "electronic", Name: "Electronic", Tracks: 2, Subgenres: []store.Genre{{Slug: "ambient", Name: "Ambient", Tracks: 1}, {Slug: "house", Name: "House", Tracks: 1}}},
		{Slug: "folk", Name: "Folk", Tracks: 1},
	}, nil
}

func (c *fakeCatalog) ArtistTracks(_ context.Context, _ uint64, a common.Address) ([]store.Track, error) {
	var out []store.Track
	for _, t := range c.tracks {
		if t.Artist == a {
			out = append(out, t)
		}
	}
	return out, nil
}

func (c *fakeCatalog) Owns(_ context.Context, _ uint64, id int64, a common.Address) (bool, error) {
	for _, o := range c.owners[id] {
		if o == a {
			return true, nil
		}
	}
	return false, nil
}

func (c *fakeCatalog) Ranks(_ context.Context, _ uint64, ids []int64) (map[int64][]charts.Entry, error) {
	out := map[int64][]charts.Entry{}
	for key, list := range c.charts {
		per, chart, _ := strings.Cut(key, "/")
		for i, id := range list {
			out[id] = append(out[id], charts.Entry{Chart: chart, Period: charts.Period(per), Rank: i + 1})
		}
	}
	return out, nil
}

func (c *fakeCatalog) ChartTracks(ctx context.Context, chain uint64, chart string, p charts.Period) ([]store.ChartTrack, error) {
	var out []store.ChartTrack
	for i, id := range c.charts[string(p)+"/"+chart] {
		t, _ := c.Track(ctx, chain, id)
		prev := 0
		if i == 1 {
			prev = 1
		}
		out = append(out, store.ChartTrack{Entry: charts.Entry{Chart: chart, Period: p, Rank: i + 1, PreviousRank: prev,
			Score: charts.Score{TrackID: id, Sales: 10 - int64(i)}}, Track: t})
	}
	return out, nil
}

func (c *fakeCatalog) ShortLink(_ context.Context, _ uint64, id int64, a common.Address) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.asked++
	for code, l := range c.links {
		if l.TrackID == id && l.Account == a {
			return code, nil
		}
	}
	code := fmt.Sprintf("code%06d", len(c.links)+1)
	c.links[code] = store.ShortLink{Code: code, TrackID: id, Account: a}
	return code, nil
}

func (c *fakeCatalog) ResolveShortLink(_ context.Context, _ uint64, code string) (store.ShortLink, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if l, ok := c.links[code]; ok {
		return l, nil
	}
	return store.ShortLink{}, fmt.Errorf("fake: short link %q: %w", code, store.ErrNotFound)
}

// countingCatalog counts browses.
type countingCatalog struct {
	*fakeCatalog
	browses int
}

func (c *countingCatalog) BrowseTracks(ctx context.Context, chain uint64, b store.Browse) ([]store.Track, *store.BrowseCursor, error) {
	c.browses++
	return c.fakeCatalog.BrowseTracks(ctx, chain, b)
}

// fakeRelease is Mira's EP of tracks 1 and 2 (0.004 + 0.002 ETH) at 0.005 ETH, with its metadata;
// release 2 names a track the market does not show.
func fakeRelease(id int64) (store.Release, error) {
	at := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	price := func(s string) wei.Amount { a, _ := wei.Parse(s); return a }
	switch id {
	case 1:
		return store.Release{ID: 1, Artist: mira, Price: price("5000000000000000"), Listed: true, TrackIDs: []int64{2, 1}, RegisteredAt: at,
			Purchases: 3, Metadata: &store.ReleaseMetadata{ID: "0123456789abcdef0123456789abcdef", Uploader: mira, Title: "Low Tide <EP>",
				Kind: "ep", Description: "Two songs & the sea.", ReleaseDate: "2026-11-01", HasCover: true, UpdatedAt: at}}, nil
	case 2:
		return store.Release{ID: 2, Artist: mira, Price: price("1"), Listed: true, TrackIDs: []int64{1, 99}, RegisteredAt: at}, nil
	}
	return store.Release{}, fmt.Errorf("fake: release %d: %w", id, store.ErrNotFound)
}

func (c *fakeCatalog) Release(_ context.Context, _ uint64, id int64) (store.Release, error) {
	return fakeRelease(id)
}

func (c *fakeCatalog) NewestReleases(context.Context, uint64) ([]store.Release, error) {
	r, _ := fakeRelease(1)
	return []store.Release{r}, nil
}

// ArtistReleases are Mira's, newest first: release 2 (with a track the market does not show), then 1.
func (c *fakeCatalog) ArtistReleases(_ context.Context, _ uint64, a common.Address) ([]store.Release, error) {
	if a != mira {
		return nil, nil
	}
	r1, _ := fakeRelease(1)
	r2, _ := fakeRelease(2)
	return []store.Release{r2, r1}, nil
}

// releaseCoverColour is the colour of release 1's uploaded cover.
var releaseCoverColour = color.RGBA{R: 200, G: 30, B: 40, A: 255}

// ReleaseCover is release 1's uploaded cover: a square of releaseCoverColour.
func (c *fakeCatalog) ReleaseCover(_ context.Context, id string) ([]byte, time.Time, error) {
	r, _ := fakeRelease(1)
	if id != r.Metadata.ID {
		return nil, time.Time{}, fmt.Errorf("fake: release cover %q: %w", id, store.ErrNotFound)
	}
	return solidJPEG(releaseCoverColour, 600), r.Metadata.UpdatedAt, nil
}

// solidJPEG is a side×side JPEG of one colour.
func solidJPEG(c color.Color, side int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, side, side))
	draw.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{}, draw.Src)
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 95}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func (c *fakeCatalog) ReleasesOfTrack(_ context.Context, _ uint64, id int64, limit int) ([]store.Release, error) {
	var out []store.Release
	for _, rid := range []int64{1, 2} {
		if r, _ := fakeRelease(rid); slices.Contains(r.TrackIDs, id) && len(out) < limit {
			out = append(out, r)
		}
	}
	return out, nil
}
