package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bittunes/bittunes/internal/retry"
)

// IndexerLock is the right to be the one indexer writing a market's read models.
//
// On PostgreSQL it is a session advisory lock held on a connection of its own: released by Release,
// or by the server when the holder's process or connection dies, whereupon a waiting indexer takes
// over. A watchdog pings the connection; Lost is closed when it stops answering, and the holder
// must then stop writing. (The store's batch check — a batch must start right after the stored
// cursor — still guards the read models if two writers ever overlap.) On SQLite, an embedded
// single-process database, the lock is always granted.
type IndexerLock struct {
	conn *sql.Conn
	key  int64
	pid  int
	lost chan struct{}
	stop chan struct{}
	once sync.Once
	done chan struct{}
}

// IndexerLockKey is the advisory lock key of the indexer of contract on chainID.
func IndexerLockKey(chainID uint64, contract common.Address) int64 {
	h := crypto.Keccak256([]byte("bittunes indexer"), []byte(strconv.FormatUint(chainID, 10)), contract.Bytes())
	return int64(binary.BigEndian.Uint64(h[:8]))
}

// AcquireIndexerLock waits, polling every poll, until this process holds the indexer lock of
// contract on chainID, or ctx ends. A database error ends the wait.
func (s *Store) AcquireIndexerLock(ctx context.Context, chainID uint64, contract common.Address, poll time.Duration) (*IndexerLock, error) {
	for {
		l, ok, err := s.TryIndexerLock(ctx, chainID, contract, poll)
		if err != nil || ok {
			return l, err
		}
		if !retry.Sleep(ctx, poll) {
			return nil, fmt.Errorf("store: waiting for the indexer lock: %w", ctx.Err())
		}
	}
}

// TryIndexerLock takes the indexer lock of contract on chainID if no other process holds it, and
// reports whether it did. The lock's connection is then pinged every poll (see Lost).
func (s *Store) TryIndexerLock(ctx context.Context, chainID uint64, contract common.Address, poll time.Duration) (*IndexerLock, bool, error) {
	l := &IndexerLock{key: IndexerLockKey(chainID, contract), lost: make(chan struct{}), stop: make(chan struct{}), done: make(chan struct{})}
	if s.dialect != DialectPostgres {
		close(l.done)
		return l, true, nil
	}
	ok, err := l.try(ctx, s.sqlDB)
	if err != nil || !ok {
		return nil, false, err
	}
	go l.watch(poll)
	return l, true, nil
}

func (l *IndexerLock) try(ctx context.Context, db *sql.DB) (bool, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return false, fmt.Errorf("store: indexer lock connection: %w", err)
	}
	var ok bool
	if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1), pg_backend_pid()", l.key).Scan(&ok, &l.pid); err != nil {
		conn.Close()
		return false, fmt.Errorf("store: indexer lock: %w", err)
	}
	if !ok {
		return false, conn.Close()
	}
	l.conn = conn
	return true, nil
}

// watch pings the lock's connection until Release; a failed ping means the lock is gone.
func (l *IndexerLock) watch(poll time.Duration) {
	defer close(l.done)
	t := time.NewTicker(poll)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
			ctx, cancel := context.WithTimeout(context.Background(), poll)
			err := l.conn.PingContext(ctx)
			cancel()
			if err != nil {
				close(l.lost)
				return
			}
		}
	}
}

// Lost is closed when the lock has been lost (its connection died).
func (l *IndexerLock) Lost() <-chan struct{} { return l.lost }

// BackendPID is the PostgreSQL server process holding the lock (0 on SQLite).
func (l *IndexerLock) BackendPID() int { return l.pid }

// Release gives the lock up.
func (l *IndexerLock) Release() error {
	var err error
	l.once.Do(func() {
		close(l.stop)
		<-l.done
		if l.conn == nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_, unlockErr := l.conn.ExecContext(ctx, "SELECT pg_advisory_unlock($1)", l.key)
		if closeErr := l.conn.Close(); unlockErr == nil {
			unlockErr = closeErr
		}
		select {
		case <-l.lost: // the connection died: the server has released the lock already
		default:
			err = unlockErr
		}
	})
	return err
}
