package bench

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/bittunes/bittunes/internal/tooling/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// TestRunSmoke runs every benchmark on a tiny workload: they build, index, check what they
// indexed and print parsable lines. The figures themselves mean nothing at this size.
func TestRunSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("builds workloads on a dev chain")
	}
	var out bytes.Buffer
	cfg := Config{Scale: 0.001, PostgresURL: pgtest.DSN(t)}
	if err := Run(context.Background(), cfg, &out); err != nil {
		t.Fatal(err)
	}
	names := resultNames(t, out.String())
	want := "index_dense_pg index_dense_sqlite index_sparse_pg index_live_lag_p50 index_live_lag_p99 index_live_tx_p50 index_live_tx_p99 index_reorg_recovery"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("results %s\nwant %s", got, want)
	}
}

func TestRunRefusesAnUnknownBenchmark(t *testing.T) {
	err := Run(context.Background(), Config{Only: "nope"}, new(bytes.Buffer))
	if err == nil || !strings.Contains(err.Error(), "dense, sparse, live, reorg") {
		t.Errorf("error %v", err)
	}
}

// TestRunAPISmoke runs the API benchmark on a tiny market: it loads, serves, drives every endpoint,
// sees its sales reach the charts, and prints every figure.
func TestRunAPISmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the API for several seconds")
	}
	var out bytes.Buffer
	if err := RunAPI(context.Background(), APIConfig{Scale: 0.01, PostgresURL: pgtest.DSN(t)}, &out); err != nil {
		t.Fatal(err)
	}
	names := resultNames(t, out.String())
	want := "api_chart_full_build api_chart_rps api_chart_p50 api_chart_p99 api_artist_rps api_artist_p50 api_artist_p99 " +
		"api_chart_naive_rps api_chart_freshness_p50 api_chart_freshness_p99"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("results %s\nwant %s", got, want)
	}
}

// resultNames reads the BENCH lines of a run, each with a positive figure, and returns their names.
func resultNames(t *testing.T, out string) []string {
	t.Helper()
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		r, err := ParseResult(line)
		if err != nil {
			t.Fatal(err)
		}
		if r.Value <= 0 {
			t.Errorf("%s: %v", r.Name, r.Value)
		}
		names = append(names, r.Name)
	}
	return names
}
