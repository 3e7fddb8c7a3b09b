package web

import (
	"context"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/store"
)

// Catalog is what the server-rendered pages, feeds and embeds read: the store's catalogue
// queries, the same ones the JSON API renders (a *store.Store is one).
type Catalog interface {
	Track(ctx context.Context, chainID uint64, id int64) (store.Track, error)
	Tracks(ctx context.Context, chainID uint64, ids []int64) (map[int64]store.Track, error)
	BrowseTracks(ctx context.Context, chainID uint64, b store.Browse) ([]store.Track, *store.BrowseCursor, error)
	Genres(ctx context.Context, chainID uint64) ([]store.Genre, error)
	ArtistTracks(ctx context.Context, chainID uint64, artist common.Address) ([]store.Track, error)
	Owns(ctx context.Context, chainID uint64, trackID int64, account common.Address) (bool, error)
	Ranks(ctx context.Context, chainID uint64, ids []int64) (map[int64][]charts.Entry, error)
	ChartTracks(ctx context.Context, chainID uint64, chart string, period charts.Period) ([]store.ChartTrack, error)
	ShortLink(ctx context.Context, chainID uint64, trackID int64, account common.Address) (string, error)
	ResolveShortLink(ctx context.Context, chainID uint64, code string) (store.ShortLink, error)
	Release(ctx context.Context, chainID uint64, id int64) (store.Release, error)
	ArtistReleases(ctx context.Context, chainID uint64, artist common.Address) ([]store.Release, error)
	NewestReleases(ctx context.Context, chainID uint64) ([]store.Release, error)
	ReleasesOfTrack(ctx context.Context, chainID uint64, trackID int64, limit int) ([]store.Release, error)
	ReleaseCover(ctx context.Context, metadataID string) ([]byte, time.Time, error)
}
