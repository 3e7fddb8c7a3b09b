package store

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/wei"
)

// Collaboration is a track an account shares in as a collaborator: its share of the artist side
// and what the track's sales credited it.
type Collaboration struct {
	Track  Track
	Bps    int
	Earned wei.Amount
	Sales  int64 // the sales that credited it
}

// Collaborations returns the tracks in the market an account is a collaborator on, newest first,
// with what each paid it.
func (q querier) Collaborations(ctx context.Context, chainID uint64, account common.Address) ([]Collaboration, error) {
	fail := func(err error) ([]Collaboration, error) {
		return nil, fmt.Errorf("store: collaborations of %s: %w", account.Hex(), classify(err))
	}
	who := addressText(account)
	var cs []collaboratorRow
	if err := q.with(ctx).Where("chain_id = ? AND account = ?", int64(chainID), who).Order("track_id DESC").Find(&cs).Error; err != nil {
		return fail(err)
	}
	if len(cs) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(cs))
	for i, c := range cs {
		ids[i] = c.TrackID
	}
	tracks, err := q.Tracks(ctx, chainID, ids)
	if err != nil {
		return nil, err
	}
	credits, err := q.Credits(ctx, chainID, account, RoleCollaborator)
	if err != nil {
		return nil, err
	}
	earned := map[int64]wei.Amount{}
	sales := map[int64]int64{}
	for _, cr := range credits {
		sum, err := earned[cr.TrackID].Add(cr.Amount)
		if err != nil {
			return fail(err)
		}
		earned[cr.TrackID] = sum
		sales[cr.TrackID]++
	}
	var out []Collaboration
	for _, c := range cs {
		if t, ok := tracks[c.TrackID]; ok {
			out = append(out, Collaboration{Track: t, Bps: c.Bps, Earned: earned[c.TrackID], Sales: sales[c.TrackID]})
		}
	}
	return out, nil
}
