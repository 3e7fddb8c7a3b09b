package pgtest

import (
	"context"

	"github.com/bittunes/bittunes/internal/tooling/pgcluster"
)

// dirPrefix starts the name of every cluster directory under os.TempDir.
const dirPrefix = "bittunes-pgtest-"

// startLocal starts a throwaway cluster, without durability, and connects to it.
func startLocal() (*pgcluster.Server, error) {
	return pgcluster.StartServer(context.Background(), dirPrefix, pgcluster.Options{})
}
