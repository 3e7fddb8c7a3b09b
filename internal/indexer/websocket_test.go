package indexer_test

import (
	"bytes"
	"context"
	"math/big"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/bittunes/bittunes/internal/devchain"
	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/tooling/tcpproxy"
)

// TestWebSocketHeadsComeBackAfterTheRPCRestarts follows a real node's heads over WebSocket through
// a proxy that cuts every connection (the node restarting): the indexer subscribes again over a
// new connection and keeps following the head.
func TestWebSocketHeadsComeBackAfterTheRPCRestarts(t *testing.T) {
	ctx := context.Background()
	chain, err := devchain.Start(ctx, devchain.Config{HTTPPort: 0, WSPort: 0})
	if err != nil {
		t.Fatal(err)
	}
	defer chain.Stop()
	ws, err := url.Parse(chain.WSURL())
	if err != nil {
		t.Fatal(err)
	}
	proxy, err := tcpproxy.Start(ws.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer proxy.Close()
	client, err := ethclient.DialContext(ctx, "ws://"+proxy.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	watch := indexer.NewMetrics(prometheus.NewRegistry())
	var logs bytes.Buffer
	var logMu sync.Mutex
	logged := func(msg string) func() bool {
		return func() bool { logMu.Lock(); defer logMu.Unlock(); return strings.Count(logs.String(), msg) >= 1 }
	}
	s := openStore(t, "sqlite:"+t.TempDir()+"/b.db")
	ix := indexer.New(indexer.Config{ChainID: chain.ChainID().Uint64(), Contract: common.HexToAddress("0x01"), DeployBlock: 1,
		PollInterval: time.Hour, RetryDelay: 20 * time.Millisecond, Logger: bufferLogger(&logs, &logMu), Metrics: watch}, client, s)
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- ix.Run(runCtx) }()
	defer func() { cancel(); <-done }()

	account := chain.Accounts()[0]
	nonce := uint64(0)
	mine := func() uint64 {
		t.Helper()
		tx, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{ChainID: chain.ChainID(), Nonce: nonce, GasTipCap: big.NewInt(1),
			GasFeeCap: big.NewInt(10_000_000_000), Gas: 21_000, To: &common.Address{1}, Value: big.NewInt(1)}),
			types.LatestSignerForChainID(chain.ChainID()), account.Key)
		if err != nil {
			t.Fatal(err)
		}
		nonce++
		if err := chain.Client().SendTransaction(ctx, tx); err != nil {
			t.Fatal(err)
		}
		receipt, err := waitReceipt(ctx, chain.Client(), tx.Hash())
		if err != nil {
			t.Fatal(err)
		}
		return receipt.BlockNumber.Uint64()
	}
	// With an hour between polls, only pushed heads can bring the indexer to a new block.
	following := func(block uint64) func() bool {
		return func() bool { st := watch.Status(); return st.Subscribed && st.CursorBlock >= block }
	}
	waitFor(t, "a head subscription", func() bool { return watch.Status().Subscribed })
	waitFor(t, "the first block followed", following(mine()))

	proxy.Cut()
	waitFor(t, "the cut noticed", logged("head subscription dropped"))
	waitFor(t, "a block followed after the cut", following(mine()))
}

func waitReceipt(ctx context.Context, c *ethclient.Client, hash common.Hash) (*types.Receipt, error) {
	deadline := time.Now().Add(20 * time.Second)
	for {
		r, err := c.TransactionReceipt(ctx, hash)
		if err == nil || time.Now().After(deadline) {
			return r, err
		}
		time.Sleep(10 * time.Millisecond)
	}
}
