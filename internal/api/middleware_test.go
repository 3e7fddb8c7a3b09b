package api_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/store"
)

func bareHandler(t *testing.T, origins ...string) http.Handler {
	t.Helper()
	s, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return api.Handler(api.Deps{Store: s, Chain: fakeChain{}, ChainID: chainID, Market: marketAddr,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), CORSOrigins: origins})
}

func TestRequestIDs(t *testing.T) {
	h := bareHandler(t)
	req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
	req.Header.Set("X-Request-ID", "client-chosen-id-1")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if got := rec.Header().Get("X-Request-ID"); got != "client-chosen-id-1" {
		t.Errorf("a client's id is echoed: got %q", got)
	}
	req.Header.Set("X-Request-ID", "<script>")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if got := rec.Header().Get("X-Request-ID"); len(got) != 24 || strings.Contains(got, "<") {
		t.Errorf("a junk id is replaced by a generated one: got %q", got)
	}
}

func TestMetricsCountRequestsByRoute(t *testing.T) {
	h := bareHandler(t)
	for _, path := range []string{"/api/v1/tracks/1", "/api/v1/tracks/2", "/api/v1/nowhere"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, path, nil))
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body := rec.Body.String()
	for _, want := range []string{
		`bittunes_http_requests_total{method="GET",route="/api/v1/tracks/:id",status="404"} 2`,
		`bittunes_http_requests_total{method="GET",route="unmatched",status="404"} 1`,
		"bittunes_http_request_duration_seconds_bucket",
		"go_goroutines",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func TestCORS(t *testing.T) {
	h := bareHandler(t, "http://127.0.0.1:5173")
	preflight := func(origin string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodOptions, "/api/v1/tracks", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	ok := preflight("http://127.0.0.1:5173")
	if ok.Header().Get("Access-Control-Allow-Origin") != "http://127.0.0.1:5173" || ok.Header().Get("Access-Control-Allow-Credentials") != "true" {
		t.Errorf("an allowed origin is not allowed: %v", ok.Header())
	}
	if bad := preflight("https://evil.example"); bad.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("another origin is allowed: %v", bad.Header())
	}
}

// TestMetricsLabelsAreBounded: random methods and paths add no series beyond the routes, the
// known methods and "other".
func TestMetricsLabelsAreBounded(t *testing.T) {
	h := bareHandler(t)
	for i := range 200 {
		method := fmt.Sprintf("M%dX", i)
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(method, fmt.Sprintf("/api/v1/x%d/%d", i, i), nil))
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(method, "/api/v1/tracks/1", nil))
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	series := 0
	for _, line := range strings.Split(rec.Body.String(), "\n") {
		if strings.HasPrefix(line, "bittunes_http_requests_total{") {
			series++
			if !strings.Contains(line, `method="other"`) || !strings.Contains(line, `route="unmatched"`) {
				t.Errorf("unexpected series %s", line)
			}
		}
	}
	if series > 2 { // 404 for the unknown paths, 405 for the known one
		t.Errorf("%d request series from 400 requests with random methods and paths, want at most 2", series)
	}
}

// TestAnnouncesAreLoggedAtDebug: the tracker's announces, which every peer sends every few
// minutes, are access-logged at debug; other requests at info.
func TestAnnouncesAreLoggedAtDebug(t *testing.T) {
	s, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var out strings.Builder
	h := api.Handler(api.Deps{Store: s, Chain: fakeChain{}, ChainID: chainID, Market: marketAddr,
		Logger: slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	for _, path := range []string{"/api/v1/announce?info_hash=x", "/healthz"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, path, nil))
	}
	var levels []string
	for line := range strings.Lines(out.String()) {
		if strings.Contains(line, "msg=http ") {
			level, _, _ := strings.Cut(strings.TrimPrefix(line[strings.Index(line, "level="):], "level="), " ")
			route := line[strings.Index(line, "route="):]
			route, _, _ = strings.Cut(strings.TrimPrefix(route, "route="), " ")
			levels = append(levels, route+" "+level)
		}
	}
	if got, want := strings.Join(levels, ", "), "/api/v1/announce DEBUG, /healthz INFO"; got != want {
		t.Errorf("access log levels: %s, want %s", got, want)
	}
}
