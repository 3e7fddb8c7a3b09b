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
		s.Read(1, s.Span(), 0)
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
		name         string
		span, blocks uint64
		logs         int
		want         uint64
	}{
		{"a full range with few logs grows proportionally", 100, 100, 20, 500},
		{"growth is at most eightfold", 100, 100, 0, 800},
		{"a short last range does not grow", 100, 40, 0, 100},
		{"a range with many logs shrinks proportionally", 100, 100, 1_000, 10},
		{"a range near the target stays", 100, 100, 150, 100},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := logrange.NewSizer(tc.span, 100_000, 100)
			s.Read(1, tc.blocks, tc.logs)
			if got := s.Span(); got != tc.want {
				t.Errorf("span %d, want %d", got, tc.want)
			}
		})
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
