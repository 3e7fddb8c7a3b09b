package retry_test

import (
	"context"
	"testing"
	"time"

	"github.com/bittunes/bittunes/internal/retry"
)

func TestBackoffDoublesUpToMaxAndResets(t *testing.T) {
	b := retry.Backoff{First: time.Second, Max: 5 * time.Second}
	var got []time.Duration
	for range 5 {
		got = append(got, b.Next())
	}
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second, 5 * time.Second}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("waits %v, want %v", got, want)
		}
	}
	b.Reset()
	if w := b.Next(); w != time.Second {
		t.Errorf("after Reset: %v, want 1s", w)
	}
	var zero retry.Backoff
	if w := zero.Next(); w != 100*time.Millisecond {
		t.Errorf("zero Backoff waits %v first, want 100ms", w)
	}
}

func TestSleepEndsWithItsContext(t *testing.T) {
	if !retry.Sleep(context.Background(), time.Millisecond) {
		t.Error("a full wait reported as cut short")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if retry.Sleep(ctx, time.Hour) {
		t.Error("a wait of an ended context reported as full")
	}
}
