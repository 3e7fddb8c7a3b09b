package devchain

import (
	"context"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// emitterCode deploys a contract that, on every call, emits a LOG1 whose
// only topic is the caller's address:
//
//	init:    PUSH1 7 PUSH1 12 PUSH1 0 CODECOPY PUSH1 7 PUSH1 0 RETURN
//	runtime: CALLER PUSH1 0 PUSH1 0 LOG1 STOP
func emitterCode() []byte {
	return hexutil.MustDecode("0x6007600c60003960076000f3" + "3360006000a100")
}

func TestStartFundsAccounts(t *testing.T) {
	chain := startChain(t, Config{})
	client := chain.Client()
	ctx := t.Context()

	id, err := client.ChainID(ctx)
	if err != nil {
		t.Fatalf("ChainID: %v", err)
	}
	if id.Cmp(big.NewInt(DefaultChainID)) != 0 || chain.ChainID().Cmp(id) != 0 {
		t.Errorf("chain id: node %s, Chain %s, want %d", id, chain.ChainID(), DefaultChainID)
	}
	accounts := chain.Accounts()
	if got, want := len(accounts), DefaultAccounts; got != want {
		t.Fatalf("got %d accounts, want %d", got, want)
	}
	if got, want := accounts[0].Address.Hex(), "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"; got != want {
		t.Errorf("account 0: got %s, want %s", got, want)
	}
	for i, a := range accounts {
		balance, err := client.BalanceAt(ctx, a.Address, nil)
		if err != nil {
			t.Fatalf("BalanceAt: %v", err)
		}
		if want := ether(DefaultBalanceEther); balance.Cmp(want) != 0 {
			t.Errorf("account %d %s: balance %s, want %s", i, a.Address, balance, want)
		}
	}
}

func TestTransferIsMinedWithoutCommit(t *testing.T) {
	chain := startChain(t, Config{})
	client := dial(t, chain.HTTPURL())
	from, to := chain.Accounts()[0], chain.Accounts()[1]

	tx := transfer(t, chain.ChainID(), from, 0, to.Address, 12345)
	start := time.Now()
	if err := client.SendTransaction(t.Context(), tx); err != nil {
		t.Fatalf("SendTransaction: %v", err)
	}
	receipt := waitReceipt(t, client, tx.Hash(), minedWithin)
	t.Logf("mined in block %d after %s", receipt.BlockNumber, time.Since(start))
	if receipt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("transfer failed: status %d", receipt.Status)
	}
	// Read at the receipt's block: geth indexes a block's transactions a
	// moment before it moves "latest" to that block.
	balance, err := client.BalanceAt(t.Context(), to.Address, receipt.BlockNumber)
	if err != nil {
		t.Fatalf("BalanceAt: %v", err)
	}
	if want := new(big.Int).Add(ether(DefaultBalanceEther), big.NewInt(12345)); balance.Cmp(want) != 0 {
		t.Errorf("recipient balance %s, want %s", balance, want)
	}
}

func TestGetLogsOverHTTP(t *testing.T) {
	chain := startChain(t, Config{})
	client := dial(t, chain.HTTPURL())
	deployer, caller := chain.Accounts()[0], chain.Accounts()[3]

	deploy := signedTx(t, chain.ChainID(), deployer, 0, nil, new(big.Int), 100_000, emitterCode())
	if err := client.SendTransaction(t.Context(), deploy); err != nil {
		t.Fatalf("deploy: %v", err)
	}
	contract := waitReceipt(t, client, deploy.Hash(), minedWithin).ContractAddress

	call := signedTx(t, chain.ChainID(), caller, 0, &contract, new(big.Int), 50_000, nil)
	if err := client.SendTransaction(t.Context(), call); err != nil {
		t.Fatalf("call: %v", err)
	}
	receipt := waitReceipt(t, client, call.Hash(), minedWithin)

	logs, err := client.FilterLogs(t.Context(), ethereum.FilterQuery{
		FromBlock: big.NewInt(0),
		Addresses: []common.Address{contract},
		Topics:    [][]common.Hash{{common.BytesToHash(caller.Address.Bytes())}},
	})
	if err != nil {
		t.Fatalf("eth_getLogs: %v", err)
	}
	if len(logs) != 1 {
		t.Fatalf("got %d logs, want 1: %+v", len(logs), logs)
	}
	if got := logs[0]; got.TxHash != call.Hash() || got.BlockNumber != receipt.BlockNumber.Uint64() {
		t.Errorf("log in tx %s block %d, want tx %s block %s", got.TxHash, got.BlockNumber, call.Hash(), receipt.BlockNumber)
	}

	// The debug namespace and the native call tracer are served too.
	var trace struct {
		Type string         `json:"type"`
		To   common.Address `json:"to"`
	}
	err = client.Client().CallContext(t.Context(), &trace, "debug_traceTransaction", call.Hash(), map[string]string{"tracer": "callTracer"})
	if err != nil {
		t.Fatalf("debug_traceTransaction: %v", err)
	}
	if trace.Type != "CALL" || trace.To != contract {
		t.Errorf("call trace %+v, want a CALL to %s", trace, contract)
	}
}

