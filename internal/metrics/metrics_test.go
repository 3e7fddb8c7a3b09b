package metrics_test

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/bittunes/bittunes/internal/metrics"
)

func TestListenerServesMetricsAndRoutes(t *testing.T) {
	reg := metrics.NewRegistry()
	reg.MustRegister(metrics.NewDBStatsCollector("bittunes", func() sql.DBStats { return sql.DBStats{MaxOpenConnections: 17, InUse: 3} }))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr, err := metrics.Listen(ctx, "127.0.0.1:0", metrics.Mux(reg, map[string]http.Handler{
		"/healthz": http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok") }),
	}), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	get := func(path string) string {
		t.Helper()
		resp, err := http.Get("http://" + addr.String() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
		return string(b)
	}
	body := get("/metrics")
	for _, want := range []string{`go_sql_max_open_connections{db_name="bittunes"} 17`, `go_sql_in_use_connections{db_name="bittunes"} 3`, "go_goroutines", "process_cpu_seconds_total"} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if got := get("/healthz"); got != "ok" {
		t.Errorf("/healthz: %q", got)
	}
}
