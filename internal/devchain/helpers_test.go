package devchain

import (
	"context"
	"math/big"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"
)

// minedWithin bounds the wait for a transaction to be mined. It is typically
// mined within 20 ms (the tests log it); the bound leaves room for a loaded CI
// machine. Without on-demand sealing nothing would be mined at all.
const minedWithin = 5 * time.Second

// startChain starts a chain for a test and stops it when the test ends.
func startChain(t *testing.T, cfg Config) *Chain {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	chain, err := Start(ctx, cfg)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := chain.Stop(); err != nil {
			t.Errorf("Stop: %v", err)
		}
	})
	return chain
}

// dial connects to an RPC endpoint of the chain and closes the client when
// the test ends, before the chain stops. Over HTTP it uses its own
// transport and closes its idle connections too: the node's HTTP server waits
// up to 5 s on Stop for connections that were opened but never used, which
// net/http's client leaves behind under concurrent load.
func dial(t *testing.T, url string) *ethclient.Client {
	t.Helper()
	transport := http.DefaultTransport.(*http.Transport).Clone()
	rpcClient, err := rpc.DialOptions(t.Context(), url, rpc.WithHTTPClient(&http.Client{Transport: transport}))
	if err != nil {
		t.Fatalf("dial %s: %v", url, err)
	}
	t.Cleanup(func() {
		rpcClient.Close()
		transport.CloseIdleConnections()
	})
	return ethclient.NewClient(rpcClient)
}

// signedTx signs an EIP-1559 transaction from one account. A nil to
// creates a contract.
func signedTx(t *testing.T, chainID *big.Int, from Account, nonce uint64, to *common.Address, value *big.Int, gas uint64, data []byte) *types.Transaction {
	t.Helper()
	tx, err := types.SignNewTx(from.Key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID:   chainID,
		Nonce:     nonce,
		GasTipCap: big.NewInt(params.GWei),
		GasFeeCap: big.NewInt(10 * params.GWei),
		Gas:       gas,
		To:        to,
		Value:     value,
		Data:      data,
	})
	if err != nil {
		t.Fatalf("sign: %v", err)
	}
	return tx
}

// transfer signs a plain ether transfer.
func transfer(t *testing.T, chainID *big.Int, from Account, nonce uint64, to common.Address, wei int64) *types.Transaction {
	t.Helper()
	return signedTx(t, chainID, from, nonce, &to, big.NewInt(wei), params.TxGas, nil)
}

// waitReceipt polls for a receipt until it exists or within runs out. Like
// bind.WaitMined it retries on errors too: right after a block, geth answers
// "transaction indexing is in progress" until its indexer catches up.
func waitReceipt(t *testing.T, client *ethclient.Client, hash common.Hash, within time.Duration) *types.Receipt {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), within)
	defer cancel()
	for {
		receipt, err := client.TransactionReceipt(ctx, hash)
		if err == nil {
			return receipt
		}
		select {
		case <-ctx.Done():
			n, nerr := client.BlockNumber(t.Context())
			t.Fatalf("no receipt for %s within %s: %v (block number %d, %v)", hash, within, err, n, nerr)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func ether(n int64) *big.Int {
	return new(big.Int).Mul(big.NewInt(n), big.NewInt(params.Ether))
}
