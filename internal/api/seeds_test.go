package api_test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/heartbeat"
	"github.com/bittunes/bittunes/internal/store"
)

// TestSeedingHeartbeatsShowWhoSeedsWhat: a fan's peer announces "Harbour Lights" to the tracker
// as a seeder, and the fan's signed heartbeat makes the account's seeds list it; a heartbeat
// signed by another key, one sent from another IP and a malformed one change nothing.
func TestSeedingHeartbeatsShowWhoSeedsWhat(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		ihBytes := strings.Repeat("\x09", 20)
		ih := hex.EncodeToString([]byte(ihBytes))
		if err := s.SavePackageTorrent(ctx, store.PackageTorrent{ContentHash: hash("harbour"), Status: store.PackageVerified,
			Size: 10, ModifiedAt: time.Now(), InfoHash: ih, PieceLength: 16384, Pieces: "AAAA"}); err != nil {
			t.Fatal(err)
		}
		h := signInHandler(s, devOrigin)
		key, _ := crypto.GenerateKey()
		fan := crypto.PubkeyToAddress(key.PublicKey)
		peerID := "-BT0001-fanfanfanfan"
		q := "info_hash=" + url.QueryEscape(ihBytes) + "&peer_id=" + peerID + "&port=7000&left=0&compact=1"
		req := httptest.NewRequest(http.MethodGet, "/api/v1/announce?"+q, nil)
		req.RemoteAddr = "198.51.100.7:40000"
		h.ServeHTTP(httptest.NewRecorder(), req)

		hb := heartbeat.Heartbeat{Domain: "127.0.0.1:8080", Account: fan, InfoHashes: []string{ih}, Expires: time.Now().Add(10 * time.Minute).UTC().Truncate(time.Second)}
		copy(hb.PeerID[:], peerID)
		post := func(text, sig, remote string) *httptest.ResponseRecorder {
			body, _ := json.Marshal(map[string]string{"message": text, "signature": sig})
			req := httptest.NewRequest(http.MethodPost, "/api/v1/seeds", strings.NewReader(string(body)))
			req.Header.Set("Content-Type", "application/json")
			req.RemoteAddr = remote + ":40001"
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec
		}
		seeds := func() int {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/accounts/"+fan.Hex()+"/seeds", nil))
			var d struct {
				Count int `json:"count"`
				Seeds []struct {
					ID int64 `json:"id"`
				} `json:"seeds"`
			}
			if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &d) != nil {
				t.Fatalf("seeds: %d %s", rec.Code, rec.Body)
			}
			if d.Count != len(d.Seeds) || (d.Count > 0 && d.Seeds[0].ID != 1) {
				t.Fatalf("seeds: %s", rec.Body)
			}
			return d.Count
		}
		otherKey, _ := crypto.GenerateKey()
		forged, _ := heartbeat.Sign(hb, otherKey)
		if rec := post(hb.Text(), forged, "198.51.100.7"); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "invalid_argument") {
			t.Errorf("a forged heartbeat: %d %s", rec.Code, rec.Body)
		}
		if rec := post("Bittunes seeding\nnonsense", forged, "198.51.100.7"); rec.Code != http.StatusBadRequest {
			t.Errorf("a malformed heartbeat: %d %s", rec.Code, rec.Body)
		}
		sig, _ := heartbeat.Sign(hb, key)
		if rec := post(hb.Text(), sig, "203.0.113.5"); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"unconfirmed":["`+ih+`"]`) {
			t.Errorf("a heartbeat from another IP: %d %s", rec.Code, rec.Body)
		}
		if n := seeds(); n != 0 {
			t.Fatalf("before a good heartbeat: %d seeds", n)
		}
		if rec := post(hb.Text(), sig, "198.51.100.7"); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"seeding":["`+ih+`"]`) {
			t.Fatalf("a good heartbeat: %d %s", rec.Code, rec.Body)
		}
		if n := seeds(); n != 1 {
			t.Fatalf("after a good heartbeat: %d seeds, want 1", n)
		}
	})
}

// TestSeedingHeartbeatsAreRateLimitedPerClientIP: six heartbeats at once from one address, then
// 429; another address is not affected.
func TestSeedingHeartbeatsAreRateLimitedPerClientIP(t *testing.T) {
	s, err := store.Open(context.Background(), "sqlite:"+t.TempDir()+"/b.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h := signInHandler(s, devOrigin)
	post := func(remote string) int {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/seeds", strings.NewReader(`{"message":"x","signature":"0x"}`))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = remote + ":1234"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	for i := range 6 {
		if code := post("198.51.100.7"); code != http.StatusBadRequest {
			t.Fatalf("heartbeat %d: %d, want 400 (malformed, not limited)", i+1, code)
		}
	}
	if code := post("198.51.100.7"); code != http.StatusTooManyRequests {
		t.Errorf("the seventh at once: %d, want 429", code)
	}
	if code := post("198.51.100.8"); code != http.StatusBadRequest {
		t.Errorf("another client: %d", code)
	}
}
