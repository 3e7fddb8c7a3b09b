package devchain

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

func TestDataDirSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	recipient := common.HexToAddress("0x000000000000000000000000000000000000bEEF")

	first, err := Start(t.Context(), Config{DataDir: dir})
	if err != nil {
		t.Fatalf("first Start: %v", err)
	}
	client := first.Client()
	a := first.Accounts()
	deploy := signedTx(t, first.ChainID(), a[0], 0, nil, ether(0), 100_000, emitterCode())
	send := transfer(t, first.ChainID(), a[0], 1, recipient, 1_000_000_007)
	if err := client.SendTransaction(t.Context(), deploy); err != nil {
		t.Fatalf("deploy: %v", err)
	}
	if err := client.SendTransaction(t.Context(), send); err != nil {
		t.Fatalf("transfer: %v", err)
	}
	deployed := waitReceipt(t, client, deploy.Hash(), minedWithin)
	sent := waitReceipt(t, client, send.Hash(), minedWithin)
	contract := deployed.ContractAddress
	before := max(deployed.BlockNumber.Uint64(), sent.BlockNumber.Uint64())
	if err := first.Stop(); err != nil {
		t.Fatalf("first Stop: %v", err)
	}

	second := startChain(t, Config{DataDir: dir})
	client = second.Client()
	after, err := client.BlockNumber(t.Context())
	if err != nil {
		t.Fatalf("BlockNumber: %v", err)
	}
	if after < before {
		t.Errorf("block number went back from %d to %d", before, after)
	}
	balance, err := client.BalanceAt(t.Context(), recipient, nil)
	if err != nil {
		t.Fatalf("BalanceAt: %v", err)
	}
	if balance.Int64() != 1_000_000_007 {
		t.Errorf("recipient balance %s after restart, want 1000000007", balance)
	}
	code, err := client.CodeAt(t.Context(), contract, nil)
	if err != nil || len(code) == 0 {
		t.Errorf("contract code after restart: %x, %v", code, err)
	}
	nonce, err := client.NonceAt(t.Context(), a[0].Address, nil)
	if err != nil || nonce != 2 {
		t.Errorf("account 0 nonce after restart: %d, %v; want 2", nonce, err)
	}

	// The chain goes on from where it stopped.
	next := transfer(t, second.ChainID(), a[0], 2, recipient, 1)
	if err := client.SendTransaction(t.Context(), next); err != nil {
		t.Fatalf("transfer after restart: %v", err)
	}
	if got := waitReceipt(t, client, next.Hash(), minedWithin).BlockNumber.Uint64(); got <= before {
		t.Errorf("new block %d, want above %d", got, before)
	}
}

func TestRestartWithDifferentGenesisConfig(t *testing.T) {
	dir := t.TempDir()
	first, err := Start(t.Context(), Config{DataDir: dir, Accounts: 2})
	if err != nil {
		t.Fatalf("first Start: %v", err)
	}
	if err := first.Stop(); err != nil {
		t.Fatalf("first Stop: %v", err)
	}

	// Another chain id is refused, and the refusal frees the data dir.
	_, err = Start(t.Context(), Config{DataDir: dir, ChainID: 31337})
	if err == nil || !strings.Contains(err.Error(), "chain id") {
		t.Fatalf("Start with another chain id: got %v, want a chain id error", err)
	}

	// More accounts than the stored genesis funds: the stored chain is
	// reused, with a warning.
	var logs syncBuffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	chain := startChain(t, Config{DataDir: dir, Accounts: 3, Logger: logger})
	balance, err := chain.Client().BalanceAt(t.Context(), chain.Accounts()[2].Address, nil)
	if err != nil {
		t.Fatalf("BalanceAt: %v", err)
	}
	if balance.Sign() != 0 {
		t.Errorf("account 2 balance %s, want 0 (stored genesis funds 2 accounts)", balance)
	}
	if err := chain.Stop(); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if !strings.Contains(logs.String(), "unfunded=1") {
		t.Errorf("no warning about the unfunded account in:\n%s", logs.String())
	}
}

func TestDataDirIsLocked(t *testing.T) {
	dir := t.TempDir()
	startChain(t, Config{DataDir: dir})
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	if chain, err := Start(ctx, Config{DataDir: dir}); err == nil {
		chain.Stop()
		t.Fatal("second Start on a data dir in use succeeded")
	}
}

// syncBuffer is a bytes.Buffer safe for the node's concurrent log writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
