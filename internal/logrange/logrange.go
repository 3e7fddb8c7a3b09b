// Package logrange reads a contract's logs in eth_getLogs block ranges sized to what the RPC
// accepts: the indexer's backfill and the audit use it.
//
// The rules: a range the RPC refuses (too many blocks or results, timed out) is halved and its
// width becomes the ceiling no later range exceeds; after a full range with fewer than half the
// target number of logs the next range is proportionally wider (at most eight times), after one
// with more than twice the target proportionally narrower. Either way the next range is sized from
// the densest block of the last one, not its average: it holds at most the target even if each of
// its blocks is as dense as that block (a sparse range never narrows this way, only stops growing).
package logrange

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/retry"
)

// TargetLogs is how many logs a range should hold when the caller does not say.
const TargetLogs = 10_000

// Sizer decides how many blocks the next eth_getLogs range spans.
type Sizer struct {
	span, ceiling, target uint64
}

// NewSizer starts with ranges of first blocks, never wider than maxRange, aiming at targetLogs
// logs a range (TargetLogs when 0).
func NewSizer(first, maxRange uint64, targetLogs int) *Sizer {
	if targetLogs <= 0 {
		targetLogs = TargetLogs
	}
	maxRange = max(1, maxRange)
	return &Sizer{span: max(1, min(first, maxRange)), ceiling: maxRange, target: uint64(targetLogs)}
}

// Span is the width of the next range, in blocks.
func (s *Sizer) Span() uint64 { return s.span }

// Ceiling is the widest range the RPC has not refused.
func (s *Sizer) Ceiling() uint64 { return s.ceiling }

// Refused records that the RPC refused the range from..to (at least two blocks): the ceiling drops
// below it and the next range is at most half of it.
func (s *Sizer) Refused(from, to uint64) {
	if to <= from {
		return
	}
	s.ceiling = max(1, to-from)
	s.span = max(1, min(s.span, (to-from+1)/2))
}

// Read records that the range from..to held logs logs, at most densest of them in one block, and
// sizes the next one.
func (s *Sizer) Read(from, to uint64, logs, densest int) {
	blocks, n := to-from+1, uint64(logs)
	// dense is the widest range that holds at most the target if every block is as dense as the densest.
	dense := s.ceiling
	if densest > 0 {
		dense = s.target / uint64(densest)
	}
	switch {
	case n > 2*s.target:
		s.span = max(1, min(blocks*s.target/n, dense))
	case n < s.target/2 && blocks == s.span:
		s.span = max(s.span, min(s.span*min(8, s.target/max(1, n)), dense))
	default:
		s.span = max(1, min(s.span, dense))
	}
	s.span = min(s.span, s.ceiling)
}

// Densest is the largest number of logs in one block among logs (in chain order, as eth_getLogs
// returns them).
func Densest(logs []types.Log) int {
	densest, run := 0, 0
	for i := range logs {
		if i > 0 && logs[i].BlockNumber == logs[i-1].BlockNumber {
			run++
		} else {
			run = 1
		}
		densest = max(densest, run)
	}
	return densest
}

// refusals are what common RPC providers answer when an eth_getLogs range is too much for them.
var refusals = []string{
	"range", "too many", "limit exceeded", "exceeds", "query returned more than", "response size",
	"timeout", "timed out", "-32005",
}

// IsRefusal reports whether err means "ask for fewer blocks".
func IsRefusal(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	msg := strings.ToLower(err.Error())
	for _, s := range refusals {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// Reader reads one contract's logs range by range, in chain order.
type Reader struct {
	Chain    ethereum.LogFilterer
	Contract common.Address
	Sizer    *Sizer
	// Attempts is how often a range is asked for before an error other than a refusal is returned
	// (5 when 0), waiting with exponential backoff between attempts.
	Attempts int
	// Backoff spaces the attempts.
	Backoff retry.Backoff
}

// Each calls fn with the logs of blocks from..to, a range at a time, in chain order.
func (r *Reader) Each(ctx context.Context, from, to uint64, fn func(from, to uint64, logs []types.Log) error) error {
	attempts := r.Attempts
	if attempts <= 0 {
		attempts = 5
	}
	failed := 0
	for next := from; next <= to; {
		end := min(next+r.Sizer.Span()-1, to)
		logs, err := r.Chain.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(next), ToBlock: new(big.Int).SetUint64(end), Addresses: []common.Address{r.Contract},
		})
		switch {
		case err == nil:
		case ctx.Err() != nil:
			return fmt.Errorf("logrange: logs of blocks %d-%d: %w", next, end, ctx.Err())
		case end > next && IsRefusal(err):
			r.Sizer.Refused(next, end)
			continue
		default:
			if failed++; failed >= attempts {
				return fmt.Errorf("logrange: logs of blocks %d-%d (%d attempts): %w", next, end, failed, err)
			}
			if !retry.Sleep(ctx, r.Backoff.Next()) {
				return fmt.Errorf("logrange: logs of blocks %d-%d: %w", next, end, ctx.Err())
			}
			continue
		}
		failed = 0
		r.Backoff.Reset()
		r.Sizer.Read(next, end, len(logs), Densest(logs))
		if err := fn(next, end, logs); err != nil {
			return err
		}
		next = end + 1
	}
	return nil
}
