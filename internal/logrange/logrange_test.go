package logrange_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bittunes/bittunes/internal/logrange"
	"github.com/bittunes/bittunes/internal/retry"
)

func TestSizerHalvesARefusedRangeAndNeverExceedsIt(t *testing.T) {
	s := logrange.NewSizer(1_000, 10_000, 100)
	s.Refused(1, 1_000)
	if s.Span() != 500 || s.Ceiling() != 999 {
		t.Fatalf("after refusing 1 000 blocks: span %d ceiling %d, want 500 and 999", s.Span(), s.Ceiling())
	}
	for range 10 { // empty ranges: the span grows, but never past the refusal
		s.Read(1, s.Span(), 0, 0)
	}
	if s.Span() != 999 {
		t.Fatalf("span %d after empty ranges, want the ceiling 999", s.Span())
	}
	s.Refused(5, 5) // a single block cannot be narrowed
	if s.Span() != 999 {
		t.Fatalf("a one-block refusal changed the span to %d", s.Span())
	}
}

func TestSizerAimsAtTheTargetNumberOfLogs(t *testing.T) {
	tests := []struct {
		name          string
		span, blocks  uint64
		logs, densest int
		want          uint64
	}{
		{"a full range with few logs grows proportionally", 100, 100, 20, 2, 500},
		{"growth is at most eightfold", 100, 100, 0, 0, 800},
		{"a short last range does not grow", 100, 40, 0, 0, 100},
		{"growth stops where the densest block would overshoot", 100, 100, 10, 4, 250},
		{"a range with many logs shrinks proportionally", 100, 100, 1_000, 100, 10},
		{"a range near the target stays", 100, 100, 90, 10, 100},
		{"a range near the target with a dense block narrows to it", 10, 10, 98, 280, 3},
		{"a sparse range with one dense block does not narrow", 100, 100, 30, 300, 100},
		{"a range over the target narrows to its densest block", 100, 100, 400, 500, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := logrange.NewSizer(tc.span, 100_000, 1_000)
			s.Read(1, tc.blocks, tc.logs*10, tc.densest) // target 1 000: logs in tens
			if got := s.Span(); got != tc.want {
				t.Errorf("span %d, want %d", got, tc.want)
			}
		})
	}
}

func TestDensest(t *testing.T) {
	logs := []types.Log{{BlockNumber: 1}, {BlockNumber: 2}, {BlockNumber: 2}, {BlockNumber: 2}, {BlockNumber: 5}, {BlockNumber: 5}}
	if got := logrange.Densest(logs); got != 3 {
		t.Errorf("densest %d, want 3", got)
	}
	if got := logrange.Densest(nil); got != 0 {
		t.Errorf("densest of no logs %d, want 0", got)
	}
}

// profile is a chain whose block b holds density(b) logs.
type profile func(block uint64) int

func (p profile) FilterLogs(_ context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	var logs []types.Log
	for b := q.FromBlock.Uint64(); b <= q.ToBlock.Uint64(); b++ {
		for i := range p(b) {
			logs = append(logs, types.Log{BlockNumber: b, Index: uint(i)})
		}
	}
	return logs, nil
}

func (p profile) SubscribeFilterLogs(context.Context, ethereum.FilterQuery, chan<- types.Log) (ethereum.Subscription, error) {
	return nil, errors.New("not supported")
}

