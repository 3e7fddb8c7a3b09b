// Package bench measures the indexer (package indexer writing into package store) on workloads
// built for the purpose:
//
//   - dense backfill: 100 000 purchases of 1 000 tracks by 5 000 fans, most through the links of
//     earlier buyers, some tracks with collaborators, packed into about 500 blocks, indexed from the
//     deployment block into PostgreSQL and into SQLite (events per second);
//   - sparse backfill: 10 000 blocks with one purchase each, into PostgreSQL (blocks per second);
//   - live lag: purchases arriving at 20 per second for a minute while the indexer follows the head
//     (time from a purchase's block appearing to its row being readable, median and 99th
//     percentile);
//   - reorg recovery: a reorg of depth 3 at the head (time from the new head appearing to the
//     database equalling the canonical chain).
//
// The first three run on an in-process dev chain (package devchain), the reorg on go-ethereum's
// simulated backend, which can fork. Every measurement indexes into a fresh database. Results are
// lines "BENCH <name> <value> <unit>".
package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/pgcluster"
)

// Benchmarks, as --only names them.
var Benchmarks = []string{"dense", "sparse", "live", "reorg"}

// Config says which benchmarks to run, and where.
type Config struct {
	// Only names one benchmark of Benchmarks; empty runs them all.
	Only string
	// PostgresURL is a server (a role allowed to create databases) to create the fresh databases
	// on. Empty starts a throwaway cluster from the installed PostgreSQL server binaries.
	PostgresURL string
	// Scale multiplies the workloads' sizes and the live run's duration: 1 is the documented
	// benchmark, smaller values make a quick run.
	Scale float64
	// CPUProfile, if set, is a file name prefix: the CPU profile of each measured phase is written to
	// <CPUProfile><result name>.pprof.
	CPUProfile string
	// Logger receives progress (default: discarded).
	Logger *slog.Logger
}

// Result is one measured figure.
type Result struct {
	Name  string
	Value float64
	Unit  string
}

// String is the result's BENCH line.
func (r Result) String() string {
	value := strconv.FormatFloat(r.Value, 'f', decimals(r.Unit), 64)
	if math.IsInf(r.Value, 1) {
		value = "inf"
	}
	return fmt.Sprintf("BENCH %s %s %s", r.Name, value, r.Unit)
}

// decimals is how precisely a figure in unit is printed.
func decimals(unit string) int {
	switch unit {
	case "ms":
		return 1
	case "s", "ratio":
		return 2
	}
	return 0
}

// ParseResult reads a BENCH line.
func ParseResult(line string) (Result, error) {
	f := strings.Fields(line)
	if len(f) != 4 || f[0] != "BENCH" {
		return Result{}, fmt.Errorf("bench: %q is not a line BENCH <name> <value> <unit>", line)
	}
	v, err := strconv.ParseFloat(f[2], 64)
	if err != nil {
		return Result{}, fmt.Errorf("bench: %q: value: %w", line, err)
	}
	return Result{Name: f[1], Value: v, Unit: f[3]}, nil
}

