package indexer

import (
	"context"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
)

// FilterLogs exposes the indexer's way of reading logs to tests.
func (ix *Indexer) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	return ix.filterLogs(ctx, q)
}
