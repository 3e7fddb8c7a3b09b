package api_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/time/rate"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/store"
)

const devOrigin = "http://127.0.0.1:8080"

// signInHandler is the API with sign-in on at origin, without a rate limit unless limit says.
func signInHandler(s *store.Store, origin string, limit ...func(*api.Deps)) http.Handler {
	d := api.Deps{Store: s, Chain: fakeChain{head: 21}, Contract: fakeContract{}, ChainID: chainID, Market: marketAddr,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), MaxLag: 5, Origin: origin, SignInRate: rate.Inf}
	for _, f := range limit {
		f(&d)
	}
	return api.Handler(d)
}

// call sends a request with an optional JSON body and cookies.
func call(h http.Handler, method, path, body string, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// siweMessage is the exact EIP-4361 text a wallet signs, written out by hand.
type siweMessage struct {
	Domain, Address, URI, ChainID, Nonce, IssuedAt, Expires string
}

func (m siweMessage) String() string {
	s := fmt.Sprintf("%s wants you to sign in with your Ethereum account:\n%s\n\nSign in to Bittunes.\n\n"+
		"URI: %s\nVersion: 1\nChain ID: %s\nNonce: %s\nIssued At: %s", m.Domain, m.Address, m.URI, m.ChainID, m.Nonce, m.IssuedAt)
	if m.Expires != "" {
		s += "\nExpiration Time: " + m.Expires
	}
	return s
}

// newMessage is a message for the dev origin by key's account with nonce, issued now.
func newMessage(key *ecdsa.PrivateKey, nonce string) siweMessage {
	return siweMessage{Domain: "127.0.0.1:8080", Address: crypto.PubkeyToAddress(key.PublicKey).Hex(), URI: devOrigin,
		ChainID: fmt.Sprint(chainID), Nonce: nonce, IssuedAt: time.Now().UTC().Format(time.RFC3339)}
}

// personalSign signs text as a wallet's personal_sign does: EIP-191, v as 27 or 28.
func personalSign(t testing.TB, key *ecdsa.PrivateKey, text string) string {
	sig, err := crypto.Sign(accounts.TextHash([]byte(text)), key)
	if err != nil {
		t.Fatal(err)
	}
	sig[crypto.RecoveryIDOffset] += 27
	return hexutil.Encode(sig)
}

func verifyBody(text, signature string) string {
	b, _ := json.Marshal(map[string]string{"message": text, "signature": signature})
	return string(b)
}

func newNonce(t testing.TB, h http.Handler) string {
	t.Helper()
	rec := call(h, http.MethodPost, "/api/v1/auth/nonce", "")
	var body struct {
		Nonce     string
		ExpiresAt time.Time
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); rec.Code != http.StatusOK || err != nil {
		t.Fatalf("nonce: %d %s", rec.Code, rec.Body)
	}
	if len(body.Nonce) < 16 || time.Until(body.ExpiresAt) < time.Minute || time.Until(body.ExpiresAt) > 10*time.Minute {
		t.Fatalf("nonce: %s", rec.Body)
	}
	return body.Nonce
}

func sessionCookie(t testing.TB, rec *httptest.ResponseRecorder) *http.Cookie {
	t.Helper()
	for _, c := range rec.Result().Cookies() {
		if strings.HasSuffix(c.Name, "bittunes_session") {
			return c
		}
	}
	t.Fatalf("no session cookie in %v", rec.Header())
	return nil
}

type apiError struct {
	Error struct{ Code, Message string }
}

func errorOf(rec *httptest.ResponseRecorder) apiError {
	var e apiError
	_ = json.Unmarshal(rec.Body.Bytes(), &e)
	return e
}

func TestSignInWithEthereum(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := signInHandler(s, devOrigin)
		key, _ := crypto.GenerateKey()
		account := crypto.PubkeyToAddress(key.PublicKey)

		text := newMessage(key, newNonce(t, h)).String()
		rec := call(h, http.MethodPost, "/api/v1/auth/verify", verifyBody(text, personalSign(t, key, text)))
		if rec.Code != http.StatusOK || rec.Body.String() != `{"address":"`+account.Hex()+`"}` {
			t.Fatalf("verify: %d %s", rec.Code, rec.Body)
		}
		cookie := sessionCookie(t, rec)
		if cookie.Name != "bittunes_session" || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode ||
			cookie.Path != "/" || cookie.Secure || cookie.MaxAge != 7*24*3600 || len(cookie.Value) < 26 {
			t.Errorf("session cookie: %s", rec.Header().Get("Set-Cookie"))
		}
		if got := rec.Header().Get("Cache-Control"); got != "no-store" {
			t.Errorf("Cache-Control = %q, want no-store", got)
		}

		rec = call(h, http.MethodGet, "/api/v1/auth/session", "", cookie)
		if rec.Code != http.StatusOK || rec.Body.String() != `{"address":"`+account.Hex()+`"}` {
			t.Errorf("session: %d %s", rec.Code, rec.Body)
		}
		if rec := call(h, http.MethodGet, "/api/v1/auth/session", ""); rec.Code != http.StatusUnauthorized {
			t.Errorf("session without the cookie: %d %s", rec.Code, rec.Body)
		}

		rec = call(h, http.MethodPost, "/api/v1/auth/logout", "", cookie)
		if rec.Code != http.StatusNoContent {
			t.Errorf("logout: %d %s", rec.Code, rec.Body)
		}
		if cleared := sessionCookie(t, rec); cleared.Value != "" || cleared.MaxAge >= 0 {
			t.Errorf("logout does not clear the cookie: %s", rec.Header().Get("Set-Cookie"))
		}
		if rec := call(h, http.MethodGet, "/api/v1/auth/session", "", cookie); rec.Code != http.StatusUnauthorized {
			t.Errorf("session after logout: %d %s", rec.Code, rec.Body)
		}
		if _, err := s.Session(context.Background(), cookie.Value, time.Now()); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the session after logout: error = %v, want ErrNotFound", err)
		}
	})
}

