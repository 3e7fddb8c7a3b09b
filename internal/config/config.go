// Package config is the configuration of the bittunes binary: one struct, filled from command-line
// flags and BITTUNES_* environment variables (a flag wins over its variable, which wins over the
// default) and passed down to every part. There is no global configuration.
package config

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/logging"
	"github.com/bittunes/bittunes/internal/ratelimit"
)

// Config is everything the binary's commands can be told.
type Config struct {
	// DataDir holds the embedded database, the dev chain and dev.json.
	DataDir string
	// DatabaseURL is a PostgreSQL URL (postgres://…) or an SQLite file (sqlite:path); empty means
	// the SQLite file bittunes.db in DataDir.
	DatabaseURL string
	// RPCURL is the chain's JSON-RPC endpoint (http(s):// or ws(s)://); dev runs its own.
	RPCURL string
	// ChainID, if set, must match the RPC's chain id.
	ChainID uint64
	// Market is the market contract's address; DeployBlock the block it was deployed in.
	Market      common.Address
	DeployBlock uint64
	// Deployment is a Hardhat Ignition deployment folder (ignition/deployments/chain-<id>) that
	// Market, DeployBlock and ChainID are read from when not given.
	Deployment string
	// Confirmations is how many blocks behind the head the indexer stays.
	Confirmations uint64
	// HTTPAddr is where the API and pages listen.
	HTTPAddr string
	// MetricsAddr is where the private metrics (and index's health) listener listens; empty: none.
	MetricsAddr string
	// PublicURL is the market's public origin (scheme://host[:port]) that sign-in messages name;
	// empty means http://<HTTPAddr>.
	PublicURL string
	// TrustedProxies are load balancers (addresses or CIDRs) whose X-Forwarded-For is believed.
	TrustedProxies []string
	// MediaDir holds the encrypted packages, previews and covers; empty means media in DataDir.
	MediaDir string
	// MasterKey seals every track's key in the database: 64 hex digits (32 random bytes). serve
	// needs it; dev keeps one in DataDir/master.key when none is given.
	MasterKey string
	// Swarm configures the seeder and the tracker (serve, dev).
	Swarm Swarm
	// Uploads bounds what unregistered uploads may hold (serve, dev).
	Uploads Uploads
	// RateLimits are the budgets per client address of the public routes' classes (serve, dev).
	RateLimits map[ratelimit.Class]ratelimit.Budget
	// ExplorerURL is the block explorer the pages link transactions and addresses to
	// (https://etherscan.io); empty links them to the market's own transaction view.
	ExplorerURL string
	// WalletRPC is the JSON-RPC URL browser wallets are asked to add for the chain, and ChainName
	// the chain's name there; dev uses its own chain's. Empty: wallets use the RPC they have.
	WalletRPC string
	ChainName string
	// LogLevel is debug, info, warn or error; LogFormat text or json.
	LogLevel  string
	LogFormat string
	Dev       Dev
	Bench     Bench
	Audit     Audit
	// JSON makes audit and verify-contract print their reports as JSON.
	JSON bool
}

// Dev configures `bittunes dev`.
type Dev struct {
	RPCPort     int
	WSPort      int
	Reset       bool
	Seed        bool
	BlockPeriod time.Duration
}

// Audit configures `bittunes audit`.
type Audit struct {
	// FromBlock is where the audit starts reading: the deployment block or earlier (default:
	// DeployBlock).
	FromBlock uint64
	// ToBlock is the last block audited (0: the head less Confirmations).
	ToBlock uint64
	// DB, if set, is the indexer's database to compare with the chain.
	DB string
}

// Bench configures `bittunes bench`.
type Bench struct {
	// Only names the one benchmark to run; empty runs them all.
	Only string
	// DatabasePG is a PostgreSQL server to create the fresh databases on; empty starts a throwaway
	// cluster.
	DatabasePG string
	// Scale multiplies the workloads' sizes (1: the documented benchmark).
	Scale float64
	// CPUProfile, if set, is the file name prefix of CPU profiles of the measured phases.
	CPUProfile string
}

// Default returns the configuration before flags and environment.
func Default() Config {
	return Config{
		DataDir:       ".bittunes",
		HTTPAddr:      "127.0.0.1:8080",
		Confirmations: 0,
		LogLevel:      "info",
		LogFormat:     "text",
		Dev:           Dev{RPCPort: 8545, WSPort: 8546, Seed: true},
		Bench:         Bench{Scale: 1},
		Uploads:       DefaultUploads(),
		RateLimits:    ratelimit.DefaultBudgets(),
	}
}

// Database returns the database URL, defaulting to SQLite in the data folder.
func (c Config) Database() string {
	if c.DatabaseURL != "" {
		return c.DatabaseURL
	}
	return "sqlite:" + filepath.Join(c.DataDir, "bittunes.db")
}

