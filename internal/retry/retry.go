// Package retry holds the waits of code that retries what failed: a sleep that ends with its
// context and an exponential backoff.
package retry

import (
	"context"
	"time"
)

// Sleep waits d or until ctx ends; it reports whether the whole wait passed.
func Sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// Backoff doubles the wait after each failure, from First up to Max (30 s when zero). The zero
// value waits 100 ms first.
type Backoff struct {
	First, Max time.Duration
	wait       time.Duration
}

// Next returns the wait before the next attempt.
func (b *Backoff) Next() time.Duration {
	first, ceiling := b.First, b.Max
	if first <= 0 {
		first = 100 * time.Millisecond
	}
	if ceiling <= 0 {
		ceiling = 30 * time.Second
	}
	if b.wait == 0 {
		b.wait = min(first, ceiling)
	} else {
		b.wait = min(2*b.wait, ceiling)
	}
	return b.wait
}

// Reset starts the next failure's waits from First again.
func (b *Backoff) Reset() { b.wait = 0 }
