package pgtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/bittunes/bittunes/internal/tooling/pgcluster"
)

// dirPrefix starts the name of every cluster directory under os.TempDir.
const dirPrefix = "bittunes-pgtest-"

// startLocal starts a throwaway cluster, without durability, and connects to it. It first sweeps
// the clusters of earlier test binaries that died before stopping theirs.
func startLocal() (*server, error) {
	// Under os.TempDir, not t.TempDir: the postgres user must reach it.
	dir, err := os.MkdirTemp("", dirPrefix)
	if err != nil {
		return nil, fmt.Errorf("cluster directory: %w", err)
	}
	pgcluster.SweepLeftovers(filepath.Join(os.TempDir(), dirPrefix+"*"), dir)
	c, err := pgcluster.Start(context.Background(), dir, pgcluster.Options{})
	if err != nil {
		return nil, errors.Join(err, os.RemoveAll(dir))
	}
	srv, err := connect(c.DSN(), c)
	if err != nil {
		return nil, errors.Join(err, c.Stop())
	}
	return srv, nil
}

// OwnCluster starts a throwaway cluster for this test alone, which the test may stop and start
// again (the cluster's StopServer and StartServer) to play a database outage under a running
// service; its DSN is the maintenance database. It is stopped and removed when the test ends.
// Without PostgreSQL it skips the test, or fails it in CI, as DSN does.
func OwnCluster(t testing.TB) *pgcluster.Cluster {
	t.Helper()
	dir, err := os.MkdirTemp("", dirPrefix)
	if err == nil {
		pgcluster.SweepLeftovers(filepath.Join(os.TempDir(), dirPrefix+"*"), dir)
		var c *pgcluster.Cluster
		if c, err = pgcluster.Start(context.Background(), dir, pgcluster.Options{}); err == nil {
			t.Cleanup(func() {
				if err := c.Stop(); err != nil {
					t.Errorf("pgtest: %v", err)
				}
			})
			return c
		}
		err = errors.Join(err, os.RemoveAll(dir))
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("pgtest: no PostgreSQL cluster for this test, and CI is set, so this is a failure: %v", err)
	}
	t.Skipf("pgtest: skipping, no PostgreSQL cluster for this test: %v", err)
	return nil
}
