package api

import (
	"context"
	"fmt"
	"math/big"
	"strconv"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// MaxTrackReleases bounds the releases a track's answer (and page) lists.
const MaxTrackReleases = 20

// ReleaseSource is what TrackReleases reads (a *store.Store is one).
type ReleaseSource interface {
	ReleasesOfTrack(ctx context.Context, chainID uint64, trackID int64) ([]int64, error)
	ArtistReleases(ctx context.Context, chainID uint64, artist common.Address) ([]store.Release, error)
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

// TrackReleases returns the releases t is part of, oldest first, at most MaxTrackReleases: only
// those whose every track the market shows (the others have no page). A release is registered by
// the artist of each of its tracks (the contract checks), so they are among t's artist's releases,
// which are read at once.
func TrackReleases(ctx context.Context, src ReleaseSource, chainID uint64, t store.Track) ([]TrackRelease, error) {
	ids, err := src.ReleasesOfTrack(ctx, chainID, t.ID)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	wanted := make(map[int64]bool, len(ids))
	for _, id := range ids {
		wanted[id] = true
	}
	all, err := src.ArtistReleases(ctx, chainID, t.Artist)
	if err != nil {
		return nil, err
	}
	var rels []store.Release
	var trackIDs []int64
	for i := len(all) - 1; i >= 0 && len(rels) < MaxTrackReleases; i-- { // newest first → oldest first
		if wanted[all[i].ID] {
			rels = append(rels, all[i])
			trackIDs = append(trackIDs, all[i].TrackIDs...)
		}
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
