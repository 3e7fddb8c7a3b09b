// Package migrations holds the database schema as numbered SQL files, embedded
// in the binary and applied by goose (github.com/pressly/goose/v3) when the
// store opens a database.
//
// # Conventions
//
// A migration is a goose SQL file named NNNNN_name.sql (five digits, then a
// short snake_case name) with a "-- +goose Up" section and a "-- +goose Down"
// section that undoes it. Numbers only grow; a migration that has shipped is
// never edited: add a new one. Each file runs in one transaction.
//
// The same files serve PostgreSQL 15+ and SQLite, so they use SQL that both
// read alike: TEXT, BIGINT, INTEGER, BOOLEAN, TIMESTAMP (always written in
// UTC; TIMESTAMPTZ is not recognized as a time by the SQLite driver), CHECK
// constraints built from portable functions such as length() and lower(),
// and wei_text for money (below). Addresses and hashes are lowercase
// 0x-prefixed hex TEXT.
//
// The rare statement that exists in one database only goes in a file of its
// own, suffixed with the dialect it is for: NNNNN_name.postgres.sql runs on
// PostgreSQL only, NNNNN_name.sqlite.sql on SQLite only. It takes its own
// version number; the other database skips that number.
//
// # Money
//
// A money column is declared with the type name wei_text and holds a wei
// amount, written by wei.Amount as a decimal string:
//
//	price wei_text NOT NULL
//
// In PostgreSQL, wei_text is a domain over NUMERIC(78,0) that also checks
// 0 <= VALUE <= 2^256-1 (00002_wei_text.postgres.sql), so amounts are exact
// numbers and SUM(), comparisons and ORDER BY work on them in SQL. The pgx
// driver reads NUMERIC back as exact decimal text, never as a float.
//
// SQLite has no domains, and it ignores type names except to pick a column's
// "affinity": a name containing INT gives INTEGER affinity, then one containing
// CHAR, CLOB or TEXT gives TEXT affinity, and most others (NUMERIC(78,0),
// DECIMAL, or a plain "wei") give NUMERIC affinity. A NUMERIC-affinity column
// converts the text '115792…935' to a 64-bit integer or, when it does not fit,
// to an 8-byte REAL, silently keeping only about 16 significant digits. The
// name wei_text contains TEXT and no INT, so in SQLite the column has TEXT
// affinity and stores the decimal string byte for byte. One type name thus
// gives NUMERIC(78,0) in PostgreSQL and exact text in SQLite, and the market
// tables are written once for both.
//
// The price of exact text in SQLite: comparisons, ORDER BY, MIN/MAX and SUM
// on a money column do not see numbers there (text compares digit by digit,
// "9" > "10"; SUM converts to REAL). Queries that rank or add money must do
// it in PostgreSQL SQL and, on SQLite, in Go with wei.Amount (or order by
// length(col), col, which is numeric order for canonical decimals).
package migrations

import (
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strings"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// FS holds the migration files.
//
//go:embed *.sql
var FS embed.FS

// Dialect names accepted by NewProvider; they are also the file suffixes of
// dialect-only migrations.
const (
	Postgres = "postgres"
	SQLite   = "sqlite"
)

// NewProvider returns a goose provider that applies to db the migrations for
// dialect (Postgres or SQLite): the shared files and that dialect's own. On
// PostgreSQL it holds a session advisory lock while migrating, so that
// several servers starting together migrate one at a time. opts are passed
// to goose after these settings (for example goose.WithSlog).
func NewProvider(db *sql.DB, dialect string, opts ...goose.ProviderOption) (*goose.Provider, error) {
	var gooseDialect goose.Dialect
	switch dialect {
	case Postgres:
		gooseDialect = goose.DialectPostgres
		locker, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 300))
		if err != nil {
			return nil, fmt.Errorf("migrations: lock: %w", err)
		}
		opts = append([]goose.ProviderOption{goose.WithSessionLocker(locker)}, opts...)
	case SQLite:
		gooseDialect = goose.DialectSQLite3
	default:
		return nil, fmt.Errorf("migrations: unknown dialect %q, want %q or %q", dialect, Postgres, SQLite)
	}
	skip, err := otherDialectFiles(dialect)
	if err != nil {
		return nil, err
	}
	opts = append([]goose.ProviderOption{
		goose.WithDisableGlobalRegistry(true),
		goose.WithExcludeNames(skip),
	}, opts...)
	p, err := goose.NewProvider(gooseDialect, db, FS, opts...)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	return p, nil
}

// otherDialectFiles lists the files that belong to a dialect other than dialect.
func otherDialectFiles(dialect string) ([]string, error) {
	names, err := fs.Glob(FS, "*.sql")
	if err != nil {
		return nil, fmt.Errorf("migrations: list files: %w", err)
	}
	var skip []string
	for _, name := range names {
		if d := fileDialect(name); d != "" && d != dialect {
			skip = append(skip, name)
		}
	}
	return skip, nil
}

// fileDialect returns the dialect a file is reserved for, or "" for a shared file.
func fileDialect(name string) string {
	for _, d := range []string{Postgres, SQLite} {
		if strings.HasSuffix(name, "."+d+".sql") {
			return d
		}
	}
	return ""
}
