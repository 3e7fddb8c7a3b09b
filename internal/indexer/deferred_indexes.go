package indexer

import (
	"context"
	"fmt"
	"time"
)

// IndexDeferrer is a store that can stop keeping up the indexes that writing a batch never reads while a backfill
// far from the head writes, and build them again before the head (store.Store on PostgreSQL).
type IndexDeferrer interface {
	// DeferIndexes defers them for a backfill about to write about rows purchases, if that pays;
	// it reports whether they are deferred now.
	DeferIndexes(ctx context.Context, rows int64) (bool, error)
	// RestoreIndexes builds the deferred ones and reports how many.
	RestoreIndexes(ctx context.Context) (int, error)
}

// indexState is what the indexer knows of the store's deferred indexes.
type indexState int

const (
	indexesUnknown  indexState = iota // since start: a killed process may have left some deferred
	indexesDeferred                   // dropped for this backfill
	indexesBuilt                      // none deferred
)

// planIndexes defers the store's deferrable indexes when the logs left to backfill up to limit,
// estimated from the density of the range just fetched, exceed Config.DeferIndexesAbove, and builds
// them again once fewer than two ranges' worth are left: so the API's queries, slow meanwhile, are
// indexed again before the indexer reaches the head.
func (ix *Indexer) planIndexes(ctx context.Context, f fetched, limit uint64) error {
	d, ok := ix.store.(IndexDeferrer)
	if !ok || ix.cfg.DeferIndexesAbove < 0 {
		return nil
	}
	left := int64(float64(f.logs) / float64(f.to-f.from+1) * float64(limit-f.to))
	switch {
	case left > ix.cfg.DeferIndexesAbove && ix.indexes != indexesDeferred:
		deferred, err := d.DeferIndexes(ctx, left)
		if err != nil {
			return dbError{fmt.Errorf("indexer: defer indexes: %w", err)}
		}
		if deferred {
			ix.cfg.Logger.Info("indexer: deferrable indexes deferred for the backfill", "logs_left", left, "until_block", limit)
			ix.indexes = indexesDeferred
		}
	case left <= 2*int64(ix.cfg.TargetLogs):
		return ix.restoreIndexes(ctx)
	}
	return nil
}

// restoreIndexes builds the deferred indexes, if any may be deferred: before the blocks near the
// head are applied, and when the backfill nears its end.
func (ix *Indexer) restoreIndexes(ctx context.Context) error {
	d, ok := ix.store.(IndexDeferrer)
	if !ok || ix.indexes == indexesBuilt {
		return nil
	}
	start := time.Now()
	n, err := d.RestoreIndexes(ctx)
	if err != nil {
		return dbError{fmt.Errorf("indexer: restore indexes: %w", err)}
	}
	if n > 0 {
		ix.cfg.Logger.Info("indexer: deferred indexes built", "indexes", n, "took", time.Since(start))
	}
	ix.indexes = indexesBuilt
	return nil
}
