package pgtest

import (
	"context"
	"os"
	"testing"

	"github.com/bittunes/bittunes/internal/tooling/pgcluster"
)

// dirPrefix starts the name of every cluster directory under os.TempDir.
const dirPrefix = "bittunes-pgtest-"

// startLocal starts a throwaway cluster, without durability, and connects to it.
func startLocal() (*pgcluster.Server, error) {
	return pgcluster.StartTemp(context.Background(), dirPrefix, pgcluster.Options{})
}

// OwnCluster starts a throwaway cluster for this test alone, which the test may stop and start
// again (the cluster's StopServer and StartServer) to play a database outage under a running
// service; its DSN is the maintenance database. It is stopped and removed when the test ends.
// Without PostgreSQL it skips the test, or fails it in CI, as DSN does.
func OwnCluster(t testing.TB) *pgcluster.Cluster {
	t.Helper()
	c, err := pgcluster.StartTempCluster(context.Background(), dirPrefix, pgcluster.Options{})
	if err == nil {
		t.Cleanup(func() {
			if err := c.Stop(); err != nil {
				t.Errorf("pgtest: %v", err)
			}
		})
		return c
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("pgtest: no PostgreSQL cluster for this test, and CI is set, so this is a failure: %v", err)
	}
	t.Skipf("pgtest: skipping, no PostgreSQL cluster for this test: %v", err)
	return nil
}
