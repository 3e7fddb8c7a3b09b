package indexer_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// forEachDB runs f on SQLite and on PostgreSQL; each call of open creates a new, empty database.
func forEachDB(t *testing.T, f func(t *testing.T, open func() *store.Store)) {
	t.Run("sqlite", func(t *testing.T) {
		f(t, func() *store.Store { return openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bittunes.db")) })
	})
	t.Run("postgres", func(t *testing.T) {
		f(t, func() *store.Store { return openStore(t, pgtest.DSN(t)) })
	})
}

func openStore(t *testing.T, dsn string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