// Run runs the benchmarks and writes each result's line to out as soon as it is measured.
func Run(ctx context.Context, cfg Config, out io.Writer) error {
	if cfg.Only != "" && !slices.Contains(Benchmarks, cfg.Only) {
		return fmt.Errorf("bench: unknown benchmark %q: want one of %s", cfg.Only, strings.Join(Benchmarks, ", "))
	}
	if cfg.Scale <= 0 {
		cfg.Scale = 1
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	r := &runner{cfg: cfg, log: cfg.Logger, out: out}
	defer r.close()
	for _, b := range []struct {
		name string
		run  func(context.Context) error
	}{
		{"dense", r.dense},
		{"sparse", r.sparse},
		{"live", r.live},
		{"reorg", r.reorg},
	} {
		if cfg.Only != "" && cfg.Only != b.name {
			continue
		}
		start := time.Now()
		if err := b.run(ctx); err != nil {
			return fmt.Errorf("bench %s: %w", b.name, err)
		}
		r.log.Info("bench: done", "benchmark", b.name, "took", time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// runner runs the benchmarks of one Config.
type runner struct {
	cfg Config
	log *slog.Logger
	out io.Writer
	pg  *pgcluster.Server // started on first use
}

// report writes a result line, and logs it with the load average.
func (r *runner) report(res Result) {
	r.log.Info("bench: result", "name", res.Name, "value", res.Value, "unit", res.Unit, "load1", loadAverage())
	fmt.Fprintln(r.out, res)
}

// scaled scales a workload size, keeping at least least.
func (r *runner) scaled(n, least int) int { return max(least, int(float64(n)*r.cfg.Scale)) }

// scaledRoot scales a size by the square root of the scale: tracks and fans, whose product bounds
// the purchases.
func (r *runner) scaledRoot(n, least int) int {
	return max(least, int(float64(n)*math.Sqrt(r.cfg.Scale)))
}

// clusterPrefix starts the name of the directory of a throwaway cluster under os.TempDir.
const clusterPrefix = "bittunes-bench-pg-"

// postgres returns the PostgreSQL server: the one at the configured URL or, without one, a
// throwaway cluster with PostgreSQL's default durability (fsync and synchronous commits on), as
// production runs. It is started on first use.
func (r *runner) postgres(ctx context.Context) (*pgcluster.Server, error) {
	if r.pg != nil {
		return r.pg, nil
	}
	var err error
	if r.cfg.PostgresURL != "" {
		r.pg, err = pgcluster.Connect(ctx, r.cfg.PostgresURL)
	} else {
		r.log.Info("bench: starting a throwaway PostgreSQL cluster", "dir_prefix", clusterPrefix)
		r.pg, err = pgcluster.StartTemp(ctx, clusterPrefix, pgcluster.Options{Durable: true})
	}
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	return r.pg, nil
}

// freshDatabase creates a new, empty database on the benchmarks' PostgreSQL (started on first use)
// and returns its URL and a function that drops it.
func (r *runner) freshDatabase(ctx context.Context, stem string) (string, func() error, error) {
	pg, err := r.postgres(ctx)
	if err != nil {
		return "", nil, err
	}
	dsn, name, err := pg.CreateDatabase(ctx, "bench_"+stem)
	if err != nil {
		return "", nil, fmt.Errorf("bench: %w", err)
	}
	return dsn, func() error { return pg.DropDatabase(context.Background(), name) }, nil
}

// freshStore opens the store on a new, empty database of the benchmarks' PostgreSQL; closing it
// drops the database.
func (r *runner) freshStore(ctx context.Context, stem string) (*store.Store, func(), error) {
	dsn, drop, err := r.freshDatabase(ctx, stem)
	if err != nil {
		return nil, nil, err
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, nil, errors.Join(err, drop())
	}
	return st, func() {
		st.Close()
		drop()
	}, nil
}

func (r *runner) close() {
	if r.pg != nil {
		if err := r.pg.Close(); err != nil {
			r.log.Warn("bench: stopping PostgreSQL", "err", err)
		}
	}
}

// loadAverage is the system's load average over the last minute as Linux reports it ("" elsewhere):
// logged with each figure, since the benchmark shares the machine with whatever else runs.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// profile runs f with the CPU profiler on when asked to, writing <prefix><name>.pprof.
func (r *runner) profile(name string, f func() error) error {
	if r.cfg.CPUProfile == "" {
		return f()
	}
	file, err := os.Create(r.cfg.CPUProfile + name + ".pprof")
	if err != nil {
		return fmt.Errorf("bench: cpu profile: %w", err)
	}
	defer file.Close()
	if err := pprof.StartCPUProfile(file); err != nil {
		return fmt.Errorf("bench: cpu profile: %w", err)
	}
	defer pprof.StopCPUProfile()
	return f()
}
