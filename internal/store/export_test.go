package store

import (
	"context"

	"gorm.io/gorm"
)

// GormDB exposes the gorm handle to tests that need raw SQL.
func GormDB(s *Store) *gorm.DB { return s.db }

// Classify exposes classify to tests.
var Classify = classify

// AccountSalesSQL is the statement Sales runs for a page of f.Account's sales, its values inlined.
func AccountSalesSQL(s *Store, chainID uint64, f SaleFilter, after *SaleCursor, limit int) (string, error) {
	ctx := context.Background()
	tracks, err := s.artistTrackIDs(ctx, int64(chainID), f.Account)
	if err != nil {
		return "", err
	}
	return s.db.ToSQL(func(tx *gorm.DB) *gorm.DB {
		var rows []purchaseRow
		return querier{tx}.accountSalesQuery(ctx, int64(chainID), f, tracks, after, limit).Scan(&rows)
	}), nil
}
