package store_test

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/pgtest"
)

func TestDatabaseErrorsMapToSentinels(t *testing.T) {
	const row = `INSERT INTO indexed_blocks (chain_id, number, hash, parent_hash) VALUES (1, 1, ?, ?)`
	good := hash(1).Hex()
	tests := []struct {
		name string
		sql  string
		args []any
		want error
	}{
		{"duplicate key", row, []any{good, good}, store.ErrConflict},
		{"check constraint", row, []any{"0xABC", good}, store.ErrInvalid},
		{"not null", row, []any{good, nil}, store.ErrInvalid},
	}
	forEachDB(t, func(t *testing.T, s *store.Store) {
		db := store.GormDB(s)
		if err := db.Exec(row, good, good).Error; err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			if tt.want != store.ErrConflict {
				db.Exec(`DELETE FROM indexed_blocks`)
			}
			err := store.Classify(db.Exec(tt.sql, tt.args...).Error)
			if !errors.Is(err, tt.want) {
				t.Errorf("%s: error = %v, want %v", tt.name, err, tt.want)
			}
		}
	})
}

// TestOutagesAreErrUnavailable: what a database that cannot be reached gives is ErrUnavailable,
// and nothing else is.
func TestOutagesAreErrUnavailable(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		want bool
	}{
		{"bad connection", driver.ErrBadConn, true},
		{"pool timeout", fmt.Errorf("acquire: %w", context.DeadlineExceeded), true},
		{"connection refused", &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}, true},
		{"server shutting down", &pgconn.PgError{Code: "57P01"}, true},
		{"connection failure", &pgconn.PgError{Code: "08006"}, true},
		{"caller gave up", fmt.Errorf("query: %w", context.Canceled), false},
		{"duplicate key", &pgconn.PgError{Code: "23505"}, false},
		{"invalid byte sequence", &pgconn.PgError{Code: "22021"}, false},
		{"anything else", errors.New("boom"), false},
	} {
		if got := errors.Is(store.Classify(tt.err), store.ErrUnavailable); got != tt.want {
			t.Errorf("%s: unavailable = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestStoppedPostgreSQLIsErrUnavailable stops the server under an open store: its queries fail
// with ErrUnavailable, and work again once the server is back.
func TestStoppedPostgreSQLIsErrUnavailable(t *testing.T) {
	c := pgtest.OwnCluster(t)
	s := openStore(t, c.DSN())
	ctx := context.Background()
	if err := s.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.StopServer(ctx); err != nil {
		t.Fatal(err)
	}
	for _, op := range []struct {
		name string
		run  func() error
	}{
		{"Ping", func() error { return s.Ping(ctx) }},
		{"Track", func() error { _, err := s.Track(ctx, 1, 1); return err }},
		{"Genres", func() error { _, err := s.Genres(ctx, 1); return err }},
		{"Transact", func() error { return s.Transact(ctx, func(*store.Tx) error { return nil }) }},
	} {
		if err := op.run(); !errors.Is(err, store.ErrUnavailable) {
			t.Errorf("%s with the server stopped: %v, want ErrUnavailable", op.name, err)
		}
	}
	if err := c.StartServer(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Track(ctx, 1, 1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Track after the restart: %v, want ErrNotFound", err)
	}
}

// TestBusySQLiteIsNotAnOutage: a write that finds the file locked by another writer is not
// ErrUnavailable (the file is there; the caller should not be told to come back later).
func TestBusySQLiteIsNotAnOutage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.db")
	holder := openStore(t, path)
	other := openStore(t, "sqlite:"+path+"?_pragma=busy_timeout(0)")
	ctx := context.Background()
	release := make(chan struct{})
	locked := make(chan struct{})
	done := make(chan error)
	go func() {
		done <- holder.Transact(ctx, func(tx *store.Tx) error {
			if err := tx.SaveCursor(ctx, store.Cursor{ChainID: 1, BlockNumber: 1, BlockHash: hash(1)}); err != nil {
				return err
			}
			close(locked)
			<-release
			return nil
		})
	}()
	<-locked
	err := other.SaveCursor(ctx, store.Cursor{ChainID: 1, BlockNumber: 2, BlockHash: hash(2)})
	close(release)
	if err2 := <-done; err2 != nil {
		t.Fatal(err2)
	}
	if err == nil {
		t.Fatal("a second writer wrote while the first held the lock")
	}
	if errors.Is(err, store.ErrUnavailable) {
		t.Errorf("a locked SQLite file is ErrUnavailable: %v", err)
	}
}
