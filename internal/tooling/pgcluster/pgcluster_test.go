package pgcluster_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/bittunes/bittunes/internal/tooling/pgcluster"
)

func start(t *testing.T, opts pgcluster.Options) *pgcluster.Cluster {
	t.Helper()
	dir, err := os.MkdirTemp("", "bittunes-pgcluster-test-")
	if err != nil {
		t.Fatal(err)
	}
	c, err := pgcluster.Start(context.Background(), dir, opts)
	if err != nil {
		os.RemoveAll(dir)
		if os.Getenv("CI") == "" {
			t.Skipf("no PostgreSQL to start: %v", err)
		}
		t.Fatal(err)
	}
	return c
}

func setting(t *testing.T, dsn, name string) string {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v string
	if err := db.QueryRow("SELECT current_setting($1)", name).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestStartServesAndStopRemovesTheCluster(t *testing.T) {
	c := start(t, pgcluster.Options{Durable: true, Settings: map[string]string{"work_mem": "8MB"}})
	if got := setting(t, c.DSN(), "fsync"); got != "on" {
		t.Errorf("durable cluster: fsync = %s", got)
	}
	if got := setting(t, c.DSN(), "work_mem"); got != "8MB" {
		t.Errorf("work_mem = %s, want 8MB", got)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(c.Dir()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the cluster directory is still there after Stop: %v", err)
	}
}

func TestWithoutDurabilityFsyncIsOff(t *testing.T) {
	c := start(t, pgcluster.Options{})
	defer c.Stop()
	if got := setting(t, c.DSN(), "fsync"); got != "off" {
		t.Errorf("fsync = %s, want off", got)
	}
}

func TestSweepLeftoversRemovesClustersOfDeadOwners(t *testing.T) {
	c := start(t, pgcluster.Options{})
	defer c.Stop()
	// A leftover: a directory like a cluster's whose owner process is gone.
	leftover, err := os.MkdirTemp("", "bittunes-pgcluster-test-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(leftover, "owner.pid"), []byte("999999999"), 0o644); err != nil {
		t.Fatal(err)
	}
	pgcluster.SweepLeftovers(filepath.Join(os.TempDir(), "bittunes-pgcluster-test-*"), "")
	if _, err := os.Stat(leftover); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the leftover is still there: %v", err)
	}
	if _, err := os.Stat(c.Dir()); err != nil {
		t.Errorf("the running cluster, whose owner lives, was swept: %v", err)
	}
}

func TestStopServerRefusesConnectionsUntilStartServer(t *testing.T) {
	c := start(t, pgcluster.Options{})
	defer c.Stop()
	ctx := context.Background()
	db, err := sql.Open("pgx", c.DSN())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "CREATE TABLE kept (x INT); INSERT INTO kept VALUES (7)"); err != nil {
		t.Fatal(err)
	}
	if err := c.StopServer(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.PingContext(ctx); err == nil {
		t.Fatal("the database answers while its server is stopped")
	}
	if err := c.StartServer(ctx); err != nil {
		t.Fatal(err)
	}
	var x int
	if err := db.QueryRowContext(ctx, "SELECT x FROM kept").Scan(&x); err != nil || x != 7 {
		t.Fatalf("after StartServer: %d, %v; want the data kept", x, err)
	}
	if err := c.StopServer(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.Stop(); err != nil {
		t.Fatalf("Stop of a stopped server: %v", err)
	}
	if _, err := os.Stat(c.Dir()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the cluster directory is still there after Stop: %v", err)
	}
}
