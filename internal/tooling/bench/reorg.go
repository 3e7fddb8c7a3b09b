package bench

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"

	"github.com/bittunes/bittunes/abi"
	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
)

// Reorg benchmark: after a history of reorgHistory purchases, rounds of a reorg replacing
// reorgDepth blocks at the head with reorgDepth+1 new ones; the median recovery is reported.
const (
	reorgHistory = 20_000
	reorgDepth   = 3
	reorgRounds  = 5
	reorgPerBlk  = 4   // purchases per block during the rounds
	historyBlock = 200 // purchases per block of the history
)

var reorgShape = Shape{Artists: 10, Tracks: 100, Fans: 600, Wave: reorgPerBlk, CollabEvery: 5, Seed: 4}

// simMarket is the market on go-ethereum's simulated backend, which mines on Commit and can fork.
type simMarket struct {
	backend  *simulated.Backend
	client   simulated.Client
	chainID  uint64
	address  common.Address
	deploy   uint64
	contract *bindings.Market
	sender   *sender
	trackIDs []int64
}

func (r *runner) reorg(ctx context.Context) error {
	shape := reorgShape
	history := r.scaled(reorgHistory, historyBlock)
	shape.Purchases = history + reorgRounds*(2*reorgDepth+1)*reorgPerBlk
	p, err := newPlan("reorg", shape)
	if err != nil {
		return err
	}
	m, err := startSimMarket(ctx, p)
	if err != nil {
		return err
	}
	defer m.backend.Close()
	waves := p.waves()
	// The history: the rollbacks of the rounds work on a database of some size.
	for n := 0; n < history; n += historyBlock {
		var block []txRequest
		for _, wave := range waves[:historyBlock/reorgPerBlk] {
			for _, q := range wave {
				block = append(block, m.purchase(p, q))
			}
		}
		waves = waves[historyBlock/reorgPerBlk:]
		if _, err := m.mine(ctx, block); err != nil {
			return fmt.Errorf("bench: reorg history: %w", err)
		}
	}
	st, closeStore, err := r.freshStore(ctx, "reorg")
	if err != nil {
		return err
	}
	defer closeStore()

	chain := &gatedChain{client: m.client}
	ixCtx, stopIndexer := context.WithCancel(ctx)
	ixDone := make(chan error, 1)
	ix := indexer.New(indexer.Config{ChainID: m.chainID, Contract: m.address, DeployBlock: m.deploy,
		Logger: r.log.With("component", "indexer")}, chain, st)
	go func() { ixDone <- ix.Run(ixCtx) }()
	stop := sync.OnceFunc(func() { stopIndexer(); <-ixDone })
	defer stop()
	if err := m.waitCursor(ctx, st, nil); err != nil {
		return err
	}

	var took []time.Duration
	for round := range reorgRounds {
		// Chain A: reorgDepth blocks of purchases, indexed.
		var orphans []*types.Transaction
		for range reorgDepth {
			txs, err := m.buy(ctx, p, waves[0])
			if err != nil {
				return err
			}
			waves = waves[1:]
			orphans = append(orphans, txs...)
		}
		if err := m.waitCursor(ctx, st, nil); err != nil {
			return err
		}
		// Chain B forks off below them. The backend puts their transactions back into its pool: the
		// first is replaced (same sender and nonce, a higher tip) by a transfer, so its purchase is
		// gone for good; the others are mined again, in other blocks, with new purchases.
		head, err := m.client.HeaderByNumber(ctx, nil)
		if err != nil {
			return err
		}
		base, err := m.client.HeaderByNumber(ctx, new(big.Int).Sub(head.Number, big.NewInt(reorgDepth)))
		if err != nil {
			return err
		}
		chain.mu.Lock()
		t0, newHead, fresh, err := m.fork(ctx, p, base, orphans[0], &waves)
		chain.mu.Unlock()
		if err != nil {
			return err
		}
		if err := m.waitCursor(ctx, st, &newHead); err != nil {
			return err
		}
		took = append(took, time.Since(t0))
		if err := checkReorg(ctx, st, m.chainID, orphans[0], fresh); err != nil {
			return fmt.Errorf("round %d: %w", round, err)
		}
		r.log.Info("bench: reorg recovered", "round", round, "took", took[len(took)-1])
	}
	stop()
	slices.Sort(took)
	r.report(Result{"index_reorg_recovery", ms(took[len(took)/2]), "ms"})
	return r.sameAsFromScratch(ctx, m, st)
}

