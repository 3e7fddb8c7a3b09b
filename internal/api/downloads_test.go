package api_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/anacrolix/torrent/metainfo"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/time/rate"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/pgtest"
	"github.com/bittunes/bittunes/internal/unlock"
)

// testWAV is a mono 16-bit WAV of n pseudo-random bytes of samples.
func testWAV(n int) []byte {
	data := make([]byte, n)
	for i := range data {
		data[i] = byte(i*7 + i/251)
	}
	var b bytes.Buffer
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(4+8+16+8+n))
	b.WriteString("WAVEfmt ")
	for _, v := range []any{uint32(16), uint16(1), uint16(1), uint32(44100), uint32(88200), uint16(2), uint16(16)} {
		binary.Write(&b, binary.LittleEndian, v)
	}
	b.WriteString("data")
	binary.Write(&b, binary.LittleEndian, uint32(n))
	b.Write(data)
	return b.Bytes()
}

// chainOwners is the contract's owns(): buyers the indexer has not seen yet.
type chainOwners map[common.Address]bool

func (c chainOwners) OwnsAt(_ context.Context, _ int64, a common.Address, _ *big.Int) (bool, error) {
	return c[a], nil
}

// sellingMarket is a market with one uploaded, registered track (1, by mira) bought by the owner
// key's account, and a fresh buyer only the contract knows about yet.
type sellingMarket struct {
	h                    http.Handler
	st                   *store.Store
	media                content.Media
	audio                []byte
	hash                 common.Hash
	owner, fresh, nobody *ecdsa.PrivateKey
}

func newSellingMarket(t *testing.T, dsn string, opts ...func(*api.Deps)) *sellingMarket {
	ctx := context.Background()
	m := &sellingMarket{media: content.Media{Dir: t.TempDir()}, audio: testWAV(1 << 20)}
	m.owner, _ = crypto.ToECDSA(bytes.Repeat([]byte{1}, 32))
	m.fresh, _ = crypto.ToECDSA(bytes.Repeat([]byte{2}, 32))
	m.nobody, _ = crypto.ToECDSA(bytes.Repeat([]byte{3}, 32))
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	m.st = st
	m.media.Init()
	p, err := m.media.StorePackage(bytes.NewReader(m.audio))
	if err != nil {
		t.Fatal(err)
	}
	m.hash = p.ContentHash
	if _, err := m.media.CutPreview(p.ContentHash, content.WAV, bytes.NewReader(m.audio), int64(len(m.audio))); err != nil {
		t.Fatal(err)
	}
	sealed, _ := content.Seal(p.Identity, uploadMasterKey, p.ContentHash)
	if err := st.SaveTrackKey(ctx, store.TrackKey{ContentHash: p.ContentHash, Sealed: sealed}); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveTrackMetadata(ctx, store.TrackMetadata{ContentHash: p.ContentHash, Title: "Harbour: Lights", ArtistName: "Mira Vale",
		Genre: "Electronic", Subgenre: "House", DurationMS: 5000, Uploader: mira}); err != nil {
		t.Fatal(err)
	}
	owner := crypto.PubkeyToAddress(m.owner.PublicKey)
	pos := func(n uint64) market.Position {
		return market.Position{BlockNumber: n, BlockHash: hash(fmt.Sprint("b", n)), BlockTime: today, TxHash: hash(fmt.Sprint("t", n))}
	}
	events := []market.Event{
		market.TrackRegistered{Position: pos(1), TrackID: 1, Artist: mira, Price: eth(2), ReferralBps: 2000, ContentHash: p.ContentHash, MetadataURI: "x"},
		market.Sale{Position: pos(2), TrackID: 1, Buyer: owner, Recipient: owner, Price: eth(2), ArtistAmount: eth(2)},
	}
	if err := st.Apply(ctx, store.Batch{From: 1, Events: events, Cursor: store.Cursor{ChainID: chainID, Contract: marketAddr, BlockNumber: 2, BlockHash: hash("b2")}}); err != nil {
		t.Fatal(err)
	}
	d := api.Deps{Store: st, Chain: fakeChain{head: 2}, ChainID: chainID, Market: marketAddr,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Origin: devOrigin, SignInRate: rate.Inf,
		MediaDir: m.media.Dir, MasterKey: uploadMasterKey, Owners: chainOwners{crypto.PubkeyToAddress(m.fresh.PublicKey): true}}
	for _, o := range opts {
		o(&d)
	}
	m.h = api.Handler(d)
	return m
}

func (m *sellingMarket) get(t *testing.T, path string, header map[string]string, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	m.h.ServeHTTP(rec, req)
	return rec
}

func forEachSellingMarket(t *testing.T, f func(t *testing.T, m *sellingMarket)) {
	t.Run("sqlite", func(t *testing.T) { f(t, newSellingMarket(t, "sqlite:"+filepath.Join(t.TempDir(), "b.db"))) })
	t.Run("postgres", func(t *testing.T) { f(t, newSellingMarket(t, pgtest.DSN(t))) })
}

