package store_test

import (
	"context"
	"maps"
	"testing"

	"github.com/bittunes/bittunes/internal/store"
)

// indexDefinitions reads every index definition of the schema (PostgreSQL) or of the database
// (SQLite), by name.
func indexDefinitions(t *testing.T, s *store.Store) map[string]string {
	t.Helper()
	var rows []struct{ Name, Definition string }
	query := `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema()`
	if s.Dialect() == store.DialectSQLite {
		query = `SELECT name, COALESCE(sql, '') AS definition FROM sqlite_master WHERE type = 'index'`
	}
	if err := store.GormDB(s).Raw(query).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows {
		out[r.Name] = r.Definition
	}
	return out
}

func TestDeferredIndexesAreBuiltAgainAsTheyWere(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		before := indexDefinitions(t, s)
		deferred, err := s.DeferIndexes(ctx, 1_000)
		if err != nil {
			t.Fatal(err)
		}
		if s.Dialect() == store.DialectSQLite {
			if deferred || !maps.Equal(indexDefinitions(t, s), before) {
				t.Fatal("SQLite's indexes were deferred; only PostgreSQL's are")
			}
			return
		}
		if !deferred {
			t.Fatal("an empty database's deferrable indexes were not deferred for a backfill of 1 000 rows")
		}
		during := indexDefinitions(t, s)
		names, err := s.DeferredIndexes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(names) == 0 {
			t.Fatal("nothing is recorded as deferred")
		}
		for _, name := range names {
			if _, ok := during[name]; ok {
				t.Errorf("index %s is recorded as deferred but still exists", name)
			}
			if _, ok := before[name]; !ok {
				t.Errorf("index %s was deferred but did not exist", name)
			}
		}
		for _, kept := range []string{"purchases_pkey", "purchases_owner", "chart_sales_fan", "chart_sales_buyer", "fan_payments_pkey"} {
			if _, ok := during[kept]; !ok {
				t.Errorf("index %s, which writing a batch needs, was dropped", kept)
			}
		}
		// Asked again (a restarted process), it keeps them deferred and reports so.
		if again, err := s.DeferIndexes(ctx, 1_000); err != nil || !again {
			t.Fatalf("deferring again: deferred %v, err %v", again, err)
		}
		built, err := s.RestoreIndexes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if built != len(names) {
			t.Errorf("built %d indexes, %d were deferred", built, len(names))
		}
		if after := indexDefinitions(t, s); !maps.Equal(after, before) {
			t.Errorf("indexes after restoring differ:\n before %v\n after  %v", before, after)
		}
		if left, err := s.DeferredIndexes(ctx); err != nil || len(left) != 0 {
			t.Fatalf("still deferred after restoring: %v (err %v)", left, err)
		}
		if built, err := s.RestoreIndexes(ctx); err != nil || built != 0 {
			t.Fatalf("restoring with nothing deferred built %d (err %v)", built, err)
		}
	})
}

func TestIndexesAreNotDeferredForAShortCatchUp(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		if s.Dialect() != store.DialectPostgres {
			t.Skip("indexes are deferred on PostgreSQL only")
		}
		ctx := context.Background()
		// 10 000 purchases stored (as far as the planner's statistics say), 100 to come.
		if err := store.GormDB(s).Exec(`UPDATE pg_class SET reltuples = 10000 WHERE oid = 'purchases'::regclass`).Error; err != nil {
			t.Skip("cannot set the table's statistics here:", err)
		}
		deferred, err := s.DeferIndexes(ctx, 100)
		if err != nil {
			t.Fatal(err)
		}
		if names, _ := s.DeferredIndexes(ctx); deferred || len(names) > 0 {
			t.Fatalf("deferred %v for 100 rows onto 10 000", names)
		}
	})
}
