package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/config"
)

// chainIDServer is a JSON-RPC endpoint that answers eth_chainId with 1337.
func chainIDServer(t *testing.T) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !strings.Contains(string(body), "eth_chainId") {
			http.Error(w, "unexpected call", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"jsonrpc":"2.0","id":1,"result":"0x539"}`)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestIndexWaitsForWhatRetryingCanFix: `bittunes index` started while the database or the RPC is
// down keeps trying until they answer; a configuration the chain contradicts ends it at once.
func TestIndexWaitsForWhatRetryingCanFix(t *testing.T) {
	sqlite := "sqlite:" + filepath.Join(t.TempDir(), "b.db")
	for _, c := range []struct {
		name, database, rpc string
		chainID             uint64
		waits               bool
		inErr               string
	}{
		{"database down", "postgres://postgres@127.0.0.1:1/bittunes?sslmode=disable", chainIDServer(t), 0, true, ""},
		{"RPC down", sqlite, "ws://127.0.0.1:1", 0, true, ""},
		{"RPC of another chain", sqlite, chainIDServer(t), 10, false, "serves chain 1337, not the configured 10"},
		{"not a database URL", "mysql://x", chainIDServer(t), 0, false, "mysql"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := config.Default()
			cfg.DatabaseURL, cfg.RPCURL, cfg.ChainID = c.database, c.rpc, c.chainID
			cfg.Market, cfg.DeployBlock, cfg.LogLevel = common.HexToAddress("0x01"), 1, "error"
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			b, err := openBackendRetrying(ctx, cfg, 20*time.Millisecond)
			if b != nil {
				b.Close()
			}
			switch {
			case c.waits && !errors.Is(err, context.DeadlineExceeded):
				t.Fatalf("gave up with %v, want to wait until the context ends", err)
			case !c.waits && (err == nil || errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), c.inErr)):
				t.Fatalf("error %v, want one at once saying %q", err, c.inErr)
			}
		})
	}
}
