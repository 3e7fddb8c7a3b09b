package devchain

import (
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/params"
)

// Defaults used by DefaultConfig and, for zero-valued fields, by Start.
const (
	// DefaultChainID is the chain id of geth --dev, Hardhat and Anvil.
	DefaultChainID = 1337
	// DefaultMnemonic is the well-known Hardhat/Anvil development mnemonic.
	DefaultMnemonic = "test test test test test test test test test test test junk"
	// DefaultHTTPHost is the interface the RPC servers listen on.
	DefaultHTTPHost = "127.0.0.1"
	// DefaultHTTPPort is the usual JSON-RPC over HTTP port.
	DefaultHTTPPort = 8545
	// DefaultWSPort is the usual JSON-RPC over WebSocket port.
	DefaultWSPort = 8546
	// DefaultAccounts is the number of funded accounts.
	DefaultAccounts = 10
	// DefaultBalanceEther is the genesis balance of each account, in ether.
	DefaultBalanceEther = 10_000
	// DefaultGasLimit is the block gas limit.
	DefaultGasLimit = 60_000_000
)

// Config describes a development chain. The zero Config is a valid test
// configuration: an in-memory chain whose RPC servers listen on free ports.
// DefaultConfig is what `bittunes dev` starts from.
type Config struct {
	// DataDir holds the chain database. Empty means an in-memory chain that is
	// gone after Stop. See the package documentation for what is persisted.
	DataDir string

	// HTTPHost is the interface both RPC servers listen on (default
	// DefaultHTTPHost).
	HTTPHost string
	// HTTPPort is the JSON-RPC over HTTP port; 0 picks a free port.
	HTTPPort int
	// WSPort is the JSON-RPC over WebSocket port; 0 picks a free port. When
	// it equals HTTPPort (both 0 included) one listener serves both.
	WSPort int
	// AllowedOrigins are the browser origins allowed by CORS on the HTTP
	// server and by the origin check of the WebSocket server (default "*",
	// so a page served from another localhost port can use the chain).
	AllowedOrigins []string

	// ChainID is the EIP-155 chain id (default DefaultChainID).
	ChainID uint64
	// Mnemonic is the BIP-39 phrase the accounts are derived from (default
	// DefaultMnemonic).
	Mnemonic string
	// Accounts is the number of accounts funded at genesis (default
	// DefaultAccounts, at most MaxAccounts).
	Accounts int
	// Balance is the genesis balance of each account, in wei (default
	// DefaultBalanceEther ether).
	Balance *big.Int
	// GasLimit is the block gas limit (default DefaultGasLimit).
	GasLimit uint64
	// BlockPeriod is the time between blocks, in whole seconds. Zero mines a
	// block as soon as transactions arrive, and only then.
	BlockPeriod time.Duration

	// Logger receives the node's log lines, a level lower than go-ethereum
	// writes them (logging.Geth; default: discarded). go-ethereum's
	// process-wide root logger, which most of its packages write to, is left
	// as it is: bittunes points it at its own logger (logging.Install).
	Logger *slog.Logger
}

// DefaultConfig returns the configuration of `bittunes dev`: an in-memory
// chain with RPC on the usual ports 8545 and 8546 of 127.0.0.1.
func DefaultConfig() Config {
	return Config{
		HTTPHost:       DefaultHTTPHost,
		HTTPPort:       DefaultHTTPPort,
		WSPort:         DefaultWSPort,
		AllowedOrigins: []string{"*"},
		ChainID:        DefaultChainID,
		Mnemonic:       DefaultMnemonic,
		Accounts:       DefaultAccounts,
		Balance:        defaultBalance(),
		GasLimit:       DefaultGasLimit,
	}
}

func defaultBalance() *big.Int {
	return new(big.Int).Mul(big.NewInt(DefaultBalanceEther), big.NewInt(params.Ether))
}

// withDefaults validates cfg and returns a copy with zero fields defaulted.
// Ports are taken as they are: 0 means a free port.
func (cfg Config) withDefaults() (Config, error) {
	if err := cfg.validate(); err != nil {
		return Config{}, err
	}
	if cfg.HTTPHost == "" {
		cfg.HTTPHost = DefaultHTTPHost
	}
	if len(cfg.AllowedOrigins) == 0 {
		cfg.AllowedOrigins = []string{"*"}
	}
	if cfg.ChainID == 0 {
		cfg.ChainID = DefaultChainID
	}
	if cfg.Mnemonic == "" {
		cfg.Mnemonic = DefaultMnemonic
	}
	if cfg.Accounts == 0 {
		cfg.Accounts = DefaultAccounts
	}
	if cfg.Balance == nil {
		cfg.Balance = defaultBalance()
	} else {
		cfg.Balance = new(big.Int).Set(cfg.Balance)
	}
	if cfg.GasLimit == 0 {
		cfg.GasLimit = DefaultGasLimit
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return cfg, nil
}

func (cfg Config) validate() error {
	var errs []error
	if cfg.HTTPPort < 0 || cfg.HTTPPort > 65535 {
		errs = append(errs, fmt.Errorf("http port %d out of range", cfg.HTTPPort))
	}
	if cfg.WSPort < 0 || cfg.WSPort > 65535 {
		errs = append(errs, fmt.Errorf("ws port %d out of range", cfg.WSPort))
	}
	if cfg.Accounts < 0 || cfg.Accounts > MaxAccounts {
		errs = append(errs, fmt.Errorf("number of accounts %d not in [0, %d]", cfg.Accounts, MaxAccounts))
	}
	if cfg.Balance != nil && cfg.Balance.Sign() < 0 {
		errs = append(errs, fmt.Errorf("negative balance %s", cfg.Balance))
	}
	if cfg.BlockPeriod < 0 || cfg.BlockPeriod%time.Second != 0 {
		errs = append(errs, fmt.Errorf("block period %s is not a whole, non-negative number of seconds", cfg.BlockPeriod))
	}
	if cfg.GasLimit != 0 && cfg.GasLimit < params.MinGasLimit {
		errs = append(errs, fmt.Errorf("gas limit %d below the minimum %d", cfg.GasLimit, params.MinGasLimit))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("devchain: invalid config: %w", err)
	}
	return nil
}
