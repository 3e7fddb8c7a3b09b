package auth_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/auth"
	"github.com/bittunes/bittunes/internal/store"
)

// memStore keeps nonces and sessions in memory, as the database does.
type memStore struct {
	mu       sync.Mutex
	nonces   map[string]time.Time // expiry
	used     map[string]bool
	sessions map[string]store.Session
}

func newMemStore() *memStore {
	return &memStore{nonces: map[string]time.Time{}, used: map[string]bool{}, sessions: map[string]store.Session{}}
}

func (m *memStore) CreateNonce(_ context.Context, nonce string, expiresAt time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.nonces[nonce] = expiresAt
	return nil
}

func (m *memStore) ConsumeNonce(_ context.Context, nonce string, now time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	exp, ok := m.nonces[nonce]
	switch {
	case !ok:
		return store.ErrNotFound
	case m.used[nonce]:
		return store.ErrConflict
	case !now.Before(exp):
		return store.ErrExpired
	}
	m.used[nonce] = true
	return nil
}

func (m *memStore) CreateSession(_ context.Context, s store.Session) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sessions[s.ID] = s
	return nil
}

func (m *memStore) Session(_ context.Context, id string, now time.Time) (store.Session, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.sessions[id]
	if !ok || !now.Before(s.ExpiresAt) {
		return store.Session{}, store.ErrNotFound
	}
	return s, nil
}

func (m *memStore) DeleteSession(_ context.Context, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.sessions, id)
	return nil
}

func (m *memStore) PruneExpired(context.Context, time.Time) (int64, error) { return 0, nil }

var now = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// siwe is an EIP-4361 message, written out by hand so the tests do not trust the library.
type siwe struct {
	domain, address, statement, uri, version, chainID, nonce, issuedAt, expires, notBefore string
}

func (m siwe) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s wants you to sign in with your Ethereum account:\n%s\n\n", m.domain, m.address)
	if m.statement != "" {
		b.WriteString(m.statement + "\n")
	}
	fmt.Fprintf(&b, "\nURI: %s\nVersion: %s\nChain ID: %s\nNonce: %s\nIssued At: %s", m.uri, m.version, m.chainID, m.nonce, m.issuedAt)
	if m.expires != "" {
		b.WriteString("\nExpiration Time: " + m.expires)
	}
	if m.notBefore != "" {
		b.WriteString("\nNot Before: " + m.notBefore)
	}
	return b.String()
}

// sign makes a personal_sign signature of text as wallets give it: r ‖ s ‖ v, v being 27 or 28.
func sign(t testing.TB, key *ecdsa.PrivateKey, text string) string {
	sig, err := crypto.Sign(accounts.TextHash([]byte(text)), key)
	if err != nil {
		t.Fatal(err)
	}
	sig[64] += 27
	return hexutil.Encode(sig)
}

