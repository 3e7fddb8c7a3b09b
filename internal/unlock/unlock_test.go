package unlock_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/unlock"
)

// memStore is a market of one track (7) with one buyer in the database.
type memStore struct {
	mu       sync.Mutex
	track    store.Track
	sealed   string
	owners   map[common.Address]bool
	nonces   map[string]time.Time
	releases []store.KeyRelease
}

func (m *memStore) Track(_ context.Context, _ uint64, id int64) (store.Track, error) {
	if id != m.track.ID {
		return store.Track{}, store.ErrNotFound
	}
	return m.track, nil
}
func (m *memStore) TrackKey(_ context.Context, h common.Hash) (store.TrackKey, error) {
	return store.TrackKey{ContentHash: h, Sealed: m.sealed}, nil
}
func (m *memStore) Owns(_ context.Context, _ uint64, id int64, a common.Address) (bool, error) {
	return id == m.track.ID && m.owners[a], nil
}
func (m *memStore) UseKeyRequestNonce(_ context.Context, a common.Address, nonce string, exp, _ time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := a.Hex() + nonce
	if _, ok := m.nonces[k]; ok {
		return store.ErrConflict
	}
	m.nonces[k] = exp
	return nil
}
func (m *memStore) LogKeyRelease(_ context.Context, r store.KeyRelease) error {
	m.releases = append(m.releases, r)
	return nil
}

type chainOwners map[common.Address]bool

func (c chainOwners) OwnsAt(_ context.Context, _ int64, a common.Address, _ *big.Int) (bool, error) {
	return c[a], nil
}

var (
	masterKey = bytes.Repeat([]byte{9}, content.MasterKeySize)
	market    = common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	now       = time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
)

func key(t testing.TB, seed byte) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(bytes.Repeat([]byte{seed}, 32))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func sign(t testing.TB, k *ecdsa.PrivateKey, text string) string {
	sig, err := crypto.Sign(accounts.TextHash([]byte(text)), k)
	if err != nil {
		t.Fatal(err)
	}
	sig[64] += 27
	return hexutil.Encode(sig)
}

type fixture struct {
	svc          *unlock.Service
	st           *memStore
	id           *age.X25519Identity
	buyer, fresh *ecdsa.PrivateKey
	stranger     *ecdsa.PrivateKey
	artist       common.Address
}

func newFixture(t *testing.T) fixture {
	id, _ := age.GenerateX25519Identity()
	h := common.HexToHash("0x77")
	sealed, err := content.Seal(id, masterKey, h)
	if err != nil {
		t.Fatal(err)
	}
	f := fixture{id: id, buyer: key(t, 1), fresh: key(t, 2), stranger: key(t, 3), artist: common.HexToAddress("0xa1")}
	f.st = &memStore{track: store.Track{ID: 7, Artist: f.artist, ContentHash: h}, sealed: sealed,
		owners: map[common.Address]bool{crypto.PubkeyToAddress(f.buyer.PublicKey): true}, nonces: map[string]time.Time{}}
	f.svc = &unlock.Service{Store: f.st, Contract: chainOwners{crypto.PubkeyToAddress(f.buyer.PublicKey): true, crypto.PubkeyToAddress(f.fresh.PublicKey): true},
		MasterKey: masterKey, ChainID: 1337, Market: market, Domain: "127.0.0.1:8080", Now: func() time.Time { return now }}
	return f
}

func request(k *ecdsa.PrivateKey) unlock.Request {
	return unlock.Request{Domain: "127.0.0.1:8080", Market: market, ChainID: 1337, TrackID: 7,
		Account: crypto.PubkeyToAddress(k.PublicKey), Nonce: "ABCDEFGH23456789XY", Expires: now.Add(5 * time.Minute)}
}

