package market

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// HeaderReader reads block headers (ethclient does).
type HeaderReader interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// ErrBlockChanged reports a block whose hash is no longer the one its logs were read from: a reorg
// happened meanwhile.
var ErrBlockChanged = errors.New("block changed while reading its logs")

// FillBlockTimes sets the block time of the logs an RPC returned without one (eth_getLogs gives it
// only on recent clients), reading each block's header once; times remembers the blocks read,
// across calls if the caller keeps it.
func FillBlockTimes(ctx context.Context, chain HeaderReader, logs []types.Log, times map[common.Hash]uint64) error {
	for i := range logs {
		l := &logs[i]
		if l.BlockTimestamp != 0 {
			continue
		}
		t, ok := times[l.BlockHash]
		if !ok {
			h, err := chain.HeaderByNumber(ctx, new(big.Int).SetUint64(l.BlockNumber))
			if err != nil {
				return fmt.Errorf("header %d: %w", l.BlockNumber, err)
			}
			if h.Hash() != l.BlockHash {
				return fmt.Errorf("block %d: %w", l.BlockNumber, ErrBlockChanged)
			}
			t = h.Time
			times[l.BlockHash] = t
		}
		l.BlockTimestamp = t
	}
	return nil
}
