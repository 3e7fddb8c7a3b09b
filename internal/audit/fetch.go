package audit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/market"
)

// fetcher reads the market's events in adaptive eth_getLogs ranges: a range the RPC refuses is
// halved, and the next range is sized to hold about targetLogs logs, up to maxRange blocks.
type fetcher struct {
	chain      Chain
	market     common.Address
	decoder    *market.Decoder
	maxRange   uint64
	targetLogs int
	progress   io.Writer
	times      map[common.Hash]uint64
}

// each calls fn with the decoded events of blocks from..to, in chain order, a range at a time.
func (f *fetcher) each(ctx context.Context, from, to uint64, fn func([]market.Event) error) error {
	span := min(uint64(1_000), f.maxRange)
	start, last := time.Now(), time.Now()
	total := to - from + 1
	events := 0
	for next := from; next <= to; {
		end := min(next+span-1, to)
		logs, err := f.chain.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(next), ToBlock: new(big.Int).SetUint64(end), Addresses: []common.Address{f.market},
		})
		if err != nil {
			if ctx.Err() != nil || span == 1 {
				return fmt.Errorf("audit: logs of blocks %d-%d: %w", next, end, err)
			}
			span = max(1, span/2) // too much for the RPC, or a passing fault: ask for less
			continue
		}
		if err := market.FillBlockTimes(ctx, f.chain, logs, f.times); err != nil {
			if errors.Is(err, market.ErrBlockChanged) {
				return fmt.Errorf("audit: %w (a reorg: audit further from the head)", err)
			}
			return fmt.Errorf("audit: %w", err)
		}
		evs, err := f.decoder.Decode(logs)
		if err != nil {
			return fmt.Errorf("audit: blocks %d-%d: %w", next, end, err)
		}
		if err := fn(evs); err != nil {
			return err
		}
		events += len(evs)
		switch n := len(logs); {
		case n > 2*f.targetLogs:
			span = max(1, span/2)
		case n < f.targetLogs/2 && end-next+1 == span:
			span = min(span*2, f.maxRange)
		}
		next = end + 1
		if f.progress != nil && (time.Since(last) > 2*time.Second || (next > to && time.Since(start) > 2*time.Second)) {
			last = time.Now()
			done := next - from
			fmt.Fprintf(f.progress, "audit: read blocks %d-%d of %d-%d (%d%%), %d events\n", from, next-1, from, to, done*100/total, events)
		}
	}
	return nil
}
