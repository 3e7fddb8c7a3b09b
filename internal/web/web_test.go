package web

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/content"
	marketpkg "github.com/bittunes/bittunes/internal/market"
)

func testHandler(t testing.TB, cfg Config) http.Handler {
	t.Helper()
	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"api":"`+r.URL.Path+`"}`)
	})
	if cfg.Catalog == nil {
		cfg.Catalog = newFakeCatalog()
	}
	if cfg.CardDir == "" {
		cfg.CardDir = t.TempDir()
	}
	h, err := Handler(cfg, api)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func get(t *testing.T, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}

var configPattern = regexp.MustCompile(`<script type="application/json" id="bittunes-config">(.*?)</script>`)

func TestPagesFrameEachRouteWithTheMarketsSettings(t *testing.T) {
	market := common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	h := testHandler(t, Config{ChainID: 1337, ChainName: "Bittunes dev chain", RPCURL: "http://127.0.0.1:8545",
		Market: market, ExplorerURL: "https://explorer.example/"})
	tests := []struct {
		path, page, params string
		status             int
	}{
		{"/", "home", `{}`, 200},
		{"/charts", "chart", `{"genre":"","subgenre":""}`, 200},
		{"/charts/electronic", "chart", `{"genre":"electronic","subgenre":""}`, 200},
		{"/charts/electronic/house?period=30d", "chart", `{"genre":"electronic","subgenre":"house"}`, 200},
		{"/charts/electronic/deep-house?period=30d", "notfound", `{}`, 404},
		{"/browse?q=harbour", "browse", `{}`, 200},
		{"/t/1?ref=0xabc", "track", `{"id":"1"}`, 200},
		{"/t/12", "notfound", `{}`, 404},
		{"/a/0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "artist", `{"address":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8"}`, 200},
		{"/account", "account", `{}`, 200},
		{"/upload", "upload", `{}`, 200},
		{"/audit", "audit", `{}`, 200},
		{"/no/such/page", "notfound", `{}`, 404},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			rec := get(t, h, tt.path)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d", rec.Code, tt.status)
			}
			body := rec.Body.String()
			if !strings.Contains(body, `data-page="`+tt.page+`"`) {
				t.Errorf("page is not %q", tt.page)
			}
			wantParams := `data-params="` + strings.ReplaceAll(tt.params, `"`, "&#34;") + `"`
			if !strings.Contains(body, wantParams) {
				t.Errorf("params: want %s in\n%s", wantParams, body)
			}
			m := configPattern.FindStringSubmatch(body)
			if m == nil {
				t.Fatal("no page configuration")
			}
			var got pageConfig
			if err := json.Unmarshal([]byte(m[1]), &got); err != nil {
				t.Fatal(err)
			}
			want := pageConfig{ChainID: 1337, ChainName: "Bittunes dev chain", RPCURL: "http://127.0.0.1:8545",
				Market: market.Hex(), ExplorerURL: "https://explorer.example"}
			got.Limits = want.Limits // TestPagesCarryTheContractLimits checks them
			if got != want {
				t.Errorf("config %+v, want %+v", got, want)
			}
			csp := rec.Header().Get("Content-Security-Policy")
			if !strings.Contains(csp, "connect-src 'self' http://127.0.0.1:8545") || !strings.Contains(csp, "script-src 'self'") ||
				strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
				t.Errorf("CSP %q", csp)
			}
		})
	}
}

func TestAPIRoutesReachTheAPI(t *testing.T) {
	h := testHandler(t, Config{ChainID: 1})
	for _, p := range []string{"/api/v1/tracks", "/healthz", "/readyz", "/metrics"} {
		if got := get(t, h, p).Body.String(); got != `{"api":"`+p+`"}` {
			t.Errorf("%s: %s", p, got)
		}
	}
}

