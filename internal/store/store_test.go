package store_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bittunes/bittunes/internal/store"
	"github.com/bittunes/bittunes/internal/tooling/pgtest"
	"github.com/bittunes/bittunes/migrations"
)

func TestOpenChoosesTheDialect(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		if got, want := s.Dialect(), t.Name()[strings.LastIndex(t.Name(), "/")+1:]; got != want {
			t.Errorf("Dialect() = %q, want %q", got, want)
		}
		if err := s.Ping(context.Background()); err != nil {
			t.Errorf("Ping: %v", err)
		}
	})
}

func TestOpenMigratesOnceAndAgainIsANoOp(t *testing.T) {
	ctx := context.Background()
	for _, db := range testDatabases() {
		t.Run(db.dialect, func(t *testing.T) {
			dsn := db.dsn(t)
			first := openStore(t, dsn)
			if err := first.SaveCursor(ctx, store.Cursor{ChainID: 1, Contract: contractA, BlockNumber: 7, BlockHash: hash(7)}); err != nil {
				t.Fatal(err)
			}
			before := migrationVersions(t, first)
			if err := first.Close(); err != nil {
				t.Fatal(err)
			}

			second := openStore(t, dsn)
			if got := migrationVersions(t, second); got != before {
				t.Errorf("applied migrations after a second Open = %s, want %s", got, before)
			}
			c, err := second.Cursor(ctx, 1, contractA)
			if err != nil {
				t.Fatalf("cursor saved before the second Open: %v", err)
			}
			if c.BlockNumber != 7 {
				t.Errorf("cursor block = %d, want 7", c.BlockNumber)
			}
		})
	}
}

// migrationVersions lists the applied migration versions, such as "1,2".
func migrationVersions(t *testing.T, s *store.Store) string {
	t.Helper()
	var versions []string
	// Ordered by the number: PostgreSQL would order by the text column of the same name (10 before 2).
	err := store.GormDB(s).Raw(`SELECT CAST(version_id AS TEXT) AS version FROM goose_db_version WHERE is_applied AND version_id > 0 ORDER BY goose_db_version.version_id`).Scan(&versions).Error
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(versions, ",")
}

func TestMigrationsPerDialect(t *testing.T) {
	// Every shared file applies everywhere; a .postgres.sql or .sqlite.sql file only on its database.
	files, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, name := range files {
		version := strings.TrimLeft(name[:5], "0")
		for _, dialect := range []string{store.DialectPostgres, store.DialectSQLite} {
			other := store.DialectSQLite
			if dialect == store.DialectSQLite {
				other = store.DialectPostgres
			}
			if !strings.HasSuffix(name, "."+other+".sql") {
				want[dialect] = append(want[dialect], version)
			}
		}
	}
	if !slices.Contains(want[store.DialectPostgres], "2") || slices.Contains(want[store.DialectSQLite], "2") {
		t.Fatalf("00002 creates the wei_text domain, on PostgreSQL only: %v", want)
	}
	forEachDB(t, func(t *testing.T, s *store.Store) {
		if got := migrationVersions(t, s); got != strings.Join(want[s.Dialect()], ",") {
			t.Errorf("applied migrations = %s, want %s", got, strings.Join(want[s.Dialect()], ","))
		}
	})
}

func TestOpenCreatesTheSQLiteFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "bittunes.db")
	openStore(t, "sqlite:"+path)
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database file: %v", err)
	}
}

func TestSQLiteSettings(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "bittunes.db"))
	tests := []struct {
		pragma string
		want   string
	}{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "10000"},
		{"synchronous", "1"}, // NORMAL
	}
	for _, tt := range tests {
		var got string
		if err := store.GormDB(s).Raw("PRAGMA " + tt.pragma).Scan(&got).Error; err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("PRAGMA %s = %s, want %s", tt.pragma, got, tt.want)
		}
	}
}

func TestSQLiteSettingsCanBeOverridden(t *testing.T) {
	s := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "bittunes.db")+"?_pragma=busy_timeout(42)")
	var got string
	if err := store.GormDB(s).Raw("PRAGMA busy_timeout").Scan(&got).Error; err != nil {
		t.Fatal(err)
	}
	if got != "42" {
		t.Errorf("PRAGMA busy_timeout = %s, want 42", got)
	}
}

func TestOpenRejectsUnknownDatabases(t *testing.T) {
	for _, dsn := range []string{
		"",
		"mysql://user@host/db",
		"bittunes",
		"data/bittunes.txt",
		"sqlite:",
		"sqlite::memory:",
		"sqlite:file:x.db",
	} {
		if s, err := store.Open(context.Background(), dsn); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded, want an error", dsn)
		}
	}
}

func TestOpenHidesThePassword(t *testing.T) {
	_, err := store.Open(context.Background(), "mysql://bittunes:s3cret@host/db")
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("Open error = %v, want an error without the password", err)
	}
}

func TestConcurrentOpensMigrateOnce(t *testing.T) {
	// API servers starting together: the migration lock makes them take turns.
	dsn := pgtest.DSN(t)
	errs := make(chan error, 3)
	for range cap(errs) {
		go func() {
			s, err := store.Open(context.Background(), dsn)
			if err == nil {
				err = s.Close()
			}
			errs <- err
		}()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Errorf("concurrent Open: %v", err)
		}
	}
}