// TestFirstRangesAreSizedFromTheDensestBlock replays the start of a dense backfill: registrations
// in the first blocks, then purchases whose blocks hold up to 2 800 logs (the first ten blocks
// average about 980). Sized from the average, the second range spans ten blocks again and holds
// 28 000 logs; sized from the densest block, no range after the first exceeds the target. Then the
// chain turns sparse (one log every other block) and the ranges grow back.
func TestFirstRangesAreSizedFromTheDensestBlock(t *testing.T) {
	density := profile(func(b uint64) int {
		switch {
		case b <= 6:
			return 50 // deployment and registrations
		case b <= 9:
			return 2_100
		case b <= 200:
			return 2_800
		case b%2 == 0:
			return 1
		default:
			return 0
		}
	})
	r := &logrange.Reader{Chain: density, Sizer: logrange.NewSizer(10, 10_000, 0)}
	var ranges, widest uint64
	err := r.Each(context.Background(), 1, 20_000, func(from, to uint64, logs []types.Log) error {
		ranges++
		if ranges == 1 {
			if n := len(logs); n < 9_000 || n > 10_000 {
				t.Fatalf("the first ten blocks hold %d logs, want the profile's ~9 800", n)
			}
			return nil
		}
		if len(logs) > logrange.TargetLogs {
			t.Errorf("range %d (blocks %d-%d) holds %d logs, over the target %d", ranges, from, to, len(logs), logrange.TargetLogs)
		}
		widest = max(widest, to-from+1)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if widest < 5_000 {
		t.Errorf("the widest range spans %d blocks: ranges did not grow back over the sparse blocks", widest)
	}
}

func TestIsRefusal(t *testing.T) {
	for _, msg := range []string{"query exceeds max block range 3", "Query returned more than 10000 results", "request timed out", "error -32005"} {
		if !logrange.IsRefusal(errors.New(msg)) {
			t.Errorf("%q is not taken for a refusal", msg)
		}
	}
	if !logrange.IsRefusal(fmt.Errorf("x: %w", context.DeadlineExceeded)) {
		t.Error("a deadline is not taken for a refusal")
	}
	if logrange.IsRefusal(errors.New("dial tcp 127.0.0.1:8545: connect: connection refused")) {
		t.Error("a refused connection is taken for a refused range")
	}
}

// chain has 3 logs in every block, refuses ranges wider than maxBlocks and fails every failEvery-th call.
type chain struct {
	maxBlocks, calls, failEvery int
}

func (c *chain) FilterLogs(_ context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	c.calls++
	if c.failEvery > 0 && c.calls%c.failEvery == 0 {
		return nil, errors.New("connection reset by peer")
	}
	from, to := q.FromBlock.Uint64(), q.ToBlock.Uint64()
	if to-from+1 > uint64(c.maxBlocks) {
		return nil, fmt.Errorf("query exceeds max block range %d", c.maxBlocks)
	}
	var logs []types.Log
	for b := from; b <= to; b++ {
		for i := range 3 {
			logs = append(logs, types.Log{BlockNumber: b, Index: uint(i)})
		}
	}
	return logs, nil
}

func (c *chain) SubscribeFilterLogs(context.Context, ethereum.FilterQuery, chan<- types.Log) (ethereum.Subscription, error) {
	return nil, errors.New("not supported")
}

func TestReaderReadsEveryLogOnceInOrderThroughRefusalsAndFaults(t *testing.T) {
	c := &chain{maxBlocks: 7, failEvery: 4}
	r := &logrange.Reader{Chain: c, Sizer: logrange.NewSizer(50, 1_000, 10), Backoff: retry.Backoff{First: time.Microsecond}}
	var next uint64 = 10
	err := r.Each(context.Background(), 10, 300, func(from, to uint64, logs []types.Log) error {
		if from != next {
			t.Fatalf("range starts at %d, want %d", from, next)
		}
		if len(logs) != int(3*(to-from+1)) {
			t.Fatalf("range %d-%d has %d logs", from, to, len(logs))
		}
		next = to + 1
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if next != 301 {
		t.Fatalf("read up to %d, want 300", next-1)
	}
	if r.Sizer.Ceiling() > 11 || r.Sizer.Span() > 7 {
		t.Errorf("span %d, ceiling %d after refusals of ranges wider than 7 (50, 25, 12 blocks)", r.Sizer.Span(), r.Sizer.Ceiling())
	}
}

func TestReaderGivesUpAfterItsAttempts(t *testing.T) {
	c := &chain{maxBlocks: 100, failEvery: 1}
	r := &logrange.Reader{Chain: c, Sizer: logrange.NewSizer(10, 10, 0), Attempts: 3, Backoff: retry.Backoff{First: time.Microsecond}}
	err := r.Each(context.Background(), 1, 5, func(uint64, uint64, []types.Log) error { return nil })
	if err == nil || c.calls != 3 {
		t.Fatalf("err %v after %d calls, want an error after 3", err, c.calls)
	}
}
