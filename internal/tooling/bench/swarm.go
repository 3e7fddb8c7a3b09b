package bench

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/anacrolix/torrent/metainfo"

	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/swarm"
)

// SwarmConfig sets up `bittunes bench swarm`.
type SwarmConfig struct {
	// Fans is how many fan clients fetch the swarm package at once (20).
	Fans int
	// SwarmMB and P2PMB are the sizes of the two packages in megabytes (10 and 64).
	SwarmMB, P2PMB int
	// OriginRate caps the origin seeder's upload in bytes per second during the swarm run (0: 6 MiB/s).
	OriginRate int64
	// OriginPeers caps the origin seeder's peers (0: 4).
	OriginPeers int
	// TrackerAnnounces is how many random-hash announces the tracker's heap is measured over (100 000).
	TrackerAnnounces int
	Logger           *slog.Logger
}

// RunSwarm measures the swarm on loopback and writes its BENCH lines to out:
//
//	swarm_origin_copies  bytes the origin sent (seeder and web seed) / package size, while Fans
//	                     clients fetch the same package at once
//	swarm_all_complete   seconds until every fan has the whole package
//	swarm_origin_copies_half_aria2, swarm_all_complete_half_aria2
//	                     the same with half the fans Debian's aria2 opening the magnet link
//	swarm_thirdparty_magnet_s  seconds for aria2 to fetch a SwarmMB package from its magnet link
//	                     without web seed, from the origin's seeder found through the tracker
//	p2p_rate             MB/s of a P2PMB package from our seeder to our client, decrypted on the way
//	tracker_heap_per_100k_random_announces  heap the tracker keeps after TrackerAnnounces
//	                     announces of random info hashes from as many addresses, per 100 000
func RunSwarm(ctx context.Context, cfg SwarmConfig, out io.Writer) error {
	if cfg.Fans <= 0 {
		cfg.Fans = 20
	}
	if cfg.SwarmMB <= 0 {
		cfg.SwarmMB = 10
	}
	if cfg.P2PMB <= 0 {
		cfg.P2PMB = 64
	}
	if cfg.OriginRate <= 0 {
		cfg.OriginRate = 6 << 20
	}
	if cfg.OriginPeers <= 0 {
		cfg.OriginPeers = 4
	}
	if cfg.TrackerAnnounces <= 0 {
		cfg.TrackerAnnounces = 100_000
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	dir, err := os.MkdirTemp("", "bittunes-bench-swarm-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := benchSwarm(ctx, cfg, dir, 0, "", out); err != nil {
		return fmt.Errorf("bench swarm: %w", err)
	}
	if _, err := exec.LookPath("aria2c"); err != nil {
		cfg.Logger.Warn("bench swarm: aria2c is not installed (apt-get install aria2): no third-party figures")
	} else {
		if err := benchSwarm(ctx, cfg, dir, cfg.Fans/2, "_half_aria2", out); err != nil {
			return fmt.Errorf("bench swarm with aria2 fans: %w", err)
		}
		if err := benchThirdPartyMagnet(ctx, cfg, dir, out); err != nil {
			return fmt.Errorf("bench aria2 magnet: %w", err)
		}
	}
	if err := benchP2P(ctx, cfg, dir, out); err != nil {
		return fmt.Errorf("bench p2p: %w", err)
	}
	if err := benchTrackerHeap(ctx, dir, cfg.TrackerAnnounces, out); err != nil {
		return fmt.Errorf("bench tracker: %w", err)
	}
	return nil
}

// benchOrigin is a market's origin on loopback: a media folder with one package, the swarm index,
// the tracker and the web seed on an HTTP server (counting what it serves), and the seeder.
type benchOrigin struct {
	pkg     content.Packaged
	mi      *metainfo.MetaInfo
	magnet  string // the magnet link without its web seed
	seeder  *swarm.Seeder
	webSeed atomic.Int64
	close   func()
}

func newBenchOrigin(ctx context.Context, dir string, sizeMB int, rate int64, maxPeers int) (*benchOrigin, error) {
	media := content.Media{Dir: filepath.Join(dir, "media")}
	if err := media.Init(); err != nil {
		return nil, err
	}
	audio := io.LimitReader(rand.Reader, int64(sizeMB)<<20)
	pkg, err := media.StorePackage(audio)
	if err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, "sqlite:"+filepath.Join(dir, "bench.db"))
	if err != nil {
		return nil, err
	}
	o := &benchOrigin{pkg: pkg}
	index := &swarm.Index{Store: st, Media: media}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		st.Close()
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/api/v1/announce", swarm.NewTracker(swarm.TrackerConfig{Peers: st}))
	mux.HandleFunc("/api/v1/packages/{name}", func(w http.ResponseWriter, r *http.Request) {
		f, err := os.Open(media.PackagePath(pkg.ContentHash))
		if err != nil || r.PathValue("name") != swarm.FileName(pkg.ContentHash) {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		http.ServeContent(countingResponse{w, &o.webSeed}, r, "", time.Time{}, f)
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	links := swarm.ServerLinks("http://"+ln.Addr().String(), "")
	p, err := index.Ensure(ctx, pkg.ContentHash)
	if err != nil {
		srv.Close()
		st.Close()
		return nil, err
	}
	o.mi = p.MetaInfo(links)
	o.magnet = p.Magnet(swarm.Links{Trackers: links.Trackers})
	o.seeder, err = swarm.NewSeeder(swarm.Config{ListenAddr: "127.0.0.1:0", UploadRate: rate, MaxPeers: maxPeers}, index, links)
	if err == nil {
		err = o.seeder.Seed(ctx, pkg.ContentHash)
	}
	o.close = func() {
		if o.seeder != nil {
			o.seeder.Close()
		}
		srv.Close()
		st.Close()
	}
	if err != nil {
		o.close()
		return nil, err
	}
	return o, nil
}

// originBytes is what the origin has sent: to peers and from the web seed.
func (o *benchOrigin) originBytes() int64 { return o.seeder.Uploaded() + o.webSeed.Load() }

type countingResponse struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (c countingResponse) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n.Add(int64(n))
	return n, err
}

// benchSwarm has cfg.Fans fans fetch one package at once, aria2Fans of them Debian's aria2 opening
// the magnet link, the others our client, and prints the origin's copies and the time taken under
// names ending in suffix.
func benchSwarm(ctx context.Context, cfg SwarmConfig, dir string, aria2Fans int, suffix string, out io.Writer) error {
	dir = filepath.Join(dir, "swarm"+suffix)
	o, err := newBenchOrigin(ctx, dir, cfg.SwarmMB, cfg.OriginRate, cfg.OriginPeers)
	if err != nil {
		return err
	}
	defer o.close()
	fans := make([]*swarm.Client, cfg.Fans-aria2Fans)
	for i := range fans {
		c, err := swarm.NewClient(swarm.ClientConfig{Config: swarm.Config{ListenAddr: "127.0.0.1:0"},
			Dir: filepath.Join(dir, fmt.Sprint("fan", i)), Seed: true, WebSeedAfter: 3 * time.Second})
		if err != nil {
			return err
		}
		defer c.Close()
		fans[i] = c
	}
	cfg.Logger.Info("bench swarm: fans fetch", "fans", cfg.Fans, "aria2", aria2Fans, "package_bytes", o.pkg.Size, "origin_rate", cfg.OriginRate)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	errs := make([]error, cfg.Fans)
	for i, c := range fans {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tr, err := c.Add(o.mi)
			if err == nil {
				err = tr.Verify(ctx)
			}
			errs[i] = err
		}()
	}
	for i := range aria2Fans {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[len(fans)+i] = aria2Fan(ctx, filepath.Join(dir, fmt.Sprint("aria2-", i)), o)
		}()
	}
	wg.Wait()
	took := time.Since(start)
	if err := errors.Join(errs...); err != nil {
		return err
	}
	fmt.Fprintf(out, "BENCH swarm_origin_copies%s %.2f copies\n", suffix, float64(o.originBytes())/float64(o.pkg.Size))
	fmt.Fprintf(out, "BENCH swarm_all_complete%s %.2f s\n", suffix, took.Seconds())
	cfg.Logger.Info("bench swarm: done", "seeder_bytes", o.seeder.Uploaded(), "web_seed_bytes", o.webSeed.Load(), "took", took)
	return nil
}

