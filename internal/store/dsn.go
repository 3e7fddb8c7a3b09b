package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// target is a parsed DSN: which database, and how to reach it.
type target struct {
	dialect string
	dsn     string // PostgreSQL URL, as given
	path    string // SQLite file
	query   url.Values
}

// parseDSN tells a PostgreSQL URL from an SQLite file name.
func parseDSN(dsn string) (target, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return target{dialect: DialectPostgres, dsn: dsn}, nil
	case strings.HasPrefix(dsn, "sqlite:"):
		return sqliteTarget(strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "//"))
	}
	path, _, _ := strings.Cut(dsn, "?")
	switch filepath.Ext(path) {
	case ".db", ".sqlite", ".sqlite3":
		return sqliteTarget(dsn)
	}
	return target{}, fmt.Errorf("store: unrecognized database %q: want postgres://…, postgresql://…, sqlite:<file> or a file ending in .db, .sqlite or .sqlite3", redactDSN(dsn))
}

// sqliteTarget parses "path[?query]".
func sqliteTarget(s string) (target, error) {
	path, rawQuery, _ := strings.Cut(s, "?")
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return target{}, fmt.Errorf("store: SQLite database %q: want the path of a file (in-memory and file: URIs are not supported)", s)
	}
	query, err := url.ParseQuery(rawQuery)
	if err != nil {
		return target{}, fmt.Errorf("store: SQLite database %q: %w", s, err)
	}
	return target{dialect: DialectSQLite, path: path, query: query}, nil
}

// prepare makes what the database needs before connecting: the folder of an
// SQLite file.
func (t target) prepare() error {
	if t.dialect != DialectSQLite {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(t.path), 0o750); err != nil {
		return fmt.Errorf("store: SQLite folder: %w", err)
	}
	return nil
}

// dialector returns gorm's driver for the target; frontend, if not nil, builds the wire-protocol
// frontend of PostgreSQL's connections.
func (t target) dialector(frontend pgconn.BuildFrontendFunc) (gorm.Dialector, error) {
	if t.dialect == DialectPostgres {
		cfg, err := pgx.ParseConfig(t.dsn)
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		if frontend != nil {
			cfg.BuildFrontend = frontend
		}
		// pgx through database/sql, which gorm drives.
		return postgres.New(postgres.Config{Conn: stdlib.OpenDB(*cfg, stdlib.OptionShouldPing(shouldPing))}), nil
	}
	return sqlite.Open(t.path + "?" + sqliteQuery(t.query).Encode()), nil
}

// sqliteQuery returns the connection settings for an embedded database used
// by one process, followed by the caller's own. Every pragma runs on each new
// connection, in order, so a later one overrides an earlier one.
//
//   - busy_timeout: a connection waits up to 10 s for another's write lock
//     instead of failing at once with SQLITE_BUSY. It comes first, so that
//     switching the journal mode below also waits.
//   - journal_mode WAL: readers do not block the writer, nor it them.
//   - synchronous NORMAL: with WAL, a commit survives a crash of the process;
//     only a power loss may drop the last commits, never corrupt the file.
//   - foreign_keys: SQLite enforces FOREIGN KEY clauses only when asked.
//   - cache_size: up to 32 MiB of pages per connection (2 MiB by default). A
//     batch of the indexer changes more pages than 2 MiB hold, across its
//     tables and indexes; with a small cache SQLite writes them to the WAL
//     before the commit, and again when they change later in the batch.
//   - _txlock=immediate: a transaction takes the write lock at BEGIN. A
//     deferred one that reads and then writes can fail with SQLITE_BUSY,
//     which no timeout retries, when another connection wrote in between.
//     Read-only transactions (sql.TxOptions.ReadOnly) still begin deferred.
func sqliteQuery(own url.Values) url.Values {
	q := url.Values{"_pragma": {
		"busy_timeout(10000)",
		"journal_mode(WAL)",
		"synchronous(NORMAL)",
		"foreign_keys(1)",
		"cache_size(-32768)",
	}}
	if !own.Has("_txlock") {
		q.Set("_txlock", "immediate")
	}
	for k, vs := range own {
		q[k] = append(q[k], vs...)
	}
	return q
}

// configurePool sizes the connection pool.
//
// SQLite allows one writer at a time. The store still keeps a few
// connections rather than one: in WAL mode readers (API requests in `bittunes
// dev`) go on while the indexer writes, and writers queue on SQLite's own
// lock (BEGIN IMMEDIATE and busy_timeout, see sqliteQuery) instead of on the
// pool. A single connection would also deadlock any code that, inside
// Transact, used the Store instead of the Tx it was given.
//
// PostgreSQL gets a bounded pool, so that several API servers behind a load
// balancer stay well under the server's max_connections (100 by default).
func (t target) configurePool(db *sql.DB) {
	switch t.dialect {
	case DialectSQLite:
		db.SetMaxOpenConns(4)
		db.SetMaxIdleConns(4)
		db.SetConnMaxIdleTime(0)
	case DialectPostgres:
		db.SetMaxOpenConns(20)
		db.SetMaxIdleConns(10)
		db.SetConnMaxIdleTime(5 * time.Minute)
		db.SetConnMaxLifetime(time.Hour)
	}
}

// redactDSN hides a password in a DSN for messages.
func redactDSN(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		return u.Redacted()
	}
	return dsn
}

// noPing marks the context of a use of the pool whose connection need not be pinged first.
type noPing struct{}

// withoutPing marks ctx so that the connection it takes from the pool is not pinged first, however
// long it was idle: for a caller that retries a failure on a dead connection anyway, and for whom
// a ping is a round trip too many (the indexer's batches; see shouldPing).
func withoutPing(ctx context.Context) context.Context { return context.WithValue(ctx, noPing{}, true) }

// shouldPing decides whether a PostgreSQL connection taken from the pool is pinged first. As pgx
// does by default, one idle for over a second is, so that a connection the server closed (a
// restart) is dropped before a request fails on it; except under withoutPing. On a chain whose
// blocks are seconds apart, every block's batch would otherwise begin with a ping.
func shouldPing(ctx context.Context, p stdlib.ShouldPingParams) bool {
	return ctx.Value(noPing{}) == nil && p.IdleDuration > time.Second
}
