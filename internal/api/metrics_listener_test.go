package api_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/store"
)

// The request metrics also reach the registry of the private metrics listener.
func TestRequestMetricsAlsoGoToTheMetricsRegistry(t *testing.T) {
	s, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	reg := prometheus.NewRegistry()
	h := api.Handler(api.Deps{Store: s, Chain: fakeChain{}, ChainID: chainID, Market: marketAddr,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Metrics: reg})
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/api/v1/tracks/1", nil))
	n, err := testutil.GatherAndCount(reg, "bittunes_http_requests_total")
	if err != nil || n != 1 {
		t.Fatalf("the metrics registry has %d request series (%v), want 1", n, err)
	}
}
