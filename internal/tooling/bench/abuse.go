package bench

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	mathrand "math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/content"
	"github.com/bittunes/bittunes/internal/ratelimit"
	"github.com/bittunes/bittunes/internal/store"
)

// The abuse benchmark's workload, at scale 1.
const (
	abuseHEADs       = 100_000 // random package names asked for
	abuseRanges      = 100_000 // ranges in the abusive Range header
	abusePackageSize = 529 << 10
	abuseTracks      = 1_000
	abuseArtists     = 100
	abuseFans        = 20_000
	abusePurchases   = 50_000
	abusePhase       = 5 * time.Second
	abuseAbusers     = 2 // clients sending the abusive Range header while the charts are measured
)

// AbuseConfig says how big to run `bittunes bench abuse`.
type AbuseConfig struct {
	Scale  float64 // multiplies the catalogue and the phases' durations (not the abusive requests)
	Logger *slog.Logger
	// CPUProfile, if set, is where a CPU profile of the phase under Range abuse is written.
	CPUProfile string
	// NoGate leaves the connection gate out (to measure what it changes).
	NoGate bool
}

// RunAbuse measures what anonymous clients can make the API do, and writes BENCH lines to out:
//
//   - abuse_package_head_heap: the heap left grown after 100 000 HEADs of random package names
//     (the web seed), bytes;
//   - abuse_range_100k_bytes and abuse_range_100k_status: what one request for a 529 KiB package
//     with a Range header of 100 000 ranges gets back, bytes and HTTP status;
//   - abuse_chart_rps and abuse_chart_rps_under_range_abuse: chart requests a second from 8
//     clients, alone and while two more clients send that Range request in a loop, and their
//     ratio, abuse_chart_rps_kept (%); abuse_range_headers_read_per_s is how many of the abusive
//     headers the server still read a second, past the connection gate.
//
// The heap growth per 100 000 random tracker announces (abuse_tracker_announce_heap) belongs with
// the tracker's own bound (internal/swarm): add its measure here once the tracker has one.
func RunAbuse(ctx context.Context, cfg AbuseConfig, out io.Writer) error {
	if cfg.Scale <= 0 {
		cfg.Scale = 1
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	r := &runner{cfg: Config{Scale: cfg.Scale, Logger: cfg.Logger}, log: cfg.Logger, out: out}
	defer r.close()
	dir, err := os.MkdirTemp("", "bittunes-bench-abuse-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	st, err := store.Open(ctx, "sqlite:"+filepath.Join(dir, "abuse.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	b := &apiBench{r: r, st: st, cat: newCatalogue(r.scaled(abuseTracks, 50), r.scaled(abuseArtists, 10), abuseFans, apiChainID, label("market", 0))}
	if err := b.load(ctx, r.scaled(abusePurchases, 2_000)); err != nil {
		return err
	}
	media := content.Media{Dir: filepath.Join(dir, "media")}
	if err := media.Init(); err != nil {
		return err
	}
	pkg, err := media.StorePackage(io.LimitReader(rand.Reader, abusePackageSize-200)) // ≈ 529 KiB of package
	if err != nil {
		return err
	}
	h := api.Handler(api.Deps{Store: st, Chain: headAt{b.cat}, ChainID: apiChainID, Market: b.cat.market,
		Logger: slog.New(slog.DiscardHandler), MaxLag: 1 << 30, MediaDir: media.Dir,
		Limits: ratelimit.Unlimited()}) // the 8 chart clients stand for many; the connection gate stays on
	stop, err := b.serveHandler(h, cfg.NoGate)
	if err != nil {
		return err
	}
	defer stop()
	if err := r.headHeap(ctx, h); err != nil {
		return err
	}
	abusive := abusiveRange()
	pkgPath := "/api/v1/packages/" + pkg.ContentHash.Hex() + ".age"
	n, status, err := b.rangeRequest(ctx, pkgPath, abusive)
	if err != nil {
		return err
	}
	r.report(Result{"abuse_range_100k_bytes", float64(n), "B"})
	r.report(Result{"abuse_range_100k_status", float64(status), "status"})
	return b.chartsUnderAbuse(ctx, pkgPath, abusive, cfg.CPUProfile)
}

// serveHandler serves h behind a connection gate as serve's (none with noGate).
func (b *apiBench) serveHandler(h http.Handler, noGate bool) (func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := api.NewServer(ln.Addr().String(), h)
	if noGate {
		go srv.Serve(ln)
	} else {
		b.gate = ratelimit.NewConnGate(ratelimit.ConnGateConfig{})
		go b.gate.Server(srv).Serve(b.gate.Listener(ln))
	}
	b.base = "http://" + ln.Addr().String()
	b.client = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}}
	return func() { srv.Close() }, nil
}

