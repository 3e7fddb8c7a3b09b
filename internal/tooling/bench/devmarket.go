package bench

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/bittunes/bittunes/abi"
	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/devchain"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/retry"
)

// Gas limits of the workload's transactions: fixed, so that nothing is estimated. The dev chain runs
// every fork go-ethereum's developer mode enables, whose storage costs make a first purchase of a
// track about 264 000 gas (more than 600 000 for a track whose collaborators are paid for the first
// time) and a registration with a collaborator about 490 000.
const (
	purchaseGas = 2_000_000
	registerGas = 1_500_000
	deployGas   = 12_000_000
)

// blockGasLimit is the dev chain's block gas limit: 200 purchases take about 53M gas, so a 60M
// limit (target 30M) would raise the base fee by almost 10 % a block; at 150M they stay under the
// target and the base fee stays low.
const blockGasLimit = 150_000_000

// feeBps is the platform fee of the benchmark's markets.
const feeBps = 500

// devMarket is the market deployed on a fresh in-memory dev chain, and what builds workloads on it.
type devMarket struct {
	chain       *devchain.Chain
	client      *ethclient.Client
	contract    *bindings.Market
	address     common.Address
	deployBlock uint64
	dev         []account // the dev chain's funded accounts; 0 is the operator
	sender      *sender
	blocks      *blockFollower
	trackIDs    []int64 // on-chain ids of the plan's tracks, in plan order
}

// startDevMarket starts an in-memory dev chain and deploys the market on it. With period 0 a block
// is mined as soon as transactions arrive; then a wave of transactions sent one by one is spread
// over several blocks, as each block is sealed while the rest arrive. With a period, a block is
// mined every period, holding every transaction that arrived in between.
func startDevMarket(ctx context.Context, period time.Duration) (*devMarket, error) {
	chain, err := devchain.Start(ctx, devchain.Config{HTTPPort: 0, WSPort: 0, GasLimit: blockGasLimit, BlockPeriod: period})
	if err != nil {
		return nil, err
	}
	m := &devMarket{chain: chain, client: chain.Client(), contract: bindings.NewMarket()}
	for _, a := range chain.Accounts() {
		m.dev = append(m.dev, account{key: a.Key, addr: a.Address})
	}
	m.sender = newSender(m.client, chain.ChainID())
	m.blocks = &blockFollower{client: m.client}
	operator := m.dev[0]
	ctor := m.contract.PackConstructor(operator.addr, operator.addr, big.NewInt(feeBps))
	receipts, err := m.transact(ctx, []txRequest{{from: operator, gas: deployGas, data: append(abi.MarketBytecode(), ctor...)}})
	if err != nil {
		chain.Stop()
		return nil, fmt.Errorf("bench: deploy market: %w", err)
	}
	m.address, m.deployBlock = receipts[0].ContractAddress, receipts[0].BlockNumber.Uint64()
	m.blocks.market, m.blocks.from = m.address, m.deployBlock
	m.blocks.logs = countLogs(receipts[0], m.address)
	return m, nil
}

// Stop stops the chain.
func (m *devMarket) Stop() error { return m.chain.Stop() }

// transact signs and sends the requests, waits until all are mined and checks they succeeded.
func (m *devMarket) transact(ctx context.Context, reqs []txRequest) ([]*types.Receipt, error) {
	txs, err := m.sender.sign(ctx, reqs)
	if err != nil {
		return nil, err
	}
	if err := m.sender.send(ctx, txs); err != nil {
		return nil, err
	}
	return m.blocks.wait(ctx, txs)
}

// fund sends each account amount wei from the dev accounts, in waves of blocks full of transfers.
func (m *devMarket) fund(ctx context.Context, accounts []account, amount *big.Int) error {
	const wave = 2_500 // a 60M-gas block holds about 2 850 transfers
	for start := 0; start < len(accounts); start += wave {
		var reqs []txRequest
		for i, a := range accounts[start:min(start+wave, len(accounts))] {
			to := a.addr
			reqs = append(reqs, txRequest{from: m.dev[i%len(m.dev)], to: &to, value: amount, gas: params.TxGas})
		}
		if _, err := m.transact(ctx, reqs); err != nil {
			return fmt.Errorf("bench: fund accounts: %w", err)
		}
	}
	m.sender.fresh(accounts)
	return nil
}

// setUp funds the plan's artists and fans and registers its tracks.
func (m *devMarket) setUp(ctx context.Context, p *plan) error {
	if err := m.fund(ctx, p.artists, big.NewInt(params.Ether)); err != nil {
		return err
	}
	if err := m.fund(ctx, p.fans, new(big.Int).Mul(big.NewInt(2), big.NewInt(params.Ether))); err != nil {
		return err
	}
	return m.register(ctx, p)
}

