package indexer_test

import (
	"context"
	"math/big"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

// countingChain counts the RPC calls the indexer makes; it pushes new heads like its inner chain.
type countingChain struct {
	inner interface {
		indexer.Chain
		indexer.HeadSubscriber
	}
	headers, logs atomic.Int64
}

func (c *countingChain) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	c.logs.Add(1)
	return c.inner.FilterLogs(ctx, q)
}

func (c *countingChain) SubscribeFilterLogs(ctx context.Context, q ethereum.FilterQuery, ch chan<- types.Log) (ethereum.Subscription, error) {
	return c.inner.SubscribeFilterLogs(ctx, q, ch)
}

func (c *countingChain) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	c.headers.Add(1)
	return c.inner.HeaderByNumber(ctx, n)
}

func (c *countingChain) SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error) {
	return c.inner.SubscribeNewHead(ctx, ch)
}

// TestANewBlockCostsOneLogsCallBeforeItsCommit: following pushed heads, a new block's purchase is
// committed after one eth_getLogs (by the block's hash) and no header read: the pushed head is the
// block's header.
func TestANewBlockCostsOneLogsCallBeforeItsCommit(t *testing.T) {
	forEachDB(t, func(t *testing.T, open func() *store.Store) {
		m := simchain.New(t, 8)
		id := m.Register(t, 1, 1_000_000, 2_000)
		s := open()
		chain := &countingChain{inner: m.Eth}
		var mu sync.Mutex
		var atCommit [2]int64 // header and logs calls when the last batch committed
		ix := indexer.New(indexer.Config{ChainID: simchain.ChainID, Contract: m.Address, DeployBlock: m.DeployBlock,
			ReorgWindow: 8, MaxRange: 16, PollInterval: time.Hour, Logger: quietLogger(),
			OnApplied: func(store.Cursor) {
				mu.Lock()
				atCommit = [2]int64{chain.headers.Load(), chain.logs.Load()}
				mu.Unlock()
			}}, chain, s)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- ix.Run(ctx) }()
		defer func() { cancel(); <-done }()
		waitFor := func(what string) {
			t.Helper()
			deadline := time.Now().Add(10 * time.Second)
			for !cursorAt(t, s, m) {
				if time.Now().After(deadline) {
					t.Fatalf("%s not indexed within 10 s", what)
				}
				time.Sleep(5 * time.Millisecond)
			}
			time.Sleep(50 * time.Millisecond) // the step after the commit, checking the head, is done
		}
		waitFor("the registration")
		for buyer := 4; buyer < 7; buyer++ {
			headers, logs := chain.headers.Load(), chain.logs.Load()
			m.Buy(t, buyer, id, m.Addr(4))
			m.Commit()
			waitFor("the purchase")
			mu.Lock()
			gotHeaders, gotLogs := atCommit[0]-headers, atCommit[1]-logs
			mu.Unlock()
			if gotHeaders != 0 || gotLogs != 1 {
				t.Errorf("purchase by %d: committed after %d header reads and %d eth_getLogs, want 0 and 1", buyer, gotHeaders, gotLogs)
			}
		}
	})
}
