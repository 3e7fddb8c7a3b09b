package indexer

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/logrange"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
)

// fetched is blocks read from the RPC: their logs decoded, and their headers (a backfill range:
// its last header only).
type fetched struct {
	from, to uint64
	events   []market.Event
	logs     int
	densest  int // the most logs in one block
	headers  []*types.Header
	checked  bool // by fetchBlocks: every header follows the one before, every log is in one of them
	err      error
}

// prefetch is blocks being fetched while the store applies the ones before.
type prefetch struct {
	from     uint64
	nearHead bool         // by fetchBlocks
	result   chan fetched // receives one value
}

// applyRange backfills from the cursor up to at most limit with one eth_getLogs call. Before it
// commits the range, it starts fetching the next one, which the next call takes over when the range
// is committed: reading the chain and writing the database overlap.
func (ix *Indexer) applyRange(ctx context.Context, cur store.Cursor, limit, target uint64) error {
	from := cur.BlockNumber + 1
	if p := ix.prefetch; p != nil && p.from == from && p.nearHead {
		// The last range was applied and the head moved on since: the blocks after it, prefetched, are
		// applied as blocks near the head, checked against the cursor.
		return ix.applyBlocks(ctx, cur, min(target, cur.BlockNumber+ix.cfg.ReorgWindow), nil)
	}
	f, ok := ix.takePrefetch(from)
	if !ok || f.to > limit { // nothing prefetched, or the head moved back since: fetch a range deep enough
		f = ix.fetch(ctx, from, min(from+ix.sizer.Span()-1, limit))
	}
	if f.err != nil {
		if logrange.IsRefusal(f.err) && f.to > f.from {
			ix.sizer.Refused(f.from, f.to)
			ix.cfg.Logger.Info("indexer: RPC refused the log range, halving it", "from", f.from, "to", f.to, "span", ix.sizer.Span(), "err", f.err)
			return nil
		}
		return f.err
	}
	ix.sizer.Read(f.from, f.to, f.logs, f.densest)
	if err := ix.planIndexes(ctx, f, limit); err != nil {
		return err
	}
	if next := f.to + 1; f.to < limit {
		ix.startPrefetch(ctx, next, false, func(ctx context.Context) fetched { return ix.fetch(ctx, next, min(f.to+ix.sizer.Span(), limit)) })
	} else {
		// The blocks near the head come next: they are checked against the cursor when they are applied.
		last := min(target, limit+ix.sizer.Ceiling())
		ix.startPrefetch(ctx, next, true, func(ctx context.Context) fetched { return ix.fetchBlocks(ctx, next, last, nil) })
	}
	return ix.apply(ctx, cur, f.events, f.headers)
}

// fetch reads and decodes the logs of blocks from..to and, at the same time, the header of block
// to. Block times come with the logs when the RPC includes them (blockTimestamp, as go-ethereum
// does since 1.14); only otherwise is a header read per block with logs (market.FillBlockTimes).
func (ix *Indexer) fetch(ctx context.Context, from, to uint64) fetched {
	f := fetched{from: from, to: to}
	type header struct {
		h   *types.Header
		err error
	}
	last := make(chan header, 1)
	go func() {
		h, err := ix.chain.HeaderByNumber(ctx, new(big.Int).SetUint64(to))
		last <- header{h, err}
	}()
	logs, err := ix.filterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to),
		Addresses: []common.Address{ix.cfg.Contract},
	})
	end := <-last
	if err != nil {
		f.err = fmt.Errorf("indexer: logs %d-%d: %w", from, to, err)
		return f
	}
	if end.err != nil {
		f.err = fmt.Errorf("indexer: header %d: %w", to, end.err)
		return f
	}
	f.headers = []*types.Header{end.h}
	f.logs, f.densest = len(logs), logrange.Densest(logs)
	f.events, f.err = ix.decode(ctx, logs)
	return f
}

// startPrefetch starts fetching the blocks from from on in the background.
func (ix *Indexer) startPrefetch(ctx context.Context, from uint64, nearHead bool, fetch func(context.Context) fetched) {
	ix.dropPrefetch()
	p := &prefetch{from: from, nearHead: nearHead, result: make(chan fetched, 1)}
	ix.prefetch = p
	go func() { p.result <- fetch(ctx) }()
}

// takePrefetch returns the prefetched range if it starts at from, waiting for it. A prefetch of
// another range (the cursor moved otherwise: a failed batch, a rollback) is dropped.
func (ix *Indexer) takePrefetch(from uint64) (fetched, bool) {
	p := ix.prefetch
	if p == nil || p.from != from {
		ix.dropPrefetch()
		return fetched{}, false
	}
	ix.prefetch = nil
	return <-p.result, true
}

// dropPrefetch forgets the range being prefetched; its goroutine ends on its own.
func (ix *Indexer) dropPrefetch() { ix.prefetch = nil }
