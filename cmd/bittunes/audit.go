package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/bittunes/bittunes/internal/audit"
	"github.com/bittunes/bittunes/internal/config"
	"github.com/bittunes/bittunes/internal/store"
)

// errDiscrepancies makes the command exit non-zero after a report that found something wrong.
var errDiscrepancies = errors.New("discrepancies found (see the report)")

func runAudit(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	cfg, err := parse("audit", "Reads every market event from the chain, replays the contract's state and checks every split,\n"+
		"referrer, withdrawal and balance against the contract's rules; with --db also every purchase,\n"+
		"account total, ownership, track and chart row the indexer wrote. Exits 1 on any discrepancy.",
		config.Chain|config.Logging|config.AuditFlags|config.OutputFlags, args, env, stderr)
	if err != nil {
		return err
	}
	if cfg, err = withDeployment(ctx, cfg); err != nil {
		return err
	}
	if cfg.RPCURL == "" || cfg.Market == ([20]byte{}) {
		return errors.New("config: audit needs --rpc and --market (or --deployment)")
	}
	client, _, err := dial(ctx, cfg)
	if err != nil {
		return err
	}
	defer client.Close()
	var db audit.Database
	if cfg.Audit.DB != "" {
		st, err := store.Open(ctx, cfg.Audit.DB)
		if err != nil {
			return err
		}
		defer st.Close()
		db = st
	}
	from := cfg.Audit.FromBlock
	if from == 0 {
		from = cfg.DeployBlock
	}
	rep, err := audit.Run(ctx, client, db, audit.Config{Market: cfg.Market, FromBlock: from, ToBlock: cfg.Audit.ToBlock,
		Confirmations: cfg.Confirmations, Progress: stderr})
	if err != nil {
		return err
	}
	if cfg.JSON {
		err = rep.WriteJSON(stdout)
	} else {
		err = rep.WriteText(stdout)
	}
	if err != nil {
		return err
	}
	if !rep.OK() {
		return fmt.Errorf("%w: %d", errDiscrepancies, len(rep.Discrepancies))
	}
	return nil
}
