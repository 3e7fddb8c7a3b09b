package indexer

import (
	"context"
	"errors"
	"strings"
	"time"
)

// backoff doubles the wait after each failure, from first up to 30 s.
type backoff struct{ first, wait time.Duration }

func (b *backoff) next() time.Duration {
	if b.wait == 0 {
		b.wait = b.first
	} else {
		b.wait = min(2*b.wait, 30*time.Second)
	}
	return b.wait
}

func (b *backoff) reset() { b.wait = 0 }

// sleep waits d or until ctx ends; it reports whether the whole wait passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// rangeRefusals are what common RPC providers answer when an eth_getLogs range is too much for them.
var rangeRefusals = []string{
	"range", "too many", "limit exceeded", "exceeds", "query returned more than", "response size",
	"timeout", "timed out", "-32005",
}

// isRangeRefusal reports whether err means "ask for fewer blocks".
func isRangeRefusal(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	msg := strings.ToLower(err.Error())
	for _, s := range rangeRefusals {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
