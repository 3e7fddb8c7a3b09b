// Package indexer follows the market contract's logs from its deployment block into the store: the
// read models every page is served from.
//
// How it stays exact:
//   - Backfill asks eth_getLogs for adaptive block ranges: a range the RPC refuses (too large, too
//     many results, timed out) is halved; the next range is sized to hold about TargetLogs logs, up
//     to MaxRange blocks. While the store applies one range, the next is fetched and decoded.
//   - Within ReorgWindow blocks of the head it checks every header's parent hash against the block
//     before, and every log's block hash against its header, and applies those blocks together. A
//     mismatch with the stored cursor is a reorg: it walks back to the newest block it applied that
//     is still canonical and rolls the store back to it, then re-applies the canonical chain.
//   - Each batch of events is applied in one database transaction together with the cursor and the
//     block hashes it covers, and rows are keyed by (chain, tx hash, log index): a kill at any
//     instant loses nothing and counts nothing twice.
//   - RPC faults are retried with exponential backoff, each logged; nothing is skipped.
//   - New heads arrive by subscription when the RPC offers one (WebSocket, in-process); a dropped
//     subscription is renewed with backoff, and heads are polled only while there is none. Only
//     blocks Confirmations deep are indexed.
//   - A head below the indexed blocks (an RPC node that lost blocks, a deep reorg) is a possible
//     reorg: the indexer rolls back to the newest indexed block the node still has, and reports it.
//
// Runner keeps an indexer going through database outages: it takes the PostgreSQL lock, runs the
// indexer while it holds it, and takes it again (or waits as a standby) after losing it.
package indexer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/bittunes/bittunes/internal/logrange"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/retry"
	"github.com/bittunes/bittunes/internal/store"
)

// Chain is what the indexer needs of an Ethereum RPC: logs and headers. ethclient.Client and the
// simulated backend's client provide it.
type Chain interface {
	ethereum.LogFilterer
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// HeadSubscriber is offered by RPCs that push new heads (WebSocket, in-process).
type HeadSubscriber interface {
	SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error)
}

// Store is what the indexer needs of the database.
type Store interface {
	Cursor(ctx context.Context, chainID uint64, contract common.Address) (store.Cursor, error)
	RecentBlocks(ctx context.Context, chainID uint64, atOrBelow uint64, limit int) ([]store.Block, error)
	Apply(ctx context.Context, batch store.Batch) error
	// RollbackReorg rolls back to a block and records the rollback in the reorg history.
	RollbackReorg(ctx context.Context, r store.Reorg, to store.Block) (store.Reorg, error)
}

// Config says what to follow and how.
type Config struct {
	ChainID       uint64
	Contract      common.Address
	DeployBlock   uint64
	Confirmations uint64 // blocks behind the head that are indexed; 0 = the head itself
	ReorgWindow   uint64 // blocks near the head indexed with parent-hash checks of every block
	MaxRange      uint64 // the largest eth_getLogs range tried in backfill
	TargetLogs    int    // how many logs a backfill range should hold
	// DeferIndexesAbove is how many logs must be left to backfill for the store's deferrable indexes to
	// be deferred until near the head (deferred_indexes.go): 50 000 when zero, never when negative.
	DeferIndexesAbove int64
	PollInterval      time.Duration // how often to ask for the head when the RPC cannot push heads
	RetryDelay        time.Duration // the first wait after a failure; it doubles up to MaxRetryDelay
	// MaxRetryDelay is the longest wait between retries (5 s when zero): how long an outage of the
	// RPC or the database may outlast itself in the indexer.
	MaxRetryDelay time.Duration
	Logger        *slog.Logger
	// OnApplied, if set, is called after each committed batch with the new cursor.
	OnApplied func(store.Cursor)
	// OnRolledBack, if set, is called after a reorg rolled the store back to the block given.
	OnRolledBack func(store.Block)
	// Metrics, if set, gets the indexer's metrics and status.
	Metrics *Metrics
}

