package store

import (
	"context"
	"fmt"
)

// RecentBlocks returns up to limit remembered blocks numbered atOrBelow or less, newest first.
func (q querier) RecentBlocks(ctx context.Context, chainID uint64, atOrBelow uint64, limit int) ([]Block, error) {
	var rows []blockRow
	err := q.with(ctx).Where("chain_id = ? AND number <= ?", int64(chainID), int64(atOrBelow)).
		Order("number DESC").Limit(limit).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("store: blocks at or below %d: %w", atOrBelow, classify(err))
	}
	out := make([]Block, 0, len(rows))
	for _, r := range rows {
		hash, err := parseHash(r.Hash)
		if err != nil {
			return nil, err
		}
		parent, err := parseHash(r.ParentHash)
		if err != nil {
			return nil, err
		}
		out = append(out, Block{ChainID: uint64(r.ChainID), Number: uint64(r.Number), Hash: hash, ParentHash: parent})
	}
	return out, nil
}