func TestTorrentWebSeedAndPreview(t *testing.T) {
	forEachSellingMarket(t, func(t *testing.T, m *sellingMarket) {
		pkg, _ := os.ReadFile(m.media.PackagePath(m.hash))
		rec := m.get(t, "/api/v1/tracks/1/torrent", nil)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/x-bittorrent" ||
			!strings.Contains(rec.Header().Get("Content-Disposition"), "Mira Vale - Harbour_ Lights.torrent") {
			t.Fatalf("torrent: %d %v %s", rec.Code, rec.Header(), rec.Body)
		}
		mi, err := metainfo.Load(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		info, _ := mi.UnmarshalInfo()
		if info.Name != m.hash.Hex()+".age" || info.Length != int64(len(pkg)) || mi.Announce != devOrigin+"/api/v1/announce" ||
			len(mi.UrlList) != 1 || mi.UrlList[0] != devOrigin+"/api/v1/packages/" {
			t.Fatalf("torrent: %+v %+v", mi, info)
		}
		var page map[string]any
		json.Unmarshal(m.get(t, "/api/v1/tracks/1", nil).Body.Bytes(), &page)
		if page["infoHash"] != mi.HashInfoBytes().HexString() || !strings.HasPrefix(page["magnet"].(string), "magnet:?xt=urn:btih:"+mi.HashInfoBytes().HexString()) ||
			page["torrentUrl"] != "/api/v1/tracks/1/torrent" || page["previewUrl"] != "/api/v1/tracks/1/preview" || page["audioUrl"] != "/api/v1/tracks/1/audio" {
			t.Fatalf("track page: %v", page)
		}
		rec = m.get(t, "/api/v1/packages/"+m.hash.Hex()+".age", map[string]string{"Range": "bytes=1000-1999"})
		if rec.Code != http.StatusPartialContent || !bytes.Equal(rec.Body.Bytes(), pkg[1000:2000]) {
			t.Fatalf("web seed range: %d, %d bytes", rec.Code, rec.Body.Len())
		}
		rec = m.get(t, "/api/v1/tracks/1/preview", map[string]string{"Range": "bytes=0-43"})
		if rec.Code != http.StatusPartialContent || rec.Header().Get("Content-Type") != "audio/wav" || !bytes.Equal(rec.Body.Bytes()[:4], []byte("RIFF")) {
			t.Fatalf("preview: %d %v", rec.Code, rec.Header())
		}
		for path, code := range map[string]int{
			"/api/v1/packages/x.age": 400, "/api/v1/packages/" + hash("none").Hex() + ".age": 404,
			"/api/v1/tracks/2/torrent": 404, "/api/v1/tracks/1/cover": 404, "/api/v1/tracks/x/preview": 400,
		} {
			if rec := m.get(t, path, nil); rec.Code != code {
				t.Errorf("%s: %d, want %d", path, rec.Code, code)
			}
		}
	})
}

// TestAPackageThatDoesNotMatchItsHashIsRefused: a package file changed on the server is neither
// served nor listed with download links.
func TestAPackageThatDoesNotMatchItsHashIsRefused(t *testing.T) {
	m := newSellingMarket(t, "sqlite:"+filepath.Join(t.TempDir(), "b.db"))
	path := m.media.PackagePath(m.hash)
	b, _ := os.ReadFile(path)
	b[len(b)/2] ^= 1
	os.WriteFile(path, b, 0o644)
	for _, p := range []string{"/api/v1/tracks/1/torrent", "/api/v1/packages/" + m.hash.Hex() + ".age"} {
		rec := m.get(t, p, nil)
		if rec.Code != http.StatusConflict || errorOf(rec).Error.Code != "package_mismatch" {
			t.Errorf("%s: %d %s, want 409 package_mismatch", p, rec.Code, rec.Body)
		}
	}
	if body := m.get(t, "/api/v1/tracks/1", nil).Body.String(); strings.Contains(body, "magnet") || strings.Contains(body, "torrentUrl") {
		t.Errorf("the track page offers a mismatched package: %s", body)
	}
}

func keyRequest(t *testing.T, k *ecdsa.PrivateKey, track int64, nonce string, expires time.Time) string {
	r := unlock.Request{Domain: "127.0.0.1:8080", Market: marketAddr, ChainID: chainID, TrackID: track,
		Account: crypto.PubkeyToAddress(k.PublicKey), Nonce: nonce, Expires: expires.UTC().Truncate(time.Second)}
	b, _ := json.Marshal(map[string]string{"message": r.Text(), "signature": personalSign(t, k, r.Text())})
	return string(b)
}

func TestKeyRelease(t *testing.T) {
	forEachSellingMarket(t, func(t *testing.T, m *sellingMarket) {
		pkg, _ := os.ReadFile(m.media.PackagePath(m.hash))
		decrypts := func(rec *httptest.ResponseRecorder) {
			t.Helper()
			var k struct{ Identity string }
			json.Unmarshal(rec.Body.Bytes(), &k)
			id, err := age.ParseX25519Identity(k.Identity)
			if err != nil {
				t.Fatalf("%d %s: %v", rec.Code, rec.Body, err)
			}
			r, err := age.Decrypt(bytes.NewReader(pkg), id)
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := io.ReadAll(r); !bytes.Equal(got, m.audio) {
				t.Fatal("the released key does not decrypt the package to the upload")
			}
		}
		post := func(body string, cookies ...*http.Cookie) *httptest.ResponseRecorder {
			return call(m.h, http.MethodPost, "/api/v1/tracks/1/key", body, cookies...)
		}
		owner := crypto.PubkeyToAddress(m.owner.PublicKey)
		soon := time.Now().Add(5 * time.Minute)
		// Signed in.
		decrypts(post("", signedInAs(t, m.st, owner)))
		// A signed request, once.
		signed := keyRequest(t, m.owner, 1, "NONCE0000000000000001", soon)
		decrypts(post(signed))
		expect := func(name string, rec *httptest.ResponseRecorder, code int, says string) {
			t.Helper()
			if rec.Code != code || !strings.Contains(errorOf(rec).Error.Message, says) {
				t.Errorf("%s: %d %s, want %d saying %q", name, rec.Code, rec.Body, code, says)
			}
		}
		expect("replayed", post(signed), 401, "already used")
		expect("expired", post(keyRequest(t, m.owner, 1, "NONCE0000000000000002", time.Now().Add(-5*time.Minute))), 401, "expired")
		forged := strings.Replace(keyRequest(t, m.nobody, 1, "NONCE0000000000000003", soon), crypto.PubkeyToAddress(m.nobody.PublicKey).Hex(), owner.Hex(), 1)
		expect("forged", post(forged), 401, "not the account's")
		expect("another track", post(keyRequest(t, m.owner, 2, "NONCE0000000000000004", soon)), 401, "not 1")
		expect("non-owner signed", post(keyRequest(t, m.nobody, 1, "NONCE0000000000000005", soon)), 403, "does not own")
		expect("non-owner signed in", post("", signedInAs(t, m.st, crypto.PubkeyToAddress(m.nobody.PublicKey))), 403, "does not own")
		expect("anonymous", post(""), 401, "sign in")
		expect("malformed", post(`{"message":"hello","signature":"0x00"}`), 400, "lines")
		// A buyer the indexer has not seen yet is served from the contract.
		rec := post(keyRequest(t, m.fresh, 1, "NONCE0000000000000006", soon))
		decrypts(rec)
		if !strings.Contains(rec.Body.String(), `"ownership":"contract"`) {
			t.Errorf("fresh buyer: %s", rec.Body)
		}
		rels, err := m.st.KeyReleases(context.Background(), chainID, 1)
		if err != nil || len(rels) != 3 || rels[0].Proof != store.ProofSession || rels[1].Proof != store.ProofSignature || rels[2].Ownership != store.OwnershipContract || rels[1].RequestID == "" {
			t.Fatalf("releases logged: %+v, %v", rels, err)
		}
	})
}

func TestOwnersPlayAndDownloadTheDecryptedTrack(t *testing.T) {
	forEachSellingMarket(t, func(t *testing.T, m *sellingMarket) {
		owner := signedInAs(t, m.st, crypto.PubkeyToAddress(m.owner.PublicKey))
		rec := m.get(t, "/api/v1/tracks/1/audio", nil, owner)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != "audio/wav" || !bytes.Equal(rec.Body.Bytes(), m.audio) ||
			!strings.HasPrefix(rec.Header().Get("Content-Disposition"), "inline") {
			t.Fatalf("play: %d %v, %d bytes", rec.Code, rec.Header(), rec.Body.Len())
		}
		rec = m.get(t, "/api/v1/tracks/1/audio", map[string]string{"Range": "bytes=70000-200000"}, owner)
		if rec.Code != http.StatusPartialContent || !bytes.Equal(rec.Body.Bytes(), m.audio[70000:200001]) {
			t.Fatalf("seek: %d, %d bytes", rec.Code, rec.Body.Len())
		}
		rec = m.get(t, "/api/v1/tracks/1/audio?download=1", nil, owner)
		if cd := rec.Header().Get("Content-Disposition"); rec.Code != 200 || cd != `attachment; filename="Mira Vale - Harbour_ Lights.wav"` {
			t.Fatalf("download: %d %q", rec.Code, cd)
		}
		if rec := m.get(t, "/api/v1/tracks/1/audio", nil); rec.Code != 401 {
			t.Errorf("signed out: %d", rec.Code)
		}
		if rec := m.get(t, "/api/v1/tracks/1/audio", nil, signedInAs(t, m.st, crypto.PubkeyToAddress(m.nobody.PublicKey))); rec.Code != 403 {
			t.Errorf("non-owner: %d", rec.Code)
		}
	})
}