func benchP2P(ctx context.Context, cfg SwarmConfig, dir string, out io.Writer) error {
	o, err := newBenchOrigin(ctx, filepath.Join(dir, "p2p"), cfg.P2PMB, 0, 0)
	if err != nil {
		return err
	}
	defer o.close()
	c, err := swarm.NewClient(swarm.ClientConfig{Config: swarm.Config{ListenAddr: "127.0.0.1:0"},
		Dir: filepath.Join(dir, "p2p", "fan"), WebSeedAfter: time.Hour})
	if err != nil {
		return err
	}
	defer c.Close()
	audio, err := os.Create(filepath.Join(dir, "p2p", "audio"))
	if err != nil {
		return err
	}
	defer audio.Close()
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	start := time.Now()
	tr, err := c.Add(o.mi)
	if err != nil {
		return err
	}
	if err := tr.Decrypt(ctx, o.pkg.Identity, audio); err != nil {
		return err
	}
	took := time.Since(start)
	if fi, err := audio.Stat(); err != nil || fi.Size() != int64(cfg.P2PMB)<<20 {
		return fmt.Errorf("decrypted %v bytes, want %d", fi, int64(cfg.P2PMB)<<20)
	}
	fmt.Fprintf(out, "BENCH p2p_rate %.0f MB/s\n", float64(o.pkg.Size)/1e6/took.Seconds())
	return nil
}
