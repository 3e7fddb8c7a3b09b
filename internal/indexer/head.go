package indexer

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/logrange"
	"github.com/bittunes/bittunes/internal/store"
)

// applyBlocks applies the blocks after the cursor up to to, near the head, in one batch: blocks
// whose headers chain by parent hash from the cursor's block, and whose logs each belong to one of
// those headers (see fetchBlocks). A first header that does not follow the cursor's block is a
// reorg. The blocks may have been prefetched while the last backfill range was written; they are
// used only if they still are the next ones to apply and follow the cursor. Logs of several blocks
// are asked for by range, so a batch is at most as wide as the widest range the RPC has not
// refused. head, when not nil, is the chain's head header, already read.
func (ix *Indexer) applyBlocks(ctx context.Context, cur store.Cursor, to uint64, head *types.Header) error {
	if err := ix.restoreIndexes(ctx); err != nil { // readers query near the head
		return err
	}
	to = min(to, cur.BlockNumber+ix.sizer.Ceiling())
	f, ok := ix.takePrefetch(cur.BlockNumber + 1)
	if !ok || f.err != nil || !f.checked || f.to > to || !follows(f.headers[0], cur) {
		f = ix.fetchBlocks(ctx, cur.BlockNumber+1, to, head)
	}
	if f.err != nil {
		if errors.Is(f.err, errRangeRefused) {
			ix.sizer.Refused(f.from, f.to)
			ix.cfg.Logger.Info("indexer: RPC refused the log range, narrowing it", "from", f.from, "to", f.to, "blocks", ix.sizer.Ceiling(), "err", f.err)
			return nil
		}
		return f.err
	}
	if !follows(f.headers[0], cur) {
		return ix.handleReorg(ctx, cur)
	}
	return ix.apply(ctx, cur, f.events, f.headers)
}

// follows reports whether h is the block after the cursor's (unknown when nothing was applied yet).
func follows(h *types.Header, cur store.Cursor) bool {
	return cur.BlockHash == (common.Hash{}) || h.ParentHash == cur.BlockHash
}

// errRangeRefused wraps an RPC's refusal of a range of blocks' logs in fetchBlocks.
var errRangeRefused = errors.New("log range refused")

// fetchBlocks reads the headers of blocks from..to as long as each one's parent is the one before (a
// header that is not ends the batch before it: the chain changed while reading) and, at the same
// time, their logs, each of which must belong to one of those headers, so that the batch's logs and
// block hashes describe the same chain. head, when not nil, is a header already read: the head
// block's logs are asked for by its hash at once, without reading its header again (the live path:
// a new block costs one eth_getLogs).
func (ix *Indexer) fetchBlocks(ctx context.Context, from, to uint64, head *types.Header) fetched {
	f := fetched{from: from, to: to}
	q := ethereum.FilterQuery{Addresses: []common.Address{ix.cfg.Contract}}
	known := head != nil && head.Number.Uint64() >= from && head.Number.Uint64() <= to
	if known && from == to {
		hash := head.Hash()
		q.BlockHash = &hash
	} else {
		q.FromBlock, q.ToBlock = new(big.Int).SetUint64(from), new(big.Int).SetUint64(to)
	}
	type result struct {
		logs []types.Log
		err  error
	}
	logsRead := make(chan result, 1)
	go func() {
		logs, err := ix.filterLogs(ctx, q)
		logsRead <- result{logs, err}
	}()
	for n := from; n <= to; n++ {
		h := head
		if !known || n != head.Number.Uint64() {
			var err error
			if h, err = ix.chain.HeaderByNumber(ctx, new(big.Int).SetUint64(n)); err != nil {
				f.err = fmt.Errorf("indexer: header %d: %w", n, err)
				return f
			}
		}
		if len(f.headers) > 0 && h.ParentHash != f.headers[len(f.headers)-1].Hash() {
			break
		}
		f.headers = append(f.headers, h)
	}
	f.to = f.headers[len(f.headers)-1].Number.Uint64()
	read := <-logsRead
	if err := read.err; err != nil {
		if to > from && logrange.IsRefusal(err) {
			err = fmt.Errorf("%w: %w", errRangeRefused, err)
		}
		f.err = fmt.Errorf("indexer: logs of blocks %d-%d: %w", from, to, err)
		return f
	}
	logs := read.logs
	for i := range logs {
		l := &logs[i]
		if l.BlockNumber > f.to { // past a header that did not follow: applied with the next batch
			logs = logs[:i]
			break
		}
		k := l.BlockNumber - f.from
		if l.BlockNumber < f.from || f.headers[k].Hash() != l.BlockHash {
			f.err = fmt.Errorf("indexer: block %d changed while reading its logs", l.BlockNumber)
			return f
		}
	}
	f.logs, f.checked = len(logs), true
	f.events, f.err = ix.decode(ctx, logs)
	return f
}
