package bench

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/store"
)

// liveShape is the live benchmark's market; its purchases arrive at liveRate for liveDuration.
var liveShape = Shape{Artists: 5, Tracks: 20, Fans: 200, Wave: 1, CollabEvery: 5, Seed: 3}

const (
	liveRate     = 20 // purchases per second
	liveDuration = time.Minute
)

func (r *runner) live(ctx context.Context) error {
	s := liveShape
	duration := time.Duration(float64(liveDuration) * r.cfg.Scale)
	s.Purchases = max(10, int(duration.Seconds()*liveRate))
	p, err := newPlan("live", s)
	if err != nil {
		return err
	}
	m, err := startDevMarket(ctx, 0)
	if err != nil {
		return err
	}
	defer m.Stop()
	if err := m.setUp(ctx, p); err != nil {
		return err
	}
	st, closeStore, err := r.freshStore(ctx, "live")
	if err != nil {
		return err
	}
	defer closeStore()
	chainID := m.chain.ChainID().Uint64()

	// The indexer follows the chain by head subscription, as in production.
	ixCtx, stopIndexer := context.WithCancel(ctx)
	ixDone := make(chan error, 1)
	ix := indexer.New(indexer.Config{ChainID: chainID, Contract: m.address, DeployBlock: m.deployBlock,
		Logger: r.log.With("component", "indexer")}, m.client, st)
	go func() { ixDone <- ix.Run(ixCtx) }()
	defer func() { stopIndexer(); <-ixDone }()
	if err := waitIndexed(ctx, st, m, time.Minute); err != nil {
		return err
	}

	heads, err := watchHeads(ctx, m)
	if err != nil {
		return err
	}
	defer heads.stop()
	var lags, txLags []time.Duration
	err = r.profile("index_live", func() error {
		lags, txLags, err = r.sendLive(ctx, m, p, st, heads)
		return err
	})
	if err != nil {
		return err
	}
	slices.Sort(lags)
	r.log.Info("bench: live lags", "purchases", len(lags), "min", lags[0], "max", lags[len(lags)-1])
	r.report(Result{"index_live_lag_p50", ms(percentile(lags, 50)), "ms"})
	r.report(Result{"index_live_lag_p99", ms(percentile(lags, 99)), "ms"})
	slices.Sort(txLags)
	r.report(Result{"index_live_tx_p50", ms(percentile(txLags, 50)), "ms"})
	r.report(Result{"index_live_tx_p99", ms(percentile(txLags, 99)), "ms"})
	return nil
}

// sendLive sends the plan's purchases at liveRate and measures, for each, the time from its block
// appearing (the head notification or its receipt, whichever comes first) to its row being
// readable from the store (lags), and from sending its transaction to that (txLags: the delay a
// buyer feels).
func (r *runner) sendLive(ctx context.Context, m *devMarket, p *plan, st *store.Store, heads *headWatch) (lags, txLags []time.Duration, err error) {
	chainID := m.chain.ChainID().Uint64()
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	tick := time.NewTicker(time.Second / liveRate)
	defer tick.Stop()
	for i, q := range p.purchases {
		select {
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		case <-tick.C:
		}
		txs, err := m.sender.sign(ctx, []txRequest{m.purchase(p, q)})
		if err != nil {
			return nil, nil, err
		}
		sent := time.Now()
		if err := m.sender.send(ctx, txs); err != nil {
			return nil, nil, err
		}
		wg.Go(func() {
			lag, visible, err := measureLag(ctx, m, st, chainID, txs[0], heads)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, fmt.Errorf("purchase %d: %w", i, err))
			}
			lags, txLags = append(lags, lag), append(txLags, visible.Sub(sent))
		})
	}
	wg.Wait()
	if len(errs) > 0 {
		return nil, nil, errs[0]
	}
	return lags, txLags, nil
}

// measureLag polls, every millisecond, for tx's receipt and for its row in the store. It returns
// the time from its block appearing to its row being readable, and when the row became readable.
func measureLag(ctx context.Context, m *devMarket, st *store.Store, chainID uint64, tx *types.Transaction, heads *headWatch) (time.Duration, time.Time, error) {
	deadline := time.Now().Add(30 * time.Second)
	var receipt *types.Receipt
	var receiptAt time.Time
	for time.Now().Before(deadline) {
		if receipt == nil {
			if rc, err := m.client.TransactionReceipt(ctx, tx.Hash()); err == nil {
				receipt, receiptAt = rc, time.Now()
				if rc.Status != types.ReceiptStatusSuccessful {
					return 0, time.Time{}, fmt.Errorf("transaction %s reverted", tx.Hash().Hex())
				}
			}
		}
		found, err := st.HasPurchase(ctx, chainID, tx.Hash())
		if err != nil {
			return 0, time.Time{}, err
		}
		if found {
			visible := time.Now()
			if receipt == nil { // indexed before the receipt could be read: find the block by its head
				if receipt, err = m.client.TransactionReceipt(ctx, tx.Hash()); err != nil {
					return 0, time.Time{}, err
				}
				receiptAt = visible
			}
			appeared := receiptAt
			if at, ok := heads.seen(receipt.BlockHash); ok && at.Before(appeared) {
				appeared = at
			}
			return visible.Sub(appeared), visible, nil
		}
		time.Sleep(time.Millisecond)
	}
	return 0, time.Time{}, fmt.Errorf("transaction %s not indexed within 30 s", tx.Hash().Hex())
}

// headWatch records when each new head is announced to a subscriber of its own.
type headWatch struct {
	mu    sync.Mutex
	at    map[common.Hash]time.Time
	stop  func()
	close chan struct{}
}

func watchHeads(ctx context.Context, m *devMarket) (*headWatch, error) {
	ch := make(chan *types.Header, 64)
	sub, err := m.client.SubscribeNewHead(ctx, ch)
	if err != nil {
		return nil, fmt.Errorf("bench: head subscription: %w", err)
	}
	w := &headWatch{at: map[common.Hash]time.Time{}, close: make(chan struct{})}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case h := <-ch:
				now := time.Now()
				w.mu.Lock()
				w.at[h.Hash()] = now
				w.mu.Unlock()
			case <-sub.Err():
				return
			case <-w.close:
				return
			}
		}
	}()
	w.stop = func() { close(w.close); sub.Unsubscribe(); <-done }
	return w, nil
}

// seen returns when the block was announced.
func (w *headWatch) seen(hash common.Hash) (time.Time, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	t, ok := w.at[hash]
	return t, ok
}

// waitIndexed waits until the store's cursor reaches the chain's head.
func waitIndexed(ctx context.Context, st *store.Store, m *devMarket, within time.Duration) error {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		head, err := m.client.BlockNumber(ctx)
		if err != nil {
			return err
		}
		if c, err := st.Cursor(ctx, m.chain.ChainID().Uint64(), m.address); err == nil && c.BlockNumber >= head {
			return nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return fmt.Errorf("the indexer did not reach the head within %s", within)
}

// percentile returns the p-th percentile of sorted durations (nearest rank).
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
