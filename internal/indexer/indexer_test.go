package indexer_test

import (
	"testing"

	"github.com/bittunes/bittunes/internal/simchain"
	"github.com/bittunes/bittunes/internal/store"
)

func TestBackfillMatchesTheChain(t *testing.T) {
	forEachDB(t, func(t *testing.T, open func() *store.Store) {
		m := simchain.New(t, 12)
		tr := newTruth()
		workload(t, m, tr, 1, 60)
		s := open()
		runUntilCaughtUp(t, newIndexer(m, s, m.Client, 8))
		checkAgainstTruth(t, s, m, tr)
	})
}
