package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/bittunes/bittunes/internal/config"
)

// errUsage means the flags were wrong or help was asked for; the message is already printed.
var errUsage = errors.New("usage")

// parse fills a configuration from the command's flags and the environment.
func parse(name, about string, groups int, args []string, env func(string) string, stderr io.Writer) (config.Config, error) {
	cfg := config.Default()
	fs := cfg.FlagSet(name, groups)
	fs.SetOutput(stderr)
	example := config.EnvName("data-dir")
	if groups&config.BenchFlags != 0 {
		example = config.EnvName("database-pg")
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: bittunes %s [flags]\n\n%s\n\nFlags (each also read from an environment variable, e.g. %s):\n", name, about, example)
		fs.PrintDefaults()
	}
	if err := config.Parse(fs, args, env); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, errUsage
		}
		if fs.Parsed() {
			fmt.Fprintln(stderr, err) // an environment variable: fs has not printed it
		}
		return cfg, errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "bittunes %s: unexpected argument %q\n", name, fs.Arg(0))
		return cfg, errUsage
	}
	return cfg, nil
}
