package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/bittunes/bittunes/internal/store"
)

func TestTransactCommits(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		err := s.Transact(ctx, func(tx *store.Tx) error {
			if err := tx.SaveBlocks(ctx, chain(1, 1, 3)); err != nil {
				return err
			}
			if err := tx.SaveCursor(ctx, store.Cursor{ChainID: 1, Contract: contractA, BlockNumber: 3, BlockHash: hash(3)}); err != nil {
				return err
			}
			// The transaction sees its own writes.
			if _, err := tx.Cursor(ctx, 1, contractA); err != nil {
				t.Errorf("Cursor inside the transaction: %v", err)
			}
			// Others do not, until the commit.
			if _, err := s.Cursor(ctx, 1, contractA); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("Cursor outside the uncommitted transaction: error = %v, want ErrNotFound", err)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("Transact: %v", err)
		}
		if _, err := s.Cursor(ctx, 1, contractA); err != nil {
			t.Errorf("Cursor after commit: %v", err)
		}
		if got, want := storedNumbers(t, s, 1, 1, 3), []uint64{1, 2, 3}; !equal(got, want) {
			t.Errorf("blocks after commit = %v, want %v", got, want)
		}
	})
}

func TestTransactRollsBackOnError(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		errStop := errors.New("stop")
		err := s.Transact(ctx, func(tx *store.Tx) error {
			if err := tx.SaveBlocks(ctx, chain(1, 1, 3)); err != nil {
				return err
			}
			if err := tx.SaveCursor(ctx, store.Cursor{ChainID: 1, Contract: contractA, BlockNumber: 3, BlockHash: hash(3)}); err != nil {
				return err
			}
			return errStop
		})
		if err != errStop {
			t.Fatalf("Transact error = %v, want the function's own error, unwrapped", err)
		}
		assertEmpty(t, s)
	})
}

func TestTransactRollsBackOnPanic(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		func() {
			defer func() {
				if r := recover(); r != "boom" {
					t.Errorf("recovered %v, want the function's panic", r)
				}
			}()
			s.Transact(ctx, func(tx *store.Tx) error {
				if err := tx.SaveBlocks(ctx, chain(1, 1, 3)); err != nil {
					return err
				}
				panic("boom")
			})
		}()
		assertEmpty(t, s)
		// The connection went back to the pool in a usable state.
		if err := s.SaveBlocks(ctx, chain(1, 1, 1)); err != nil {
			t.Errorf("SaveBlocks after a panicking transaction: %v", err)
		}
	})
}

// assertEmpty fails the test if a cursor or block was written.
func assertEmpty(t *testing.T, s *store.Store) {
	t.Helper()
	if _, err := s.Cursor(context.Background(), 1, contractA); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Cursor after rollback: error = %v, want ErrNotFound", err)
	}
	if got := storedNumbers(t, s, 1, 1, 3); len(got) != 0 {
		t.Errorf("blocks after rollback = %v, want none", got)
	}
}

func TestConcurrentTransactions(t *testing.T) {
	// Each transaction reads the cursor and writes the next one: on SQLite
	// this is where deferred transactions fail with SQLITE_BUSY.
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.SaveCursor(ctx, store.Cursor{ChainID: 1, Contract: contractA, BlockHash: hash(0)}); err != nil {
			t.Fatal(err)
		}
		const workers, steps = 8, 10
		var wg sync.WaitGroup
		errs := make(chan error, workers*steps)
		for range workers {
			wg.Go(func() {
				for range steps {
					errs <- s.Transact(ctx, func(tx *store.Tx) error {
						c, err := tx.Cursor(ctx, 1, contractA)
						if err != nil {
							return err
						}
						c.BlockNumber++
						c.BlockHash = hash(c.BlockNumber)
						if err := tx.SaveBlocks(ctx, chain(1, c.BlockNumber, c.BlockNumber)); err != nil {
							return err
						}
						return tx.SaveCursor(ctx, c)
					})
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("concurrent transaction: %v", err)
			}
		}
		c, err := s.Cursor(ctx, 1, contractA)
		if err != nil {
			t.Fatal(err)
		}
		// On PostgreSQL (READ COMMITTED) two transactions may read the same
		// cursor; on SQLite (BEGIN IMMEDIATE) they are serial.
		if s.Dialect() == store.DialectSQLite && c.BlockNumber != workers*steps {
			t.Errorf("cursor after %d serial increments = %d", workers*steps, c.BlockNumber)
		}
		if c.BlockNumber == 0 || c.BlockNumber > workers*steps {
			t.Errorf("cursor after %d increments = %d", workers*steps, c.BlockNumber)
		}
	})
}