func TestSessionCookieOnHTTPSIsSecure(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := signInHandler(s, "https://bittunes.example")
		key, _ := crypto.GenerateKey()
		m := newMessage(key, newNonce(t, h))
		m.Domain, m.URI = "bittunes.example", "https://bittunes.example/account"
		text := m.String()
		rec := call(h, http.MethodPost, "/api/v1/auth/verify", verifyBody(text, personalSign(t, key, text)))
		if rec.Code != http.StatusOK {
			t.Fatalf("verify: %d %s", rec.Code, rec.Body)
		}
		c := sessionCookie(t, rec)
		if c.Name != "__Host-bittunes_session" || !c.Secure || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" || c.Domain != "" {
			t.Errorf("session cookie: %s", rec.Header().Get("Set-Cookie"))
		}
		if rec := call(h, http.MethodGet, "/api/v1/auth/session", "", c); rec.Code != http.StatusOK {
			t.Errorf("session: %d %s", rec.Code, rec.Body)
		}
	})
}

func TestSignInRefusals(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := signInHandler(s, devOrigin)
		ctx := context.Background()
		key, _ := crypto.GenerateKey()
		other, _ := crypto.GenerateKey()
		signed := func(m siweMessage) string { return verifyBody(m.String(), personalSign(t, key, m.String())) }

		used := newMessage(key, newNonce(t, h))
		if rec := call(h, http.MethodPost, "/api/v1/auth/verify", signed(used)); rec.Code != http.StatusOK {
			t.Fatalf("first sign-in: %d %s", rec.Code, rec.Body)
		}
		if err := s.CreateNonce(ctx, "EXPIREDNONCE2", time.Now().Add(-time.Second)); err != nil {
			t.Fatal(err)
		}
		edit := func(f func(m *siweMessage)) string {
			m := newMessage(key, newNonce(t, h))
			f(&m)
			return signed(m)
		}
		good := newMessage(key, newNonce(t, h))
		cases := []struct {
			name   string
			body   string
			status int
			says   string
		}{
			{"replay", signed(used), 401, "nonce has already been used"},
			{"expired nonce", signed(newMessage(key, "EXPIREDNONCE2")), 401, "nonce has expired"},
			{"unknown nonce", signed(newMessage(key, "NEVERISSUEDNONCE")), 401, "nonce was not issued by this market"},
			{"wrong domain", edit(func(m *siweMessage) { m.Domain = "bittunes.evil" }), 401, "domain must be 127.0.0.1:8080"},
			{"wrong URI", edit(func(m *siweMessage) { m.URI = "http://bittunes.evil/" }), 401, "URI must be on http://127.0.0.1:8080"},
			{"wrong chain id", edit(func(m *siweMessage) { m.ChainID = "10" }), 401, "for chain 10, but this market is on chain 1337"},
			{"expired message", edit(func(m *siweMessage) { m.Expires = time.Now().Add(-time.Minute).UTC().Format(time.RFC3339) }), 401, "message has expired"},
			{"issued in the future", edit(func(m *siweMessage) { m.IssuedAt = time.Now().Add(time.Hour).UTC().Format(time.RFC3339) }), 401, "in the future"},
			{"wrong signer", verifyBody(good.String(), personalSign(t, other, good.String())), 401, "not signed by the account it names"},
			{"signature of another text", verifyBody(good.String(), personalSign(t, key, good.String()+" ")), 401, "not signed by the account"},
			{"bad signature bytes", verifyBody(good.String(), "0x1234"), 400, "130 hex digits"},
			{"signature not hex", verifyBody(good.String(), "0x"+strings.Repeat("zz", 65)), 400, "130 hex digits"},
			{"bad recovery id", verifyBody(good.String(), personalSign(t, key, good.String())[:130]+"05"), 401, "signature is not valid"},
			{"malformed message", verifyBody("hello", personalSign(t, key, "hello")), 400, "not a valid Sign-In with Ethereum"},
			{"message with CRLF", verifyBody(strings.ReplaceAll(good.String(), "\n", "\r\n"), "0x"+strings.Repeat("00", 65)), 400, "not a valid"},
			{"message too long", verifyBody(strings.Repeat("a", 9000), "0x00"), 400, "longer than"},
			{"empty body", "", 400, "JSON object"},
			{"not JSON", "message=x", 400, "JSON object"},
			{"two objects", `{"message":"a","signature":"b"}{}`, 400, "one JSON object"},
			{"a number for the message", `{"message":1,"signature":"0x"}`, 400, "message has the wrong type"},
			{"an unknown field", `{"message":"a","signature":"0x","extra":1}`, 400, "unknown field"},
			{"no signature", `{"message":"a"}`, 400, "signature"},
			{"body too large", `{"message":"` + strings.Repeat("a", 70_000) + `"}`, 400, "larger than"},
		}
		for _, c := range cases {
			rec := call(h, http.MethodPost, "/api/v1/auth/verify", c.body)
			e := errorOf(rec)
			if rec.Code != c.status || !strings.Contains(e.Error.Message, c.says) {
				t.Errorf("%s: got %d %s, want %d saying %q", c.name, rec.Code, rec.Body, c.status, c.says)
			}
			if len(rec.Result().Cookies()) != 0 {
				t.Errorf("%s: sets a cookie", c.name)
			}
			if strings.Contains(strings.ToLower(e.Error.Message), "store:") || strings.Contains(e.Error.Message, "siwe") {
				t.Errorf("%s: internal text in %q", c.name, e.Error.Message)
			}
		}
		// The good message was never used: its nonce is still good.
		if rec := call(h, http.MethodPost, "/api/v1/auth/verify", signed(good)); rec.Code != http.StatusOK {
			t.Errorf("a refused attempt used up the nonce: %d %s", rec.Code, rec.Body)
		}
	})
}

