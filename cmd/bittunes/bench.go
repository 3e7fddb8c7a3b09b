package main

import (
	"context"
	"fmt"
	"io"

	"github.com/bittunes/bittunes/internal/bench"
	"github.com/bittunes/bittunes/internal/config"
)

const benchAbout = `Measures the indexer on workloads it builds on an in-process dev chain (and, for the reorg, on
go-ethereum's simulated backend), indexing each into a fresh database, and prints one line per figure:
BENCH <name> <value> <unit>. Progress goes to stderr.

  dense   100 000 purchases (1 000 tracks, 5 000 fans, referrals, collaborators) in about 500 blocks,
          indexed from the deployment block into PostgreSQL and into SQLite:
          index_dense_pg, index_dense_sqlite (market events per second)
  sparse  10 000 blocks with one purchase each, into PostgreSQL: index_sparse_pg (blocks per second)
  live    purchases arriving at 20/s for 60 s while the indexer follows the head: time from a
          purchase's block appearing to its row being readable, index_live_lag_p50 and _p99 (ms)
  reorg   after 20 000 purchases, a reorg of depth 3 at the head: time from the new head appearing to
          the database equalling the canonical chain, index_reorg_recovery (ms, median of 5)

PostgreSQL: --database-pg (a role allowed to create databases), else a throwaway cluster started from
the installed server binaries with PostgreSQL's default durability. A full run takes about 12 minutes,
9 of them building the dense workload; --scale 0.1 makes every workload ten times smaller.`

func runBench(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "index" {
		if len(args) > 0 && args[0] != "-h" && args[0] != "--help" && args[0] != "help" {
			fmt.Fprintf(stderr, "bittunes bench: unknown benchmark group %q\n\n", args[0])
		}
		fmt.Fprint(stderr, "Usage: bittunes bench index [flags]\n\n", benchAbout, "\n\nRun `bittunes bench index --help` for the flags.\n")
		return errUsage
	}
	cfg, err := parse("bench index", benchAbout, config.Logging|config.BenchFlags, args[1:], env, stderr)
	if err != nil {
		return err
	}
	log, err := cfg.Logger()
	if err != nil {
		return err
	}
	return bench.Run(ctx, bench.Config{Only: cfg.Bench.Only, PostgresURL: cfg.Bench.DatabasePG, Scale: cfg.Bench.Scale,
		CPUProfile: cfg.Bench.CPUProfile, Logger: log}, stdout)
}
