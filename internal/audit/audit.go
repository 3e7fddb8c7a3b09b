// Package audit checks the Bittunes market without trusting its operator: it reads every market
// event from the chain, replays the contract's state from them block by block, and checks
//   - every sale's split against the contract's rules (fee, referral share, artist side and its
//     collaborators' shares, exact to the wei, rounding as Split.sol does) and against the track's
//     price and the fee at that point of the chain;
//   - that every credited referrer owned the track before the sale and was neither buyer nor recipient;
//   - that every withdrawal took exactly what was owed;
//   - that every payee's credited − withdrawn is the contract's balanceOf, and that the contract's
//     ETH is exactly the sum owed;
//   - with a database: that every purchase, account total, ownership and track row the indexer
//     wrote matches the chain (missing, extra and different rows), and that the stored charts are
//     the charts recomputed from the chain's sales by the published formula (package charts).
//
// Every discrepancy names its culprit: a transaction and log, an account, a track or a chart row.
package audit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/logrange"
	"github.com/bittunes/bittunes/internal/market"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/wei"
)

// Chain is what the audit reads from an Ethereum RPC. ethclient.Client and the simulated backend's
// client provide it.
type Chain interface {
	ethereum.LogFilterer
	ethereum.ContractCaller
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	BalanceAt(ctx context.Context, account common.Address, block *big.Int) (*big.Int, error)
	ChainID(ctx context.Context) (*big.Int, error)
}

// Database is what the audit reads from the indexer's database.
type Database interface {
	AuditSnapshot(ctx context.Context, chainID uint64, contract common.Address) (store.AuditSnapshot, error)
}

// Config says what to audit.
type Config struct {
	Market common.Address
	// FromBlock is where reading starts: the market's deployment block or earlier.
	FromBlock uint64
	// ToBlock is the last block audited; 0 means the head less Confirmations.
	ToBlock       uint64
	Confirmations uint64
	// MaxRange and TargetLogs size the eth_getLogs ranges (defaults 10 000 blocks, 10 000 logs).
	MaxRange   uint64
	TargetLogs int
	// Progress, if set, receives progress lines on long ranges (stderr).
	Progress io.Writer
	// Concurrency is how many balanceOf calls run at once (default 8).
	Concurrency int
}

// Run audits the market on chain and, when db is not nil, the database the indexer filled from it.
// It returns the report, whose discrepancies say what is wrong; an error means the audit itself
// could not be done (RPC, database, or a start after the deployment).
func Run(ctx context.Context, chain Chain, db Database, cfg Config) (*Report, error) {
	if cfg.MaxRange == 0 {
		cfg.MaxRange = 10_000
	}
	if cfg.TargetLogs == 0 {
		cfg.TargetLogs = 10_000
	}
	if cfg.Concurrency == 0 {
		cfg.Concurrency = 8
	}
	id, err := chain.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("audit: chain id: %w", err)
	}
	rep := &Report{ChainID: id.Uint64(), Market: cfg.Market, FromBlock: cfg.FromBlock}
	report := func(d Discrepancy) { rep.Discrepancies = append(rep.Discrepancies, d) }

	// The database first: the chain's head is read after it, so it is at or past the database's cursor.
	var snap *store.AuditSnapshot
	if db != nil {
		s, err := db.AuditSnapshot(ctx, rep.ChainID, cfg.Market)
		if err != nil {
			return nil, fmt.Errorf("audit: %w", err)
		}
		if !s.HasCursor {
			return nil, fmt.Errorf("audit: the database has indexed nothing of market %s on chain %d", cfg.Market.Hex(), rep.ChainID)
		}
		snap = &s
	}
	head, err := auditedHead(ctx, chain, cfg)
	if err != nil {
		return nil, err
	}
	rep.Head, rep.HeadHash = head.Number.Uint64(), head.Hash()
	if rep.Head < cfg.FromBlock {
		return nil, fmt.Errorf("audit: --from-block %d is past the audited head %d", cfg.FromBlock, rep.Head)
	}
	if snap != nil && snap.Cursor.BlockNumber > rep.Head {
		return nil, fmt.Errorf("audit: the database is indexed up to block %d, past the audited head %d", snap.Cursor.BlockNumber, rep.Head)
	}

	// Read and replay every event, keeping them for the database's and the charts' points in time.
	f := &fetcher{chain: chain, market: cfg.Market, decoder: market.NewDecoder(),
		sizer: logrange.NewSizer(1_000, cfg.MaxRange, cfg.TargetLogs), progress: cfg.Progress, times: map[common.Hash]uint64{}}
	r := newReplay(report)
	var events []market.Event
	err = f.each(ctx, cfg.FromBlock, rep.Head, func(evs []market.Event) error {
		for _, ev := range evs {
			if err := r.apply(ev); err != nil {
				return err
			}
		}
		if db != nil {
			events = append(events, evs...)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	r.finish()
	if r.events == 0 {
		return nil, fmt.Errorf("audit: no market events in blocks %d-%d: is %s the market?", cfg.FromBlock, rep.Head, cfg.Market.Hex())
	}
	summarise(rep, r)
	if err := checkChainState(ctx, chain, cfg, head.Number, r, rep, report); err != nil {
		return nil, err
	}
	if snap != nil {
		if err := checkDatabase(ctx, chain, *snap, events, rep, report); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// auditedHead is the last block audited: ToBlock, or the head less the confirmations.
func auditedHead(ctx context.Context, chain Chain, cfg Config) (*types.Header, error) {
	var number *big.Int
	if cfg.ToBlock != 0 {
		number = new(big.Int).SetUint64(cfg.ToBlock)
	}
	h, err := chain.HeaderByNumber(ctx, number)
	if err != nil {
		return nil, fmt.Errorf("audit: head: %w", err)
	}
	if cfg.ToBlock == 0 && cfg.Confirmations > 0 {
		n := h.Number.Uint64()
		if n < cfg.Confirmations {
			return nil, errors.New("audit: the chain is shorter than --confirmations")
		}
		if h, err = chain.HeaderByNumber(ctx, new(big.Int).SetUint64(n-cfg.Confirmations)); err != nil {
			return nil, fmt.Errorf("audit: head: %w", err)
		}
	}
	return h, nil
}

func summarise(rep *Report, r *replay) {
	rep.Events, rep.Tracks, rep.Sales, rep.Withdrawals = r.events, len(r.tracks), len(r.sales), r.withdrawals
	rep.Revenue = amount(r.revenue)
	accounts := r.accounts()
	rep.Accounts = len(accounts)
	owed := new(big.Int)
	for _, a := range accounts {
		owed.Add(owed, r.owed(a))
	}
	rep.Owed = amount(owed)
	rep.FeeAccrued = amount(r.accrued)
}

// amount converts a replayed sum to an Amount; a negative one (more withdrawn than credited, which
// the withdrawal check reports) shows as zero.
func amount(x *big.Int) wei.Amount {
	a, err := wei.New(x)
	if err != nil {
		return wei.Zero()
	}
	return a
}
