package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/stdlib"

	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/pgtest"
)

var marketAddress = addr("market", 0)

// TestApplyGivesTheSameReadModelsEverywhere applies one history in batches of different sizes to
// both databases: PostgreSQL copies facts and adds aggregates in SQL, SQLite inserts them and adds
// in Go, and a batch's aggregates are merged into those of the batches before.
func TestApplyGivesTheSameReadModelsEverywhere(t *testing.T) {
	skipVolumeTestIfShort(t)
	chain := newSyntheticChain(60, 300, 3_000, 50)
	var want *store.Snapshot
	for _, db := range testDatabases() {
		for _, blocks := range []int{1, 7, len(chain.blocks)} {
			s := openStore(t, db.dsn(t))
			applyAll(t, s, chain.batches(1337, marketAddress, blocks))
			got, err := s.Snapshot(context.Background(), 1337)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Purchases) != 3_000 || len(got.TrackStats) != 60 {
				t.Fatalf("%s, batches of %d blocks: %d purchases, %d track stats", db.dialect, blocks, len(got.Purchases), len(got.TrackStats))
			}
			if want == nil {
				want = &got
			} else if !reflect.DeepEqual(got, *want) {
				t.Errorf("%s, batches of %d blocks: the read models differ from SQLite's in batches of one block", db.dialect, blocks)
			}
		}
	}
}

// TestApplyRefusesBatchesOutOfOrder: a batch must start right after the stored cursor.
func TestApplyRefusesBatchesOutOfOrder(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		batches := newSyntheticChain(5, 10, 20, 5).batches(1337, marketAddress, 2)
		applyAll(t, s, batches[:1])
		for _, b := range []store.Batch{batches[0], batches[2]} {
			if err := s.Apply(context.Background(), b); !errors.Is(err, store.ErrOutOfOrder) {
				t.Errorf("apply blocks %d-%d after block %d: %v, want ErrOutOfOrder", b.From, b.Cursor.BlockNumber, batches[0].Cursor.BlockNumber, err)
			}
		}
		applyAll(t, s, batches[1:])
	})
}

// TestApplyKeepsFactsAlreadyStored: facts are keyed by (chain, tx, log), so facts applied again
// (here by moving the cursor back by hand) are not stored twice, on either database. On PostgreSQL
// a batch's few rows are INSERTed, skipping those stored, and its many rows are copied: COPY,
// which cannot skip a row, falls back to an insert that does. Both sizes are tried.
func TestApplyKeepsFactsAlreadyStored(t *testing.T) {
	for _, sales := range []int{60, 600} { // 20 and 200 a batch
		t.Run(fmt.Sprint(sales, "_sales"), func(t *testing.T) {
			var snaps []store.Snapshot
			forEachDB(t, func(t *testing.T, s *store.Store) {
				ctx := context.Background()
				batches := newSyntheticChain(5, 20, sales, 10).batches(1337, marketAddress, 3)
				applyAll(t, s, batches)
				before, err := s.Snapshot(ctx, 1337)
				if err != nil {
					t.Fatal(err)
				}
				back := batches[1].Cursor
				if err := s.SaveCursor(ctx, back); err != nil {
					t.Fatal(err)
				}
				applyAll(t, s, batches[2:])
				after, err := s.Snapshot(ctx, 1337)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(after.Purchases, before.Purchases) || !reflect.DeepEqual(after.Credits, before.Credits) ||
					!reflect.DeepEqual(after.ChartSales, before.ChartSales) || !reflect.DeepEqual(after.ChartPayments, before.ChartPayments) {
					t.Errorf("facts applied twice are stored twice: %d purchases, were %d", len(after.Purchases), len(before.Purchases))
				}
				snaps = append(snaps, after)
			})
			if len(snaps) == 2 && !reflect.DeepEqual(snaps[0], snaps[1]) {
				t.Error("SQLite and PostgreSQL differ after facts applied twice")
			}
		})
	}
}

