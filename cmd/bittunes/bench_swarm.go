package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/tooling/bench"
)

const benchSwarmAbout = `Usage: bittunes bench swarm [flags]

Measures the BitTorrent side on loopback and prints BENCH <name> <value> <unit> lines:

  swarm_origin_copies  one origin (seeder capped at --origin-rate, plus the HTTP web seed) and
                       --fans fan clients fetching the same --swarm-mb package at once: bytes the
                       origin sent divided by the package size (plain HTTP would be --fans)
  swarm_all_complete   seconds until every fan has the whole package, checked
  swarm_origin_copies_half_aria2, swarm_all_complete_half_aria2
                       the same with half the fans Debian's aria2 (aria2c) opening the magnet link
  swarm_thirdparty_magnet_s
                       seconds for aria2 to fetch a --swarm-mb package from its magnet link, without
                       web seed, from the origin's seeder found through the tracker (needs aria2c)
  p2p_rate             a --p2p-mb package from our seeder to our client, decrypted while it arrives
                       and checked against its content hash, in MB/s
  tracker_heap_per_100k_random_announces
                       heap the tracker still holds after --tracker-announces announces of random
                       info hashes from as many addresses (all refused), in MB (the figure
                       is for the default, 100 000)`

func runBenchSwarm(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	cfg := bench.SwarmConfig{Fans: 20, SwarmMB: 10, P2PMB: 64, OriginRate: 6 << 20, OriginPeers: 4}
	level := "info"
	fs := flag.NewFlagSet("bench swarm", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&cfg.Fans, "fans", cfg.Fans, "fan clients fetching at once")
	fs.IntVar(&cfg.SwarmMB, "swarm-mb", cfg.SwarmMB, "size of the package the fans fetch, in MiB")
	fs.IntVar(&cfg.P2PMB, "p2p-mb", cfg.P2PMB, "size of the two-peer package, in MiB")
	fs.Int64Var(&cfg.OriginRate, "origin-rate", cfg.OriginRate, "the origin seeder's upload cap during the swarm run, bytes per second")
	fs.IntVar(&cfg.OriginPeers, "origin-peers", cfg.OriginPeers, "the origin seeder's peer cap during the swarm run")
	fs.IntVar(&cfg.TrackerAnnounces, "tracker-announces", 100_000, "random-hash announces the tracker's heap is measured over")
	fs.StringVar(&level, "log-level", level, "debug, info, warn or error")
	fs.Usage = func() { fmt.Fprintln(stderr, benchSwarmAbout+"\n\nFlags:"); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	c := config.Default()
	c.LogLevel = level
	log, err := c.Logger()
	if err != nil {
		return err
	}
	cfg.Logger = log
	return bench.RunSwarm(ctx, cfg, stdout)
}