func TestRequestTextRoundTrips(t *testing.T) {
	r := request(key(t, 1))
	got, err := unlock.ParseRequest(r.Text())
	if err != nil || got != r {
		t.Fatalf("ParseRequest(Text()) = %+v, %v", got, err)
	}
	lower := strings.Replace(r.Text(), r.Account.Hex(), strings.ToLower(r.Account.Hex()), 1)
	for name, text := range map[string]string{
		"lowercase account": lower,
		"extra line":        r.Text() + "\nMore: x",
		"CRLF":              strings.ReplaceAll(r.Text(), "\n", "\r\n"),
		"track 07":          strings.Replace(r.Text(), "Track: 7", "Track: 07", 1),
		"local time":        strings.Replace(r.Text(), "08:05:00Z", "09:05:00+01:00", 1),
		"short nonce":       strings.Replace(r.Text(), r.Nonce, "abc", 1),
	} {
		if _, err := unlock.ParseRequest(text); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestSignedKeyRequests(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	r := request(f.buyer)
	text := r.Text()
	account, err := f.svc.Authenticate(ctx, 7, text, sign(t, f.buyer, text))
	if err != nil || account != r.Account {
		t.Fatalf("Authenticate: %v, %v", account, err)
	}
	refused := func(name string, track int64, text, sig, says string) {
		t.Helper()
		_, err := f.svc.Authenticate(ctx, track, text, sig)
		var ref *unlock.Refusal
		if !errors.As(err, &ref) || !strings.Contains(ref.Reason, says) {
			t.Errorf("%s: %v, want a refusal saying %q", name, err, says)
		}
	}
	refused("replayed", 7, text, sign(t, f.buyer, text), "already used")
	fresh := func(mod func(*unlock.Request)) string {
		r := request(f.buyer)
		r.Nonce = "N" + strings.Repeat("0", 15) + string(rune('A'+len(f.st.nonces)))
		mod(&r)
		return r.Text()
	}
	forged := fresh(func(*unlock.Request) {})
	refused("signed by another key", 7, forged, sign(t, f.stranger, forged), "not the account's")
	tampered := fresh(func(*unlock.Request) {})
	refused("signature of another text", 7, tampered, sign(t, f.buyer, strings.Replace(tampered, "Track: 7", "Track: 8", 1)), "not the account's")
	expired := fresh(func(r *unlock.Request) { r.Expires = now.Add(-2 * time.Minute) })
	refused("expired", 7, expired, sign(t, f.buyer, expired), "expired")
	far := fresh(func(r *unlock.Request) { r.Expires = now.Add(time.Hour) })
	refused("expiring an hour ahead", 7, far, sign(t, f.buyer, far), "ahead")
	other := fresh(func(r *unlock.Request) { r.Domain = "evil.example" })
	refused("another domain", 7, other, sign(t, f.buyer, other), "domain")
	chain := fresh(func(r *unlock.Request) { r.ChainID = 1 })
	refused("another chain", 7, chain, sign(t, f.buyer, chain), "another market")
	refused("another track", 8, text, sign(t, f.buyer, text), "for track 7")
	refused("garbage signature", 7, forged, "0x1234", "130 hex digits")
	// A clock a little behind is forgiven: a request that expired 30 seconds ago still passes.
	late := fresh(func(r *unlock.Request) { r.Expires = now.Add(-30 * time.Second) })
	if _, err := f.svc.Authenticate(ctx, 7, late, sign(t, f.buyer, late)); err != nil {
		t.Errorf("within the clock skew: %v", err)
	}
}

func TestReleaseOnlyToOwners(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	buyer := crypto.PubkeyToAddress(f.buyer.PublicKey)
	k, err := f.svc.Release(ctx, 7, buyer, store.ProofSignature, "req-1")
	if err != nil || k.Identity.String() != f.id.String() || k.Ownership != store.OwnershipDatabase {
		t.Fatalf("Release to the buyer: %+v, %v", k, err)
	}
	// A purchase the indexer has not seen yet: the contract says so.
	k, err = f.svc.Release(ctx, 7, crypto.PubkeyToAddress(f.fresh.PublicKey), store.ProofSession, "req-2")
	if err != nil || k.Ownership != store.OwnershipContract {
		t.Fatalf("Release to a fresh buyer: %+v, %v", k, err)
	}
	if _, err := f.svc.Release(ctx, 7, crypto.PubkeyToAddress(f.stranger.PublicKey), store.ProofSession, "req-3"); !errors.Is(err, unlock.ErrNotOwner) {
		t.Fatalf("Release to a stranger: %v, want ErrNotOwner", err)
	}
	if k, err := f.svc.Release(ctx, 7, f.artist, store.ProofSession, "req-4"); err != nil || k.Identity.String() != f.id.String() {
		t.Fatalf("Release to the artist: %v", err)
	}
	if len(f.st.releases) != 3 || f.st.releases[0].RequestID != "req-1" || f.st.releases[1].Ownership != store.OwnershipContract {
		t.Fatalf("logged releases: %+v", f.st.releases)
	}
	// Without the contract fallback, the fresh buyer is not known yet.
	f.svc.Contract = nil
	if _, err := f.svc.Release(ctx, 7, crypto.PubkeyToAddress(f.fresh.PublicKey), store.ProofSession, "req-5"); !errors.Is(err, unlock.ErrNotOwner) {
		t.Fatalf("without the contract: %v", err)
	}
}

// TestTheDatabaseAloneDoesNotGiveTheKey: what the database holds does not contain the key, and does
// not open without the master key.
func TestTheDatabaseAloneDoesNotGiveTheKey(t *testing.T) {
	f := newFixture(t)
	secret := f.id.String()
	if strings.Contains(f.st.sealed, secret) || strings.Contains(f.st.sealed, strings.TrimPrefix(secret, "AGE-SECRET-KEY-1")) {
		t.Fatal("the sealed key contains the key")
	}
	f.svc.MasterKey = bytes.Repeat([]byte{8}, content.MasterKeySize)
	if _, err := f.svc.Release(context.Background(), 7, crypto.PubkeyToAddress(f.buyer.PublicKey), store.ProofSession, "r"); !errors.Is(err, content.ErrSealed) {
		t.Fatalf("with another master key: %v, want ErrSealed", err)
	}
}
