package api_test

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/api"
)

// TestRangeRequestsAreBounded: a request may ask a file for a few ranges that do not overlap, and
// a route that decrypts for one; anything else is a 416 with the JSON error body, sent cheaply.
func TestRangeRequestsAreBounded(t *testing.T) {
	m := newSellingMarket(t, "sqlite:"+filepath.Join(t.TempDir(), "b.db"))
	pkg, _ := os.ReadFile(m.media.PackagePath(m.hash))
	pkgPath := "/api/v1/packages/" + m.hash.Hex() + ".age"
	owner := signedInAs(t, m.st, crypto.PubkeyToAddress(m.owner.PublicKey))

	refused := func(name, path, header string) {
		t.Helper()
		rec := m.get(t, path, map[string]string{"Range": header}, owner)
		if rec.Code != http.StatusRequestedRangeNotSatisfiable || errorOf(rec).Error.Code != "range_not_satisfiable" ||
			!strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") || rec.Body.Len() > 1000 {
			t.Errorf("%s: %d %q, %d bytes, want a short 416 JSON error", name, rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len())
		}
	}
	huge := "bytes=" + strings.Repeat("0-0,", 99_999) + "0-0"
	refused("100 000 ranges on a package", pkgPath, huge)
	refused("100 000 ranges on the audio", "/api/v1/tracks/1/audio", huge)
	refused("9 ranges", pkgPath, "bytes=0-0,2-2,4-4,6-6,8-8,10-10,12-12,14-14,16-16")
	refused("overlapping", pkgPath, "bytes=0-99,50-149")
	refused("duplicate", "/api/v1/tracks/1/preview", "bytes=0-9,0-9")
	refused("suffix overlapping", pkgPath, "bytes=0-,-10")
	refused("two ranges on the audio", "/api/v1/tracks/1/audio", "bytes=0-9,20-29")
	refused("past the end", pkgPath, "bytes=99999999-")
	refused("garbage", pkgPath, "bytes=x-y")

	// Ordinary requests still work: one range, and two on a file served as stored.
	rec := m.get(t, pkgPath, map[string]string{"Range": "bytes=100-199"})
	if rec.Code != http.StatusPartialContent || !bytes.Equal(rec.Body.Bytes(), pkg[100:200]) {
		t.Fatalf("one range: %d, %d bytes", rec.Code, rec.Body.Len())
	}
	rec = m.get(t, pkgPath, map[string]string{"Range": "bytes=500-599, 0-9"})
	_, params, err := mime.ParseMediaType(rec.Header().Get("Content-Type"))
	if rec.Code != http.StatusPartialContent || err != nil {
		t.Fatalf("two ranges: %d %v", rec.Code, err)
	}
	mr := multipart.NewReader(rec.Body, params["boundary"])
	for _, want := range [][]byte{pkg[500:600], pkg[0:10]} {
		p, err := mr.NextPart()
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		got.ReadFrom(p)
		if !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("two ranges: a part of %d bytes, want %d", got.Len(), len(want))
		}
	}
	rec = m.get(t, "/api/v1/tracks/1/audio", map[string]string{"Range": "bytes=1000-1999"}, owner)
	if rec.Code != http.StatusPartialContent || !bytes.Equal(rec.Body.Bytes(), m.audio[1000:2000]) {
		t.Fatalf("audio range: %d, %d bytes", rec.Code, rec.Body.Len())
	}
}

// TestMediaAndAPIResponsesForbidSniffingAndScripts: every API and media response says what it is
// and that nothing in it may run.
func TestMediaAndAPIResponsesForbidSniffingAndScripts(t *testing.T) {
	m := newSellingMarket(t, "sqlite:"+filepath.Join(t.TempDir(), "b.db"))
	for _, path := range []string{"/api/v1/tracks/1", "/api/v1/tracks/1/preview", "/api/v1/packages/" + m.hash.Hex() + ".age",
		"/api/v1/tracks/1/cover", "/api/v1/nothing", "/healthz"} {
		rec := m.get(t, path, nil)
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" || rec.Header().Get("Content-Security-Policy") != "default-src 'none'" {
			t.Errorf("%s: %d %v", path, rec.Code, rec.Header())
		}
	}
}

// TestHugeHeadersAreRefusedBeforeParsing: the API's server answers a request whose header lines
// exceed api.MaxHeaderBytes (a Range header of 100 000 ranges is 400 KB) with 431, without
// reading it all.
func TestHugeHeadersAreRefusedBeforeParsing(t *testing.T) {
	m := newSellingMarket(t, "sqlite:"+filepath.Join(t.TempDir(), "b.db"))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := api.NewServer(ln.Addr().String(), m.h)
	go srv.Serve(ln)
	defer srv.Close()
	req, _ := http.NewRequest(http.MethodGet, "http://"+ln.Addr().String()+"/api/v1/packages/"+m.hash.Hex()+".age", nil)
	req.Header.Set("Range", "bytes="+strings.Repeat("0-0,", 99_999)+"0-0")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge || len(body) > 200 {
		t.Fatalf("%d, %d bytes; want a short 431", resp.StatusCode, len(body))
	}
	req.Header.Set("Range", "bytes=0-9")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusPartialContent {
		t.Fatalf("an ordinary range through the server: %v %v", resp, err)
	}
}