// ErrFatal marks errors that retrying cannot fix (a configuration the chain contradicts): Run
// returns them instead of retrying.
var ErrFatal = errors.New("indexer: cannot continue")

// dbError marks an error of the database, as opposed to one of the RPC.
type dbError struct{ error }

func (e dbError) Unwrap() error { return e.error }

func (c *Config) defaults() {
	if c.ReorgWindow == 0 {
		c.ReorgWindow = 64
	}
	if c.MaxRange == 0 {
		c.MaxRange = 10_000
	}
	if c.TargetLogs == 0 {
		c.TargetLogs = 10_000
	}
	if c.DeferIndexesAbove == 0 {
		c.DeferIndexesAbove = 50_000
	}
	if c.PollInterval == 0 {
		c.PollInterval = time.Second
	}
	if c.MaxRetryDelay == 0 {
		c.MaxRetryDelay = 5 * time.Second
	}
	if c.RetryDelay == 0 {
		c.RetryDelay = 100 * time.Millisecond
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
}

// Indexer follows one market contract on one chain.
type Indexer struct {
	cfg     Config
	chain   Chain
	store   Store
	decoder *market.Decoder
	sizer   *logrange.Sizer // how many blocks the next eth_getLogs range spans
	cursor  *store.Cursor
	// cursorTime is the timestamp of the cursor's block, when known (for the lag in seconds).
	cursorTime uint64
	prefetch   *prefetch // the next backfill range, being fetched
	indexes    indexState
	// pushed is the newest head the subscription pushed and no step has used yet: the next step
	// starts from it instead of asking the RPC for the head.
	pushed atomic.Pointer[types.Header]
}

// New returns an indexer; Run starts it.
func New(cfg Config, chain Chain, st Store) *Indexer {
	cfg.defaults()
	return &Indexer{cfg: cfg, chain: chain, store: st, decoder: market.NewDecoder(),
		sizer: logrange.NewSizer(10, cfg.MaxRange, cfg.TargetLogs)}
}

// Run indexes until ctx ends, retrying RPC and database faults with backoff. It returns ctx's
// error, or an error wrapping ErrFatal that retrying cannot fix.
func (ix *Indexer) Run(ctx context.Context) error {
	heads := make(chan struct{}, 1)
	watching, stopWatching := context.WithCancel(ctx)
	watched := make(chan struct{})
	go func() { defer close(watched); ix.watchHeads(watching, heads) }()
	defer func() { stopWatching(); <-watched }()
	backoff := &retry.Backoff{First: ix.cfg.RetryDelay, Max: ix.cfg.MaxRetryDelay}
	for {
		caughtUp, err := ix.Step(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if errors.Is(err, ErrFatal) {
			return err
		}
		if err != nil {
			ix.cursor = nil // re-read it: the failed batch may or may not have committed
			ix.cfg.Metrics.failed(err, !errors.As(err, new(dbError)))
			wait := backoff.Next()
			ix.cfg.Logger.Warn("indexer: step failed, retrying", "err", err, "retry_in", wait)
			if !retry.Sleep(ctx, wait) {
				return ctx.Err()
			}
			continue
		}
		backoff.Reset()
		if !caughtUp {
			continue
		}
		select { // a new head, or the poll interval while there is no head subscription
		case <-ctx.Done():
			return ctx.Err()
		case <-heads:
		}
	}
}

// Step applies the next range or block, or handles a reorg. It reports whether the indexer has
// caught up with the confirmed head.
func (ix *Indexer) Step(ctx context.Context) (caughtUp bool, err error) {
	cur, err := ix.loadCursor(ctx)
	if err != nil {
		return false, err
	}
	headHeader := ix.pushed.Swap(nil)
	if headHeader == nil || headHeader.Number.Uint64() < cur.BlockNumber {
		if headHeader, err = ix.chain.HeaderByNumber(ctx, nil); err != nil {
			return false, fmt.Errorf("indexer: head: %w", err)
		}
	}
	head := headHeader.Number.Uint64()
	ix.observePositions(ctx, cur, headHeader)
	if head < cur.BlockNumber {
		return false, ix.headBelowCursor(ctx, cur, head)
	}
	if head < ix.cfg.Confirmations {
		return true, nil
	}
	target := head - ix.cfg.Confirmations
	if cur.BlockNumber >= target {
		if err := ix.restoreIndexes(ctx); err != nil {
			return false, err
		}
		// Nothing new, but the head may have been replaced: check our last block is still canonical.
		if cur.BlockNumber > ix.cfg.DeployBlock-1 && cur.BlockNumber+ix.cfg.ReorgWindow > head {
			h, err := ix.chain.HeaderByNumber(ctx, new(big.Int).SetUint64(cur.BlockNumber))
			if err != nil {
				return false, fmt.Errorf("indexer: header %d: %w", cur.BlockNumber, err)
			}
			if h.Hash() != cur.BlockHash {
				return false, ix.handleReorg(ctx, cur)
			}
		}
		return true, nil
	}
	if cur.BlockNumber+1+ix.cfg.ReorgWindow > target {
		return false, ix.applyBlocks(ctx, cur, target, headHeader)
	}
	return false, ix.applyRange(ctx, cur, target-ix.cfg.ReorgWindow, target)
}

func (ix *Indexer) loadCursor(ctx context.Context) (store.Cursor, error) {
	if ix.cursor != nil {
		return *ix.cursor, nil
	}
	cur, err := ix.store.Cursor(ctx, ix.cfg.ChainID, ix.cfg.Contract)
	switch {
	case errors.Is(err, store.ErrNotFound):
		if ix.cfg.DeployBlock == 0 {
			return store.Cursor{}, fmt.Errorf("%w: the deployment block must be at least 1", ErrFatal)
		}
		// Nothing indexed yet: start right before the deployment block.
		cur = store.Cursor{ChainID: ix.cfg.ChainID, Contract: ix.cfg.Contract, BlockNumber: ix.cfg.DeployBlock - 1}
	case err != nil:
		return store.Cursor{}, dbError{fmt.Errorf("indexer: cursor: %w", err)}
	}
	ix.cursor = &cur
	return cur, nil
}

// decode decodes logs, filling in block times the RPC left out.
func (ix *Indexer) decode(ctx context.Context, logs []types.Log) ([]market.Event, error) {
	if err := market.FillBlockTimes(ctx, ix.chain, logs, map[common.Hash]uint64{}); err != nil {
		return nil, fmt.Errorf("indexer: %w", err)
	}
	events, err := ix.decoder.Decode(logs)
	if err != nil {
		return nil, fmt.Errorf("indexer: %w", err)
	}
	return events, nil
}

// apply commits decoded events with the new cursor (the last of headers) in one transaction.
func (ix *Indexer) apply(ctx context.Context, cur store.Cursor, events []market.Event, headers []*types.Header) error {
	last := headers[len(headers)-1]
	next := store.Cursor{ChainID: ix.cfg.ChainID, Contract: ix.cfg.Contract, BlockNumber: last.Number.Uint64(), BlockHash: last.Hash()}
	batch := store.Batch{From: cur.BlockNumber + 1, Cursor: next, Events: events}
	for _, h := range headers {
		batch.Blocks = append(batch.Blocks, store.Block{ChainID: ix.cfg.ChainID, Number: h.Number.Uint64(), Hash: h.Hash(), ParentHash: h.ParentHash})
	}
	if keep := 4 * ix.cfg.ReorgWindow; next.BlockNumber > keep {
		batch.PruneBelow = next.BlockNumber - keep
	}
	start := time.Now()
	if err := ix.store.Apply(ctx, batch); err != nil {
		return dbError{fmt.Errorf("indexer: apply blocks %d-%d: %w", cur.BlockNumber+1, next.BlockNumber, err)}
	}
	ix.cfg.Metrics.applied(time.Since(start), events)
	ix.cursorTime = last.Time
	ix.cursor = &next
	if ix.cfg.OnApplied != nil {
		ix.cfg.OnApplied(next)
	}
	return nil
}

// handleReorg rolls the store back to the newest applied block that is still canonical.
func (ix *Indexer) handleReorg(ctx context.Context, cur store.Cursor) error {
	return ix.rollBack(ctx, cur, cur.BlockNumber, false)
}

// headBelowCursor handles an RPC head below the indexed blocks: a deep reorg, or a node that lost
// blocks (restored from an old snapshot, another node behind a load balancer). The purchases in
// the blocks the node does not have are not on its chain, so the store rolls back to the newest
// indexed block the node still has; the blocks are indexed again when the node has them. A head
// below the deployment block is a node that is not synced: nothing is rolled back, and the step
// fails until the node catches up.
func (ix *Indexer) headBelowCursor(ctx context.Context, cur store.Cursor, head uint64) error {
	ix.cfg.Logger.Warn("indexer: the RPC's head is below the indexed blocks (a deep reorg, or a node that lost blocks); looking for the common ancestor",
		"head", head, "cursor", cur.BlockNumber)
	if head+1 < ix.cfg.DeployBlock {
		return fmt.Errorf("indexer: the RPC's head %d is below the market's deployment block %d: is the node synced?", head, ix.cfg.DeployBlock)
	}
	return ix.rollBack(ctx, cur, head, true)
}

// rollBack rolls the store back from the cursor to the newest applied block at or below from that
// is still canonical.
func (ix *Indexer) rollBack(ctx context.Context, cur store.Cursor, from uint64, headBelow bool) error {
	ancestor, err := ix.commonAncestor(ctx, from)
	if err != nil {
		return err
	}
	depth := cur.BlockNumber - ancestor.Number
	ix.cfg.Logger.Warn("indexer: reorg, rolling back", "from_block", cur.BlockNumber, "to_block", ancestor.Number, "depth", depth, "head_below_cursor", headBelow)
	r, err := ix.store.RollbackReorg(ctx, store.Reorg{ChainID: ix.cfg.ChainID, Contract: ix.cfg.Contract, At: time.Now(),
		FromBlock: cur.BlockNumber, ToBlock: ancestor.Number, Depth: depth, HeadBelowCursor: headBelow}, ancestor)
	if err != nil {
		return dbError{fmt.Errorf("indexer: rollback to %d: %w", ancestor.Number, err)}
	}
	ix.cfg.Metrics.rolledBack(Reorg{At: r.At, FromBlock: r.FromBlock, ToBlock: r.ToBlock, Depth: r.Depth, HeadBelowCursor: headBelow,
		PurchasesRolledBack: r.PurchasesRolledBack})
	ix.cursor, ix.cursorTime = nil, 0
	if ix.cfg.OnRolledBack != nil {
		ix.cfg.OnRolledBack(ancestor)
	}
	return nil
}

// commonAncestor walks the applied blocks down from number until one is still on the chain. When
// none is, it falls back to re-indexing from the deployment block.
func (ix *Indexer) commonAncestor(ctx context.Context, number uint64) (store.Block, error) {
	for {
		blocks, err := ix.store.RecentBlocks(ctx, ix.cfg.ChainID, number, 64)
		if err != nil {
			return store.Block{}, dbError{fmt.Errorf("indexer: recent blocks: %w", err)}
		}
		if len(blocks) == 0 {
			ix.cfg.Logger.Error("indexer: reorg deeper than the remembered blocks: re-indexing from the deployment block", "below", number)
			return store.Block{ChainID: ix.cfg.ChainID, Number: ix.cfg.DeployBlock - 1}, nil
		}
		for _, b := range blocks {
			h, err := ix.chain.HeaderByNumber(ctx, new(big.Int).SetUint64(b.Number))
			if errors.Is(err, ethereum.NotFound) {
				continue // the node does not have it (any more): not the common ancestor
			}
			if err != nil {
				return store.Block{}, fmt.Errorf("indexer: header %d: %w", b.Number, err)
			}
			if h.Hash() == b.Hash {
				return b, nil
			}
		}
		last := blocks[len(blocks)-1].Number
		if last == 0 {
			return store.Block{ChainID: ix.cfg.ChainID, Number: ix.cfg.DeployBlock - 1}, nil
		}
		number = last - 1
	}
}

// observePositions records the cursor and the head for the metrics and the status.
func (ix *Indexer) observePositions(ctx context.Context, cur store.Cursor, head *types.Header) {
	if ix.cfg.Metrics == nil {
		return
	}
	if ix.cursorTime == 0 && cur.BlockNumber > 0 && cur.BlockNumber <= head.Number.Uint64() {
		if h, err := ix.chain.HeaderByNumber(ctx, new(big.Int).SetUint64(cur.BlockNumber)); err == nil && h.Hash() == cur.BlockHash {
			ix.cursorTime = h.Time
		}
	}
	ix.cfg.Metrics.positions(cur.BlockNumber, ix.cursorTime, head.Number.Uint64(), head.Time)
}

// watchHeads ticks tick on every new head until ctx ends. It follows a head subscription when the
// RPC offers one, renewing it with backoff when it drops (an RPC restart); only while there is
// none does it tick every PollInterval instead.
func (ix *Indexer) watchHeads(ctx context.Context, tick chan<- struct{}) {
	notify := func() {
		select {
		case tick <- struct{}{}:
		default:
		}
	}
	hs, canSubscribe := ix.chain.(HeadSubscriber)
	backoff := retry.Backoff{First: ix.cfg.RetryDelay, Max: ix.cfg.MaxRetryDelay}
	for ctx.Err() == nil {
		if !canSubscribe {
			ix.cfg.Metrics.setSubscribed(false)
			ix.poll(ctx, notify, 0)
			return
		}
		headers := make(chan *types.Header, 16)
		sub, err := hs.SubscribeNewHead(ctx, headers)
		if errors.Is(err, rpc.ErrNotificationsUnsupported) {
			ix.cfg.Logger.Info("indexer: the RPC cannot push new heads; polling", "interval", ix.cfg.PollInterval)
			canSubscribe = false
			continue
		}
		if err != nil {
			ix.cfg.Metrics.setSubscribed(false)
			ix.cfg.Metrics.failed(fmt.Errorf("indexer: subscribe to new heads: %w", err), true)
			wait := backoff.Next()
			ix.cfg.Logger.Warn("indexer: no head subscription; polling until it is back", "err", err, "retry_in", wait)
			ix.poll(ctx, notify, wait)
			continue
		}
		backoff.Reset()
		ix.cfg.Metrics.setSubscribed(true)
		ix.cfg.Logger.Info("indexer: following new heads by subscription")
		notify() // heads may have arrived while there was no subscription
		ix.followSubscription(ctx, sub, headers, notify)
		ix.cfg.Metrics.setSubscribed(false)
	}
}

// followSubscription ticks on each head of sub until it drops or ctx ends.
func (ix *Indexer) followSubscription(ctx context.Context, sub ethereum.Subscription, headers <-chan *types.Header, notify func()) {
	defer sub.Unsubscribe()
	for {
		select {
		case h := <-headers:
			ix.pushed.Store(h)
			notify()
		case err := <-sub.Err():
			ix.cfg.Metrics.failed(fmt.Errorf("indexer: head subscription: %w", err), true)
			ix.cfg.Logger.Warn("indexer: head subscription dropped; resubscribing", "err", err)
			return
		case <-ctx.Done():
			return
		}
	}
}

// poll ticks every PollInterval for d (until ctx ends when d is 0).
func (ix *Indexer) poll(ctx context.Context, notify func(), d time.Duration) {
	var end <-chan time.Time
	if d > 0 {
		timer := time.NewTimer(d)
		defer timer.Stop()
		end = timer.C
	}
	t := time.NewTicker(ix.cfg.PollInterval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			notify()
		case <-end:
			return
		case <-ctx.Done():
			return
		}
	}
}
