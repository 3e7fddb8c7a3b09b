package indexer_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/bittunes/bittunes/internal/pgtest"
	"github.com/bittunes/bittunes/internal/store"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// forEachDB runs f against a fresh SQLite file and a fresh PostgreSQL database.
func forEachDB(t *testing.T, f func(t *testing.T, open func() *store.Store)) {
	t.Run("sqlite", func(t *testing.T) {
		dsn := "sqlite:" + filepath.Join(t.TempDir(), "bittunes.db")
		f(t, func() *store.Store { return openStore(t, dsn) })
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := pgtest.DSN(t)
		f(t, func() *store.Store { return openStore(t, dsn) })
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
