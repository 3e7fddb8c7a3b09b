package store

import (
	"errors"
	"fmt"

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
