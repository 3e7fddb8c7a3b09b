package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
)

// chain returns blocks from..to of chainID, each the parent of the next.
func chain(chainID, from, to uint64) []store.Block {
	var blocks []store.Block
	for n := from; n <= to; n++ {
		blocks = append(blocks, store.Block{ChainID: chainID, Number: n, Hash: hash(n), ParentHash: hash(n - 1)})
	}
	return blocks
}

// storedNumbers returns which of the numbers from..to of chainID have a
// stored block, checking the stored hash of each.
func storedNumbers(t *testing.T, s *store.Store, chainID, from, to uint64) []uint64 {
	t.Helper()
	var found []uint64
	for n := from; n <= to; n++ {
		h, err := s.BlockHash(context.Background(), chainID, n)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			t.Fatal(err)
		case h != hash(n):
			t.Fatalf("block %d/%d hash = %s, want %s", chainID, n, h, hash(n))
		default:
			found = append(found, n)
		}
	}
	return found
}

func equal(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestBlockHashNotFound(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		_, err := s.BlockHash(context.Background(), 1, 42)
		if !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("BlockHash of an unsaved block: error = %v, want ErrNotFound", err)
		}
		if want := "store: block 1/42: not found"; err.Error() != want {
			t.Errorf("error = %q, want %q", err, want)
		}
	})
}

func TestSaveBlocksUpserts(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.SaveBlocks(ctx, chain(1, 10, 12)); err != nil {
			t.Fatal(err)
		}
		// A reorg replaces block 12; the same call repeats block 13, last one wins.
		replaced := common.Hash{0x12}
		blocks := []store.Block{
			{ChainID: 1, Number: 12, Hash: replaced, ParentHash: hash(11)},
			{ChainID: 1, Number: 13, Hash: common.Hash{0xde, 0xad}, ParentHash: replaced},
			{ChainID: 1, Number: 13, Hash: hash(13), ParentHash: replaced},
		}
		if err := s.SaveBlocks(ctx, blocks); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			chainID, number uint64
			want            common.Hash
		}{
			{1, 10, hash(10)},
			{1, 11, hash(11)},
			{1, 12, replaced},
			{1, 13, hash(13)},
		}
		for _, tt := range tests {
			got, err := s.BlockHash(ctx, tt.chainID, tt.number)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("BlockHash(%d, %d) = %s, want %s", tt.chainID, tt.number, got, tt.want)
			}
		}
		if _, err := s.BlockHash(ctx, 2, 10); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("block 10 of another chain: error = %v, want ErrNotFound", err)
		}
	})
}

func TestSaveBlocksInBatches(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.SaveBlocks(ctx, nil); err != nil {
			t.Fatalf("SaveBlocks(nil): %v", err)
		}
		if err := s.SaveBlocks(ctx, chain(1, 1, 1234)); err != nil {
			t.Fatal(err)
		}
		var n int64
		if err := store.GormDB(s).Raw(`SELECT count(*) FROM indexed_blocks`).Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		if n != 1234 {
			t.Errorf("stored %d blocks, want 1234", n)
		}
	})
}

func TestSaveBlocksIsAllOrNothing(t *testing.T) {
	// Make the database refuse block 1100, in the third batch of 500.
	refuse := map[string]string{
		store.DialectSQLite:   `CREATE TRIGGER refuse_1100 BEFORE INSERT ON indexed_blocks WHEN NEW.number = 1100 BEGIN SELECT RAISE(ABORT, 'refused'); END`,
		store.DialectPostgres: `ALTER TABLE indexed_blocks ADD CONSTRAINT refuse_1100 CHECK (number <> 1100)`,
	}
	forEachDB(t, func(t *testing.T, s *store.Store) {
		if err := store.GormDB(s).Exec(refuse[s.Dialect()]).Error; err != nil {
			t.Fatal(err)
		}
		if err := s.SaveBlocks(context.Background(), chain(1, 1, 1234)); err == nil {
			t.Fatal("SaveBlocks including a refused block succeeded")
		}
		if got := storedNumbers(t, s, 1, 1, 3); len(got) != 0 {
			t.Errorf("after a failed SaveBlocks, blocks %v of the first batch are stored, want none", got)
		}
	})
}

func TestDeleteAndPruneBlocks(t *testing.T) {
	tests := []struct {
		name string
		op   func(ctx context.Context, s *store.Store) error
		want []uint64
	}{
		{"delete above 13", func(ctx context.Context, s *store.Store) error { return s.DeleteBlocksAbove(ctx, 1, 13) }, []uint64{10, 11, 12, 13}},
		{"delete above 9", func(ctx context.Context, s *store.Store) error { return s.DeleteBlocksAbove(ctx, 1, 9) }, nil},
		{"delete above 15", func(ctx context.Context, s *store.Store) error { return s.DeleteBlocksAbove(ctx, 1, 15) }, []uint64{10, 11, 12, 13, 14, 15}},
		{"prune below 13", func(ctx context.Context, s *store.Store) error { return s.PruneBlocksBelow(ctx, 1, 13) }, []uint64{13, 14, 15}},
		{"prune below 10", func(ctx context.Context, s *store.Store) error { return s.PruneBlocksBelow(ctx, 1, 10) }, []uint64{10, 11, 12, 13, 14, 15}},
		{"prune below 16", func(ctx context.Context, s *store.Store) error { return s.PruneBlocksBelow(ctx, 1, 16) }, nil},
		{"other chain", func(ctx context.Context, s *store.Store) error { return s.DeleteBlocksAbove(ctx, 2, 0) }, []uint64{10, 11, 12, 13, 14, 15}},
	}
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		for _, tt := range tests {
			if err := s.SaveBlocks(ctx, append(chain(1, 10, 15), chain(2, 10, 15)...)); err != nil {
				t.Fatal(err)
			}
			if err := tt.op(ctx, s); err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if got := storedNumbers(t, s, 1, 0, 20); !equal(got, tt.want) {
				t.Errorf("%s: chain 1 keeps blocks %v, want %v", tt.name, got, tt.want)
			}
			if tt.name != "other chain" {
				if got, want := storedNumbers(t, s, 2, 0, 20), []uint64{10, 11, 12, 13, 14, 15}; !equal(got, want) {
					t.Errorf("%s: chain 2 keeps blocks %v, want %v", tt.name, got, want)
				}
			}
		}
	})
}
