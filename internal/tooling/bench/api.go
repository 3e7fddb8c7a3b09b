package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/api"
	"github.com/bittunes/bittunes/internal/charts"
	"github.com/bittunes/bittunes/internal/ratelimit"
	"github.com/bittunes/bittunes/internal/store"
)

// The API benchmark's workload, at scale 1.
const (
	apiTracks    = 10_000
	apiArtists   = 1_000
	apiFans      = 200_000
	apiPurchases = 1_000_000
	apiDays      = 60
	apiLiveRate  = 20 // purchases a second while the endpoints are driven, as in bench index's live run
	apiPhase     = 10 * time.Second
	apiWorkers   = 8
)

// APIConfig says where and how big to run `bittunes bench api`.
type APIConfig struct {
	PostgresURL string  // as Config.PostgresURL
	Scale       float64 // multiplies the purchases, tracks and phase durations
	CPUProfile  string  // as Config.CPUProfile: a profile of each phase
	Logger      *slog.Logger
}

// RunAPI loads a market of a million purchases into PostgreSQL, serves the API on it, and drives
// the chart and artist endpoints while purchases keep arriving; it writes BENCH lines to out.
func RunAPI(ctx context.Context, cfg APIConfig, out io.Writer) error {
	if cfg.Scale <= 0 {
		cfg.Scale = 1
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	r := &runner{cfg: Config{PostgresURL: cfg.PostgresURL, Scale: cfg.Scale, CPUProfile: cfg.CPUProfile, Logger: cfg.Logger},
		log: cfg.Logger, out: out}
	defer r.close()
	return r.api(ctx)
}

// apiBench is one run of the API benchmark: the store, the chart builder and the served API.
type apiBench struct {
	r       *runner
	st      *store.Store
	cat     *catalogue
	builder *charts.Builder
	sched   *charts.Scheduler
	base    string // http://127.0.0.1:port
	client  *http.Client
	mu      sync.Mutex          // serialises Apply of live blocks
	gate    *ratelimit.ConnGate // the abuse bench's connection gate (nil: none)
}

const apiChainID = 1337

func (r *runner) api(ctx context.Context) error {
	st, closeStore, err := r.freshStore(ctx, "api")
	if err != nil {
		return err
	}
	defer closeStore()
	b := &apiBench{r: r, st: st, cat: newCatalogue(r.scaled(apiTracks, 100), r.scaled(apiArtists, 10), apiFans, apiChainID, label("market", 0))}
	if err := b.load(ctx, r.scaled(apiPurchases, 10_000)); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stop, err := b.serve(ctx)
	if err != nil {
		return err
	}
	defer stop()
	phase := max(2*time.Second, time.Duration(float64(apiPhase)*r.cfg.Scale))

	// Purchases keep arriving, and the chart builder follows them, through every phase.
	live := make(chan error, 1)
	liveCtx, stopLive := context.WithCancel(ctx)
	go func() { live <- b.purchases(liveCtx) }()
	go func() { _ = b.sched.Run(ctx) }()
	phases := []struct {
		name string
		run  func(context.Context, time.Duration) error
	}{{"api_chart", b.chartLoad}, {"api_artist", b.artistLoad}, {"api_chart_naive", b.naiveLoad}, {"api_chart_freshness", b.freshness}}
	for _, p := range phases {
		if err := r.profile(p.name, func() error { return p.run(ctx, phase) }); err != nil {
			stopLive()
			return err
		}
	}
	stopLive()
	return <-live
}

// load writes the catalogue's metadata and history into the store and builds the charts.
func (b *apiBench) load(ctx context.Context, purchases int) error {
	log := b.r.log
	start := time.Now()
	if err := b.cat.metadata(ctx, b.st); err != nil {
		return err
	}
	first, last := spread(time.Now(), apiDays)
	if err := b.st.Apply(ctx, b.cat.genesis(first.Add(-time.Hour))); err != nil {
		return err
	}
	applied := 0
	err := b.cat.history(purchases, 200, 25, first, last, func(batch store.Batch) error {
		if err := b.st.Apply(ctx, batch); err != nil {
			return err
		}
		applied += 5_000
		if applied%100_000 == 0 {
			log.Info("bench api: loading", "purchases", applied, "took", time.Since(start).Round(time.Second))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	log.Info("bench api: loaded", "purchases", purchases, "tracks", b.cat.tracks, "took", time.Since(start).Round(time.Second))
	b.builder = charts.NewBuilder(b.st, apiChainID)
	t := time.Now()
	if err := b.builder.Build(ctx, time.Now()); err != nil {
		return fmt.Errorf("first chart build: %w", err)
	}
	b.r.report(Result{"api_chart_full_build", ms(time.Since(t)), "ms"})
	b.sched = charts.NewScheduler(b.builder.Build, log)
	return nil
}

// headAt answers the API's head lookups (for /readyz) with the catalogue's latest block.
type headAt struct{ cat *catalogue }

func (h headAt) HeaderByNumber(context.Context, *big.Int) (*types.Header, error) {
	return &types.Header{Number: new(big.Int).SetUint64(h.cat.block)}, nil
}

// serve starts the API, and beside it the naive chart, on a loopback port.
func (b *apiBench) serve(ctx context.Context) (func(), error) {
	h := api.Handler(api.Deps{Store: b.st, Chain: headAt{b.cat}, ChainID: apiChainID, Market: b.cat.market,
		Logger: slog.New(slog.DiscardHandler), MaxLag: 1 << 30, Limits: ratelimit.Unlimited()}) // one load generator stands for many clients
	mux := http.NewServeMux()
	mux.Handle("/", h)
	mux.HandleFunc("/naive/chart", b.naiveChart)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := api.NewServer(ln.Addr().String(), mux)
	go srv.Serve(ln)
	b.base = "http://" + ln.Addr().String()
	b.client = &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}}
	return func() { srv.Close() }, nil
}

// purchases applies a block with a few sales every 100 ms, as the indexer would, and tells the
// chart scheduler.
func (b *apiBench) purchases(ctx context.Context) error {
	tick := time.NewTicker(time.Second / apiLiveRate)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		if err := b.applyLive(ctx, b.cat.popular()); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("live purchases: %w", err)
		}
	}
}

