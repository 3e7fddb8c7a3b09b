package store

import (
	"context"
	"io"
	"sync/atomic"

	"github.com/jackc/pgx/v5/pgproto3"
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

// RoundTrips counts the writes of one store's PostgreSQL connections to the server: each flush of
// the wire protocol's messages, which for a statement, a batch of statements or a ping is one
// round trip (a large COPY is several).
type RoundTrips struct{ n atomic.Int64 }

// OpenTraced opens dsn (PostgreSQL) with its round trips counted in rt.
func OpenTraced(ctx context.Context, dsn string, rt *RoundTrips) (*Store, error) {
	return Open(ctx, dsn, func(c *config) {
		c.frontend = func(r io.Reader, w io.Writer) *pgproto3.Frontend {
			return pgproto3.NewFrontend(r, countingWriter{w: w, n: &rt.n})
		}
	})
}

// Load is the number counted so far.
func (rt *RoundTrips) Load() int64 { return rt.n.Load() }

type countingWriter struct {
	w io.Writer
	n *atomic.Int64
}

func (c countingWriter) Write(p []byte) (int, error) {
	c.n.Add(1)
	return c.w.Write(p)
}

// ShouldPing exposes shouldPing, and WithoutPing withoutPing, to tests.
var ShouldPing, WithoutPing = shouldPing, withoutPing
