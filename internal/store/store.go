// Package store is the database behind Bittunes: PostgreSQL in production,
// SQLite for `bittunes dev` and tests. It is the only package that talks SQL
// or knows gorm; callers get domain values and the sentinel errors of this
// package.
//
// The schema comes from the numbered SQL files of package migrations, applied
// by Open. Every query method is defined once, on a querier embedded in both
// Store and Tx, so the same method runs on its own or as part of a
// transaction opened by Transact.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/pressly/goose/v3"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/bittunes/bittunes/migrations"
)

// Dialects, as returned by Store.Dialect.
const (
	DialectPostgres = migrations.Postgres
	DialectSQLite   = migrations.SQLite
)

// Store is a migrated database. It is safe for concurrent use.
type Store struct {
	querier
	sqlDB   *sql.DB
	dialect string
}

// Option adjusts how Open sets up the store.
type Option func(*config)

type config struct {
	logger *slog.Logger
	// frontend, when set (by a test), builds the wire-protocol frontend of the PostgreSQL
	// connections: it sees every message they send (export_test.go counts them).
	frontend pgconn.BuildFrontendFunc
}

// WithLogger makes the store log migrations (info), and slow or failed
// queries (warning, without their parameters) to l. By default it logs nothing.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}

// Open connects to the database named by dsn, applies the pending
// migrations and returns the store. dsn is either a PostgreSQL URL
// (postgres://user:password@host:5432/name?sslmode=disable, or postgresql://)
// or an SQLite file: "sqlite:path/to/file" or a path ending in .db, .sqlite
// or .sqlite3, whose folder is created if missing. Open applies its own
// SQLite settings (WAL journal, busy timeout, foreign keys, synchronous
// NORMAL); query parameters in the DSN come after them and win.
func Open(ctx context.Context, dsn string, opts ...Option) (*Store, error) {
	var cfg config
	for _, opt := range opts {
		opt(&cfg)
	}
	t, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	if err := t.prepare(); err != nil {
		return nil, err
	}
	dialector, err := t.dialector(cfg.frontend)
	if err != nil {
		return nil, err
	}
	db, err := gorm.Open(dialector, &gorm.Config{
		Logger:               gormLogger(cfg.logger),
		NowFunc:              func() time.Time { return time.Now().UTC() },
		DisableAutomaticPing: true, // Open pings below, with ctx
	})
	if err != nil {
		return nil, fmt.Errorf("store: open %s database: %w", t.dialect, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("store: open %s database: %w", t.dialect, err)
	}
	s := &Store{querier: querier{db: db}, sqlDB: sqlDB, dialect: t.dialect}
	t.configurePool(sqlDB)
	if err := s.Ping(ctx); err != nil {
		return nil, errors.Join(err, sqlDB.Close())
	}
	if err := s.migrate(ctx, cfg.logger); err != nil {
		return nil, errors.Join(err, sqlDB.Close())
	}
	if err := s.fillChartLedger(ctx); err != nil {
		return nil, errors.Join(err, sqlDB.Close())
	}
	return s, nil
}

// migrate applies the pending migrations.
func (s *Store) migrate(ctx context.Context, l *slog.Logger) error {
	var opts []goose.ProviderOption
	if l != nil {
		opts = append(opts, goose.WithSlog(l))
	}
	p, err := migrations.NewProvider(s.sqlDB, s.dialect, opts...)
	if err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("store: migrate %s database: %w", s.dialect, err)
	}
	return nil
}

// gormLogger returns gorm's logger: silent without l, else warnings of slow
// and failed queries to l. "Not found" is an answer, not a failure.
func gormLogger(l *slog.Logger) logger.Interface {
	if l == nil {
		return logger.Discard
	}
	return logger.NewSlogLogger(l, logger.Config{
		SlowThreshold:             200 * time.Millisecond,
		LogLevel:                  logger.Warn,
		IgnoreRecordNotFoundError: true,
		ParameterizedQueries:      true,
	})
}

// Dialect returns DialectPostgres or DialectSQLite.
func (s *Store) Dialect() string { return s.dialect }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.sqlDB.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping %s database: %w", s.dialect, classify(err))
	}
	return nil
}

// PoolStats returns the connection pool's statistics, for metrics.
func (s *Store) PoolStats() sql.DBStats { return s.sqlDB.Stats() }

// Close closes the database connections. Nothing may use the store afterwards.
func (s *Store) Close() error {
	if err := s.sqlDB.Close(); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}
