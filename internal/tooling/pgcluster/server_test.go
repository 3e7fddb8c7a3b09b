package pgcluster_test

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/bittunes/bittunes/internal/tooling/pgcluster"
)

func TestDatabaseName(t *testing.T) {
	for _, c := range []struct{ stem, prefix string }{
		{"test_TestApply/sqlite", "test_testapply_sqlite_"},
		{"bench_dense", "bench_dense_"},
		{"__Weird--Name!!", "weird_name_"},
		{"test_" + strings.Repeat("x", 100), "test_" + strings.Repeat("x", 63-len("test__")-12) + "_"},
	} {
		got, err := pgcluster.DatabaseName(c.stem)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(got, c.prefix) || len(got) != len(c.prefix)+12 || len(got) > 63 {
			t.Errorf("DatabaseName(%q) = %q, want %q + 12 hex digits, at most 63 bytes", c.stem, got, c.prefix)
		}
	}
	a, _ := pgcluster.DatabaseName("same")
	b, _ := pgcluster.DatabaseName("same")
	if a == b {
		t.Errorf("two names for one stem are both %q", a)
	}
}

// TestServerMakesAndDropsDatabases: a started server makes empty databases of their own, drops
// them, and Close stops its cluster.
func TestServerMakesAndDropsDatabases(t *testing.T) {
	ctx := context.Background()
	s, err := pgcluster.StartTemp(ctx, "bittunes-pgcluster-test-", pgcluster.Options{})
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("no PostgreSQL to start: %v", err)
		}
		t.Fatal(err)
	}
	dsnA, nameA, err := s.CreateDatabase(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	dsnB, _, err := s.CreateDatabase(ctx, "b")
	if err != nil {
		t.Fatal(err)
	}
	if u, _ := url.Parse(dsnA); u.Path != "/"+nameA {
		t.Errorf("URL %s does not name database %s", dsnA, nameA)
	}
	a, b := openDB(t, dsnA), openDB(t, dsnB)
	if _, err := a.Exec(`CREATE TABLE only_in_a (x INT)`); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := b.QueryRow(`SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("a table of one database shows in the other (%d, %v)", n, err)
	}
	if err := s.DropDatabase(ctx, nameA); err != nil { // a's connection is still open
		t.Fatal(err)
	}
	if err := b.QueryRow(`SELECT count(*) FROM pg_database WHERE datname = $1`, nameA).Scan(&n); err != nil || n != 0 {
		t.Errorf("database %s is still there after DropDatabase (%d, %v)", nameA, n, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := b.Ping(); err == nil {
		t.Error("the server still answers after Close")
	}
}

func openDB(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
