package api_test

import (
	"context"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/anacrolix/torrent/bencode"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/store"
)

// TestTrackerSeesClientsBehindATrustedProxy: a peer behind the load balancer is handed out with
// its own address (X-Forwarded-For from a trusted proxy), not the proxy's; an untrusted sender's
// X-Forwarded-For is ignored.
func TestTrackerSeesClientsBehindATrustedProxy(t *testing.T) {
	s, err := store.Open(context.Background(), "sqlite:"+t.TempDir()+"/b.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ih := strings.Repeat("\x07", 20)
	err = s.SavePackageTorrent(context.Background(), store.PackageTorrent{ContentHash: hash("pkg"), Status: store.PackageVerified,
		Size: 10, ModifiedAt: time.Now(), InfoHash: hex.EncodeToString([]byte(ih)), PieceLength: 16384, Pieces: "AAAA"})
	if err != nil {
		t.Fatal(err)
	}
	h := signInHandler(s, devOrigin, func(d *api.Deps) { d.TrustedProxies = []string{"10.0.0.0/8"} })
	announce := func(remote, forwarded, peerID string) map[string]any {
		q := "info_hash=" + url.QueryEscape(ih) + "&peer_id=" + strings.Repeat(peerID, 20) + "&port=7000&left=0&compact=1"
		req := httptest.NewRequest(http.MethodGet, "/api/v1/announce?"+q, nil)
		req.RemoteAddr = remote + ":40000"
		req.Header.Set("X-Forwarded-For", forwarded)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var d map[string]any
		if rec.Code != http.StatusOK || bencode.Unmarshal(rec.Body.Bytes(), &d) != nil {
			t.Fatalf("announce: %d %q", rec.Code, rec.Body)
		}
		return d
	}
	announce("10.1.2.3", "198.51.100.7", "a")
	announce("203.0.113.5", "198.51.100.8", "b") // not a trusted proxy: the client is 203.0.113.5
	d := announce("10.1.2.3", "198.51.100.9", "c")
	peers, _ := d["peers"].(string)
	want := map[string]bool{"\xc6\x33\x64\x07\x1b\x58": true, "\xcb\x00\x71\x05\x1b\x58": true} // 198.51.100.7:7000, 203.0.113.5:7000
	if len(peers) != 12 || !want[peers[:6]] || !want[peers[6:]] || peers[:6] == peers[6:] {
		t.Fatalf("peers = %q, want 198.51.100.7:7000 and 203.0.113.5:7000", peers)
	}
	scrape := httptest.NewRequest(http.MethodGet, "/api/v1/scrape?info_hash="+url.QueryEscape(ih), nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, scrape)
	if !strings.HasPrefix(rec.Body.String(), "d5:filesd20:"+ih+"d8:completei3e") {
		t.Fatalf("scrape: %q", rec.Body)
	}
}
