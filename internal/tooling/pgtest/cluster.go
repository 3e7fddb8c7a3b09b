package pgtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

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
