package indexer_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/bittunes/bittunes/internal/indexer"
	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/pgtest"
	"github.com/bittunes/bittunes/internal/tooling/simchain"
)

// process is one `bittunes index` process: its own database pool and a Runner.
type process struct {
	store   *store.Store
	metrics *indexer.Metrics
	done    chan error
	cancel  context.CancelFunc
}

func startProcess(t *testing.T, dsn string, m *simchain.Market) *process {
	t.Helper()
	st := openStore(t, dsn)
	p := &process{store: st, metrics: indexer.NewMetrics(prometheus.NewRegistry()), done: make(chan error, 1)}
	r := &indexer.Runner{
		TryLock: func(ctx context.Context) (indexer.Lock, bool, error) {
			return st.TryIndexerLock(ctx, simchain.ChainID, m.Address, 100*time.Millisecond)
		},
		Follow: func(ctx context.Context) error {
			return indexer.New(indexer.Config{ChainID: simchain.ChainID, Contract: m.Address, DeployBlock: m.DeployBlock,
				ReorgWindow: 8, MaxRange: 16, PollInterval: 20 * time.Millisecond, RetryDelay: 20 * time.Millisecond,
				Logger: quietLogger(), Metrics: p.metrics}, m.Eth, st).Run(ctx)
		},
		Poll: 100 * time.Millisecond, RetryDelay: 50 * time.Millisecond, MaxRetryDelay: 500 * time.Millisecond,
		Metrics: p.metrics, Logger: quietLogger(),
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	go func() { p.done <- r.Run(ctx) }()
	t.Cleanup(func() { p.stop(t) })
	return p
}

func (p *process) stop(t *testing.T) {
	p.cancel()
	if err := <-p.done; !errors.Is(err, context.Canceled) {
		t.Errorf("runner ended with %v, want context.Canceled", err)
	}
	p.done <- context.Canceled // stop may run twice
}

func (p *process) running(t *testing.T) {
	t.Helper()
	select {
	case err := <-p.done:
		t.Fatalf("the indexer process exited: %v", err)
	default:
	}
}

// purchases buys tracks from fans every interval, as they arrive in production, until all have
// bought each track once; it records them in tr.
func purchases(t *testing.T, m *simchain.Market, tr *truth, ids []int64, interval time.Duration) (wait func()) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for buyer := 4; buyer < len(m.Keys); buyer++ {
			for _, id := range ids {
				price := m.Price(t, id)
				m.Buy(t, buyer, id, m.Addr(4))
				m.Commit()
				tr.bought(id, m.Addr(buyer), price)
				time.Sleep(interval)
			}
		}
	}()
	return wg.Wait
}

// TestIndexerRidesOutDatabaseRestarts restarts the PostgreSQL server (stopped for 3 s, then a
// quick restart) under one indexer process, and under an active one plus a standby, while
// purchases arrive. No process exits; afterwards one indexes and the other waits, and the database
// equals the chain and a database indexed from scratch.
func TestIndexerRidesOutDatabaseRestarts(t *testing.T) {
	if testing.Short() {
		t.Skip("restarts PostgreSQL twice per case: about 20 s; skipped with -short (the race run)")
	}
	for _, n := range []int{1, 2} {
		name := map[int]string{1: "alone", 2: "with a standby"}[n]
		t.Run(name, func(t *testing.T) {
			cluster := pgtest.OwnCluster(t)
			ctx := context.Background()
			m := simchain.New(t, 12)
			var ids []int64
			for a := 1; a <= 3; a++ {
				ids = append(ids, m.Register(t, a, int64(1_000_000*a), 1_000))
			}
			m.Commit()
			dsn := cluster.DSN()
			var procs []*process
			for range n {
				procs = append(procs, startProcess(t, dsn, m))
			}
			tr := newTruth()
			wait := purchases(t, m, tr, ids, 150*time.Millisecond) // about 4 s of purchases

			time.Sleep(500 * time.Millisecond)
			if err := cluster.StopServer(ctx); err != nil {
				t.Fatal(err)
			}
			time.Sleep(3 * time.Second) // purchases go on while the database is down
			for _, p := range procs {
				p.running(t)
				if role := p.metrics.Status().Role; role == indexer.RoleActive {
					t.Errorf("a process still says it is active with the database down")
				}
			}
			if err := cluster.StartServer(ctx); err != nil {
				t.Fatal(err)
			}
			time.Sleep(700 * time.Millisecond)
			if err := cluster.StopServer(ctx); err != nil { // pg_ctl restart
				t.Fatal(err)
			}
			if err := cluster.StartServer(ctx); err != nil {
				t.Fatal(err)
			}
			wait()

			recovering := time.Now()
			check := openStore(t, dsn)
			waitFor(t, "the database caught up with the chain", func() bool { return cursorAt(t, check, m) })
			t.Logf("caught up %v after the last purchase", time.Since(recovering))
			for _, p := range procs {
				p.running(t)
			}
			waitFor(t, "one active indexer", func() bool {
				roles := map[indexer.Role]int{}
				for _, p := range procs {
					roles[p.metrics.Status().Role]++
				}
				return roles[indexer.RoleActive] == 1 && roles[indexer.RoleStandby] == n-1
			})
			checkAgainstTruth(t, check, m, tr)
			fresh := openStore(t, pgtest.DSN(t))
			runUntilCaughtUp(t, newIndexer(m, fresh, m.Client, 8))
			sameSnapshots(t, check, fresh)
		})
	}
}

