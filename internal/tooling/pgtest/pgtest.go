// Package pgtest gives tests a real PostgreSQL: a fresh, empty database per
// call of DSN.
//
// With BITTUNES_TEST_DATABASE_URL set (a postgres:// URL of a role allowed to
// create databases), the databases are created on that server. Otherwise the
// first call starts one throwaway cluster for the whole test binary from the
// installed server binaries (the highest /usr/lib/postgresql/*/bin, or
// initdb and pg_ctl on PATH), as the postgres user when the tests run as
// root, in a new directory under os.TempDir, on a free loopback port, with
// durability switched off for speed. A package that uses DSN must stop that
// cluster when its tests end:
//
//	func TestMain(m *testing.M) { pgtest.Main(m) }
//
// When no PostgreSQL is available, DSN skips the test, or fails it when the
// CI environment variable is set, because in CI a missing database is a
// broken build, not a reason to test less.
package pgtest

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/bittunes/bittunes/internal/tooling/pgcluster"
)

// EnvURL names the environment variable holding the URL of an existing
// PostgreSQL server to create test databases on.
const EnvURL = "BITTUNES_TEST_DATABASE_URL"

// shared is the one server of this test binary, set up on first use.
var shared struct {
	once    sync.Once
	srv     *pgcluster.Server
	err     error // why srv could not be set up
	inMain  bool  // Main is running, so a local cluster will be stopped
	stopped bool  // Main has stopped the cluster
	mu      sync.Mutex
}

// DSN returns the URL of a new, empty database for this test, dropped when
// the test and its cleanups end. Cleanups registered after DSN (such as
// closing a pool on the database) run before the database is dropped.
func DSN(t testing.TB) string {
	t.Helper()
	srv := serverFor(t)
	dsn, name, err := srv.CreateDatabase(context.Background(), "test_"+t.Name())
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.DropDatabase(context.Background(), name); err != nil {
			t.Errorf("pgtest: %v", err)
		}
	})
	return dsn
}

// Main runs the tests of a package that uses DSN and then stops the cluster
// it started, if any, before exiting with the tests' status. Call it from
// TestMain.
func Main(m *testing.M) {
	shared.mu.Lock()
	shared.inMain = true
	shared.mu.Unlock()

	code := m.Run()

	shared.mu.Lock()
	shared.stopped = true
	shared.mu.Unlock()
	if shared.srv != nil {
		if err := shared.srv.Close(); err != nil {
			os.Stderr.WriteString("pgtest: " + err.Error() + "\n")
			if code == 0 {
				code = 1
			}
		}
	}
	os.Exit(code)
}

// serverFor returns the shared server, setting it up on first use, or ends
// the test when there is none.
func serverFor(t testing.TB) *pgcluster.Server {
	t.Helper()
	shared.mu.Lock()
	inMain, stopped := shared.inMain, shared.stopped
	shared.mu.Unlock()
	if stopped {
		t.Fatal("pgtest: DSN called after Main stopped the server")
	}
	url := os.Getenv(EnvURL)
	if url == "" && !inMain {
		t.Fatal("pgtest: DSN starts a PostgreSQL cluster that only Main stops: add func TestMain(m *testing.M) { pgtest.Main(m) } to the package's tests")
	}
	shared.once.Do(func() {
		if url != "" {
			shared.srv, shared.err = pgcluster.Connect(context.Background(), url)
			return
		}
		shared.srv, shared.err = startLocal()
	})
	switch {
	case shared.err == nil:
		return shared.srv
	case url != "":
		t.Fatalf("pgtest: %s is set but unusable: %v", EnvURL, shared.err)
	case os.Getenv("CI") != "":
		t.Fatalf("pgtest: no PostgreSQL for tests, and CI is set, so this is a failure (install the PostgreSQL server binaries or set %s): %v", EnvURL, shared.err)
	default:
		t.Skipf("pgtest: skipping, no PostgreSQL for tests (install the PostgreSQL server binaries or set %s): %v", EnvURL, shared.err)
	}
	return nil
}
