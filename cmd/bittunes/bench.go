package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/tooling/bench"
)

const benchAbout = `Measures the indexer on workloads it builds on an in-process dev chain (and, for the reorg, on
go-ethereum's simulated backend), indexing each into a fresh database, and prints one line per figure:
BENCH <name> <value> <unit>. Progress goes to stderr.

  dense   100 000 purchases (1 000 tracks, 5 000 fans, referrals, collaborators) in about 500 blocks,
          indexed from the deployment block into PostgreSQL and into SQLite:
          index_dense_pg, index_dense_sqlite (market events per second)
  sparse  10 000 blocks with one purchase each, into PostgreSQL: index_sparse_pg (blocks per second)
  live    purchases arriving at 20/s for 60 s while the indexer follows the head: time from a
          purchase's block appearing to its row being readable, index_live_lag_p50 and _p99 (ms), and
          from sending its transaction to that, index_live_tx_p50 and _p99 (ms)
  reorg   after 20 000 purchases, a reorg of depth 3 at the head: time from the new head appearing to
          the database equalling the canonical chain, index_reorg_recovery (ms, median of 5)

PostgreSQL: --database-pg (a role allowed to create databases), else a throwaway cluster started from
the installed server binaries with PostgreSQL's default durability. A full run takes about 12 minutes,
9 of them building the dense workload; --scale 0.1 makes every workload ten times smaller.`

const benchAPIAbout = `Loads 1 000 000 purchases of 10 000 tracks (1 000 artists, 200 000 fans, a power law of
popularity, 100 genre/sub-genres, 60 days) into PostgreSQL through the store's Apply, as the indexer
writes them, builds the charts, serves the API on a loopback port, and while 20 purchases a second
(a block each) keep arriving (and the chart builder follows them) drives it from 8 clients for 10 s per phase:

  api_chart_full_build      ranking every chart from the aggregates (ms; at start and each midnight)
  api_chart_rps, _p50, _p99 GET /api/v1/charts/{7d,30d,all}[?genre=…[&subgenre=…]], every chart
  api_artist_rps, _p50, _p99 GET /api/v1/artists/{address}: an artist's tracks with their ranks
  api_chart_naive_rps       a genre's weekly chart computed per request with one aggregate query
  api_chart_freshness_p50, _p99  from a sale's block being handed to the store to the chart answering
                            with it (ms)

PostgreSQL: --database-pg, else a throwaway cluster (default durability). About 3 minutes; --scale 0.1
makes the workload ten times smaller.`

const benchFaultsAbout = `Runs two ` + "`bittunes index`" + ` processes (this binary; one active, one standby) and the API on a
throwaway PostgreSQL cluster against an in-process dev chain, reached over WebSocket through a
proxy, while 10 purchases a second arrive, and injects in turn:

  db_restart     PostgreSQL stopped for 10 s (pg_ctl stop --mode fast), then started
  indexer_kill9  SIGKILL of the indexer holding the lock (another process is started in its place)
  ws_drop        every WebSocket connection to the RPC cut (the node restarting)
  rpc_outage     the RPC unreachable for 10 s

For each: fault_<name>_recovery_s, from the fault's end (the database or RPC back, the process
killed) until the database holds exactly the purchases on the chain up to the first block mined
after that moment (one arrives every 100 ms), with no manual action;
fault_<name>_lost, purchases missing or doubled then (must be 0); and a READY line with the
readiness answers (status code × times, polled every 250 ms) of serve and of each indexer.
About 2 minutes; --scale 0.2 makes the outages 2 s.`

const benchChartsAbout = `Builds an honest market into SQLite through the store's Apply (2 000 tracks by 200 artists, 20 000
fans, 200 000 purchases over 30 days, a power law of popularity, most sales referred), then plays
attackers against copies of it, each trying to take #1 of a genre's chart and of the overall chart
for 7 days, and prints for each strategy

  chart_attack_<strategy>_genre_cost_ratio  the attacker's net cost (spent less what came back to its
                            accounts) to reach #1 of the genre, over the week's gross revenue of the
                            honest #1 it displaces; inf if it never does within its budget
  chart_attack_<strategy>_cost_ratio        the same for the overall chart

Strategies: free_sybils (fresh wallets take a free track), self_referral (the artist's fresh wallets
buy its track, each through the previous one's link), padded_sybils (the artist's wallets first pay
other artists until they look like fans), ring (colluding artists buy each other's tracks and the
target). Budget: 5 times the honest overall #1's weekly revenue, and 50 000 wallets. About a minute;
--scale 0.1 makes the market ten times smaller.`

