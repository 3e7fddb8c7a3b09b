package api_test

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/store"
)

// FuzzVerifyBody sends arbitrary bodies to POST /api/v1/auth/verify: whatever arrives, the answer
// is a 4xx JSON error, never a 5xx, and nobody is signed in. The seeds are well signed messages
// whose nonces are spent, unknown or expired, so the fuzzer starts next to a valid sign-in.
func FuzzVerifyBody(f *testing.F) {
	s, err := store.Open(context.Background(), "sqlite:"+filepath.Join(f.TempDir(), "b.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	h := signInHandler(s, devOrigin)
	key, err := crypto.GenerateKey()
	if err != nil {
		f.Fatal(err)
	}
	if err := s.CreateNonce(context.Background(), "EXPIREDFUZZNONCE", time.Now().Add(-time.Minute)); err != nil {
		f.Fatal(err)
	}
	spent := newMessage(key, newNonce(f, h)).String()
	if rec := call(h, http.MethodPost, "/api/v1/auth/verify", verifyBody(spent, personalSign(f, key, spent))); rec.Code != http.StatusOK {
		f.Fatalf("sign-in: %d %s", rec.Code, rec.Body)
	}
	for _, text := range []string{spent, newMessage(key, "UNKNOWNFUZZNONCE").String(), newMessage(key, "EXPIREDFUZZNONCE").String()} {
		f.Add(verifyBody(text, personalSign(f, key, text)))
	}
	for _, seed := range []string{`{}`, `{"message":"","signature":""}`, `null`, `{"message":"a","signature":"0x00"}`, `{"signature":1}`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		rec := call(h, http.MethodPost, "/api/v1/auth/verify", body)
		if rec.Code >= 500 || rec.Code < 400 {
			t.Fatalf("%d %s", rec.Code, rec.Body)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Fatalf("an error that is not JSON: %s", ct)
		}
		if sc := rec.Header().Values("Set-Cookie"); len(sc) > 0 {
			t.Fatalf("a cookie is set: %q", strings.Join(sc, "; "))
		}
	})
}