func newService(t *testing.T, origin string) (*auth.Service, *memStore) {
	t.Helper()
	st := newMemStore()
	svc, err := auth.New(st, auth.Config{Origin: origin, ChainID: 1337, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	return svc, st
}

func TestSignIn(t *testing.T) {
	key, _ := crypto.GenerateKey()
	other, _ := crypto.GenerateKey()
	address := crypto.PubkeyToAddress(key.PublicKey)
	ts := func(d time.Duration) string { return now.Add(d).Format(time.RFC3339) }
	good := siwe{domain: "127.0.0.1:8080", address: address.Hex(), statement: "Sign in to Bittunes.",
		uri: "http://127.0.0.1:8080", version: "1", chainID: "1337", issuedAt: ts(-time.Minute)}
	tests := []struct {
		name      string
		edit      func(m *siwe)
		signer    *ecdsa.PrivateKey
		signature func(sig string) string
		malformed bool
		says      string // "" for success
	}{
		{name: "good"},
		{name: "no statement", edit: func(m *siwe) { m.statement = "" }},
		{name: "a path in the URI", edit: func(m *siwe) { m.uri = "http://127.0.0.1:8080/t/1?ref=x" }},
		{name: "expiry and not-before in range", edit: func(m *siwe) { m.expires, m.notBefore = ts(time.Minute), ts(-time.Minute) }},
		{name: "a wallet clock 30 s ahead", edit: func(m *siwe) { m.issuedAt = ts(30 * time.Second) }},
		{name: "fractional seconds and an offset", edit: func(m *siwe) { m.issuedAt = "2026-11-26T13:59:00.123+02:00" }},
		{name: "v as 0 or 1", signature: func(sig string) string {
			b := hexutil.MustDecode(sig)
			b[64] -= 27
			return hexutil.Encode(b)
		}},
		{name: "wrong domain", edit: func(m *siwe) { m.domain = "evil.example" }, says: "domain must be 127.0.0.1:8080"},
		{name: "wrong port", edit: func(m *siwe) { m.domain = "127.0.0.1:8081" }, says: "domain must be"},
		{name: "wrong URI", edit: func(m *siwe) { m.uri = "http://evil.example" }, says: "URI must be on http://127.0.0.1:8080"},
		{name: "wrong URI scheme", edit: func(m *siwe) { m.uri = "https://127.0.0.1:8080" }, says: "URI must be on"},
		{name: "URI with our origin as user info", edit: func(m *siwe) { m.uri = "http://127.0.0.1:8080@evil.example/" }, says: "URI must be on"},
		{name: "a relative URI", edit: func(m *siwe) { m.uri = "/t/1" }, says: "URI must be on"},
		{name: "wrong chain", edit: func(m *siwe) { m.chainID = "1" }, says: "for chain 1, but this market is on chain 1337"},
		{name: "issued in the future", edit: func(m *siwe) { m.issuedAt = ts(2 * time.Minute) }, says: "in the future"},
		{name: "expired", edit: func(m *siwe) { m.expires = ts(-time.Second) }, says: "has expired"},
		{name: "not yet valid", edit: func(m *siwe) { m.notBefore = ts(10 * time.Minute) }, says: "not valid yet"},
		{name: "signed by another key", signer: other, says: "not signed by the account it names"},
		{name: "lowercase address", edit: func(m *siwe) { m.address = strings.ToLower(m.address) }, malformed: true, says: "not a valid Sign-In with Ethereum"},
		{name: "version 2", edit: func(m *siwe) { m.version = "2" }, malformed: true, says: "not a valid"},
		{name: "a short nonce", edit: func(m *siwe) { m.nonce = "abc" }, malformed: true, says: "not a valid"},
		{name: "a lowercase t (siwe-go refuses it)", edit: func(m *siwe) { m.issuedAt = "2026-11-26t11:59:00z" }, malformed: true, says: "not a valid"},
		{name: "February 31st", edit: func(m *siwe) { m.issuedAt = "2026-02-31T00:00:00Z" }, malformed: true, says: "not a valid"},
		{name: "a leap second", edit: func(m *siwe) { m.issuedAt = "2026-06-30T23:59:60Z" }, malformed: true, says: ""},
		{name: "signature too short", signature: func(sig string) string { return sig[:20] }, malformed: true, says: "130 hex digits"},
		{name: "signature without 0x", signature: func(sig string) string { return sig[2:] }, malformed: true, says: "130 hex digits"},
		{name: "signature too long", signature: func(sig string) string { return sig + "00" }, malformed: true, says: "130 hex digits"},
		{name: "bad recovery byte", signature: func(sig string) string { return sig[:130] + "1d" }, says: "signature is not valid"},
		{name: "zero signature", signature: func(string) string { return "0x" + strings.Repeat("00", 64) + "1b" }, says: "signature is not valid"},
		{name: "a flipped bit", signature: func(sig string) string {
			b := hexutil.MustDecode(sig)
			b[10] ^= 1
			return hexutil.Encode(b)
		}, says: "not"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, _ := newService(t, "http://127.0.0.1:8080")
			n, err := svc.NewNonce(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			m := good
			m.nonce = n.Value
			if tt.edit != nil {
				tt.edit(&m)
			}
			signer := key
			if tt.signer != nil {
				signer = tt.signer
			}
			text := m.text()
			sig := sign(t, signer, text)
			if tt.signature != nil {
				sig = tt.signature(sig)
			}
			sess, err := svc.SignIn(context.Background(), text, sig)
			var refusal *auth.Refusal
			switch {
			case tt.says == "" && !tt.malformed:
				if err != nil {
					t.Fatalf("SignIn: %v", err)
				}
				if sess.Address != address || len(sess.ID) != 26 || !sess.ExpiresAt.Equal(now.Add(7*24*time.Hour)) {
					t.Errorf("session = %+v", sess)
				}
			case !errors.As(err, &refusal):
				t.Fatalf("SignIn: error = %v, want a refusal saying %q", err, tt.says)
			case refusal.Malformed != tt.malformed || !strings.Contains(refusal.Reason, tt.says):
				t.Errorf("SignIn: refusal = %+v, want malformed=%v saying %q", refusal, tt.malformed, tt.says)
			}
		})
	}
}

func TestNonces(t *testing.T) {
	key, _ := crypto.GenerateKey()
	svc, st := newService(t, "https://bittunes.example")
	ctx := context.Background()
	n, err := svc.NewNonce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Value) != 26 || strings.Trim(n.Value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") != "" {
		t.Errorf("nonce %q: want 26 characters of base32", n.Value)
	}
	if !n.ExpiresAt.Equal(now.Add(5 * time.Minute)) {
		t.Errorf("nonce expires at %v, want in 5 minutes", n.ExpiresAt)
	}
	if n2, _ := svc.NewNonce(ctx); n2.Value == n.Value {
		t.Error("two nonces are the same")
	}
	m := siwe{domain: "bittunes.example", address: crypto.PubkeyToAddress(key.PublicKey).Hex(), uri: "https://bittunes.example/",
		version: "1", chainID: "1337", nonce: n.Value, issuedAt: now.Format(time.RFC3339)}
	text := m.text()
	if _, err := svc.SignIn(ctx, text, sign(t, key, text)); err != nil {
		t.Fatalf("first sign-in: %v", err)
	}
	for _, tt := range []struct{ name, nonce, says string }{
		{"replay", n.Value, "already been used"},
		{"unknown", "NEVERISSUEDNONCE", "not issued by this market"},
	} {
		m.nonce = tt.nonce
		text := m.text()
		var refusal *auth.Refusal
		if _, err := svc.SignIn(ctx, text, sign(t, key, text)); !errors.As(err, &refusal) || !strings.Contains(refusal.Reason, tt.says) {
			t.Errorf("%s: error = %v, want one saying %q", tt.name, err, tt.says)
		}
	}
	_ = st.CreateNonce(ctx, "EXPIREDNONCE", now)
	m.nonce = "EXPIREDNONCE"
	text = m.text()
	if _, err := svc.SignIn(ctx, text, sign(t, key, text)); err == nil || !strings.Contains(err.Error(), "nonce has expired") {
		t.Errorf("expired nonce: error = %v", err)
	}
}

func TestSessions(t *testing.T) {
	svc, st := newService(t, "http://127.0.0.1:8080")
	ctx := context.Background()
	a := crypto.PubkeyToAddress(mustKey(t).PublicKey)
	_ = st.CreateSession(ctx, store.Session{ID: "ABCDEFGHIJKLMNOPQRSTUVWXYZ", Address: a, ExpiresAt: now.Add(time.Hour)})
	if got, err := svc.Account(ctx, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"); err != nil || got != a {
		t.Errorf("Account = %v, %v; want %v", got, err, a)
	}
	for _, id := range []string{"", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXY1", "ABCDEFGHIJKLMNOPQRSTUVWXYZZ", "ZZZZZZZZZZZZZZZZZZZZZZZZZZ"} {
		if _, err := svc.Account(ctx, id); !errors.Is(err, auth.ErrNoSession) {
			t.Errorf("Account(%q): error = %v, want ErrNoSession", id, err)
		}
	}
	if err := svc.SignOut(ctx, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Account(ctx, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"); !errors.Is(err, auth.ErrNoSession) {
		t.Errorf("after SignOut: error = %v, want ErrNoSession", err)
	}
}

func mustKey(t *testing.T) *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestOrigins(t *testing.T) {
	for _, tt := range []struct{ origin, normal, domain string }{
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080", "127.0.0.1:8080"},
		{"https://Bittunes.Example/", "https://bittunes.example", "bittunes.example"},
		{"https://bittunes.example:443", "https://bittunes.example", "bittunes.example"},
		{"http://[::1]:80", "http://[::1]", "[::1]"},
	} {
		svc, err := auth.New(newMemStore(), auth.Config{Origin: tt.origin, ChainID: 1})
		if err != nil {
			t.Errorf("New(%q): %v", tt.origin, err)
			continue
		}
		if svc.Origin() != tt.normal || svc.Domain() != tt.domain || svc.Secure() != strings.HasPrefix(tt.normal, "https") {
			t.Errorf("New(%q): origin %q, domain %q, secure %v", tt.origin, svc.Origin(), svc.Domain(), svc.Secure())
		}
	}
	for _, bad := range []string{"", "127.0.0.1:8080", "ftp://x", "https://", "https://x/app", "https://x?a=1", "https://u@x"} {
		if _, err := auth.New(newMemStore(), auth.Config{Origin: bad, ChainID: 1}); err == nil {
			t.Errorf("New(%q) succeeded, want an error", bad)
		}
	}
}
