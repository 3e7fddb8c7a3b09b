package swarm_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/anacrolix/torrent/metainfo"
	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/swarm"
)

// origin is a market's server on loopback: the media folder with one package, the tracker and the
// web seed on an HTTP server, and the seeder.
type origin struct {
	host     string // where its HTTP server and seeder listen
	media    content.Media
	index    *swarm.Index
	pkg      content.Packaged
	audio    []byte
	http     *httptest.Server
	links    swarm.Links
	seeder   *swarm.Seeder
	webSeed  atomic.Int64 // bytes served by the web seed
	webSeeds atomic.Bool  // false: the web seed answers 503
}

func newOrigin(t *testing.T, size int) *origin {
	t.Helper()
	return newOriginOn(t, size, "127.0.0.1")
}

// newOriginOn is newOrigin with its HTTP server (tracker, web seed) and seeder on host.
func newOriginOn(t *testing.T, size int, host string) *origin {
	t.Helper()
	o := &origin{host: host, media: content.Media{Dir: t.TempDir()}, audio: fixedBytes(size, uint64(size))}
	if err := o.media.Init(); err != nil {
		t.Fatal(err)
	}
	pkg, err := o.media.StorePackage(bytes.NewReader(o.audio))
	if err != nil {
		t.Fatal(err)
	}
	o.pkg = pkg
	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	o.index = &swarm.Index{Store: st, Media: o.media}
	o.webSeeds.Store(true)
	tracker := swarm.NewTracker(swarm.TrackerConfig{Peers: st})
	mux := http.NewServeMux()
	mux.Handle("/api/v1/announce", tracker)
	mux.Handle("/api/v1/scrape", tracker)
	mux.HandleFunc("/api/v1/packages/{name}", func(w http.ResponseWriter, r *http.Request) {
		h, ok := swarm.ParseFileName(r.PathValue("name"))
		if !ok || !o.webSeeds.Load() {
			http.Error(w, "no", http.StatusServiceUnavailable)
			return
		}
		f, err := os.Open(o.media.PackagePath(h))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		http.ServeContent(countingWriter{w, &o.webSeed}, r, "", time.Time{}, f)
	})
	o.http = httptest.NewUnstartedServer(mux)
	l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		t.Fatal(err)
	}
	o.http.Listener.Close()
	o.http.Listener = l
	o.http.Start()
	t.Cleanup(o.http.Close)
	o.links = swarm.ServerLinks(o.http.URL, "")
	return o
}

type countingWriter struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (c countingWriter) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n.Add(int64(n))
	return n, err
}

func (o *origin) startSeeder(t *testing.T) {
	t.Helper()
	s, err := swarm.NewSeeder(swarm.Config{ListenAddr: net.JoinHostPort(o.host, "0")}, o.index, o.links)
	if err != nil {
		t.Fatal(err)
	}
	o.seeder = s
	t.Cleanup(func() { s.Close() })
	if n, err := s.SeedAll(context.Background()); err != nil || n != 1 {
		t.Fatalf("SeedAll: %d, %v", n, err)
	}
}

func (o *origin) torrent(t *testing.T) *metainfo.MetaInfo {
	t.Helper()
	p, err := o.index.Ensure(context.Background(), o.pkg.ContentHash)
	if err != nil {
		t.Fatal(err)
	}
	return p.MetaInfo(o.links)
}

