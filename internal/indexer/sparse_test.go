package indexer_test

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

// timelessChain is an RPC whose logs do not carry their block's timestamp (older nodes).
type timelessChain struct{ *countingChain }

func (c timelessChain) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	logs, err := c.countingChain.FilterLogs(ctx, q)
	for i := range logs {
		logs[i].BlockTimestamp = 0
	}
	return logs, err
}

// TestBackfillReadsHeadersOnlyWhenLogsLackTheirTime: over 60 blocks with purchases, a backfill reads
// one header per range when the logs carry blockTimestamp (go-ethereum's do), and one per block
// with logs only when they do not; both give the same read models.
func TestBackfillReadsHeadersOnlyWhenLogsLackTheirTime(t *testing.T) {
	m := simchain.New(t, 12)
	tr := newTruth()
	workload(t, m, tr, 3, 60)
	head, err := m.Client.BlockNumber(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	blocks := head - m.DeployBlock + 1
	withTime := &countingChain{inner: m.Eth}
	s := openStore(t, "sqlite:"+t.TempDir()+"/a.db")
	runUntilCaughtUp(t, newIndexer(m, s, withTime, 8))
	// Each step reads the head; a range its last header; the reorg window's blocks one header each.
	if got, most := uint64(withTime.headers.Load()), blocks/2; got > most {
		t.Errorf("with block times in the logs: %d header reads for %d blocks, want at most %d", got, blocks, most)
	}

	without := timelessChain{&countingChain{inner: m.Eth}}
	fresh := openStore(t, "sqlite:"+t.TempDir()+"/b.db")
	runUntilCaughtUp(t, newIndexer(m, fresh, without, 8))
	if got := uint64(without.headers.Load()); got < blocks-10 {
		t.Errorf("without block times in the logs: %d header reads for %d blocks with logs, want one per block", got, blocks)
	}
	sameSnapshots(t, fresh, s)
}
