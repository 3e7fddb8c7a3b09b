package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/pgtest"
)

// TestIndexerLockHandsOverWhenTheHolderDies runs two "processes" (two stores on one PostgreSQL
// database): the second waits while the first holds the lock, and takes over when the first one's
// server session is killed, as when its process dies; the first is told it lost the lock.
func TestIndexerLockHandsOverWhenTheHolderDies(t *testing.T) {
	dsn := pgtest.DSN(t)
	first, second := openStore(t, dsn), openStore(t, dsn)
	ctx := context.Background()
	market := common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	poll := 50 * time.Millisecond

	held, err := first.AcquireIndexerLock(ctx, 1337, market, poll)
	if err != nil {
		t.Fatal(err)
	}
	acquired := make(chan *store.IndexerLock, 1)
	go func() {
		l, err := second.AcquireIndexerLock(ctx, 1337, market, poll)
		if err != nil {
			t.Error(err)
		}
		acquired <- l
	}()
	select {
	case <-acquired:
		t.Fatal("the second indexer got the lock while the first held it")
	case <-time.After(300 * time.Millisecond):
	}

	// Another market's indexer is not blocked.
	other, err := second.AcquireIndexerLock(ctx, 1337, common.HexToAddress("0x01"), poll)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Release()

	if err := store.GormDB(second).Exec("SELECT pg_terminate_backend(?)", held.BackendPID()).Error; err != nil {
		t.Fatal(err)
	}
	select {
	case l := <-acquired:
		defer l.Release()
	case <-time.After(5 * time.Second):
		t.Fatal("the second indexer did not take over within 5 s")
	}
	select {
	case <-held.Lost():
	case <-time.After(5 * time.Second):
		t.Fatal("the first indexer was not told it lost the lock")
	}
	if err := held.Release(); err != nil {
		t.Errorf("releasing a lost lock: %v", err)
	}
}

func TestIndexerLockOnSQLiteIsGranted(t *testing.T) {
	s := openStore(t, "sqlite:"+t.TempDir()+"/b.db")
	l, err := s.AcquireIndexerLock(context.Background(), 1, common.Address{}, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
}

// TryIndexerLock answers at once: taken, held by another process, or a database error.
func TestTryIndexerLockAnswersAtOnce(t *testing.T) {
	dsn := pgtest.DSN(t)
	first, second := openStore(t, dsn), openStore(t, dsn)
	ctx := context.Background()
	market := common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	held, ok, err := first.TryIndexerLock(ctx, 1337, market, time.Second)
	if err != nil || !ok {
		t.Fatalf("free lock: ok=%v err=%v", ok, err)
	}
	if _, ok, err := second.TryIndexerLock(ctx, 1337, market, time.Second); err != nil || ok {
		t.Fatalf("lock held by another process: ok=%v err=%v, want false and no error", ok, err)
	}
	if err := held.Release(); err != nil {
		t.Fatal(err)
	}
	l, ok, err := second.TryIndexerLock(ctx, 1337, market, time.Second)
	if err != nil || !ok {
		t.Fatalf("released lock: ok=%v err=%v", ok, err)
	}
	l.Release()
	second.Close()
	if _, _, err := second.TryIndexerLock(ctx, 1337, market, time.Second); err == nil {
		t.Fatal("a closed database gave no error")
	}
}
