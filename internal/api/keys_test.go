package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/time/rate"

	"github.com/bittunes/bittunes/internal/api"
)

// TestKeyRequestsAreRateLimited: key requests are limited per client IP and per account.
func TestKeyRequestsAreRateLimited(t *testing.T) {
	const burst = 3
	m := newSellingMarket(t, "sqlite:"+filepath.Join(t.TempDir(), "b.db"), func(d *api.Deps) {
		d.KeyRate, d.KeyBurst = rate.Every(time.Hour), burst
	})
	post := func(ip, body string, cookies ...*http.Cookie) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/tracks/1/key", strings.NewReader(body))
		req.RemoteAddr = ip + ":40000"
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		m.h.ServeHTTP(rec, req)
		return rec
	}
	// Per IP, whatever the request.
	for i := range burst {
		if rec := post("198.51.100.1", ""); rec.Code != http.StatusUnauthorized {
			t.Fatalf("anonymous request %d: %d", i+1, rec.Code)
		}
	}
	if rec := post("198.51.100.1", ""); rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("request %d from one IP: %d, want 429", burst+1, rec.Code)
	}
	// Per account, from any number of IPs.
	owner := signedInAs(t, m.st, crypto.PubkeyToAddress(m.owner.PublicKey))
	for i := range burst {
		if rec := post("203.0.113."+string(rune('1'+i)), "", owner); rec.Code != http.StatusOK {
			t.Fatalf("owner's request %d: %d %s", i+1, rec.Code, rec.Body)
		}
	}
	if rec := post("203.0.113.9", "", owner); rec.Code != http.StatusTooManyRequests {
		t.Fatalf("owner's request %d: %d, want 429", burst+1, rec.Code)
	}
}

// TestANonOwnersKeyRequestWritesNothing: the nonce of a signed request for a track the account
// does not own is not spent (ownership is checked before anything is written).
func TestANonOwnersKeyRequestWritesNothing(t *testing.T) {
	forEachSellingMarket(t, func(t *testing.T, m *sellingMarket) {
		expires := time.Now().Add(5 * time.Minute)
		rec := call(m.h, http.MethodPost, "/api/v1/tracks/1/key", keyRequest(t, m.nobody, 1, "NONCE00000000000000NN", expires))
		if rec.Code != http.StatusForbidden {
			t.Fatalf("non-owner: %d %s", rec.Code, rec.Body)
		}
		nobody := crypto.PubkeyToAddress(m.nobody.PublicKey)
		if err := m.st.UseKeyRequestNonce(context.Background(), nobody, "NONCE00000000000000NN", expires, time.Now()); err != nil {
			t.Fatalf("the refused request's nonce was spent: %v", err)
		}
		if rels, err := m.st.KeyReleases(context.Background(), chainID, 1); err != nil || len(rels) != 0 {
			t.Fatalf("releases: %v %v", rels, err)
		}
	})
}
