package api_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/bittunes/bittunes/internal/tooling/pgtest"
)

// TestDuringADatabaseOutageTheAPISaysSo stops PostgreSQL under a running API: what needs the
// database is a 503 with Retry-After and the JSON error, a signed-in user is not signed out, and
// what can be served without the database (a package file seen verified, a chart rendered
// before) still is; a package file never verified is not served. Once the database is back,
// everything answers again.
func TestDuringADatabaseOutageTheAPISaysSo(t *testing.T) {
	router, err := gorillamux.NewRouter(loadOpenAPI(t))
	if err != nil {
		t.Fatal(err)
	}
	cluster := pgtest.OwnCluster(t)
	m := newSellingMarket(t, cluster.DSN())
	ctx := context.Background()
	if err := m.st.RebuildCharts(ctx, chainID, today); err != nil {
		t.Fatal(err)
	}
	owner := signedInAs(t, m.st, crypto.PubkeyToAddress(m.owner.PublicKey))
	pkgPath := "/api/v1/packages/" + m.hash.Hex() + ".age"
	pkg, _ := os.ReadFile(m.media.PackagePath(m.hash))
	chart := m.get(t, "/api/v1/charts/all", nil)
	if chart.Code != 200 || m.get(t, pkgPath, nil).Code != 200 || m.get(t, "/api/v1/auth/session", nil, owner).Code != 200 {
		t.Fatal("the market does not answer before the outage")
	}
	// A package on disk that this server never saw verified.
	other, err := m.media.StorePackage(bytes.NewReader(testWAV(4096)))
	if err != nil {
		t.Fatal(err)
	}

	if err := cluster.StopServer(ctx); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path   string
		signed bool
	}{
		{"/api/v1/tracks", false},
		{"/api/v1/tracks/1", false},
		{"/api/v1/genres", false},
		{"/api/v1/charts/7d?genre=rock", false}, // never rendered here
		{"/api/v1/accounts/" + mira.Hex(), false},
		{"/api/v1/packages/" + other.ContentHash.Hex() + ".age", false},
		{"/api/v1/auth/session", true}, // not a 401: the session could not be checked
		{"/api/v1/tracks/1/audio", true},
	} {
		var rec = m.get(t, tt.path, nil)
		if tt.signed {
			rec = m.get(t, tt.path, nil, owner)
		}
		validateRecorded(t, router, httptest.NewRequest(http.MethodGet, tt.path, nil), rec)
		if !isJSONError(rec, http.StatusServiceUnavailable, "database_unavailable") || rec.Header().Get("Retry-After") == "" {
			t.Errorf("%s (signed in: %v) during the outage: %d %v %s, want 503 database_unavailable with Retry-After",
				tt.path, tt.signed, rec.Code, rec.Header(), rec.Body)
		}
	}
	if rec := do(m.h, http.MethodPost, "/api/v1/auth/nonce", nil); !isJSONError(rec, http.StatusServiceUnavailable, "database_unavailable") {
		t.Errorf("a sign-in nonce during the outage: %d %s", rec.Code, rec.Body)
	}
	if rec := m.get(t, "/readyz", nil); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("/readyz during the outage: %d %s", rec.Code, rec.Body)
	}
	if rec := m.get(t, "/status", nil); rec.Code != 200 || !strings.Contains(rec.Body.String(), `"database":"unreachable"`) {
		t.Errorf("/status during the outage: %d %s", rec.Code, rec.Body)
	}
	if rec := m.get(t, "/healthz", nil); rec.Code != 200 {
		t.Errorf("/healthz during the outage: %d", rec.Code)
	}
	if rec := m.get(t, pkgPath, map[string]string{"Range": "bytes=100-199"}); rec.Code != http.StatusPartialContent || !bytes.Equal(rec.Body.Bytes(), pkg[100:200]) {
		t.Errorf("a verified package during the outage: %d %s", rec.Code, rec.Body)
	}
	if rec := m.get(t, "/api/v1/charts/all", nil); rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), chart.Body.Bytes()) {
		t.Errorf("a rendered chart during the outage: %d %s", rec.Code, rec.Body)
	}
	if rec := m.get(t, "/api/v1/charts/all", nil, owner); rec.Code != 200 {
		t.Errorf("a rendered chart for a signed-in user during the outage: %d %s", rec.Code, rec.Body)
	}
	// A verified package file changed during the outage is not served as verified.
	changed := append([]byte{}, pkg...)
	changed[len(changed)/2] ^= 1
	if err := os.WriteFile(m.media.PackagePath(m.hash), changed, 0o644); err != nil {
		t.Fatal(err)
	}
	if rec := m.get(t, pkgPath, nil); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("a package changed during the outage: %d, want 503", rec.Code)
	}
	if err := os.WriteFile(m.media.PackagePath(m.hash), pkg, 0o644); err != nil {
		t.Fatal(err)
	}

	if err := cluster.StartServer(ctx); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]int{"/api/v1/tracks": 200, "/api/v1/tracks/1": 200, pkgPath: 200, "/readyz": 200} {
		if rec := m.get(t, path, nil); rec.Code != want {
			t.Errorf("%s after the outage: %d %s, want %d", path, rec.Code, rec.Body, want)
		}
	}
	if rec := m.get(t, "/api/v1/auth/session", nil, owner); rec.Code != 200 {
		t.Errorf("the session after the outage: %d %s", rec.Code, rec.Body)
	}
}
