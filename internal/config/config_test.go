package config_test

import (
	"strings"
	"testing"

	"github.com/bittunes/bittunes/internal/config"
)

func TestFlagsWinOverEnvironmentWhichWinsOverDefaults(t *testing.T) {
	env := map[string]string{
		"BITTUNES_DATA_DIR":      "/from/env",
		"BITTUNES_HTTP":          "0.0.0.0:9000",
		"BITTUNES_MARKET":        "0x5FbDB2315678afecb367f032d93F642f64180aa3",
		"BITTUNES_CONFIRMATIONS": "3",
	}
	c := config.Default()
	fs := c.FlagSet("index", config.Common|config.Chain)
	if err := config.Parse(fs, []string{"--data-dir", "/from/flag", "--deploy-block", "7"}, func(k string) string { return env[k] }); err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct{ name, got, want string }{
		{"flag over env", c.DataDir, "/from/flag"},
		{"env over default", c.HTTPAddr, "0.0.0.0:9000"},
		{"env address", strings.ToLower(c.Market.Hex()), "0x5fbdb2315678afecb367f032d93f642f64180aa3"},
		{"default", c.LogLevel, "info"},
		{"database defaults to sqlite in the data dir", c.Database(), "sqlite:/from/flag/bittunes.db"},
	} {
		if x.got != x.want {
			t.Errorf("%s: got %q, want %q", x.name, x.got, x.want)
		}
	}
	if c.Confirmations != 3 || c.DeployBlock != 7 {
		t.Errorf("confirmations %d, deploy block %d", c.Confirmations, c.DeployBlock)
	}
}

func TestBadValuesAreClearErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"--market", "nope"}, nil, "not an address"},
		{nil, map[string]string{"BITTUNES_CONFIRMATIONS": "-1"}, "BITTUNES_CONFIRMATIONS"},
		{[]string{"--no-such-flag"}, nil, "not defined"},
	} {
		cfg := config.Default()
		fs := cfg.FlagSet("index", config.Common|config.Chain)
		fs.SetOutput(new(strings.Builder))
		err := config.Parse(fs, c.args, func(k string) string { return c.env[k] })
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v %v: got %v, want an error mentioning %q", c.args, c.env, err, c.want)
		}
	}
}

func TestCheckChainNamesWhatIsMissing(t *testing.T) {
	err := config.Default().CheckChain()
	for _, want := range []string{"--rpc", "--market", "--deploy-block", "BITTUNES_RPC"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want it to mention %s", err, want)
		}
	}
}

func TestLogger(t *testing.T) {
	c := config.Default()
	if _, err := c.Logger(); err != nil {
		t.Fatal(err)
	}
	c.LogLevel = "loud"
	if _, err := c.Logger(); err == nil {
		t.Fatal("an unknown level should be refused")
	}
}

func TestBenchFlagsReadBenchVariables(t *testing.T) {
	env := map[string]string{
		"BITTUNES_BENCH_DATABASE_PG": "postgres://bench@db/postgres",
		"BITTUNES_BENCH_ONLY":        "sparse",
		"BITTUNES_DATABASE_PG":       "postgres://not-this@db/postgres",
	}
	c := config.Default()
	fs := c.FlagSet("bench index", config.Logging|config.BenchFlags)
	if err := config.Parse(fs, []string{"--scale", "0.5"}, func(k string) string { return env[k] }); err != nil {
		t.Fatal(err)
	}
	if c.Bench.DatabasePG != "postgres://bench@db/postgres" || c.Bench.Only != "sparse" || c.Bench.Scale != 0.5 {
		t.Errorf("bench config = %+v", c.Bench)
	}
	if got := config.EnvName("database-pg"); got != "BITTUNES_BENCH_DATABASE_PG" {
		t.Errorf("EnvName(database-pg) = %s", got)
	}
	if fs.Lookup("data-dir") != nil || fs.Lookup("log-level") == nil {
		t.Error("the bench flags should include logging and nothing of Common")
	}
}

func TestOriginAndMediaDefaults(t *testing.T) {
	for _, c := range []struct{ http, public, want string }{
		{"127.0.0.1:8080", "", "http://127.0.0.1:8080"},
		{"0.0.0.0:9000", "", "http://127.0.0.1:9000"},
		{":7000", "", "http://127.0.0.1:7000"},
		{"127.0.0.1:8080", "https://bittunes.example/", "https://bittunes.example"},
	} {
		cfg := config.Default()
		cfg.HTTPAddr, cfg.PublicURL = c.http, c.public
		if got := cfg.Origin(); got != c.want {
			t.Errorf("Origin(%q, %q) = %q, want %q", c.http, c.public, got, c.want)
		}
	}
	cfg := config.Default()
	cfg.DataDir = "/data"
	if got := cfg.Media(); got != "/data/media" {
		t.Errorf("Media() = %q", got)
	}
	cfg.MediaDir = "/srv/media"
	if got := cfg.Media(); got != "/srv/media" {
		t.Errorf("Media() = %q", got)
	}
}

func TestParseByteSize(t *testing.T) {
	for in, want := range map[string]int64{"512": 512, "64K": 64 << 10, "200M": 200 << 20, "2G": 2 << 30, "2GiB": 2 << 30, "1tb": 1 << 40} {
		if got, err := config.ParseByteSize(in); err != nil || got != want {
			t.Errorf("ParseByteSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "G", "-1", "2X", "1.5G", "99999999999T"} {
		if _, err := config.ParseByteSize(in); err == nil {
			t.Errorf("ParseByteSize(%q) accepted", in)
		}
	}
}