func (b *apiBench) applyLive(ctx context.Context, tracks ...int) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.st.Apply(ctx, b.cat.liveBlock(time.Now(), tracks...)); err != nil {
		return err
	}
	b.sched.Notify()
	return nil
}

// chartPaths are the chart requests the load draws from: every period of the overall chart, of
// every genre and of every genre/sub-genre.
func (b *apiBench) chartPaths() []string {
	var paths []string
	seen := map[string]bool{}
	for _, g := range b.cat.genres {
		for _, q := range []string{"", "?genre=" + charts.Slug(g[0]), "?genre=" + charts.Slug(g[0]) + "&subgenre=" + charts.Slug(g[1])} {
			for _, p := range charts.Periods {
				path := "/api/v1/charts/" + string(p) + q
				if !seen[path] {
					seen[path] = true
					paths = append(paths, path)
				}
			}
		}
	}
	return paths
}

// The steady loads at which latency is measured: the chart goal's 5 000 requests a second, and a
// busy market's artist pages.
const (
	apiChartRate  = 5_000
	apiArtistRate = 1_000
)

func (b *apiBench) chartLoad(ctx context.Context, d time.Duration) error {
	paths := b.chartPaths()
	return b.measure(ctx, "api_chart", d, apiChartRate, func(rng *rand.Rand) string { return paths[rng.IntN(len(paths))] })
}

func (b *apiBench) artistLoad(ctx context.Context, d time.Duration) error {
	return b.measure(ctx, "api_artist", d, apiArtistRate, func(rng *rand.Rand) string {
		return "/api/v1/artists/" + b.cat.artist(rng.IntN(b.cat.artists)).Hex()
	})
}

func (b *apiBench) naiveLoad(ctx context.Context, d time.Duration) error {
	genres := b.cat.genres
	lat, elapsed, err := b.drive(ctx, d, 0, func(rng *rand.Rand) string {
		return "/naive/chart?genre=" + url.QueryEscape(genres[rng.IntN(len(genres))][0])
	})
	if err != nil {
		return fmt.Errorf("api_chart_naive: %w", err)
	}
	b.r.report(Result{"api_chart_naive_rps", float64(len(lat)) / elapsed.Seconds(), "req/s"})
	return nil
}

// measure reports an endpoint's throughput (requests a second with apiWorkers clients each asking
// again as soon as answered), then its median and 99th percentile latency under a steady rate.
func (b *apiBench) measure(ctx context.Context, name string, d time.Duration, rate int, next func(*rand.Rand) string) error {
	lat, elapsed, err := b.drive(ctx, d/2, 0, next)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	b.r.report(Result{name + "_rps", float64(len(lat)) / elapsed.Seconds(), "req/s"})
	if lat, _, err = b.drive(ctx, d, rate, next); err != nil {
		return fmt.Errorf("%s at %d req/s: %w", name, rate, err)
	}
	b.r.report(Result{name + "_p50", ms(percentile(lat, 50)), "ms"})
	b.r.report(Result{name + "_p99", ms(percentile(lat, 99)), "ms"})
	return nil
}

