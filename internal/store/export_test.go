package store

import (
	"context"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
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

// RoundTrips counts what the PostgreSQL connections of one store send: statements outside
// batches, batches, COPYs and statement preparations, each at least one round trip.
type RoundTrips struct{ n atomic.Int64 }

// OpenTraced opens dsn (PostgreSQL) with its round trips counted in rt.
func OpenTraced(ctx context.Context, dsn string, rt *RoundTrips) (*Store, error) {
	pgTracer = rt
	defer func() { pgTracer = nil }()
	return Open(ctx, dsn)
}

// Load is the number counted so far.
func (rt *RoundTrips) Load() int64 { return rt.n.Load() }

func (rt *RoundTrips) count(ctx context.Context) context.Context {
	rt.n.Add(1)
	return ctx
}

func (rt *RoundTrips) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	return rt.count(ctx)
}
func (rt *RoundTrips) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	return rt.count(ctx)
}
func (rt *RoundTrips) TraceCopyFromStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceCopyFromStartData) context.Context {
	return rt.count(ctx)
}
func (rt *RoundTrips) TracePrepareStart(ctx context.Context, _ *pgx.Conn, _ pgx.TracePrepareStartData) context.Context {
	return rt.count(ctx)
}
func (rt *RoundTrips) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData)       {}
func (rt *RoundTrips) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData)   {}
func (rt *RoundTrips) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData)       {}
func (rt *RoundTrips) TraceCopyFromEnd(context.Context, *pgx.Conn, pgx.TraceCopyFromEndData) {}
func (rt *RoundTrips) TracePrepareEnd(context.Context, *pgx.Conn, pgx.TracePrepareEndData)   {}
