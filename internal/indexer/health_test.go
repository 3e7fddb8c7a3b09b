package indexer_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

func TestHealthEndpointsAndMetricsOfAnIndexer(t *testing.T) {
	m := simchain.New(t, 8)
	id := m.Register(t, 1, 1_000_000, 2_000)
	for buyer := 4; buyer < 7; buyer++ {
		m.Buy(t, buyer, id, common.Address{})
		m.Commit()
	}
	s := openStore(t, "sqlite:"+t.TempDir()+"/b.db")
	reg := prometheus.NewRegistry()
	watch := indexer.NewMetrics(reg)
	dbDown := false
	h := &indexer.Health{Metrics: watch, MaxLag: 2,
		PingDB: func(ctx context.Context) error {
			if dbDown {
				return errors.New("connection refused")
			}
			return s.Ping(ctx)
		},
		PingRPC: func(ctx context.Context) error { _, err := m.Eth.BlockNumber(ctx); return err }}
	routes := h.Routes()
	get := func(path string) (int, indexer.Report) {
		t.Helper()
		rec := httptest.NewRecorder()
		routes[path].ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		var rep indexer.Report
		if path != "/healthz" {
			if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil {
				t.Fatalf("%s: %v: %s", path, err, rec.Body)
			}
		}
		return rec.Code, rep
	}
	if code, _ := get("/healthz"); code != 200 {
		t.Errorf("/healthz %d", code)
	}
	if code, rep := get("/readyz"); code != 503 || !strings.Contains(rep.Checks["role"], "starting") {
		t.Errorf("before taking the lock: /readyz %d %v, want 503 for the role", code, rep.Checks)
	}
	watch.SetRole(indexer.RoleStandby)
	if code, rep := get("/readyz"); code != 200 {
		t.Errorf("standby: /readyz %d %v, want 200", code, rep.Checks)
	}

	watch.SetRole(indexer.RoleActive)
	// Far behind: the first observation of the head, before anything is indexed.
	ix := indexer.New(indexer.Config{ChainID: simchain.ChainID, Contract: m.Address, DeployBlock: m.DeployBlock,
		ReorgWindow: 1, MaxRange: 1, PollInterval: 20 * time.Millisecond, Logger: quietLogger(), Metrics: watch}, m.Eth, s)
	if _, err := ix.Step(context.Background()); err != nil {
		t.Fatal(err)
	}
	if code, rep := get("/readyz"); code != 503 || rep.Checks["lag"] == "ok" {
		t.Errorf("4 blocks behind with MaxLag 2: /readyz %d %v, want 503 for the lag", code, rep.Checks)
	}
	runUntilCaughtUp(t, ix)
	code, rep := get("/readyz")
	head, _ := m.Eth.BlockNumber(context.Background())
	if code != 200 || rep.Status.CursorBlock != head || rep.Status.HeadBlock != head || rep.Status.LagBlocks != 0 {
		t.Errorf("caught up: /readyz %d %+v, want 200 at block %d", code, rep, head)
	}
	if got := testutil.ToFloat64(watchGauge(t, reg, "bittunes_indexer_cursor_block")); got != float64(head) {
		t.Errorf("cursor_block %v, want %d", got, head)
	}
	n, err := testutil.GatherAndCount(reg, "bittunes_indexer_batch_apply_seconds")
	if err != nil || n != 1 {
		t.Errorf("batch_apply_seconds: %d series, %v", n, err)
	}
	// The deployment set the fee, its recipient and the owner: 3 settings changes.
	if err := testutil.GatherAndCompare(reg, strings.NewReader(`
# HELP bittunes_indexer_rows_applied_total Event rows written, by table.
# TYPE bittunes_indexer_rows_applied_total counter
bittunes_indexer_rows_applied_total{table="purchases"} 3
bittunes_indexer_rows_applied_total{table="settings_changes"} 3
bittunes_indexer_rows_applied_total{table="tracks"} 1
`), "bittunes_indexer_rows_applied_total"); err != nil {
		t.Error(err)
	}

	dbDown = true
	if code, rep := get("/readyz"); code != 503 || !strings.Contains(rep.Checks["database"], "unreachable") {
		t.Errorf("database down: /readyz %d %v, want 503 for the database", code, rep.Checks)
	}
	if code, _ := get("/status"); code != 200 {
		t.Errorf("/status answers %d, want always 200", code)
	}
}
