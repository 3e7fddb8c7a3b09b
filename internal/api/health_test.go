package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"math/big"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/store"
)

// scriptedChain is a chain at head whose blocks are 12 s apart, or down.
type scriptedChain struct {
	head uint64
	down bool
}

func (s scriptedChain) HeaderByNumber(_ context.Context, n *big.Int) (*types.Header, error) {
	if s.down {
		return nil, errors.New("dial tcp 127.0.0.1:8545: connect: connection refused")
	}
	number := s.head
	if n != nil {
		number = n.Uint64()
	}
	return &types.Header{Number: new(big.Int).SetUint64(number), Time: 1_700_000_000 + 12*number}, nil
}

// statusOf reads /status.
type statusJSON struct {
	Database string
	RPC      struct {
		Reachable bool
		Head      *uint64
	}
	Indexer struct {
		IndexedBlock    *uint64
		LagBlocks       *uint64
		LagSeconds      *uint64
		HeadBelowCursor bool
		Behind          bool
	}
	Thresholds struct{ MaxLagBlocks, Confirmations uint64 }
}

func u64(p *uint64) int64 {
	if p == nil {
		return -1
	}
	return int64(*p)
}

// TestReadinessIsTheDatabaseOnly: a down RPC or a lagging indexer leaves /readyz at 200 (they are
// the same for every API server); /status and the metrics report them, against the thresholds.
func TestReadinessIsTheDatabaseOnly(t *testing.T) {
	doc := loadOpenAPI(t)
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	forEachDB(t, func(t *testing.T, s *store.Store) { // the fixture's indexer is at block 22
		for _, tt := range []struct {
			name                   string
			chain                  scriptedChain
			reachable, below, late bool
			lagBlocks, lagSeconds  int64
		}{
			{"caught up", scriptedChain{head: 24}, true, false, false, 0, 0},
			{"lagging", scriptedChain{head: 1022}, true, false, true, 998, 998 * 12},
			{"RPC down", scriptedChain{down: true}, false, false, false, -1, -1},
			{"head below the cursor", scriptedChain{head: 15}, true, true, false, 0, 0},
		} {
			h := api.Handler(api.Deps{Store: s, Chain: tt.chain, ChainID: chainID, Market: marketAddr, MaxLag: 5, Confirms: 2,
				Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			if rec := get(t, h, "/readyz"); rec.Code != 200 || rec.Body.String() != `{"ready":true,"database":"ok"}` {
				t.Errorf("%s: /readyz %d %s, want 200", tt.name, rec.Code, rec.Body)
			}
			rec := get(t, h, "/status")
			var st statusJSON
			if err := json.Unmarshal(rec.Body.Bytes(), &st); err != nil || rec.Code != 200 {
				t.Fatalf("%s: /status %d %s", tt.name, rec.Code, rec.Body)
			}
			validateResponse(t, router, h, "/status")
			if st.Database != "ok" || st.RPC.Reachable != tt.reachable || u64(st.Indexer.IndexedBlock) != 22 ||
				st.Indexer.HeadBelowCursor != tt.below || st.Indexer.Behind != tt.late || u64(st.Indexer.LagBlocks) != tt.lagBlocks ||
				u64(st.Indexer.LagSeconds) != tt.lagSeconds || st.Thresholds.MaxLagBlocks != 5 || st.Thresholds.Confirmations != 2 {
				t.Errorf("%s: /status %s", tt.name, rec.Body)
			}
			metrics := get(t, h, "/metrics").Body.String()
			for _, want := range []string{
				"bittunes_api_database_up 1", "bittunes_api_rpc_up " + b(tt.reachable), "bittunes_api_head_below_cursor " + b(tt.below),
				"bittunes_api_indexed_block 22",
			} {
				if !strings.Contains(metrics, want+"\n") {
					t.Errorf("%s: /metrics lacks %q", tt.name, want)
				}
			}
			if tt.lagBlocks >= 0 && !strings.Contains(metrics, "bittunes_api_indexer_lag_blocks "+strconv.FormatInt(tt.lagBlocks, 10)+"\n") {
				t.Errorf("%s: /metrics lacks the lag of %d blocks", tt.name, tt.lagBlocks)
			}
			if tt.lagBlocks < 0 && strings.Contains(metrics, "bittunes_api_indexer_lag_blocks ") {
				t.Errorf("%s: /metrics has a lag without an RPC", tt.name)
			}
		}
	})
}

func b(v bool) string {
	if v {
		return "1"
	}
	return "0"
}

// TestStatusIsNotLoadOnDemand: many /status requests share one look at the RPC.
func TestStatusIsNotLoadOnDemand(t *testing.T) {
	calls := &countingChain{scriptedChain: scriptedChain{head: 100}}
	h := api.Handler(api.Deps{Store: fixtureStore(t), Chain: calls, ChainID: chainID, Market: marketAddr, MaxLag: 5,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	for range 50 {
		if rec := get(t, h, "/status"); rec.Code != 200 {
			t.Fatal(rec.Code)
		}
	}
	if calls.n > 3 { // the head, and the two blocks of the lag
		t.Errorf("50 requests of /status made %d RPC calls", calls.n)
	}
}

type countingChain struct {
	scriptedChain
	n int
}

func (c *countingChain) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	c.n++
	return c.scriptedChain.HeaderByNumber(ctx, n)
}

func fixtureStore(t *testing.T) *store.Store {
	s, err := store.Open(context.Background(), "sqlite:"+t.TempDir()+"/b.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	fixture(t, s)
	return s
}

// TestStatusShowsTheRecentReorgs: /status lists the indexer's last rollbacks from the database's
// reorg history, newest first, with the purchases each removed.
func TestStatusShowsTheRecentReorgs(t *testing.T) {
	doc := loadOpenAPI(t)
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	forEachDB(t, func(t *testing.T, s *store.Store) { // the fixture's indexer is at block 22
		ctx := context.Background()
		h := api.Handler(api.Deps{Store: s, Chain: scriptedChain{head: 24}, ChainID: chainID, Market: marketAddr, MaxLag: 5,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		var empty struct{ Indexer struct{ RecentReorgs []any } }
		if rec := get(t, h, "/status"); json.Unmarshal(rec.Body.Bytes(), &empty) != nil || empty.Indexer.RecentReorgs == nil ||
			len(empty.Indexer.RecentReorgs) != 0 {
			t.Fatalf("/status before any reorg: %s, want an empty recentReorgs", rec.Body)
		}
		cur, err := s.Cursor(ctx, chainID, marketAddr)
		if err != nil {
			t.Fatal(err)
		}
		blocks := []store.Block{{ChainID: chainID, Number: cur.BlockNumber - 3, Hash: hash("ancestor")}}
		at := time.Date(2026, 11, 26, 13, 0, 0, 0, time.UTC)
		r, err := s.RollbackReorg(ctx, store.Reorg{ChainID: chainID, Contract: marketAddr, At: at, FromBlock: cur.BlockNumber,
			ToBlock: blocks[0].Number, Depth: cur.BlockNumber - blocks[0].Number, HeadBelowCursor: true}, blocks[0])
		if err != nil {
			t.Fatal(err)
		}
		h = api.Handler(api.Deps{Store: s, Chain: scriptedChain{head: 24}, ChainID: chainID, Market: marketAddr, MaxLag: 5,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}) // a new instance: no status cached
		rec := get(t, h, "/status")
		validateResponse(t, router, h, "/status")
		var st struct {
			Indexer struct {
				RecentReorgs []struct {
					At                        time.Time
					FromBlock, ToBlock, Depth uint64
					HeadBelowCursor           bool
					PurchasesRolledBack       int64
				}
			}
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &st); err != nil || len(st.Indexer.RecentReorgs) != 1 {
			t.Fatalf("/status %s, want one recent reorg", rec.Body)
		}
		got := st.Indexer.RecentReorgs[0]
		if !got.At.Equal(at) || got.FromBlock != cur.BlockNumber || got.ToBlock != blocks[0].Number || got.Depth != r.Depth ||
			!got.HeadBelowCursor || got.PurchasesRolledBack != r.PurchasesRolledBack {
			t.Errorf("/status reorg %+v, want %+v", got, r)
		}
	})
}