// register registers the plan's tracks in waves and records their on-chain ids.
func (m *devMarket) register(ctx context.Context, p *plan) error {
	const wave = 200
	m.trackIDs = make([]int64, len(p.tracks))
	for start := 0; start < len(p.tracks); start += wave {
		var reqs []txRequest
		for i, t := range p.tracks[start:min(start+wave, len(p.tracks))] {
			var collaborators []bindings.BittunesMarketCollaborator
			for _, c := range t.collaborators {
				collaborators = append(collaborators, bindings.BittunesMarketCollaborator{Account: c.account, Bps: c.bps})
			}
			n := start + i
			hash := common.BytesToHash(keyed(fmt.Sprintf("package %d", n)).addr.Bytes()) // any non-zero content hash
			data := m.contract.PackRegister(t.price, big.NewInt(t.referralBps), hash, fmt.Sprintf("ipfs://bench/%d", n), collaborators)
			reqs = append(reqs, txRequest{from: p.artists[t.artist], to: &m.address, gas: registerGas, data: data})
		}
		receipts, err := m.transact(ctx, reqs)
		if err != nil {
			return fmt.Errorf("bench: register tracks: %w", err)
		}
		for i, r := range receipts {
			for _, l := range r.Logs {
				if ev, err := m.contract.UnpackTrackRegisteredEvent(l); err == nil {
					m.trackIDs[start+i] = ev.TrackId.Int64()
				}
			}
			if m.trackIDs[start+i] == 0 {
				return fmt.Errorf("bench: register track %d: no TrackRegistered event", start+i)
			}
		}
	}
	return nil
}

// purchase is the transaction of a planned purchase.
func (m *devMarket) purchase(p *plan, q purchasePlan) txRequest {
	data := market.PackPurchase(m.contract, big.NewInt(m.trackIDs[q.track]), common.Address{}, q.referrer, market.AnyTerms)
	return txRequest{from: p.fans[q.fan], to: &m.address, value: p.tracks[q.track].price, gas: purchaseGas, data: data}
}

// blockFollower reads the chain's blocks in order, collecting the receipts of the transactions a
// workload waits for and counting the market's logs.
type blockFollower struct {
	client *ethclient.Client
	market common.Address
	from   uint64 // the deployment block: logs are counted from there
	next   uint64 // the next block to read
	logs   int    // market logs in the blocks read
	mined  map[common.Hash]*types.Receipt
	blocks map[uint64]bool // blocks holding waited-for transactions, since the last reset
}

// wait returns the receipts of txs, in order, once all are mined; it fails if one reverted.
func (f *blockFollower) wait(ctx context.Context, txs []*types.Transaction) ([]*types.Receipt, error) {
	if f.mined == nil {
		f.mined, f.blocks = map[common.Hash]*types.Receipt{}, map[uint64]bool{}
	}
	want := map[common.Hash]bool{}
	for _, tx := range txs {
		want[tx.Hash()] = true
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		missing := 0
		for h := range want {
			if f.mined[h] == nil {
				missing++
			}
		}
		if missing == 0 {
			break
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("bench: %d of %d transactions not mined within 2 minutes", missing, len(txs))
		}
		head, err := f.client.BlockNumber(ctx)
		if err != nil {
			return nil, fmt.Errorf("bench: head: %w", err)
		}
		if f.next > head {
			if !retry.Sleep(ctx, 2*time.Millisecond) {
				return nil, ctx.Err()
			}
			continue
		}
		for ; f.next <= head; f.next++ {
			receipts, err := f.client.BlockReceipts(ctx, rpc.BlockNumberOrHashWithNumber(rpc.BlockNumber(f.next)))
			if err != nil {
				return nil, fmt.Errorf("bench: receipts of block %d: %w", f.next, err)
			}
			for _, r := range receipts {
				if f.from > 0 && f.next >= f.from {
					f.logs += countLogs(r, f.market)
				}
				if want[r.TxHash] {
					f.mined[r.TxHash] = r
					f.blocks[f.next] = true
				}
			}
		}
	}
	out := make([]*types.Receipt, len(txs))
	var errs []error
	for i, tx := range txs {
		out[i] = f.mined[tx.Hash()]
		delete(f.mined, tx.Hash())
		if out[i].Status != types.ReceiptStatusSuccessful {
			errs = append(errs, fmt.Errorf("transaction %d (%s) reverted in block %d, %d gas used of %d", i, tx.Hash().Hex(),
				out[i].BlockNumber, out[i].GasUsed, tx.Gas()))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("bench: %d of %d transactions failed, first: %w", len(errs), len(txs), errs[0])
	}
	return out, nil
}

// countLogs counts the logs of the market in a receipt.
func countLogs(r *types.Receipt, market common.Address) int {
	n := 0
	for _, l := range r.Logs {
		if l.Address == market {
			n++
		}
	}
	return n
}
