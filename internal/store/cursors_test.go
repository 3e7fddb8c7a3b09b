package store_test

import (
	"context"
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/bittunes/bittunes/internal/store"
)

var (
	// contractA is written with mixed case (EIP-55) on purpose.
	contractA = common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	contractB = common.HexToAddress("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512")
)

// hash returns a distinct hash for n, with hex letters in it.
func hash(n uint64) common.Hash {
	h := common.Hash{0xab, 0xcd, 0xef}
	binary.BigEndian.PutUint64(h[24:], n)
	return h
}

func TestCursorNotFound(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		_, err := s.Cursor(context.Background(), 1, contractA)
		if !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("Cursor of an unsaved contract: error = %v, want ErrNotFound", err)
		}
		const want = "store: cursor 1/0x5fbdb2315678afecb367f032d93f642f64180aa3: not found"
		if err.Error() != want {
			t.Errorf("error = %q, want %q", err, want)
		}
	})
}

func TestSaveCursorUpserts(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		start := time.Now().UTC().Add(-time.Second)
		saves := []store.Cursor{
			{ChainID: 1, Contract: contractA, BlockNumber: 100, BlockHash: hash(100)},
			{ChainID: 1, Contract: contractB, BlockNumber: 5, BlockHash: hash(5)},
			{ChainID: 31337, Contract: contractA, BlockNumber: 9, BlockHash: hash(9)},
			{ChainID: 1, Contract: contractA, BlockNumber: 164, BlockHash: hash(164)}, // replaces the first
		}
		for _, c := range saves {
			if err := s.SaveCursor(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
		for _, want := range saves[1:] {
			got, err := s.Cursor(ctx, want.ChainID, want.Contract)
			if err != nil {
				t.Fatal(err)
			}
			if got.UpdatedAt.Before(start) || got.UpdatedAt.After(time.Now().Add(time.Second)) || got.UpdatedAt.Location() != time.UTC {
				t.Errorf("UpdatedAt = %v, want a UTC time around now", got.UpdatedAt)
			}
			got.UpdatedAt = time.Time{}
			if got != want {
				t.Errorf("Cursor(%d, %s) = %+v, want %+v", want.ChainID, want.Contract, got, want)
			}
		}
	})
}

func TestSaveCursorStoresLowercaseHex(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		c := store.Cursor{ChainID: 1, Contract: contractA, BlockNumber: 1, BlockHash: hash(1)}
		if err := s.SaveCursor(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		var row struct{ Contract, BlockHash string }
		if err := store.GormDB(s).Raw(`SELECT contract, block_hash FROM indexer_cursors`).Scan(&row).Error; err != nil {
			t.Fatal(err)
		}
		if want := strings.ToLower(contractA.Hex()); row.Contract != want {
			t.Errorf("stored contract = %s, want %s", row.Contract, want)
		}
		if want := hash(1).Hex(); row.BlockHash != want || row.BlockHash != strings.ToLower(want) {
			t.Errorf("stored hash = %s, want lowercase %s", row.BlockHash, want)
		}
	})
}

func TestNumbersBeyondBigintAreInvalid(t *testing.T) {
	forEachDB(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		tooBig := uint64(math.MaxInt64) + 1
		checks := map[string]error{
			"SaveCursor chain":  s.SaveCursor(ctx, store.Cursor{ChainID: tooBig, Contract: contractA, BlockHash: hash(1)}),
			"SaveCursor block":  s.SaveCursor(ctx, store.Cursor{ChainID: 1, Contract: contractA, BlockNumber: tooBig, BlockHash: hash(1)}),
			"SaveBlocks":        s.SaveBlocks(ctx, []store.Block{{ChainID: 1, Number: tooBig, Hash: hash(1)}}),
			"DeleteBlocksAbove": s.DeleteBlocksAbove(ctx, 1, tooBig),
		}
		_, checks["Cursor"] = s.Cursor(ctx, tooBig, contractA)
		_, checks["BlockHash"] = s.BlockHash(ctx, 1, tooBig)
		for name, err := range checks {
			if !errors.Is(err, store.ErrInvalid) {
				t.Errorf("%s with %d: error = %v, want ErrInvalid", name, tooBig, err)
			}
		}
		if _, err := s.Cursor(ctx, math.MaxInt64, contractA); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Cursor(MaxInt64): error = %v, want ErrNotFound", err)
		}
	})
}