// fork replaces the blocks above base: the orphan is replaced, the next waves of purchases are
// mined in reorgDepth+1 new blocks. It returns when the new head was available, the head, and one
// of the new purchases.
func (m *simMarket) fork(ctx context.Context, p *plan, base *types.Header, orphan *types.Transaction, waves *[][]purchasePlan) (time.Time, common.Hash, *types.Transaction, error) {
	fail := func(err error) (time.Time, common.Hash, *types.Transaction, error) {
		return time.Time{}, common.Hash{}, nil, fmt.Errorf("bench: fork: %w", err)
	}
	if err := m.backend.Fork(base.Hash()); err != nil {
		return fail(err)
	}
	from, err := types.Sender(m.sender.signer, orphan)
	if err != nil {
		return fail(err)
	}
	replacement, err := m.sender.signAt(ctx, txRequest{from: p.accountOf(from), to: &from, gas: params.TxGas}, orphan.Nonce(),
		new(big.Int).Mul(orphan.GasTipCap(), big.NewInt(2)))
	if err != nil {
		return fail(err)
	}
	// The pool takes the replacement once it has moved to the new head, in the background.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(2 * time.Millisecond) {
		err := m.client.SendTransaction(ctx, replacement)
		if err == nil {
			break
		}
		if !strings.Contains(err.Error(), "nonce too low") || time.Now().After(deadline) {
			return fail(err)
		}
	}
	var fresh *types.Transaction
	for range reorgDepth + 1 {
		reqs := make([]txRequest, len((*waves)[0]))
		for i, q := range (*waves)[0] {
			reqs[i] = m.purchase(p, q)
		}
		*waves = (*waves)[1:]
		txs, err := m.sender.sign(ctx, reqs)
		if err != nil {
			return fail(err)
		}
		if err := m.sender.send(ctx, txs); err != nil {
			return fail(err)
		}
		fresh = txs[0]
		m.backend.Commit()
	}
	t0 := time.Now()
	head, err := m.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return fail(err)
	}
	if head.Number.Uint64() != base.Number.Uint64()+reorgDepth+1 {
		return fail(fmt.Errorf("new head %d, want %d", head.Number, base.Number.Uint64()+reorgDepth+1))
	}
	return t0, head.Hash(), fresh, nil
}

// checkReorg checks the orphaned purchase is gone and a new one is there.
func checkReorg(ctx context.Context, st *store.Store, chainID uint64, orphan, fresh *types.Transaction) error {
	if ok, err := st.HasPurchase(ctx, chainID, orphan.Hash()); err != nil || ok {
		return fmt.Errorf("the orphaned purchase %s is still indexed (%v)", orphan.Hash().Hex(), err)
	}
	if ok, err := st.HasPurchase(ctx, chainID, fresh.Hash()); err != nil || !ok {
		return fmt.Errorf("the new purchase %s is not indexed (%v)", fresh.Hash().Hex(), err)
	}
	return nil
}

// sameAsFromScratch compares the reorged database with one indexed from scratch.
func (r *runner) sameAsFromScratch(ctx context.Context, m *simMarket, st *store.Store) error {
	scratch, closeScratch, err := r.freshStore(ctx, "reorg_scratch")
	if err != nil {
		return err
	}
	defer closeScratch()
	ix := indexer.New(indexer.Config{ChainID: m.chainID, Contract: m.address, DeployBlock: m.deploy,
		Logger: r.log.With("component", "indexer")}, m.client, scratch)
	for {
		caughtUp, err := ix.Step(ctx)
		if err != nil {
			return err
		}
		if caughtUp {
			break
		}
	}
	a, err := st.Snapshot(ctx, m.chainID)
	if err != nil {
		return err
	}
	b, err := scratch.Snapshot(ctx, m.chainID)
	if err != nil {
		return err
	}
	if !reflect.DeepEqual(a, b) {
		return fmt.Errorf("after the reorgs the database differs from one indexed from scratch")
	}
	return nil
}

// startSimMarket starts a simulated chain funding the plan's accounts, deploys the market, registers
// the plan's tracks and mines a first block of purchases.
func startSimMarket(ctx context.Context, p *plan) (*simMarket, error) {
	operator := keyed("bench reorg operator")
	alloc := types.GenesisAlloc{operator.addr: {Balance: new(big.Int).Mul(big.NewInt(1_000), big.NewInt(params.Ether))}}
	for _, a := range append(append([]account{}, p.artists...), p.fans...) {
		alloc[a.addr] = types.Account{Balance: new(big.Int).Mul(big.NewInt(10), big.NewInt(params.Ether))}
	}
	backend := simulated.NewBackend(alloc, simulated.WithBlockGasLimit(blockGasLimit))
	m := &simMarket{backend: backend, client: backend.Client(), contract: bindings.NewMarket()}
	id, err := m.client.ChainID(ctx)
	if err != nil {
		backend.Close()
		return nil, err
	}
	m.chainID, m.sender = id.Uint64(), newSender(m.client, id)
	fail := func(err error) (*simMarket, error) {
		backend.Close()
		return nil, fmt.Errorf("bench: simulated market: %w", err)
	}
	ctor := m.contract.PackConstructor(operator.addr, operator.addr, big.NewInt(feeBps))
	receipts, err := m.mine(ctx, []txRequest{{from: operator, gas: deployGas, data: append(abi.MarketBytecode(), ctor...)}})
	if err != nil {
		return fail(err)
	}
	m.address, m.deploy = receipts[0].ContractAddress, receipts[0].BlockNumber.Uint64()
	var reqs []txRequest
	for n, t := range p.tracks {
		var collaborators []bindings.BittunesMarketCollaborator
		for _, c := range t.collaborators {
			collaborators = append(collaborators, bindings.BittunesMarketCollaborator{Account: c.account, Bps: c.bps})
		}
		hash := common.BytesToHash(keyed(fmt.Sprintf("package %d", n)).addr.Bytes())
		reqs = append(reqs, txRequest{from: p.artists[t.artist], to: &m.address, gas: registerGas,
			data: m.contract.PackRegister(t.price, big.NewInt(t.referralBps), hash, fmt.Sprintf("ipfs://bench/%d", n), collaborators)})
	}
	if receipts, err = m.mine(ctx, reqs); err != nil {
		return fail(err)
	}
	for _, rc := range receipts {
		for _, l := range rc.Logs {
			if ev, err := m.contract.UnpackTrackRegisteredEvent(l); err == nil {
				m.trackIDs = append(m.trackIDs, ev.TrackId.Int64())
			}
		}
	}
	if len(m.trackIDs) != len(p.tracks) {
		return fail(fmt.Errorf("%d tracks registered, want %d", len(m.trackIDs), len(p.tracks)))
	}
	m.sender.fresh(p.fans)
	return m, nil
}