// Logger returns the logger the configuration asks for, writing to stderr, and makes it the
// destination of the process-wide loggers: slog's default, go-ethereum's, gin's (logging.Install).
func (c Config) Logger() (*slog.Logger, error) {
	l, err := logging.New(os.Stderr, c.LogLevel, c.LogFormat)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	logging.Install(l)
	return l, nil
}

// Which flags a command takes.
const (
	Common      = 1 << iota // data dir, database, HTTP address, logging
	Chain                   // RPC, chain id, market, deployment block, confirmations
	DevFlags                // the dev chain's ports, reset, seeding, confirmations
	Logging                 // log level and format (included in Common)
	BenchFlags              // the benchmarks to run and their database
	WebFlags                // what the pages tell browser wallets: explorer, wallet RPC, chain name
	AuditFlags              // the blocks and database an audit covers
	OutputFlags             // --json
	Metrics                 // the private metrics and health listener
)

// benchFlags are the flags of BenchFlags. Their environment variables start with BITTUNES_BENCH_,
// so that a benchmark never picks up a production setting: --database-pg is
// BITTUNES_BENCH_DATABASE_PG.
var benchFlags = map[string]bool{"only": true, "database-pg": true, "scale": true, "cpu-profile": true}

// FlagSet returns the flags of a command that takes the given groups, writing into c.
func (c *Config) FlagSet(name string, groups int) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	if groups&Common != 0 {
		fs.StringVar(&c.DataDir, "data-dir", c.DataDir, "folder for the embedded database, the dev chain and dev.json")
		fs.StringVar(&c.DatabaseURL, "database", c.DatabaseURL, "PostgreSQL URL (postgres://user:pass@host/db) or sqlite:path (default: sqlite in the data folder)")
		fs.StringVar(&c.HTTPAddr, "http", c.HTTPAddr, "address the API and pages listen on")
		fs.StringVar(&c.PublicURL, "public-url", c.PublicURL, "the market's public origin, such as https://bittunes.example (default: http://<--http>)")
		fs.Func("trusted-proxies", "comma-separated addresses or CIDRs of load balancers whose X-Forwarded-For is believed", func(s string) error {
			c.TrustedProxies = nil
			for _, p := range strings.Split(s, ",") {
				if p = strings.TrimSpace(p); p != "" {
					c.TrustedProxies = append(c.TrustedProxies, p)
				}
			}
			return nil
		})
		fs.StringVar(&c.MediaDir, "media-dir", c.MediaDir, "folder for the encrypted packages, previews and covers (default: media in the data folder)")
		fs.StringVar(&c.MasterKey, "master-key", c.MasterKey, "64 hex digits (openssl rand -hex 32) that seal every track's key; prefer the environment variable; keep it secret and backed up: without it no sold track can be unlocked (dev: kept in the data folder)")
		c.swarmFlags(fs)
		c.uploadFlags(fs)
		c.rateLimitFlag(fs)
	}
	if groups&(Common|Logging) != 0 {
		fs.StringVar(&c.LogLevel, "log-level", c.LogLevel, "debug, info, warn or error")
		fs.StringVar(&c.LogFormat, "log-format", c.LogFormat, "text or json")
	}
	if groups&Chain != 0 {
		fs.StringVar(&c.RPCURL, "rpc", c.RPCURL, "the chain's JSON-RPC URL (ws:// for pushed heads, http:// polls)")
		fs.Uint64Var(&c.ChainID, "chain-id", c.ChainID, "expected chain id (checked against the RPC; 0: accept any)")
		fs.Func("market", "the market contract's address", func(s string) error {
			if !common.IsHexAddress(s) {
				return fmt.Errorf("not an address: %q", s)
			}
			c.Market = common.HexToAddress(s)
			return nil
		})
		fs.Uint64Var(&c.DeployBlock, "deploy-block", c.DeployBlock, "the block the market was deployed in (indexing starts there)")
		fs.StringVar(&c.Deployment, "deployment", c.Deployment, "Hardhat Ignition deployment folder (ignition/deployments/chain-<id>) to read --market, --deploy-block and --chain-id from")
	}
	if groups&(Chain|DevFlags) != 0 {
		fs.Uint64Var(&c.Confirmations, "confirmations", c.Confirmations, "blocks behind the head the indexer stays")
	}
	if groups&Metrics != 0 {
		fs.StringVar(&c.MetricsAddr, "metrics-addr", c.MetricsAddr, "private address for /metrics (and index's /healthz, /readyz, /status), apart from the public API port, such as 127.0.0.1:9090 (default: none)")
	}
	if groups&DevFlags != 0 {
		fs.IntVar(&c.Dev.RPCPort, "rpc-port", c.Dev.RPCPort, "the dev chain's HTTP JSON-RPC port on 127.0.0.1")
		fs.IntVar(&c.Dev.WSPort, "ws-port", c.Dev.WSPort, "the dev chain's WebSocket JSON-RPC port on 127.0.0.1")
		fs.BoolVar(&c.Dev.Reset, "reset", c.Dev.Reset, "delete the dev chain and database in the data folder and start afresh")
		fs.BoolVar(&c.Dev.Seed, "seed", c.Dev.Seed, "seed a demo catalogue on a fresh chain")
		fs.DurationVar(&c.Dev.BlockPeriod, "block-period", c.Dev.BlockPeriod, "mine a block this often (0: as transactions arrive)")
	}
	if groups&WebFlags != 0 {
		fs.StringVar(&c.ExplorerURL, "explorer-url", c.ExplorerURL, "block explorer base URL the pages link transactions to, such as https://etherscan.io (default: the market's own transaction view)")
		fs.StringVar(&c.WalletRPC, "wallet-rpc", c.WalletRPC, "public JSON-RPC URL browser wallets are asked to add for the chain (dev: the dev chain's)")
		fs.StringVar(&c.ChainName, "chain-name", c.ChainName, "the chain's name in browser wallets (dev: Bittunes dev chain)")
	}
	if groups&AuditFlags != 0 {
		fs.Uint64Var(&c.Audit.FromBlock, "from-block", c.Audit.FromBlock, "first block to read: the market's deployment block or earlier (default: --deploy-block)")
		fs.Uint64Var(&c.Audit.ToBlock, "to-block", c.Audit.ToBlock, "last block to audit (default: the head less --confirmations)")
		fs.StringVar(&c.Audit.DB, "db", c.Audit.DB, "the indexer's database (postgres://… or sqlite:path) to compare with the chain (default: chain only)")
	}
	if groups&OutputFlags != 0 {
		fs.BoolVar(&c.JSON, "json", c.JSON, "print the report as JSON")
	}
	if groups&BenchFlags != 0 {
		fs.StringVar(&c.Bench.Only, "only", c.Bench.Only, "run only this benchmark: dense, sparse, live or reorg")
		fs.StringVar(&c.Bench.DatabasePG, "database-pg", c.Bench.DatabasePG, "PostgreSQL server (postgres://…, a role allowed to create databases) to create a fresh database per run on (default: start a throwaway cluster)")
		fs.Float64Var(&c.Bench.Scale, "scale", c.Bench.Scale, "multiply the workloads' sizes and the live run's duration by this (1: the documented benchmark)")
		fs.StringVar(&c.Bench.CPUProfile, "cpu-profile", c.Bench.CPUProfile, "write a CPU profile of each measured phase to <this prefix><name>.pprof")
	}
	return fs
}

