package store_test

import (
	"errors"
	"testing"

	"github.com/bittunes/bittunes/internal/store"
)

func TestDatabaseErrorsMapToSentinels(t *testing.T) {
	const row = `INSERT INTO indexed_blocks (chain_id, number, hash, parent_hash) VALUES (1, 1, ?, ?)`
	good := hash(1).Hex()
	tests := []struct {
		name string
		sql  string
		args []any
		want error
	}{
		{"duplicate key", row, []any{good, good}, store.ErrConflict},
		{"check constraint", row, []any{"0xABC", good}, store.ErrInvalid},
		{"not null", row, []any{good, nil}, store.ErrInvalid},
	}
	forEachDB(t, func(t *testing.T, s *store.Store) {
		db := store.GormDB(s)
		if err := db.Exec(row, good, good).Error; err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			if tt.want != store.ErrConflict {
				db.Exec(`DELETE FROM indexed_blocks`)
			}
			err := store.Classify(db.Exec(tt.sql, tt.args...).Error)
			if !errors.Is(err, tt.want) {
				t.Errorf("%s: error = %v, want %v", tt.name, err, tt.want)
			}
		}
	})
}