// mine sends the requests, mines a block and checks they all succeeded in it.
func (m *simMarket) mine(ctx context.Context, reqs []txRequest) ([]*types.Receipt, error) {
	txs, err := m.sender.sign(ctx, reqs)
	if err != nil {
		return nil, err
	}
	if err := m.sender.send(ctx, txs); err != nil {
		return nil, err
	}
	m.backend.Commit()
	receipts := make([]*types.Receipt, len(txs))
	for i, tx := range txs {
		r, err := m.receipt(ctx, tx)
		if err != nil {
			return nil, err
		}
		if r.Status != types.ReceiptStatusSuccessful {
			return nil, fmt.Errorf("transaction %s reverted", tx.Hash().Hex())
		}
		receipts[i] = r
	}
	return receipts, nil
}

// receipt waits for tx's receipt. The simulated backend's pool promotes transactions in the
// background, so on a busy machine a transaction sent just before a Commit can miss that block:
// then another block is mined for it.
func (m *simMarket) receipt(ctx context.Context, tx *types.Transaction) (*types.Receipt, error) {
	for attempt := 0; ; attempt++ {
		r, err := m.client.TransactionReceipt(ctx, tx.Hash())
		if err == nil {
			return r, nil
		}
		if !errors.Is(err, ethereum.NotFound) || attempt == 100 {
			return nil, fmt.Errorf("receipt of %s: %w", tx.Hash().Hex(), err)
		}
		time.Sleep(10 * time.Millisecond)
		if attempt%20 == 19 {
			m.backend.Commit()
		}
	}
}

// buy mines a block with a wave of purchases.
func (m *simMarket) buy(ctx context.Context, p *plan, wave []purchasePlan) ([]*types.Transaction, error) {
	reqs := make([]txRequest, len(wave))
	for i, q := range wave {
		reqs[i] = m.purchase(p, q)
	}
	receipts, err := m.mine(ctx, reqs)
	if err != nil {
		return nil, err
	}
	txs := make([]*types.Transaction, len(receipts))
	for i, r := range receipts {
		tx, _, err := m.client.TransactionByHash(ctx, r.TxHash)
		if err != nil {
			return nil, err
		}
		txs[i] = tx
	}
	return txs, nil
}

func (m *simMarket) purchase(p *plan, q purchasePlan) txRequest {
	data := market.PackPurchase(m.contract, big.NewInt(m.trackIDs[q.track]), common.Address{}, q.referrer, market.AnyTerms)
	return txRequest{from: p.fans[q.fan], to: &m.address, value: p.tracks[q.track].price, gas: purchaseGas, data: data}
}

// waitCursor waits until the store's cursor is at the head (want nil) or at block want.
func (m *simMarket) waitCursor(ctx context.Context, st *store.Store, want *common.Hash) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		target := want
		if target == nil {
			h, err := m.client.HeaderByNumber(ctx, nil)
			if err != nil {
				return err
			}
			hash := h.Hash()
			target = &hash
		}
		if c, err := st.Cursor(ctx, m.chainID, m.address); err == nil && c.BlockHash == *target {
			return nil
		}
		time.Sleep(time.Millisecond)
	}
	return fmt.Errorf("bench: the indexer did not reach the head within 30 s")
}

// gatedChain is the simulated chain as the indexer sees it: the benchmark holds mu while it forks,
// so the indexer sees the chain before the reorg or after it, never half-made.
type gatedChain struct {
	client simulated.Client
	mu     sync.RWMutex
}

func (g *gatedChain) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return g.client.FilterLogs(ctx, q)
}

func (g *gatedChain) SubscribeFilterLogs(ctx context.Context, q ethereum.FilterQuery, ch chan<- types.Log) (ethereum.Subscription, error) {
	return g.client.SubscribeFilterLogs(ctx, q, ch)
}

func (g *gatedChain) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return g.client.HeaderByNumber(ctx, n)
}

func (g *gatedChain) SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error) {
	return g.client.SubscribeNewHead(ctx, ch)
}

var _ indexer.HeadSubscriber = (*gatedChain)(nil)
