package audit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/logrange"
	"github.com/bittunes/bittunes/internal/market"
)

// fetcher reads the market's events in eth_getLogs ranges sized by the indexer's rules (package
// logrange): a refused range is halved and becomes the ceiling, ranges aim at a target number of
// logs, and a passing fault is retried with backoff.
type fetcher struct {
	chain    Chain
	market   common.Address
	decoder  *market.Decoder
	sizer    *logrange.Sizer
	progress io.Writer
	times    map[common.Hash]uint64
}

// each calls fn with the decoded events of blocks from..to, in chain order, a range at a time.
func (f *fetcher) each(ctx context.Context, from, to uint64, fn func([]market.Event) error) error {
	start, last := time.Now(), time.Now()
	total := to - from + 1
	events := 0
	reader := &logrange.Reader{Chain: f.chain, Contract: f.market, Sizer: f.sizer}
	return reader.Each(ctx, from, to, func(first, end uint64, logs []types.Log) error {
		if err := market.FillBlockTimes(ctx, f.chain, logs, f.times); err != nil {
			if errors.Is(err, market.ErrBlockChanged) {
				return fmt.Errorf("audit: %w (a reorg: audit further from the head)", err)
			}
			return fmt.Errorf("audit: %w", err)
		}
		evs, err := f.decoder.Decode(logs)
		if err != nil {
			return fmt.Errorf("audit: blocks %d-%d: %w", first, end, err)
		}
		if err := fn(evs); err != nil {
			return err
		}
		events += len(evs)
		if next := end + 1; f.progress != nil && (time.Since(last) > 2*time.Second || (next > to && time.Since(start) > 2*time.Second)) {
			last = time.Now()
			done := next - from
			fmt.Fprintf(f.progress, "audit: read blocks %d-%d of %d-%d (%d%%), %d events\n", from, next-1, from, to, done*100/total, events)
		}
		return nil
	})
}