// drive sends requests from apiWorkers clients for d and returns the latencies, sorted, and the
// time it took. With rate 0 each client asks again as soon as it is answered; otherwise the
// requests are due at a steady rate in all, and a request's latency counts from when it was due,
// so that a stall is not hidden by the requests it delayed.
func (b *apiBench) drive(ctx context.Context, d time.Duration, rate int, next func(*rand.Rand) string) ([]time.Duration, time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	lat := make([][]time.Duration, apiWorkers)
	var failed atomic.Value
	var wg sync.WaitGroup
	start := time.Now()
	for w := range apiWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 99))
			for i := 0; ctx.Err() == nil; i++ {
				path := next(rng)
				t := time.Now()
				if rate > 0 {
					t = start.Add(time.Duration(i*apiWorkers+w) * time.Second / time.Duration(rate))
					if wait := time.Until(t); wait > 0 {
						time.Sleep(wait)
					}
				}
				if err := b.fetch(ctx, path); err != nil {
					if ctx.Err() == nil {
						failed.Store(fmt.Errorf("%s: %w", path, err))
					}
					return
				}
				lat[w] = append(lat[w], time.Since(t))
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err, ok := failed.Load().(error); ok {
		return nil, 0, err
	}
	all := slices.Concat(lat...)
	slices.Sort(all)
	return all, elapsed, nil
}

// fetch GETs a path and reads the whole answer, which must be a 200. Like a browser it accepts
// gzip; the bytes are read as they come (the inflating is the browser's work, elsewhere).
func (b *apiBench) fetch(ctx context.Context, path string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, b.base+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := b.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	return nil
}

// naiveChart is the baseline: a genre's 7-day chart computed per request with one aggregate query
// over the daily sales, then its tracks read and rendered, as the chart endpoint renders them.
func (b *apiBench) naiveChart(w http.ResponseWriter, req *http.Request) {
	cur, _ := charts.Week.Windows(time.Now())
	scores, err := b.st.GenreChartByQuery(req.Context(), apiChainID, req.URL.Query().Get("genre"), cur)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	ids := make([]int64, len(scores))
	for i, s := range scores {
		ids[i] = s.TrackID
	}
	tracks, err := b.st.Tracks(req.Context(), apiChainID, ids)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	type entry struct {
		Rank    int         `json:"rank"`
		Sales   int64       `json:"sales"`
		Revenue string      `json:"revenue"`
		Track   store.Track `json:"track"`
	}
	out := make([]entry, 0, len(scores))
	for i, s := range scores {
		out = append(out, entry{Rank: i + 1, Sales: s.Sales, Revenue: s.Revenue.String(), Track: tracks[s.TrackID]})
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out)
}

// freshness buys, again and again, a track in the top ten of its genre's weekly chart, and times
// each sale from its block being handed to the store (what the indexer does once it sees the
// block) to the chart endpoint answering with it.
func (b *apiBench) freshness(ctx context.Context, d time.Duration) error {
	var lags []time.Duration
	deadline := time.Now().Add(d)
	rng := rand.New(rand.NewPCG(5, 6))
	for time.Now().Before(deadline) || len(lags) < 20 {
		t := rng.IntN(50) // among the most popular: in their genre's top 100
		g := b.cat.genreOf(t)
		path := "/api/v1/charts/7d?genre=" + charts.Slug(g[0])
		before, err := b.chartSales(ctx, path, int64(t+1))
		if err != nil {
			return err
		}
		start := time.Now()
		if err := b.applyLive(ctx, t); err != nil {
			return err
		}
		for {
			n, err := b.chartSales(ctx, path, int64(t+1))
			if err != nil {
				return err
			}
			if n > before {
				break
			}
			if time.Since(start) > 30*time.Second {
				return fmt.Errorf("freshness: a sale of track %d never reached %s", t+1, path)
			}
			time.Sleep(time.Millisecond)
		}
		lags = append(lags, time.Since(start))
		time.Sleep(time.Duration(rng.IntN(100)) * time.Millisecond)
	}
	slices.Sort(lags)
	b.r.report(Result{"api_chart_freshness_p50", ms(percentile(lags, 50)), "ms"})
	b.r.report(Result{"api_chart_freshness_p99", ms(percentile(lags, 99)), "ms"})
	return nil
}

// chartSales returns a track's sales in a chart (0 when it is not in it).
func (b *apiBench) chartSales(ctx context.Context, path string, track int64) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, b.base+path, nil)
	if err != nil {
		return 0, err
	}
	resp, err := b.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var chart struct {
		Entries []struct {
			Sales int64
			Track struct{ ID int64 }
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&chart); err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	for _, e := range chart.Entries {
		if e.Track.ID == track {
			return e.Sales, nil
		}
	}
	return 0, nil
}
