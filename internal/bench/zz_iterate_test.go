package bench

// TEMPORARY: iterate on the dense indexing without rebuilding the workload. Not to be committed.

import (
	"context"
	"database/sql"
	"encoding/json"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/abi"
	"github.com/bittunes/bittunes/internal/bindings"
	"github.com/bittunes/bittunes/internal/devchain"
	"github.com/bittunes/bittunes/internal/store"
)

type savedMarket struct {
	Address common.Address
	Deploy  uint64
	Logs    int
}

func TestIterateDense(t *testing.T) {
	dir := os.Getenv("ITERATE_DIR")
	if dir == "" {
		t.Skip()
	}
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	info := filepath.Join(dir, "market.json")
	var saved savedMarket
	b, err := os.ReadFile(info)
	fresh := err != nil
	chain, err := devchain.Start(ctx, devchain.Config{DataDir: filepath.Join(dir, "chain"), GasLimit: blockGasLimit, BlockPeriod: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer chain.Stop()
	m := &devMarket{chain: chain, client: chain.Client(), contract: bindings.NewMarket(), log: log}
	if fresh {
		for _, a := range chain.Accounts() {
			m.dev = append(m.dev, account{key: a.Key, addr: a.Address})
		}
		m.sender = newSender(m.client, chain.ChainID())
		m.blocks = &blockFollower{client: m.client}
		operator := m.dev[0]
		ctor := m.contract.PackConstructor(operator.addr, operator.addr, big.NewInt(feeBps))
		receipts, err := m.transact(ctx, []txRequest{{from: operator, gas: deployGas, data: append(abi.MarketBytecode(), ctor...)}})
		if err != nil {
			t.Fatal(err)
		}
		m.address, m.deployBlock = receipts[0].ContractAddress, receipts[0].BlockNumber.Uint64()
		m.blocks.market, m.blocks.from = m.address, m.deployBlock
		m.blocks.logs = countLogs(receipts[0], m.address)
		p, err := newPlan("dense", denseShape)
		if err != nil {
			t.Fatal(err)
		}
		r := &runner{cfg: Config{Scale: 1}, log: log}
		if err := r.makePurchases(ctx, m, p); err != nil {
			t.Fatal(err)
		}
		b, _ = json.Marshal(savedMarket{m.address, m.deployBlock, m.blocks.logs})
		os.WriteFile(info, b, 0o644)
	}
	json.Unmarshal(b, &saved)
	m.address, m.deployBlock, m.blocks = saved.Address, saved.Deploy, &blockFollower{logs: saved.Logs}
	pgURL := os.Getenv("ITERATE_PG")
	pg, err := startPostgres(ctx, pgURL, log)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.close()
	r := &runner{cfg: Config{Scale: 1, CPUProfile: os.Getenv("ITERATE_PROFILE")}, log: log}
	for _, name := range strings.Split(os.Getenv("ITERATE_WHAT"), ",") {
		dsn, drop, err := pg.freshDatabase(ctx, "iter")
		if err != nil {
			t.Fatal(err)
		}
		if name == "index_dense_sqlite" {
			dsn = "sqlite:" + filepath.Join(t.TempDir(), "bench.db")
		}
		if drops := os.Getenv("ITERATE_DROP"); drops != "" {
			db, err := sql.Open("pgx", dsn)
			if err != nil {
				t.Fatal(err)
			}
			st0, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			st0.Close()
			for _, ix := range strings.Split(drops, ",") {
				if _, err := db.Exec("DROP INDEX " + ix); err != nil {
					t.Fatal(err)
				}
			}
			db.Close()
		}
		took, st, err := r.backfill(ctx, m, dsn, name)
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
		drop()
		t.Logf("%s: %s, %.0f events/s", name, took, float64(saved.Logs)/took.Seconds())
	}
	_ = big.NewInt
}
