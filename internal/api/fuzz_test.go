package api_test

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/pgtest"
)

// FuzzQueries sends arbitrary query strings to the endpoints that parse them, on SQLite and on
// PostgreSQL: whatever a client sends, the answer is a 2xx or a 4xx with a JSON error, never a 5xx.
func FuzzQueries(f *testing.F) {
	for _, seed := range []string{
		"sort=bestselling&limit=1&cursor=dC40LjE", "genre=electronic&subgenre=house", "q=%25_%5C", "cursor=cy4xNS4w",
		"limit=-1", "period=7d", "ref=0x0000000000000000000000000000000000000001&viewer=0x12", "by=week&role=referrer",
		"track=3&account=0x0000000000000000000000000000000000000001", "cursor=" + url.QueryEscape("dC45OTk5OTk5OTk5OTk5OTk5OTk5OS4x"),
		"q=%00", "q=%ff%fe", "q=a%00b", "genre=%00", "cursor=" + base64.RawURLEncoding.EncodeToString([]byte("s.0.2147483648")),
		"cursor=" + base64.RawURLEncoding.EncodeToString([]byte("s.9223372036854775807.2147483647")),
		"track=9223372036854775807", "cursor=" + base64.RawURLEncoding.EncodeToString([]byte("t.9223372036854775807.9223372036854775807")),
	} {
		f.Add(0, seed)
	}
	var handlers []http.Handler
	for _, dsn := range []string{"sqlite:" + filepath.Join(f.TempDir(), "b.db"), pgtest.DSN(f)} {
		s, err := store.Open(context.Background(), dsn)
		if err != nil {
			f.Fatal(err)
		}
		defer s.Close()
		fixture(&testing.T{}, s)
		handlers = append(handlers, handler(s))
	}
	paths := []string{"/api/v1/tracks", "/api/v1/charts/7d", "/api/v1/tracks/1", "/api/v1/audit/purchases",
		"/api/v1/accounts/0x5dad7600c5d89fe3824ffa99ec1c3eb8bf3b0501/earnings",
		"/api/v1/accounts/0x5dad7600c5d89fe3824ffa99ec1c3eb8bf3b0501/sales",
		"/api/v1/accounts/0x5dad7600c5d89fe3824ffa99ec1c3eb8bf3b0501/purchases",
		"/api/v1/accounts/0x5dad7600c5d89fe3824ffa99ec1c3eb8bf3b0501/distributors"}
	f.Fuzz(func(t *testing.T, which int, query string) {
		if which < 0 {
			which = -which
		}
		path := paths[which%len(paths)]
		for i, h := range handlers {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.URL.RawQuery = query // as received, whatever it holds
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Fatalf("%s on database %d: %d %s", path, i, rec.Code, rec.Body)
			}
			if rec.Code != http.StatusOK && rec.Header().Get("Content-Type") != "application/json; charset=utf-8" {
				t.Fatalf("%s: an error that is not JSON: %s", path, rec.Header().Get("Content-Type"))
			}
		}
	})
}