func TestStaticAssetsAreEmbeddedAndVersioned(t *testing.T) {
	h := testHandler(t, Config{ChainID: 1})
	body := get(t, h, "/").Body.String()
	m := regexp.MustCompile(`src="(/static/app\.js\?v=[0-9a-f]{12})"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no versioned bundle in\n%s", body)
	}
	rec := get(t, h, m[1])
	if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Type"), "javascript") || rec.Body.Len() < 1000 {
		t.Errorf("bundle: %d %q %d bytes", rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len())
	}
	if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("Cache-Control %q", cc)
	}
	if rec := get(t, h, "/static/style.css"); rec.Code != 200 {
		t.Errorf("style.css: %d", rec.Code)
	}
	req := httptest.NewRequest(http.MethodGet, m[1], nil)
	req.Header.Set("Accept-Encoding", "gzip, br")
	zrec := httptest.NewRecorder()
	h.ServeHTTP(zrec, req)
	zr, err := gzip.NewReader(zrec.Body)
	if err != nil || zrec.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("gzip: %v %q", err, zrec.Header().Get("Content-Encoding"))
	}
	if unzipped, _ := io.ReadAll(zr); string(unzipped) != rec.Body.String() {
		t.Error("the gzipped bundle differs from the bundle")
	}
}

func TestCovers(t *testing.T) {
	dir := t.TempDir()
	media := content.Media{Dir: dir}
	if err := media.Init(); err != nil {
		t.Fatal(err)
	}
	uploaded := common.HexToHash("0x01")
	png := []byte("\x89PNG\r\n\x1a\nfake")
	if err := os.WriteFile(filepath.Join(dir, "covers", uploaded.Hex()+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	h := testHandler(t, Config{ChainID: 1, MediaDir: dir})

	rec := get(t, h, "/covers/"+uploaded.Hex())
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/png" || rec.Body.String() != string(png) {
		t.Errorf("uploaded cover: %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	other := "/covers/0xae721baf70752ca7c319b357a4735e70c76bffc958b57f1dc471fb2b6e4cf934"
	rec = get(t, h, other)
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/svg+xml" || !strings.HasPrefix(rec.Body.String(), "<svg") {
		t.Errorf("generated cover: %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if again := get(t, h, other).Body.String(); again != rec.Body.String() {
		t.Error("a generated cover differs between requests")
	}
	if rec := get(t, h, "/covers/0x12"); rec.Code != http.StatusBadRequest {
		t.Errorf("bad hash: %d", rec.Code)
	}
}

func TestExplorerURLMustBeHTTP(t *testing.T) {
	for _, u := range []string{"javascript:alert(1)", "etherscan.io", "ftp://x"} {
		if _, err := Handler(Config{ExplorerURL: u, Catalog: newFakeCatalog()}, http.NotFoundHandler()); err == nil {
			t.Errorf("%q accepted", u)
		}
	}
}

// TestPagesCarryTheContractLimits: the upload form's caps come from market.ContractLimits, in the
// page configuration, with the price as a decimal string of wei.
func TestPagesCarryTheContractLimits(t *testing.T) {
	m := configPattern.FindStringSubmatch(get(t, testHandler(t, Config{ChainID: 1}), "/upload").Body.String())
	if m == nil {
		t.Fatal("no page configuration")
	}
	var got struct {
		Limits struct {
			MaxFeeBps, MaxReferralBps, MaxCollaborators int
			MaxPrice                                    string
		} `json:"limits"`
	}
	if err := json.Unmarshal([]byte(m[1]), &got); err != nil {
		t.Fatal(err)
	}
	l := marketpkg.ContractLimits
	if got.Limits.MaxFeeBps != int(l.MaxFeeBps) || got.Limits.MaxReferralBps != int(l.MaxReferralBps) ||
		got.Limits.MaxCollaborators != l.MaxCollaborators || got.Limits.MaxPrice != l.MaxPrice.String() {
		t.Errorf("page limits %+v, want %+v", got.Limits, l)
	}
}
