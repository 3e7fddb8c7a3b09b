package indexer

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/bittunes/bittunes/internal/retry"
)

// Lock is the right to be the one indexer writing (store.IndexerLock).
type Lock interface {
	// Lost is closed when the lock is gone (its database connection died).
	Lost() <-chan struct{}
	Release() error
}

// Runner keeps a market indexed through database outages and hand-overs: it takes the indexer
// lock, runs Follow while it holds it, and when the lock is lost (a restarted or unreachable
// database) stops Follow, so nothing more is written, and takes the lock again as soon as the
// database answers, or waits as a standby while another process holds it. It ends only when its
// context ends or Follow fails with ErrFatal.
type Runner struct {
	// TryLock takes the lock if no other process holds it, and reports whether it did.
	TryLock func(ctx context.Context) (Lock, bool, error)
	// Follow indexes until ctx ends. It is started again after each new taking of the lock, from
	// the cursor in the database.
	Follow func(ctx context.Context) error
	// Poll is how often a standby asks for the lock (2 s when zero).
	Poll time.Duration
	// RetryDelay is the first wait after a database error; it doubles up to MaxRetryDelay (defaults
	// 100 ms and 5 s).
	RetryDelay, MaxRetryDelay time.Duration
	Metrics                   *Metrics
	Logger                    *slog.Logger
}

// Run runs until ctx ends (returning ctx's error) or Follow fails with ErrFatal.
func (r *Runner) Run(ctx context.Context) error {
	if r.Logger == nil {
		r.Logger = slog.Default()
	}
	log := r.Logger
	poll := r.Poll
	if poll <= 0 {
		poll = 2 * time.Second
	}
	backoff := retry.Backoff{First: r.RetryDelay, Max: r.MaxRetryDelay}
	if backoff.Max <= 0 {
		backoff.Max = 5 * time.Second
	}
	var role Role
	setRole := func(next Role, msg string, args ...any) {
		if role != next {
			log.Info(msg, args...)
		}
		role = next
		r.Metrics.SetRole(next)
	}
	for {
		lock, ok, err := r.TryLock(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		switch {
		case err != nil:
			wait := backoff.Next()
			r.Metrics.failed(err, false)
			setRole(RoleOffline, "index: cannot reach the database; retrying", "err", err)
			log.Warn("index: taking the indexer lock failed", "err", err, "retry_in", wait)
			if !retry.Sleep(ctx, wait) {
				return ctx.Err()
			}
			continue
		case !ok:
			backoff.Reset()
			setRole(RoleStandby, "index: another indexer holds the lock; waiting as a standby")
			if !retry.Sleep(ctx, poll) {
				return ctx.Err()
			}
			continue
		}
		backoff.Reset()
		setRole(RoleActive, "index: holding the indexer lock; indexing")
		lost, err := r.hold(ctx, lock)
		switch {
		case errors.Is(err, ErrFatal):
			return err
		case ctx.Err() != nil:
			return ctx.Err()
		case lost:
			r.Metrics.LockLost()
			setRole(RoleOffline, "index: lost the indexer lock (database connection gone); stopped writing, taking it again when the database answers")
		default:
			log.Error("index: indexing stopped; starting again", "err", err)
			if !retry.Sleep(ctx, backoff.Next()) {
				return ctx.Err()
			}
		}
	}
}

// hold runs Follow until ctx ends or the lock is lost, then releases the lock. It reports whether
// the lock was lost.
func (r *Runner) hold(ctx context.Context, lock Lock) (lost bool, err error) {
	run, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		select {
		case <-lock.Lost():
			cancel()
		case <-run.Done():
		}
	}()
	err = r.Follow(run)
	cancel()
	<-done
	select {
	case <-lock.Lost():
		lost = true
	default:
	}
	if relErr := lock.Release(); relErr != nil && !lost {
		r.Logger.Warn("index: releasing the indexer lock", "err", relErr)
	}
	return lost, err
}
