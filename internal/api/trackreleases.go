package api

import (
	"context"
	"fmt"
	"math/big"
	"strconv"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// MaxTrackReleases bounds the releases a track's answer (and page) lists.
const MaxTrackReleases = 20

// ReleaseSource is what TrackReleases reads (a *store.Store is one).
type ReleaseSource interface {
	ReleasesOfTrack(ctx context.Context, chainID uint64, trackID int64, limit int) ([]store.Release, error)
	Tracks(ctx context.Context, chainID uint64, ids []int64) (map[int64]store.Track, error)
}

// TrackRelease is a release a track is part of, as a track's page names it.
type TrackRelease struct {
	Release   store.Release
	Title     string // the artist's title, else "Release {id}"
	Kind      string // album, ep, single; "" without metadata
	Position  int    // the track's place in the release, from 1
	Effective wei.Amount
}

// TrackReleases returns the first MaxTrackReleases releases t is part of, oldest first, but those
// with a track the market does not show (they have no page).
func TrackReleases(ctx context.Context, src ReleaseSource, chainID uint64, t store.Track) ([]TrackRelease, error) {
	rels, err := src.ReleasesOfTrack(ctx, chainID, t.ID, MaxTrackReleases)
	if err != nil || len(rels) == 0 {
		return nil, err
	}
	var trackIDs []int64
	for _, r := range rels {
		trackIDs = append(trackIDs, r.TrackIDs...)
	}
	tracks, err := src.Tracks(ctx, chainID, trackIDs)
	if err != nil {
		return nil, err
	}
	out := make([]TrackRelease, 0, len(rels))
next:
	for _, r := range rels {
		v := TrackRelease{Release: r, Title: "Release " + strconv.FormatInt(r.ID, 10)}
		prices := make([]*big.Int, len(r.TrackIDs))
		for i, id := range r.TrackIDs {
			tr, ok := tracks[id]
			if !ok {
				continue next
			}
			prices[i] = tr.Price.BigInt()
			if id == t.ID {
				v.Position = i + 1
			}
		}
		effective, _ := market.Apportion(r.Price.BigInt(), prices)
		if v.Effective, err = wei.New(effective); err != nil {
			return nil, fmt.Errorf("api: release %d: %w", r.ID, err)
		}
		if m := r.Metadata; m != nil {
			v.Title, v.Kind = m.Title, m.Kind
		}
		out = append(out, v)
	}
	return out, nil
}

// trackReleaseJSON is a release a track is part of, in the track's answer.
type trackReleaseJSON struct {
	ID             int64      `json:"id"`
	Title          string     `json:"title"`
	Kind           *string    `json:"kind"` // null without the artist's metadata
	Position       int        `json:"position"`
	Tracks         int        `json:"tracks"`
	EffectivePrice amountJSON `json:"effectivePrice"`
	Listed         bool       `json:"listed"`
	Page           string     `json:"page"`
}

func trackReleasesView(list []TrackRelease) []trackReleaseJSON {
	out := make([]trackReleaseJSON, len(list))
	for i, x := range list {
		out[i] = trackReleaseJSON{ID: x.Release.ID, Title: x.Title, Position: x.Position, Tracks: len(x.Release.TrackIDs),
			EffectivePrice: amount(x.Effective), Listed: x.Release.Listed, Page: "/releases/" + itoa(x.Release.ID)}
		if x.Kind != "" {
			k := x.Kind
			out[i].Kind = &k
		}
	}
	return out
}