const benchAbuseAbout = `Measures what anonymous clients can make the API do, on a small market in SQLite (1 000 tracks,
50 000 purchases, charts built) served on a loopback port, and prints BENCH lines:

  abuse_package_head_heap   heap still grown after 100 000 HEADs of random package names (bytes)
  abuse_range_100k_bytes    body bytes answered to one request for a 529 KiB package with a Range
                            header of 100 000 ranges, and abuse_range_100k_status its HTTP status
  abuse_chart_rps           chart requests a second from 8 clients; _under_range_abuse the same while
                            2 more clients send that Range request in a loop (from 127.0.0.2 and
                            127.0.0.3); abuse_chart_rps_kept the ratio (%)
  abuse_range_headers_read_per_s  abusive headers the server still read a second, past the
                            connection gate

About a minute; --scale 0.1 makes the market and the phases smaller (not the abusive requests).`

func runBenchAbuse(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	scale, level := 1.0, "info"
	fs := flag.NewFlagSet("bench abuse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Float64Var(&scale, "scale", scale, "multiply the market's size and the phases' durations by this")
	fs.StringVar(&level, "log-level", level, "debug, info, warn or error")
	var profile string
	var noGate bool
	fs.StringVar(&profile, "cpu-profile", "", "write a CPU profile of the phase under Range abuse to this file")
	fs.BoolVar(&noGate, "no-gate", false, "serve without the connection gate (to see what it changes)")
	fs.Usage = func() { fmt.Fprintln(stderr, benchAbuseAbout+"\n\nFlags:"); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	c := config.Default()
	c.LogLevel = level
	log, err := c.Logger()
	if err != nil {
		return err
	}
	return bench.RunAbuse(ctx, bench.AbuseConfig{Scale: scale, Logger: log, CPUProfile: profile, NoGate: noGate}, stdout)
}

func runBench(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "swarm" {
		return runBenchSwarm(ctx, args[1:], env, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "abuse" {
		return runBenchAbuse(ctx, args[1:], stdout, stderr)
	}
	groups := map[string]string{"index": benchAbout, "api": benchAPIAbout, "faults": benchFaultsAbout, "charts": benchChartsAbout}
	if len(args) == 0 || groups[args[0]] == "" {
		if len(args) > 0 && args[0] != "-h" && args[0] != "--help" && args[0] != "help" {
			fmt.Fprintf(stderr, "bittunes bench: unknown benchmark group %q\n\n", args[0])
		}
		fmt.Fprint(stderr, "Usage: bittunes bench index|api|faults|charts|swarm|abuse [flags]\n\nbench index: ", benchAbout, "\n\nbench api: ", benchAPIAbout, "\n\nbench faults: ", benchFaultsAbout,
			"\n\nbench charts: ", benchChartsAbout, "\n\nbench abuse: ", benchAbuseAbout,
			"\n\nRun `bittunes bench index --help` for the flags.\n")
		return errUsage
	}
	cfg, err := parse("bench "+args[0], groups[args[0]], config.Logging|config.BenchFlags, args[1:], env, stderr)
	if err != nil {
		return err
	}
	log, err := cfg.Logger()
	if err != nil {
		return err
	}
	if args[0] == "faults" {
		self, err := os.Executable()
		if err != nil {
			return err
		}
		return bench.RunFaults(ctx, bench.FaultsConfig{Binary: self, Scale: cfg.Bench.Scale, Logger: log}, stdout)
	}
	if args[0] == "charts" {
		return bench.RunCharts(ctx, bench.ChartsConfig{Scale: cfg.Bench.Scale, Logger: log}, stdout)
	}
	if args[0] == "api" {
		return bench.RunAPI(ctx, bench.APIConfig{PostgresURL: cfg.Bench.DatabasePG, Scale: cfg.Bench.Scale,
			CPUProfile: cfg.Bench.CPUProfile, Logger: log}, stdout)
	}
	return bench.Run(ctx, bench.Config{Only: cfg.Bench.Only, PostgresURL: cfg.Bench.DatabasePG, Scale: cfg.Bench.Scale,
		CPUProfile: cfg.Bench.CPUProfile, Logger: log}, stdout)
}