// headHeap sends 100 000 HEADs of random package names straight to the handler and reports how
// much the heap grew once they are done (after a collection).
func (r *runner) headHeap(ctx context.Context, h http.Handler) error {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	w := &discardWriter{header: http.Header{}}
	for i := range abuseHEADs {
		if i%1000 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		var hash common.Hash
		rand.Read(hash[:])
		req, _ := http.NewRequestWithContext(ctx, http.MethodHead, "/api/v1/packages/"+hash.Hex()+".age", nil)
		req.RemoteAddr = "198.51.100.1:40000"
		clear(w.header)
		h.ServeHTTP(w, req)
		if w.status != http.StatusNotFound {
			return fmt.Errorf("abuse: HEAD of a random package: status %d, want 404", w.status)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	r.report(Result{"abuse_package_head_heap", float64(int64(after.HeapAlloc) - int64(before.HeapAlloc)), "B"})
	return nil
}

// discardWriter is a ResponseWriter that keeps only the status.
type discardWriter struct {
	header http.Header
	status int
}

func (w *discardWriter) Header() http.Header         { return w.header }
func (w *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *discardWriter) WriteHeader(status int)      { w.status = status }

// abusiveRange is a Range header of 100 000 one-byte ranges, all the same: about 400 KB.
func abusiveRange() string {
	return "bytes=" + strings.TrimSuffix(strings.Repeat("0-0,", abuseRanges), ",")
}

// rangeRequest GETs path with the Range header and returns the bytes of the answer's body and
// its status.
func (b *apiBench) rangeRequest(ctx context.Context, path, ranges string) (int64, int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, b.base+path, nil)
	if err != nil {
		return 0, 0, err
	}
	req.Header.Set("Range", ranges)
	resp, err := b.client.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	return n, resp.StatusCode, err
}

// chartsUnderAbuse measures chart throughput alone, then while two clients send the abusive Range
// request in a loop, and, as a control, while they send an ordinary one-range request in a loop.
func (b *apiBench) chartsUnderAbuse(ctx context.Context, pkgPath, abusive, cpuProfile string) error {
	phase := max(2*time.Second, time.Duration(float64(abusePhase)*b.r.cfg.Scale))
	paths := b.chartPaths()
	next := func(rng *mathrand.Rand) string { return paths[rng.IntN(len(paths))] }
	lat, elapsed, err := b.drive(ctx, phase, 0, next)
	if err != nil {
		return fmt.Errorf("abuse_chart_rps: %w", err)
	}
	alone := float64(len(lat)) / elapsed.Seconds()
	b.r.report(Result{"abuse_chart_rps", alone, "req/s"})
	for _, c := range []struct{ name, ranges string }{
		{"abuse_chart_rps_under_range_abuse", abusive},
		{"abuse_chart_rps_under_plain_ranges", "bytes=1000-1999"},
	} {
		stopProfile := func() {}
		if c.ranges == abusive && cpuProfile != "" {
			if stopProfile, err = startCPUProfile(cpuProfile); err != nil {
				return err
			}
		}
		read := b.gate.BadConnections()
		rps, err := b.chartsBeside(ctx, phase, next, pkgPath, c.ranges)
		stopProfile()
		if err != nil {
			return fmt.Errorf("%s: %w", c.name, err)
		}
		b.r.report(Result{c.name, rps, "req/s"})
		if c.ranges == abusive {
			b.r.report(Result{"abuse_chart_rps_kept", 100 * rps / alone, "%"})
			if b.gate != nil {
				b.r.report(Result{"abuse_range_headers_read_per_s", float64(b.gate.BadConnections()-read) / phase.Seconds(), "req/s"})
			}
		}
	}
	return nil
}

// chartsBeside is the chart throughput while abuseAbusers clients send GETs of pkgPath with the
// Range header ranges in a loop.
func (b *apiBench) chartsBeside(ctx context.Context, phase time.Duration, next func(*mathrand.Rand) string, pkgPath, ranges string) (float64, error) {
	abuseCtx, stopAbuse := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var sent, requests atomic.Int64
	raw := []byte("GET " + pkgPath + " HTTP/1.1\r\nHost: bench\r\nRange: " + ranges + "\r\nConnection: close\r\n\r\n")
	addr := strings.TrimPrefix(b.base, "http://")
	for i := range abuseAbusers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			from := abuserAddr(i)
			for abuseCtx.Err() == nil {
				n, err := rawRequest(from, addr, raw)
				if err == nil {
					sent.Add(n)
					requests.Add(1)
				}
			}
		}()
	}
	lat, elapsed, err := b.drive(ctx, phase, 0, next)
	stopAbuse()
	wg.Wait()
	if err != nil {
		return 0, err
	}
	b.r.log.Info("bench abuse: the other clients' requests", "range_header_bytes", len(ranges), "requests", requests.Load(),
		"bytes_per_request", sent.Load()/max(1, requests.Load()))
	return float64(len(lat)) / elapsed.Seconds(), nil
}

// abuserAddr is the address abuser i connects from: 127.0.0.2, 127.0.0.3, … (Linux answers the
// whole 127.0.0.0/8 on loopback), so that the server tells the abusers from the chart clients at
// 127.0.0.1, as it would tell clients on the internet apart. Where that does not work, nil: the
// abusers then share 127.0.0.1 with the chart clients.
func abuserAddr(i int) *net.TCPAddr {
	a := &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(2+i))}
	if c, err := (&net.Dialer{LocalAddr: a}).Dial("tcp", "127.0.0.1:1"); err != nil && strings.Contains(err.Error(), "assign") {
		return nil
	} else if c != nil {
		c.Close()
	}
	return a
}

// rawRequest sends the bytes of a whole request on a new connection from local (nil: any) and
// reads the answer to the end: an abuser's loop, with as little work on the client's side as a
// request can take.
func rawRequest(local *net.TCPAddr, addr string, raw []byte) (int64, error) {
	d := net.Dialer{Timeout: 5 * time.Second}
	if local != nil {
		d.LocalAddr = local
	}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	go conn.Write(raw) // the server may answer (and close) before it has read everything
	return io.Copy(io.Discard, conn)
}

// startCPUProfile writes a CPU profile to path until the returned function is called.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
