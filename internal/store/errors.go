package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

	gosqlite "github.com/glebarez/go-sqlite"
	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"
	sqlite3 "modernc.org/sqlite/lib"
)

// Sentinel errors. The store's methods wrap them, with the operation and,
// for the last two, the database's own message; test with errors.Is.
var (
	// ErrNotFound reports that the row asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict reports a write that clashes with existing rows: a
	// duplicate key or a missing row a foreign key points to.
	ErrConflict = errors.New("conflict")
	// ErrInvalid reports a value the store or the schema does not accept.
	ErrInvalid = errors.New("invalid argument")
	// ErrUnavailable reports that the database cannot be reached or did not answer (a server
	// down, restarting or refusing connections, a broken connection, a timeout): the operation
	// may succeed when retried later. A busy SQLite file is not an outage.
	ErrUnavailable = errors.New("database unavailable")
)

// classify wraps err in the sentinel error it amounts to, if any, keeping
// the database's error in the chain.
func classify(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ErrNotFound
	}
	if errors.Is(err, ErrUnavailable) {
		return err
	}
	if unavailable(err) {
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	var sentinel error
	var pgErr *pgconn.PgError
	var liteErr *gosqlite.Error
	switch {
	case errors.As(err, &pgErr):
		switch pgErr.Code {
		case "23505", "23503": // unique_violation, foreign_key_violation
			sentinel = ErrConflict
		case "23514", "23502", "22003", "22P02": // check_violation, not_null_violation, numeric_value_out_of_range, invalid_text_representation
			sentinel = ErrInvalid
		}
	case errors.As(err, &liteErr):
		switch liteErr.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY, sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			sentinel = ErrConflict
		case sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
			sentinel = ErrInvalid
		}
	}
	if sentinel == nil {
		return err
	}
	return fmt.Errorf("%w: %w", sentinel, err)
}

// unavailable tells whether err means the database could not be reached or did not answer, as
// opposed to a query it refused. It is the one place that knows what an outage looks like.
func unavailable(err error) bool {
	if errors.Is(err, context.Canceled) {
		return false // the caller gave up: not the database's doing
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		// Class 08 (connection exception), and a server shutting down, crashed or starting up.
		return strings.HasPrefix(pgErr.Code, "08") || pgErr.Code == "57P01" || pgErr.Code == "57P02" || pgErr.Code == "57P03"
	}
	var connect *pgconn.ConnectError
	var netErr net.Error
	switch {
	case errors.As(err, &connect), // could not open a connection (refused, unknown host, timeout)
		pgconn.SafeToRetry(err), // the connection failed before the query was sent
		pgconn.Timeout(err),     // the server did not answer in time
		errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone), errors.Is(err, pgconn.ErrConnClosed),
		errors.Is(err, context.DeadlineExceeded), // waiting for a connection or an answer took too long
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.Is(err, io.ErrUnexpectedEOF), errors.As(err, &netErr):
		return true
	}
	return false
}
