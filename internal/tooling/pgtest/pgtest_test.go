package pgtest_test

import (
	"context"
	"database/sql"
	"net/url"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/bittunes/bittunes/internal/tooling/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func open(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func databaseName(t *testing.T, dsn string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(u.Path, "/")
}

func TestDSNGivesAnEmptyDatabase(t *testing.T) {
	db := open(t, pgtest.DSN(t))
	ctx := context.Background()

	var version int
	if err := db.QueryRowContext(ctx, `SELECT current_setting('server_version_num')::int`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	t.Logf("PostgreSQL server_version_num %d", version)
	if version < 130000 {
		t.Errorf("server version %d, want PostgreSQL 13 or later", version)
	}

	var tables int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`).Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables != 0 {
		t.Errorf("new database has %d tables, want 0", tables)
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE t (x INT)`); err != nil {
		t.Fatalf("database is not writable: %v", err)
	}
}

func TestDSNGivesEachCallItsOwnDatabase(t *testing.T) {
	a, b := pgtest.DSN(t), pgtest.DSN(t)
	if databaseName(t, a) == databaseName(t, b) {
		t.Fatalf("two calls gave the same database %s", a)
	}
	if _, err := open(t, a).Exec(`CREATE TABLE only_in_a (x INT)`); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := open(t, b).QueryRow(`SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Error("a table created in one database shows in the other")
	}
}

func TestDatabaseIsDroppedAfterTheTest(t *testing.T) {
	var name, dsn string
	t.Run("user", func(t *testing.T) {
		dsn = pgtest.DSN(t)
		name = databaseName(t, dsn)
		// Leave a connection open: the drop must not wait for it.
		db := open(t, dsn)
		if err := db.Ping(); err != nil {
			t.Fatal(err)
		}
	})
	if t.Failed() {
		return
	}
	var n int // pg_database is shared by all databases of a server
	if err := open(t, pgtest.DSN(t)).QueryRow(`SELECT count(*) FROM pg_database WHERE datname = $1`, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("database %s still exists after its test ended", name)
	}
}

func TestOwnClusterStopsAndStarts(t *testing.T) {
	c := pgtest.OwnCluster(t)
	db := open(t, c.DSN())
	ctx := context.Background()
	if err := c.StopServer(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.PingContext(ctx); err == nil {
		t.Fatal("the cluster answers while stopped")
	}
	if err := c.StartServer(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.PingContext(ctx); err != nil {
		t.Fatalf("after StartServer: %v", err)
	}
}
