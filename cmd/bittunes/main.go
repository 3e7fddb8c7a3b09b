// Command bittunes is the one binary of the Bittunes music market: `dev` runs the whole market on
// an embedded chain and database, `serve` and `index` are the production roles.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

// command is one subcommand.
type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"dev", "run the whole market locally: dev chain, contract, database, indexer, API", runDev},
		{"serve", "serve the API against a database and an RPC (production)", runServe},
		{"index", "follow the market contract into the database (production; one writer at a time)", runIndex},
		{"get", "fetch a track you own over BitTorrent, unlock it with your key and write the audio file", runGet},
		{"buy", "buy a track with your key; the referrer is the link's, or the owner who delivered most to your get", runBuy},
		{"seed", "seed the packages in a folder (your library by default) and print your referral links", runSeed},
		{"bench", "measure the indexer: `bittunes bench index` (dense and sparse backfill, live lag, reorg)", runBench},
		{"audit", "check every split, balance and database row against the chain and the contract's rules", runAudit},
		{"verify-contract", "check that the code deployed at --market is the market compiled from this source", runVerify},
		{"version", "print the module version and VCS revision this binary was built from", runVersion},
	}
}

func run(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			if err := c.run(ctx, args[1:], env, stdout, stderr); err != nil {
				if err == errUsage {
					return 2
				}
				fmt.Fprintf(stderr, "bittunes %s: %v\n", c.name, err)
				return 1
			}
			return 0
		}
	}
	fmt.Fprintf(stderr, "bittunes: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Bittunes: an independent music market where fans who pass a track on are paid for the sales they bring.")
	fmt.Fprintln(w, "\nUsage: bittunes <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-16s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nEvery flag can also be set by an environment variable: --data-dir is BITTUNES_DATA_DIR, and so on.")
	fmt.Fprintln(w, "Run `bittunes <command> --help` for a command's flags.")
}
