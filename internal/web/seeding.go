package web

import (
	"context"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
)

// Seeds tells which tracks an account seeds now, as its signed seeding heartbeats say (a
// *store.Store).
type Seeds interface {
	SeededTracks(ctx context.Context, chainID uint64, account common.Address, now time.Time) ([]int64, error)
}

// maxSeedsShown bounds the tracks an account page lists as seeded (all are counted).
const maxSeedsShown = 50

// seedingView is the "Seeding" block of an account page.
type seedingView struct {
	Address string
	Count   int64
	Tracks  []store.Track
}

// seeding reads what account seeds now; without a Seeds source, nothing.
func (p *pages) seeding(ctx context.Context, account common.Address) (seedingView, error) {
	v := seedingView{Address: account.Hex()}
	if p.cfg.Seeds == nil {
		return v, nil
	}
	ids, err := p.cfg.Seeds.SeededTracks(ctx, p.cfg.ChainID, account, time.Now())
	if err != nil {
		return v, err
	}
	tracks, err := p.cfg.Catalog.Tracks(ctx, p.cfg.ChainID, ids[:min(len(ids), maxSeedsShown)])
	if err != nil {
		return v, err
	}
	for _, id := range ids {
		if t, ok := tracks[id]; ok {
			v.Tracks = append(v.Tracks, t)
		}
	}
	v.Count = int64(len(ids))
	return v, nil
}
