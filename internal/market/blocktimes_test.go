package market_test

import (
	"context"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/market"
)

// headers is a chain of headers by number, counting how often each is read.
type headers struct {
	byNumber map[uint64]*types.Header
	reads    int
}

func (h *headers) HeaderByNumber(_ context.Context, n *big.Int) (*types.Header, error) {
	h.reads++
	return h.byNumber[n.Uint64()], nil
}

func TestFillBlockTimesReadsEachBlockOnceAndNoticesAReorg(t *testing.T) {
	chain := &headers{byNumber: map[uint64]*types.Header{
		5: {Number: big.NewInt(5), Time: 1_000},
		6: {Number: big.NewInt(6), Time: 1_012},
	}}
	h5, h6 := chain.byNumber[5].Hash(), chain.byNumber[6].Hash()
	logs := []types.Log{
		{BlockNumber: 5, BlockHash: h5}, {BlockNumber: 5, BlockHash: h5, Index: 1},
		{BlockNumber: 6, BlockHash: h6, BlockTimestamp: 1_012}, // the RPC gave it
		{BlockNumber: 6, BlockHash: h6, Index: 1},
	}
	times := map[common.Hash]uint64{}
	if err := market.FillBlockTimes(context.Background(), chain, logs, times); err != nil {
		t.Fatal(err)
	}
	for i, want := range []uint64{1_000, 1_000, 1_012, 1_012} {
		if logs[i].BlockTimestamp != want {
			t.Errorf("log %d: time %d, want %d", i, logs[i].BlockTimestamp, want)
		}
	}
	if chain.reads != 2 {
		t.Errorf("read %d headers, want 2 (one a block)", chain.reads)
	}
	orphaned := []types.Log{{BlockNumber: 6, BlockHash: common.HexToHash("0xdead")}}
	if err := market.FillBlockTimes(context.Background(), chain, orphaned, times); !errors.Is(err, market.ErrBlockChanged) {
		t.Errorf("a log of a block no longer canonical: %v, want ErrBlockChanged", err)
	}
}
