package store

import (
	"context"
	"database/sql"
	"fmt"

	"gorm.io/gorm"
)

// querier runs the store's queries on a gorm handle: the connection pool in
// a Store, one transaction in a Tx. Every query method is defined on
// querier, so it is available on both.
type querier struct {
	db *gorm.DB
}

// with returns the handle bound to ctx, for one query.
func (q querier) with(ctx context.Context) *gorm.DB { return q.db.WithContext(ctx) }

// Tx is a database transaction opened by Store.Transact. It has the same
// query methods as Store. It must not be used after the function given to
// Transact returns.
type Tx struct {
	querier
}

// Transact runs fn in a transaction, which it commits if fn returns nil and
// rolls back if fn returns an error (which Transact returns unchanged) or
// panics (and the panic goes on). Inside fn, use tx, not the Store: a Store
// method would run outside the transaction.
func (s *Store) Transact(ctx context.Context, fn func(tx *Tx) error) error {
	var fnErr error
	err := s.with(ctx).Transaction(func(gtx *gorm.DB) error {
		fnErr = fn(&Tx{querier: querier{db: gtx}})
		return fnErr
	})
	if err != nil && err != fnErr {
		return fmt.Errorf("store: transaction: %w", classify(err))
	}
	return err
}

// onOpenedConn runs fn on a connection of its own, in a transaction that fn opens and ends itself
// through the driver's connection (conn.Raw; pgBulk sends BEGIN with its first reads and COMMIT
// with its last writes, saving two round trips). q runs gorm's queries on the same connection, so
// inside that transaction too; it cannot begin a transaction of its own (see openedConn).
func (s *Store) onOpenedConn(ctx context.Context, fn func(q querier, conn *sql.Conn) error) error {
	var fnErr error
	err := s.with(ctx).Connection(func(db *gorm.DB) error {
		conn, ok := db.Statement.ConnPool.(*sql.Conn)
		if !ok {
			return fmt.Errorf("store: a connection of its own is %T, not *sql.Conn", db.Statement.ConnPool)
		}
		q := db.Session(&gorm.Session{SkipDefaultTransaction: true})
		q.Statement.ConnPool = openedConn{conn}
		fnErr = fn(querier{db: q}, conn)
		return fnErr
	})
	if err != nil && err != fnErr {
		return fmt.Errorf("store: a connection: %w", classify(err))
	}
	return err
}

// openedConn is a connection whose transaction its user opened: it offers gorm a connection's
// queries but not BeginTx, so that no gorm call can begin (and then commit) a transaction of its
// own in the middle of it; gorm.DB.Transaction on it fails with gorm.ErrInvalidTransaction.
type openedConn struct{ conn *sql.Conn }

func (c openedConn) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return c.conn.PrepareContext(ctx, query)
}

func (c openedConn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return c.conn.ExecContext(ctx, query, args...)
}

func (c openedConn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return c.conn.QueryContext(ctx, query, args...)
}

func (c openedConn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return c.conn.QueryRowContext(ctx, query, args...)
}