func newFan(t *testing.T, dir string, seed bool, webSeedAfter time.Duration) *swarm.Client {
	t.Helper()
	c, err := swarm.NewClient(swarm.ClientConfig{Config: swarm.Config{ListenAddr: "127.0.0.1:0"}, Dir: dir, Seed: seed, WebSeedAfter: webSeedAfter})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// fetch fetches the origin's package with c and checks that it decrypts to the uploaded audio. A
// fetch that does not finish logs both sides' BitTorrent state (peers, requests in flight, chunks
// sent), so that a stall seen once in CI can be read.
func (o *origin) fetch(t *testing.T, c *swarm.Client, mi *metainfo.MetaInfo) *swarm.Transfer {
	t.Helper()
	tr, err := c.Add(mi)
	if err != nil {
		t.Error(err)
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := tr.Verify(ctx); err != nil {
		var status strings.Builder
		c.WriteStatus(&status)
		if o.seeder != nil {
			status.WriteString("\n--- the origin's seeder:\n")
			o.seeder.WriteStatus(&status)
		}
		t.Errorf("fetch: %v (progress %+v)\n--- the fan's client:\n%s", err, tr.Progress(), status.String())
		return nil
	}
	o.checkDecrypts(t, tr.Path)
	return tr
}

func (o *origin) checkDecrypts(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := age.Decrypt(f, o.pkg.Identity)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if err != nil || !bytes.Equal(got, o.audio) {
		t.Fatalf("the fetched package does not decrypt to the upload: %v", err)
	}
}

func fetchAll(t *testing.T, o *origin, mi *metainfo.MetaInfo, fans ...*swarm.Client) {
	var wg sync.WaitGroup
	for _, f := range fans {
		wg.Add(1)
		go func() { defer wg.Done(); o.fetch(t, f, mi) }()
	}
	wg.Wait()
}

// TestFansFetchFromTheServersSeeder: three fans fetch at once over BitTorrent from the server's
// seeder and each other, never needing the web seed.
func TestFansFetchFromTheServersSeeder(t *testing.T) {
	o := newOrigin(t, 3<<20)
	o.startSeeder(t)
	mi := o.torrent(t)
	fetchAll(t, o, mi, newFan(t, t.TempDir(), true, time.Hour), newFan(t, t.TempDir(), true, time.Hour), newFan(t, t.TempDir(), true, time.Hour))
	if o.seeder.Uploaded() == 0 || o.webSeed.Load() != 0 {
		t.Errorf("seeder uploaded %d bytes, web seed %d: want the seeder only", o.seeder.Uploaded(), o.webSeed.Load())
	}
}

// TestFansFetchFromTheWebSeedAlone: without any seeder, two fans get the package from the HTTP web
// seed (BEP 19).
func TestFansFetchFromTheWebSeedAlone(t *testing.T) {
	o := newOrigin(t, 2<<20)
	mi := o.torrent(t)
	fetchAll(t, o, mi, newFan(t, t.TempDir(), false, 200*time.Millisecond), newFan(t, t.TempDir(), false, -1))
	if o.webSeed.Load() < o.pkg.Size {
		t.Errorf("the web seed served %d bytes of a %d-byte package", o.webSeed.Load(), o.pkg.Size)
	}
}

// TestFansFetchFromFansAfterTheServerLeaves: one fan fetches the package, the server goes offline
// (seeder closed, web seed refusing), and two more fans get it from that fan alone.
func TestFansFetchFromFansAfterTheServerLeaves(t *testing.T) {
	o := newOrigin(t, 2<<20)
	o.startSeeder(t)
	mi := o.torrent(t)
	first := newFan(t, t.TempDir(), true, time.Hour)
	if o.fetch(t, first, mi) == nil {
		t.FailNow() // the others could only wait for the fan that has nothing
	}
	o.seeder.Close()
	o.webSeeds.Store(false)
	fetchAll(t, o, mi, newFan(t, t.TempDir(), true, 100*time.Millisecond), newFan(t, t.TempDir(), true, 100*time.Millisecond))
	if o.webSeed.Load() != 0 {
		t.Errorf("the web seed served %d bytes while offline", o.webSeed.Load())
	}
}

// TestADamagedCopyIsDetectedAndFetchedAgain: bytes flipped in a fan's finished copy are found when
// the fan's client checks it, and the damaged pieces are fetched again.
func TestADamagedCopyIsDetectedAndFetchedAgain(t *testing.T) {
	o := newOrigin(t, 2<<20)
	o.startSeeder(t)
	mi := o.torrent(t)
	dir := t.TempDir()
	fan := newFan(t, dir, false, time.Hour)
	tr := o.fetch(t, fan, mi)
	fan.Close()
	b, err := os.ReadFile(tr.Path)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{100, len(b) / 2, len(b) - 1} {
		b[i] ^= 0xff
	}
	if err := os.WriteFile(tr.Path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	before := o.seeder.Uploaded()
	again := newFan(t, dir, false, time.Hour)
	o.fetch(t, again, mi)
	if refetched := o.seeder.Uploaded() - before; refetched == 0 || refetched >= o.pkg.Size {
		t.Errorf("re-fetched %d bytes: want the damaged pieces only", refetched)
	}
}

// TestAMismatchedPackageIsNeverSeeded: a package file whose sha256 is not its content hash is
// refused by the index and the seeder.
func TestAMismatchedPackageIsNeverSeeded(t *testing.T) {
	o := newOrigin(t, 1<<20)
	path := o.media.PackagePath(o.pkg.ContentHash)
	b, _ := os.ReadFile(path)
	b[len(b)/3] ^= 1
	os.WriteFile(path, b, 0o644)
	if _, err := o.index.Ensure(context.Background(), o.pkg.ContentHash); !errors.Is(err, swarm.ErrMismatch) {
		t.Fatalf("Ensure: %v, want ErrMismatch", err)
	}
	if _, err := o.index.Lookup(context.Background(), o.pkg.ContentHash); !errors.Is(err, swarm.ErrMismatch) {
		t.Fatalf("Lookup after the check: %v, want ErrMismatch", err)
	}
	s, err := swarm.NewSeeder(swarm.Config{ListenAddr: "127.0.0.1:0"}, o.index, o.links)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, err := s.SeedAll(context.Background()); err != nil || n != 0 {
		t.Fatalf("SeedAll: %d, %v: want nothing seeded", n, err)
	}
	// Put right, the file is checked again and seeded.
	b[len(b)/3] ^= 1
	os.WriteFile(path, b, 0o644)
	os.Chtimes(path, time.Now(), time.Now().Add(time.Second))
	if n, err := s.SeedAll(context.Background()); err != nil || n != 1 {
		t.Fatalf("SeedAll after the repair: %d, %v", n, err)
	}
	if _, err := o.index.Ensure(context.Background(), common.Hash{1}); !errors.Is(err, swarm.ErrNoPackage) || !strings.Contains(err.Error(), "no package") {
		t.Fatalf("no file: %v", err)
	}
}

// TestTheSeederAnnouncesAPackageAsSoonAsItIsChecked: a package checked by another server's index
// (an upload) is seeded and announced within seconds, long before the seeder's next folder scan.
func TestTheSeederAnnouncesAPackageAsSoonAsItIsChecked(t *testing.T) {
	o := newOrigin(t, 1<<20)
	s, err := swarm.NewSeeder(swarm.Config{ListenAddr: "127.0.0.1:0"}, o.index, o.links)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); s.Run(ctx, time.Hour) }()
	defer func() { cancel(); <-done }()
	o.waitForSwarm(t, 1, 0) // the package there at start is announced at once

	pkg, err := o.media.StorePackage(bytes.NewReader(fixedBytes(1<<20, 7)))
	if err != nil {
		t.Fatal(err)
	}
	other := &swarm.Index{Store: o.index.Store, Media: o.media}
	if _, err := other.Ensure(context.Background(), pkg.ContentHash); err != nil {
		t.Fatal(err)
	}
	second := &origin{media: o.media, index: o.index, pkg: pkg, http: o.http}
	second.waitForSwarm(t, 1, 0)
}