func TestConcurrentVerifySignsInOnce(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		h := signInHandler(s, devOrigin)
		key, _ := crypto.GenerateKey()
		text := newMessage(key, newNonce(t, h)).String()
		body := verifyBody(text, personalSign(t, key, text))
		const n = 12
		codes := make([]int, n)
		messages := make([]string, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				rec := call(h, http.MethodPost, "/api/v1/auth/verify", body)
				codes[i], messages[i] = rec.Code, errorOf(rec).Error.Message
			})
		}
		wg.Wait()
		ok := 0
		for i, code := range codes {
			switch {
			case code == http.StatusOK:
				ok++
			case code != http.StatusUnauthorized || !strings.Contains(messages[i], "already been used"):
				t.Errorf("a losing request got %d %q", code, messages[i])
			}
		}
		if ok != 1 {
			t.Errorf("%d of %d concurrent verifications signed in, want 1", ok, n)
		}
	})
}

func TestSignInIsRateLimitedPerClientIP(t *testing.T) {
	s, err := store.Open(context.Background(), "sqlite:"+t.TempDir()+"/b.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const burst = 3
	h := signInHandler(s, devOrigin, func(d *api.Deps) { d.SignInRate, d.SignInBurst = rate.Every(time.Hour), burst })
	from := func(ip, path string, header ...string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, path, strings.NewReader("{}"))
		req.RemoteAddr = ip + ":40000"
		if len(header) == 2 {
			req.Header.Set(header[0], header[1])
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for i := range burst {
		if rec := from("198.51.100.7", "/api/v1/auth/nonce"); rec.Code == http.StatusTooManyRequests {
			t.Fatalf("request %d of the burst: 429", i+1)
		}
	}
	rec := from("198.51.100.7", "/api/v1/auth/nonce")
	if rec.Code != http.StatusTooManyRequests || errorOf(rec).Error.Code != "rate_limited" {
		t.Fatalf("request %d: %d %s, want 429", burst+1, rec.Code, rec.Body)
	}
	// Verifications have a bucket of their own: nonces asked for do not use it up.
	for i := range burst {
		if rec := from("198.51.100.7", "/api/v1/auth/verify"); rec.Code == http.StatusTooManyRequests {
			t.Fatalf("verification %d after the nonces' burst: 429", i+1)
		}
	}
	if rec := from("198.51.100.7", "/api/v1/auth/verify"); rec.Code != http.StatusTooManyRequests {
		t.Fatalf("verification %d: %d, want 429", burst+1, rec.Code)
	}
	if ra := rec.Header().Get("Retry-After"); ra == "" || ra == "0" {
		t.Errorf("Retry-After = %q", ra)
	}
	if rec := from("198.51.100.7", "/api/v1/auth/nonce", "X-Forwarded-For", "203.0.113.9"); rec.Code != http.StatusTooManyRequests {
		t.Errorf("X-Forwarded-For from an untrusted peer escapes the limit: %d", rec.Code)
	}
	if rec := from("198.51.100.8", "/api/v1/auth/nonce"); rec.Code != http.StatusOK {
		t.Errorf("another client: %d %s", rec.Code, rec.Body)
	}
	// IPv6 clients are counted per /64.
	for i := range burst {
		from(fmt.Sprintf("[2001:db8::%x]", i+1), "/api/v1/auth/nonce")
	}
	if rec := from("[2001:db8::ffff]", "/api/v1/auth/nonce"); rec.Code != http.StatusTooManyRequests {
		t.Errorf("another address in the same /64: %d, want 429", rec.Code)
	}
	if rec := call(h, http.MethodGet, "/api/v1/tracks", ""); rec.Code == http.StatusTooManyRequests {
		t.Error("the limit applies beyond sign-in")
	}
}

func TestSignInBehindATrustedProxy(t *testing.T) {
	s, err := store.Open(context.Background(), "sqlite:"+t.TempDir()+"/b.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h := signInHandler(s, devOrigin, func(d *api.Deps) {
		d.SignInRate, d.SignInBurst, d.TrustedProxies = rate.Every(time.Hour), 1, []string{"10.0.0.0/8"}
	})
	from := func(client string) int {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/auth/nonce", nil)
		req.RemoteAddr = "10.1.2.3:40000"
		req.Header.Set("X-Forwarded-For", client)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	if a, b, c := from("198.51.100.1"), from("198.51.100.2"), from("198.51.100.1"); a != 200 || b != 200 || c != 429 {
		t.Errorf("clients behind the proxy: %d %d %d, want 200 200 429", a, b, c)
	}
}

// TestUntrustedForwardedForIsWarnedOnce: X-Forwarded-For from a peer that is not a trusted proxy
// is logged once, as a warning; from a trusted proxy it is not.
func TestUntrustedForwardedForIsWarnedOnce(t *testing.T) {
	s, err := store.Open(context.Background(), "sqlite:"+t.TempDir()+"/b.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var logs bytes.Buffer
	h := signInHandler(s, devOrigin, func(d *api.Deps) {
		d.TrustedProxies, d.Logger = []string{"10.0.0.0/8", "192.0.2.1"}, slog.New(slog.NewTextHandler(&logs, nil))
	})
	from := func(peer string) {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/auth/nonce", nil)
		req.RemoteAddr = peer + ":40000"
		req.Header.Set("X-Forwarded-For", "198.51.100.1")
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
	from("10.1.2.3")
	from("192.0.2.1")
	if strings.Contains(logs.String(), "X-Forwarded-For") {
		t.Fatalf("warned about trusted proxies: %s", logs.String())
	}
	from("203.0.113.5")
	from("203.0.113.6")
	if n := strings.Count(logs.String(), "X-Forwarded-For from a peer not in --trusted-proxies"); n != 1 || !strings.Contains(logs.String(), "level=WARN") {
		t.Fatalf("%d warnings, want 1: %s", n, logs.String())
	}
}

func TestSignInNeedsAnOrigin(t *testing.T) {
	s, err := store.Open(context.Background(), "sqlite:"+t.TempDir()+"/b.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, origin := range []string{"", "127.0.0.1:8080"} {
		h := signInHandler(s, origin)
		if rec := call(h, http.MethodPost, "/api/v1/auth/nonce", ""); rec.Code != http.StatusServiceUnavailable {
			t.Errorf("origin %q: nonce answers %d %s, want 503", origin, rec.Code, rec.Body)
		}
		if rec := call(h, http.MethodGet, "/api/v1/tracks", ""); rec.Code != http.StatusOK {
			t.Errorf("origin %q: the rest of the API answers %d", origin, rec.Code)
		}
	}
}

func TestCrossOriginRequestsAreRefused(t *testing.T) {
	s, err := store.Open(context.Background(), "sqlite:"+t.TempDir()+"/b.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	try := func(h http.Handler, origins map[string]int) {
		t.Helper()
		for origin, want := range origins {
			req := httptest.NewRequest(http.MethodPost, "/api/v1/auth/nonce", nil)
			req.Host = "127.0.0.1:8080"
			if origin != "" {
				req.Header.Set("Origin", origin)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != want {
				t.Errorf("Origin %q: %d %s, want %d", origin, rec.Code, rec.Body, want)
			}
		}
	}
	try(signInHandler(s, devOrigin), map[string]int{"": 200, devOrigin: 200, "http://127.0.0.1:5173": 403,
		"https://evil.example": 403, "null": 403})
	try(signInHandler(s, devOrigin, func(d *api.Deps) { d.CORSOrigins = []string{"http://127.0.0.1:5173"} }),
		map[string]int{"": 200, devOrigin: 200, "http://127.0.0.1:5173": 200, "https://evil.example": 403})
}

// signedInAs opens a session for account straight in the store and returns its cookie.
func signedInAs(t *testing.T, s *store.Store, account common.Address) *http.Cookie {
	t.Helper()
	id := strings.ToUpper(fmt.Sprintf("%026x", crypto.Keccak256(account.Bytes())[:13]))
	id = strings.Map(func(r rune) rune { // into rand.Text's alphabet
		if r >= '0' && r <= '9' {
			return 'A' + (r - '0')
		}
		return r
	}, id)
	if err := s.CreateSession(context.Background(), store.Session{ID: id, Address: account, ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	return &http.Cookie{Name: "bittunes_session", Value: id}
}