// TestRollbackEqualsNeverHavingApplied rolls a history back to an earlier block: the read models
// equal those of a database that never went past it. The aggregates are taken from those stored,
// by subtracting what the orphaned facts added; aggregates that cannot hold what those facts added
// (damaged by hand) are recomputed from the remaining facts instead.
func TestRollbackEqualsNeverHavingApplied(t *testing.T) {
	skipVolumeTestIfShort(t)
	chain := newSyntheticChain(30, 120, 1_500, 40)
	batches := chain.batches(1337, marketAddress, 3)
	for _, db := range testDatabases() {
		ctx := context.Background()
		for _, keep := range []int{len(batches) - 1, len(batches) / 2, 1} {
			for _, damaged := range []bool{false, true} {
				s := openStore(t, db.dsn(t))
				applyAll(t, s, batches)
				if damaged { // the fee recipient, credited by every sale, to have been credited 1 wei
					operator := strings.ToLower(addr("operator", 0).Hex())
					if err := store.GormDB(s).Exec("UPDATE account_totals SET credited = '1' WHERE account = ?", operator).Error; err != nil {
						t.Fatal(err)
					}
					// and the chart ledger of the last sale's fan and track to hold 1 wei and no sale
					for _, damage := range []string{
						"UPDATE fan_payments SET amount = '1' WHERE fan = (SELECT fan FROM chart_sales ORDER BY block_number DESC, log_index DESC LIMIT 1)",
						"UPDATE track_points SET sales = 0 WHERE track_id = (SELECT track_id FROM chart_sales ORDER BY block_number DESC, log_index DESC LIMIT 1)",
					} {
						if err := store.GormDB(s).Exec(damage).Error; err != nil {
							t.Fatal(err)
						}
					}
				}
				to := batches[keep-1].Cursor
				if err := s.Rollback(ctx, 1337, marketAddress, store.Block{ChainID: 1337, Number: to.BlockNumber, Hash: to.BlockHash}); err != nil {
					t.Fatal(err)
				}
				reference := openStore(t, db.dsn(t))
				applyAll(t, reference, batches[:keep])
				got, err := s.Snapshot(ctx, 1337)
				if err != nil {
					t.Fatal(err)
				}
				want, err := reference.Snapshot(ctx, 1337)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s, rolled back to block %d (aggregates damaged: %t): the read models differ from a database that stopped there",
						db.dialect, to.BlockNumber, damaged)
				}
			}
		}
	}
}