func TestWebSocketNewHeads(t *testing.T) {
	chain := startChain(t, Config{})
	if !strings.HasPrefix(chain.WSURL(), "ws://") {
		t.Fatalf("WSURL %q", chain.WSURL())
	}
	ws := dial(t, chain.WSURL())
	heads := make(chan *types.Header, 16)
	sub, err := ws.SubscribeNewHead(t.Context(), heads)
	if err != nil {
		t.Fatalf("SubscribeNewHead: %v", err)
	}
	defer sub.Unsubscribe()

	a := chain.Accounts()
	start := time.Now()
	if err := ws.SendTransaction(t.Context(), transfer(t, chain.ChainID(), a[0], 0, a[1].Address, 1)); err != nil {
		t.Fatalf("SendTransaction: %v", err)
	}
	select {
	case head := <-heads:
		t.Logf("head %d after %s", head.Number, time.Since(start))
		if head.Number.Sign() <= 0 {
			t.Errorf("head number %s", head.Number)
		}
	case err := <-sub.Err():
		t.Fatalf("subscription: %v", err)
	case <-time.After(minedWithin):
		n, err := chain.Client().BlockNumber(t.Context())
		t.Fatalf("no new head within %s of a transaction (block number %d, %v)", minedWithin, n, err)
	}
}

// TestBrowserAccess checks what a page served from another localhost port
// needs: CORS on HTTP and a WebSocket that accepts its origin.
func TestBrowserAccess(t *testing.T) {
	chain := startChain(t, Config{HTTPPort: 0, WSPort: 0})
	const origin = "http://localhost:5173"

	body := strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`)
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, chain.HTTPURL(), body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", origin)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST: %v", err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "*" && got != origin {
		t.Errorf("Access-Control-Allow-Origin %q, want * or %s", got, origin)
	}

	// Host header "localhost:port" must pass the virtual host check.
	req, err = http.NewRequestWithContext(t.Context(), http.MethodPost,
		strings.Replace(chain.HTTPURL(), "127.0.0.1", "localhost", 1),
		strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST via localhost: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("POST via localhost: status %d", resp.StatusCode)
	}

	// The WebSocket handshake carries the page's origin.
	ws, err := rpc.DialWebsocket(t.Context(), chain.WSURL(), origin)
	if err != nil {
		t.Fatalf("WebSocket from %s: %v", origin, err)
	}
	defer ws.Close()
	var id hexutil.Big
	if err := ws.CallContext(t.Context(), &id, "eth_chainId"); err != nil {
		t.Errorf("eth_chainId over WebSocket from %s: %v", origin, err)
	}
}

func TestStopIsIdempotent(t *testing.T) {
	chain, err := Start(t.Context(), Config{})
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	for i := range 2 {
		if err := chain.Stop(); err != nil {
			t.Fatalf("Stop #%d: %v", i+1, err)
		}
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Second)
	defer cancel()
	if _, err := chain.Client().BlockNumber(ctx); err == nil {
		t.Error("client still answers after Stop")
	}
}

func TestBlockPeriodSealsEmptyBlocks(t *testing.T) {
	chain := startChain(t, Config{BlockPeriod: time.Second})
	deadline := time.Now().Add(5 * time.Second)
	for {
		n, err := chain.Client().BlockNumber(t.Context())
		if err != nil {
			t.Fatalf("BlockNumber: %v", err)
		}
		if n >= 2 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("block number %d after 5s with a 1s period, want at least 2", n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
