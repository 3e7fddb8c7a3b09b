package devchain

import (
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// TestManyConcurrentTransactions sends 200 transfers from 4 accounts all at
// once, nonces arriving out of order, and expects every one to be mined.
func TestManyConcurrentTransactions(t *testing.T) {
	const senders, perSender = 4, 50
	chain := startChain(t, Config{})
	client := dial(t, chain.HTTPURL())
	a := chain.Accounts()

	var txs []*types.Transaction
	for s := range senders {
		for n := range perSender {
			to := common.BigToAddress(big.NewInt(int64(0x10000 + s*perSender + n)))
			txs = append(txs, transfer(t, chain.ChainID(), a[s], uint64(n), to, int64(n+1)))
		}
	}
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, len(txs))
	for _, tx := range txs {
		wg.Go(func() {
			if err := client.SendTransaction(t.Context(), tx); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("SendTransaction: %v", err)
	}

	blocks := map[uint64]bool{}
	last := new(big.Int)
	for _, tx := range txs {
		receipt := waitReceipt(t, client, tx.Hash(), 10*time.Second)
		if receipt.Status != types.ReceiptStatusSuccessful {
			t.Errorf("tx %s failed", tx.Hash())
		}
		blocks[receipt.BlockNumber.Uint64()] = true
		if receipt.BlockNumber.Cmp(last) > 0 {
			last = receipt.BlockNumber
		}
	}
	t.Logf("%d transactions mined in %d blocks, %s", len(txs), len(blocks), time.Since(start))
	for s := range senders {
		nonce, err := client.NonceAt(t.Context(), a[s].Address, last)
		if err != nil || nonce != perSender {
			t.Errorf("account %d nonce %d, %v; want %d", s, nonce, err, perSender)
		}
	}
}
