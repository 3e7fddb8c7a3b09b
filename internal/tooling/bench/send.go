package bench

import (
	"context"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"
)

// txBackend is what sending needs of a chain client; the dev chain's and the simulated backend's
// clients provide it.
type txBackend interface {
	SendTransaction(ctx context.Context, tx *types.Transaction) error
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	NonceAt(ctx context.Context, account common.Address, block *big.Int) (uint64, error)
}

// txRequest is a transaction to sign and send.
type txRequest struct {
	from  account
	to    *common.Address // nil creates a contract
	value *big.Int
	gas   uint64
	data  []byte
}

// sender signs transactions with explicit nonces per sender and EIP-1559 fees from the head's base
// fee, and sends them.
type sender struct {
	client  txBackend
	chainID *big.Int
	signer  types.Signer
	tip     *big.Int
	mu      sync.Mutex
	nonces  map[common.Address]uint64
}

func newSender(client txBackend, chainID *big.Int) *sender {
	return &sender{client: client, chainID: chainID, signer: types.LatestSignerForChainID(chainID),
		tip: big.NewInt(params.GWei), nonces: map[common.Address]uint64{}}
}

// fresh records that accounts have never sent a transaction, so their nonces start at 0 without
// asking the chain.
func (s *sender) fresh(accounts []account) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range accounts {
		s.nonces[a.addr] = 0
	}
}

// sign assigns the requests their nonces, in order, and signs them with fees twice the current base
// fee plus the tip.
func (s *sender) sign(ctx context.Context, reqs []txRequest) ([]*types.Transaction, error) {
	tip := s.tip
	head, err := s.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("bench: head: %w", err)
	}
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	txs := make([]*types.Transaction, len(reqs))
	nonces := make([]uint64, len(reqs))
	for i, r := range reqs {
		if nonces[i], err = s.nextNonce(ctx, r.from.addr); err != nil {
			return nil, err
		}
	}
	err = parallel(len(reqs), func(i int) error {
		r := reqs[i]
		value := r.value
		if value == nil {
			value = new(big.Int)
		}
		tx, err := types.SignNewTx(r.from.key, s.signer, &types.DynamicFeeTx{
			ChainID: s.chainID, Nonce: nonces[i], GasTipCap: tip, GasFeeCap: feeCap, Gas: r.gas,
			To: r.to, Value: value, Data: r.data,
		})
		txs[i] = tx
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("bench: sign: %w", err)
	}
	return txs, nil
}

// nextNonce returns the nonce of account's next transaction and counts it as used.
func (s *sender) nextNonce(ctx context.Context, a common.Address) (uint64, error) {
	s.mu.Lock()
	n, ok := s.nonces[a]
	s.mu.Unlock()
	if !ok {
		var err error
		if n, err = s.client.NonceAt(ctx, a, nil); err != nil {
			return 0, fmt.Errorf("bench: nonce of %s: %w", a.Hex(), err)
		}
	}
	s.mu.Lock()
	s.nonces[a] = n + 1
	s.mu.Unlock()
	return n, nil
}

// send sends signed transactions, a few at a time.
func (s *sender) send(ctx context.Context, txs []*types.Transaction) error {
	return parallel(len(txs), func(i int) error {
		if err := s.client.SendTransaction(ctx, txs[i]); err != nil {
			return fmt.Errorf("bench: send %s: %w", txs[i].Hash().Hex(), err)
		}
		return nil
	})
}

// parallel runs f(0) … f(n-1) on a few goroutines and returns the first error.
func parallel(n int, f func(i int) error) error {
	const workers = 4
	var (
		mu    sync.Mutex
		next  int
		first error
		wg    sync.WaitGroup
	)
	for range min(workers, n) {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				stop := i >= n || first != nil
				mu.Unlock()
				if stop {
					return
				}
				if err := f(i); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return first
}

// signAt signs one request with the given nonce and tip, leaving the sender's nonces alone: a
// replacement of a transaction in the pool.
func (s *sender) signAt(ctx context.Context, r txRequest, nonce uint64, tip *big.Int) (*types.Transaction, error) {
	head, err := s.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("bench: head: %w", err)
	}
	value := r.value
	if value == nil {
		value = new(big.Int)
	}
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	return types.SignNewTx(r.from.key, s.signer, &types.DynamicFeeTx{
		ChainID: s.chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: r.gas, To: r.to, Value: value, Data: r.data,
	})
}