// A configuration the indexer cannot work with ends the runner instead of being retried.
func TestRunnerEndsOnAFatalError(t *testing.T) {
	m := simchain.New(t, 2)
	st := openStore(t, "sqlite:"+t.TempDir()+"/b.db")
	r := &indexer.Runner{
		TryLock: func(ctx context.Context) (indexer.Lock, bool, error) {
			return st.TryIndexerLock(ctx, simchain.ChainID, m.Address, time.Second)
		},
		Follow: func(ctx context.Context) error {
			return indexer.New(indexer.Config{ChainID: simchain.ChainID, Contract: m.Address, DeployBlock: 0, Logger: quietLogger()}, m.Eth, st).Run(ctx)
		},
		Logger: quietLogger(),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := r.Run(ctx); !errors.Is(err, indexer.ErrFatal) {
		t.Fatalf("Run: %v, want ErrFatal", err)
	}
}

// fakeLock is a lock the test takes away.
type fakeLock struct {
	lost     chan struct{}
	released chan struct{}
}

func (l *fakeLock) Lost() <-chan struct{} { return l.lost }
func (l *fakeLock) Release() error        { close(l.released); return nil }

// The runner's cycle without a database: offline while the lock cannot be asked for, standby while
// another holds it, active while it holds it; a lost lock stops Follow, counts, and the lock is
// taken again.
func TestRunnerCycle(t *testing.T) {
	type answer struct {
		lock *fakeLock
		ok   bool
		err  error
	}
	answers := make(chan answer)
	follows := make(chan context.Context)
	reg := prometheus.NewRegistry()
	watch := indexer.NewMetrics(reg)
	r := &indexer.Runner{
		TryLock: func(ctx context.Context) (indexer.Lock, bool, error) {
			a := <-answers
			if a.lock == nil {
				return nil, a.ok, a.err
			}
			return a.lock, a.ok, a.err
		},
		Follow: func(ctx context.Context) error {
			follows <- ctx
			<-ctx.Done()
			return nil
		},
		Poll: time.Millisecond, RetryDelay: time.Millisecond, Metrics: watch, Logger: quietLogger(),
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	role := func(want indexer.Role) {
		t.Helper()
		waitFor(t, "role "+string(want), func() bool { return watch.Status().Role == want })
	}
	answers <- answer{err: errors.New("connection refused")}
	role(indexer.RoleOffline)
	answers <- answer{}
	role(indexer.RoleStandby)
	first := &fakeLock{lost: make(chan struct{}), released: make(chan struct{})}
	answers <- answer{lock: first, ok: true}
	running := <-follows
	role(indexer.RoleActive)

	close(first.lost) // the database connection died
	<-running.Done()
	<-first.released
	answers <- answer{err: errors.New("connection refused")}
	role(indexer.RoleOffline)
	second := &fakeLock{lost: make(chan struct{}), released: make(chan struct{})}
	answers <- answer{lock: second, ok: true}
	<-follows
	role(indexer.RoleActive)
	if got := testutil.ToFloat64(watchGauge(t, reg, "bittunes_indexer_lock_losses_total")); got != 1 {
		t.Errorf("lock_losses_total %v, want 1", got)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("Run: %v, want context.Canceled", err)
	}
	<-second.released
}
