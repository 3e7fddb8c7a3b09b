package store

import (
	"context"
	"fmt"
	"strings"
)

// deferrableIndexes are the secondary indexes of the fact tables that applying a batch never
// reads: the readers' (the API's, the audit's) and the block indexes, which only rollbacks use, and
// a backfill far from the head has none to do (one that comes, from a head below the cursor, scans
// instead). The unique and primary keys and chart_sales's account indexes (the chart formula's
// lookups) are kept.
var deferrableIndexes = []string{
	"purchases_recipient",
	"purchases_buyer",
	"purchases_referrer",
	"purchases_fee_recipient",
	"purchases_track",
	"purchases_block",
	"collaborator_credits_account",
	"collaborator_credits_block",
	"chart_sales_block",
	"chart_payments_block",
}

// DeferIndexes drops the fact tables' deferrable indexes for a backfill that is about to write about
// rows more purchases, when that is at least half as many as are stored: building an index once
// afterwards costs less than keeping it up to date row by row through a long backfill, but more
// than a short catch-up saves. Their definitions are kept in deferred_indexes, in the same
// transaction, for RestoreIndexes. It reports whether indexes are deferred now. PostgreSQL only:
// on SQLite it does nothing.
func (s *Store) DeferIndexes(ctx context.Context, rows int64) (bool, error) {
	if s.dialect != DialectPostgres {
		return false, nil
	}
	deferred := false
	err := s.Transact(ctx, func(tx *Tx) error {
		var stored float64
		if err := tx.with(ctx).Raw(`SELECT GREATEST(reltuples, 0) FROM pg_class WHERE oid = 'purchases'::regclass`).Scan(&stored).Error; err != nil {
			return fmt.Errorf("store: defer indexes: size of purchases: %w", classify(err))
		}
		var defs []deferredIndexRow
		if err := tx.with(ctx).Raw(`SELECT indexname AS name, indexdef AS definition FROM pg_indexes
			WHERE schemaname = current_schema() AND indexname IN ?`, deferrableIndexes).Scan(&defs).Error; err != nil {
			return fmt.Errorf("store: defer indexes: %w", classify(err))
		}
		var already int64
		if err := tx.with(ctx).Model(&deferredIndexRow{}).Count(&already).Error; err != nil {
			return fmt.Errorf("store: defer indexes: %w", classify(err))
		}
		if already > 0 && len(defs) == 0 {
			deferred = true
			return nil
		}
		if len(defs) == 0 || float64(rows) < stored/2 {
			return nil
		}
		if err := insertNew(ctx, tx.querier, defs); err != nil {
			return err
		}
		for _, d := range defs {
			if err := tx.with(ctx).Exec(`DROP INDEX ` + quoteIdent(d.Name)).Error; err != nil {
				return fmt.Errorf("store: defer index %s: %w", d.Name, classify(err))
			}
		}
		deferred = true
		return nil
	})
	return deferred, err
}

// RestoreIndexes builds the deferred indexes again, in one transaction with forgetting them, and
// reports how many it built (0 when none were deferred).
func (s *Store) RestoreIndexes(ctx context.Context) (int, error) {
	if s.dialect != DialectPostgres {
		return 0, nil
	}
	var built int
	err := s.Transact(ctx, func(tx *Tx) error {
		var defs []deferredIndexRow
		if err := tx.with(ctx).Order("name").Find(&defs).Error; err != nil {
			return fmt.Errorf("store: restore indexes: %w", classify(err))
		}
		for _, d := range defs {
			if err := tx.with(ctx).Exec(d.Definition).Error; err != nil {
				return fmt.Errorf("store: restore index %s: %w", d.Name, classify(err))
			}
		}
		if err := tx.with(ctx).Exec(`DELETE FROM deferred_indexes`).Error; err != nil {
			return fmt.Errorf("store: restore indexes: %w", classify(err))
		}
		built = len(defs)
		return nil
	})
	return built, err
}

type deferredIndexRow struct {
	Name       string `gorm:"column:name;primaryKey"`
	Definition string `gorm:"column:definition"`
}

func (deferredIndexRow) TableName() string { return "deferred_indexes" }

// quoteIdent quotes a PostgreSQL identifier.
func quoteIdent(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// DeferredIndexes lists the indexes deferred now, by name.
func (s *Store) DeferredIndexes(ctx context.Context) ([]string, error) {
	var names []string
	if err := s.with(ctx).Model(&deferredIndexRow{}).Order("name").Pluck("name", &names).Error; err != nil {
		return nil, fmt.Errorf("store: deferred indexes: %w", classify(err))
	}
	return names, nil
}
