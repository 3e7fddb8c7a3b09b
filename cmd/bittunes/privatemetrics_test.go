package main

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

// TestPrivateMetricsServeThePoolAndTheRole: the private listener of serve and index has the Go
// runtime, the process, the database pool and what the role adds (index: its metrics and health
// routes); without an address nothing listens and the registry still collects.
func TestPrivateMetricsServeThePoolAndTheRole(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pool := func() sql.DBStats { return sql.DBStats{MaxOpenConnections: 17, InUse: 3} }
	log := slog.New(slog.DiscardHandler)
	reg, addr, err := privateMetrics(ctx, "127.0.0.1:0", pool, log, func(reg *prometheus.Registry) map[string]http.Handler {
		reg.MustRegister(prometheus.NewCounter(prometheus.CounterOpts{Name: "bittunes_role_test_total", Help: "A role's own metric."}))
		return map[string]http.Handler{"/healthz": http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "role ok") })}
	})
	if err != nil || reg == nil || addr == nil {
		t.Fatalf("privateMetrics = %v, %v, %v", reg, addr, err)
	}
	body := func(path string) string {
		resp, err := http.Get("http://" + addr.String() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
		}
		return string(b)
	}
	m := body("/metrics")
	for _, want := range []string{`go_sql_max_open_connections{db_name="bittunes"} 17`, `go_sql_in_use_connections{db_name="bittunes"} 3`,
		"go_goroutines", "process_cpu_seconds_total", "bittunes_role_test_total 0"} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if got := body("/healthz"); got != "role ok" {
		t.Errorf("/healthz = %q, want the role's route", got)
	}

	reg, addr, err = privateMetrics(ctx, "", pool, log, nil)
	if err != nil || addr != nil {
		t.Fatalf("without an address: %v, %v", addr, err)
	}
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range families {
		found = found || f.GetName() == "go_sql_in_use_connections"
	}
	if !found {
		t.Error("without an address the registry lacks the pool's statistics")
	}
}
