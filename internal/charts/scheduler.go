package charts

import (
	"context"
	"log/slog"
	"time"

	"github.com/bittunes/bittunes/internal/retry"
)

// Scheduler rebuilds the charts soon after the read models change (Notify), at most once per
// MinInterval, and at least once per MaxInterval so that the day windows roll over at midnight UTC.
type Scheduler struct {
	Rebuild     func(ctx context.Context, now time.Time) error
	MinInterval time.Duration
	MaxInterval time.Duration
	Logger      *slog.Logger
	// OnBuilt, if set, is called after each successful rebuild.
	OnBuilt func(time.Time)

	notify chan struct{}
}

// NewScheduler returns a scheduler of rebuild.
func NewScheduler(rebuild func(ctx context.Context, now time.Time) error, logger *slog.Logger) *Scheduler {
	return &Scheduler{Rebuild: rebuild, MinInterval: 50 * time.Millisecond, MaxInterval: time.Minute, Logger: logger,
		notify: make(chan struct{}, 1)}
}

// Notify asks for a rebuild; it never blocks.
func (s *Scheduler) Notify() {
	select {
	case s.notify <- struct{}{}:
	default:
	}
}

// Run rebuilds until ctx ends, starting with one rebuild at once.
func (s *Scheduler) Run(ctx context.Context) error {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-s.notify:
			if !retry.Sleep(ctx, s.MinInterval) { // let a burst of batches settle
				return ctx.Err()
			}
		case <-timer.C:
		}
		now := time.Now()
		if err := s.Rebuild(ctx, now); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			s.Logger.Warn("charts: rebuild failed", "err", err)
		} else if s.OnBuilt != nil {
			s.OnBuilt(now)
		}
		timer.Reset(s.MaxInterval)
	}
}
