package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// forEachDB runs test once on a new SQLite file and once on a new PostgreSQL
// database, as subtests named after the dialect.
func forEachDB(t *testing.T, test func(t *testing.T, s *store.Store)) {
	t.Helper()
	for _, db := range testDatabases() {
		t.Run(db.dialect, func(t *testing.T) {
			test(t, openStore(t, db.dsn(t)))
		})
	}
}

// testDatabase names a dialect and makes a DSN of a new, empty database of it.
type testDatabase struct {
	dialect string
	dsn     func(t *testing.T) string
}

func testDatabases() []testDatabase {
	return []testDatabase{
		{store.DialectSQLite, func(t *testing.T) string { return filepath.Join(t.TempDir(), "bittunes.db") }},
		{store.DialectPostgres, func(t *testing.T) string { return pgtest.DSN(t) }},
	}
}

// openStore opens dsn and closes the store when the test ends.
func openStore(t *testing.T, dsn string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("Open(%q): %v", dsn, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// skipVolumeTestIfShort skips, under -short, a test that checks a large history on one goroutine.
// make test-race runs the store's tests with -short: the race detector makes such a test take
// minutes, and it has no goroutines of its own to race; go test ./... runs it in full.
func skipVolumeTestIfShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("a large history on one goroutine; runs without -short")
	}
}