// TestABlockNearTheHeadCostsThreeRoundTrips: on PostgreSQL a batch of one block with one sale
// sends BEGIN with its first reads (the cursor, the fee recipient and the team of the track sold),
// then reads the ledger's fan payments and counted sales, and sends all its writes, with the
// blocks, the cursor and COMMIT, in a third: three round trips in all. Each is a wait a buyer feels.
func TestABlockNearTheHeadCostsThreeRoundTrips(t *testing.T) {
	ctx := context.Background()
	rt := &store.RoundTrips{}
	s, err := store.OpenTraced(ctx, pgtest.DSN(t), rt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	batches := newSyntheticChain(10, 20, 40, 1).batches(1337, marketAddress, 1)
	last := len(batches) - 1
	applyAll(t, s, batches[:last-1]) // the statements are prepared by now
	for i, idle := range []time.Duration{0, 1100 * time.Millisecond} {
		// After a second idle, pgx would ping a connection before handing it out: not for a batch.
		time.Sleep(idle)
		before := rt.Load()
		applyAll(t, s, batches[last-1+i:last+i])
		if n := rt.Load() - before; n != 3 {
			t.Errorf("a block with one sale, %s after the one before, took %d round trips, want 3", idle, n)
		}
	}
}

// TestABatchOnAConnectionTheServerClosedIsRetried: a batch skips the ping that would find a
// connection the server closed while it was idle (a restart, an administrator), so it fails on
// it, once: the connection is dropped and the indexer's retry applies the batch on a new one.
func TestABatchOnAConnectionTheServerClosedIsRetried(t *testing.T) {
	ctx := context.Background()
	s, db, batches := twoBlocksApplied(t)
	var closed int
	if err := db.QueryRowContext(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE datname = current_database() AND pid <> pg_backend_pid()`).Scan(&closed); err != nil || closed == 0 {
		t.Fatalf("closing the store's connections: %d closed, %v", closed, err)
	}
	failures := 0
	for _, b := range batches[2:] {
		for s.Apply(ctx, b) != nil {
			if failures++; failures > 1 {
				t.Fatalf("apply blocks %d-%d failed %d times", b.From, b.Cursor.BlockNumber, failures)
			}
		}
	}
	want := openStore(t, pgtest.DSN(t))
	applyAll(t, want, batches)
	got, err := s.Snapshot(ctx, 1337)
	if err != nil {
		t.Fatal(err)
	}
	if w, err := want.Snapshot(ctx, 1337); err != nil || !reflect.DeepEqual(got, w) {
		t.Errorf("after a retried batch the read models differ from a database that never failed (%v)", err)
	}
}

// twoBlocksApplied opens a store on a new PostgreSQL database, and a plain connection pool to it,
// and applies the first two of four blocks (one batch each), which it returns.
func twoBlocksApplied(t *testing.T) (*store.Store, *sql.DB, []store.Batch) {
	t.Helper()
	dsn := pgtest.DSN(t)
	s := openStore(t, dsn)
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	batches := newSyntheticChain(5, 10, 20, 4).batches(1337, marketAddress, 1)
	applyAll(t, s, batches[:2])
	return s, db, batches
}

// TestOnlyABatchSkipsThePing: other uses of the pool ping a connection idle for over a second
// first, as pgx does, so that a request does not fail on a connection the server closed.
func TestOnlyABatchSkipsThePing(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		ctx  context.Context
		idle time.Duration
		want bool
	}{
		{ctx, 2 * time.Second, true},
		{ctx, 500 * time.Millisecond, false},
		{store.WithoutPing(ctx), time.Hour, false},
	} {
		if got := store.ShouldPing(c.ctx, stdlib.ShouldPingParams{IdleDuration: c.idle}); got != c.want {
			t.Errorf("ping after %s idle (batch: %t) = %t, want %t", c.idle, c.ctx != ctx, got, c.want)
		}
	}
}

// TestAFailedBatchLeavesNothingAndNoTransaction: on PostgreSQL the batch's transaction is opened
// and committed by statements sent with its reads and writes. A batch that fails in the round trip
// that holds its COMMIT (here a trigger refuses its cursor), or in Go between round trips (a batch
// out of order), stores nothing, leaves no session in a transaction, and the same batch applies
// once the fault is gone.
func TestAFailedBatchLeavesNothingAndNoTransaction(t *testing.T) {
	ctx := context.Background()
	s, db, batches := twoBlocksApplied(t)
	before, err := s.Snapshot(ctx, 1337)
	if err != nil {
		t.Fatal(err)
	}
	inTransaction := func() int {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if _, err := db.ExecContext(ctx, `CREATE FUNCTION refuse_cursor() RETURNS trigger LANGUAGE plpgsql AS
		$$ BEGIN RAISE EXCEPTION 'cursor refused by the test'; END $$;
		CREATE TRIGGER refuse_cursor BEFORE UPDATE ON indexer_cursors FOR EACH ROW EXECUTE FUNCTION refuse_cursor()`); err != nil {
		t.Fatal(err)
	}
	for _, b := range []store.Batch{batches[2], batches[3]} { // refused at COMMIT's round trip; out of order
		if err := s.Apply(ctx, b); err == nil {
			t.Fatalf("apply blocks %d-%d: no error", b.From, b.Cursor.BlockNumber)
		}
		if n := inTransaction(); n != 0 {
			t.Errorf("after a failed batch %d sessions are left in a transaction", n)
		}
		after, err := s.Snapshot(ctx, 1337)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(after, before) {
			t.Errorf("a failed batch (blocks %d-%d) changed the read models", b.From, b.Cursor.BlockNumber)
		}
	}
	if _, err := db.ExecContext(ctx, `DROP TRIGGER refuse_cursor ON indexer_cursors`); err != nil {
		t.Fatal(err)
	}
	applyAll(t, s, batches[2:])
}
