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

// transactOnConn is Transact on a connection of its own, which fn also gets: it may use the driver's
// connection through conn.Raw (PostgreSQL's COPY), which is inside the transaction too. It must
// not use conn otherwise.
func (s *Store) transactOnConn(ctx context.Context, fn func(tx *Tx, conn *sql.Conn) error) error {
	var fnErr error
	err := s.with(ctx).Connection(func(db *gorm.DB) error {
		conn, ok := db.Statement.ConnPool.(*sql.Conn)
		if !ok {
			return fmt.Errorf("store: a connection of its own is %T, not *sql.Conn", db.Statement.ConnPool)
		}
		return db.Transaction(func(gtx *gorm.DB) error {
			fnErr = fn(&Tx{querier: querier{db: gtx}}, conn)
			return fnErr
		})
	})
	if err != nil && err != fnErr {
		return fmt.Errorf("store: transaction: %w", classify(err))
	}
	return err
}
