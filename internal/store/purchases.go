package store

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// HasPurchase reports whether a purchase made by transaction tx on the chain is indexed.
func (q querier) HasPurchase(ctx context.Context, chainID uint64, tx common.Hash) (bool, error) {
	var found bool
	err := q.with(ctx).Raw("SELECT EXISTS (SELECT 1 FROM purchases WHERE chain_id = ? AND tx_hash = ?)", int64(chainID), hashText(tx)).
		Row().Scan(&found)
	if err != nil {
		return false, fmt.Errorf("store: purchase %s: %w", hashText(tx), classify(err))
	}
	return found, nil
}