// Parse parses args into fs, taking BITTUNES_<FLAG> variables (dashes as underscores, upper case)
// from env for the flags args does not set.
func Parse(fs *flag.FlagSet, args []string, env func(string) string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var errs []error
	fs.VisitAll(func(f *flag.Flag) {
		if set[f.Name] {
			return
		}
		name := EnvName(f.Name)
		if v := env(name); v != "" {
			if err := f.Value.Set(v); err != nil {
				errs = append(errs, fmt.Errorf("%s=%q: %w", name, v, err))
			}
		}
	})
	return errors.Join(errs...)
}

// EnvName is the environment variable of a flag: data-dir → BITTUNES_DATA_DIR, and for the
// benchmark's flags database-pg → BITTUNES_BENCH_DATABASE_PG.
func EnvName(flagName string) string {
	prefix := "BITTUNES_"
	if benchFlags[flagName] {
		prefix = "BITTUNES_BENCH_"
	}
	return prefix + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// CheckChain reports what is missing for a command that follows a market on an RPC.
func (c Config) CheckChain() error {
	var missing []string
	if c.RPCURL == "" {
		missing = append(missing, "--rpc (BITTUNES_RPC)")
	}
	if c.Market == (common.Address{}) {
		missing = append(missing, "--market (BITTUNES_MARKET)")
	}
	if c.DeployBlock == 0 {
		missing = append(missing, "--deploy-block (BITTUNES_DEPLOY_BLOCK)")
	}
	if len(missing) > 0 {
		return fmt.Errorf("config: missing %s", strings.Join(missing, ", "))
	}
	return nil
}

// Origin returns the market's public origin: PublicURL, or http://<HTTPAddr> (a wildcard host as
// 127.0.0.1).
func (c Config) Origin() string {
	if c.PublicURL != "" {
		return strings.TrimSuffix(c.PublicURL, "/")
	}
	host, port, err := net.SplitHostPort(c.HTTPAddr)
	if err != nil {
		return "http://" + c.HTTPAddr
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// Media returns the media folder, defaulting to media in the data folder.
func (c Config) Media() string {
	if c.MediaDir != "" {
		return c.MediaDir
	}
	return filepath.Join(c.DataDir, "media")
}
